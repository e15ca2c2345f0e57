/** Writes of plans and their meetings: validated before touching the database, written with their audit entry in one transaction. */
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { dateOutsidePlan } from '../domain/lifecycle';
import { Agency, Committee, Meeting, Milestone, Plan } from '../entities';
import { throwIfRefused, userError } from './errors';
import { createInput, requireText, requireTimeZone, updateInput } from './input-checks';
import { Writer } from './unit-of-work';

export interface NewPlan {
  title: string;
  description?: string;
  startDate: IsoDate;
  endDate: IsoDate;
  timeZone?: string;
  fiscalYearStartMonth?: number;
  staffAgencyId?: string;
  atRiskThreshold?: number;
  updateCadenceDays?: number;
  offTrackShare?: number;
  suppressionThreshold?: number;
}

/** Changes to a plan; omitted fields stay as they are, a null staffAgencyId clears it. */
export type PlanChanges = Partial<NewPlan>;

export interface NewMeeting {
  planId: string;
  /** None for a meeting of the whole task force. */
  committeeId?: string;
  date: IsoDate;
  title: string;
}

export class PlanWriter extends Writer {
  createPlan(input: NewPlan, viewer: Viewer): Promise<Plan> {
    input = createInput(input);
    return this.run(async (tx) => {
      requireText(input.title, 'title');
      requireTimeZone(input.timeZone);
      if (input.startDate > input.endDate) throw userError(`The plan cannot end (${input.endDate}) before it starts (${input.startDate}).`, 'endDate');
      const { staffAgencyId, ...fields } = input;
      const staff = staffAgencyId ? (await tx.find(Agency, staffAgencyId, 'staffAgencyId')).rowId : null;
      return tx.insert(Plan, { ...fields, staffAgencyId: staff }, 'createPlan', (p) => p.rowId);
    }, viewer);
  }

  updatePlan(id: string, input: PlanChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<Plan> {
    return this.run(async (tx) => {
      input = updateInput(input, ['staffAgencyId']);
      const plan = await tx.find(Plan, id);
      requireText(input.title, 'title');
      requireTimeZone(input.timeZone);
      const { staffAgencyId, ...fields } = input;
      const changes: Partial<Plan> = { ...fields };
      if (staffAgencyId !== undefined) changes.staffAgencyId = staffAgencyId === null ? null : (await tx.find(Agency, staffAgencyId, 'staffAgencyId')).rowId;
      const startDate = input.startDate ?? plan.startDate;
      const endDate = input.endDate ?? plan.endDate;
      if (startDate > endDate) throw userError(`The plan cannot end (${endDate}) before it starts (${startDate}).`, 'endDate');
      const outside = await tx.em
        .getRepository(Milestone)
        .createQueryBuilder('m')
        .where('m.planId = :planId', { planId: plan.rowId })
        .andWhere('(m.startDate < :startDate OR m.dueDate > :endDate)', { startDate, endDate })
        .orderBy('m.code')
        .getMany();
      if (outside.length > 0) {
        throw userError(`${outside.length} milestone(s) would fall outside ${startDate} … ${endDate}, e.g. ${outside[0].code} (${outside[0].startDate} … ${outside[0].dueDate}).`, 'startDate');
      }
      return tx.update(plan, changes, expectedVersion, 'updatePlan', plan.rowId);
    }, viewer);
  }

  createMeeting(input: NewMeeting, viewer: Viewer): Promise<Meeting> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      requireText(input.title, 'title');
      let committeeId: number | null = null;
      if (input.committeeId) {
        const committee = await tx.find(Committee, input.committeeId, 'committeeId');
        if (committee.planId !== plan.rowId) throw userError(`Committee "${committee.name}" belongs to another plan.`, 'committeeId');
        committeeId = committee.rowId;
      }
      throwIfRefused(dateOutsidePlan(plan, input.date, 'date'));
      return tx.insert(Meeting, { planId: plan.rowId, committeeId, date: input.date, title: input.title }, 'createMeeting', () => plan.rowId);
    }, viewer);
  }
}
