/**
 * Write-side service: validates every change against domain.md before touching the database,
 * then writes it and its audit entry in one transaction. Bad input changes nothing.
 */
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { MilestoneDate, PartnerRole, Visibility } from '../domain/enums';
import { hasAtMostTwoDecimals } from '../domain/numbers';
import { Agency, Committee, DateChange, Goal, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../entities';
import {
  CreateAgencyInput,
  CreateCommitteeInput,
  CreateGoalInput,
  CreateMeetingInput,
  CreateMilestoneInput,
  CreatePlanInput,
  ReportProgressInput,
  UpdateAgencyInput,
  UpdateCommitteeInput,
  UpdateGoalInput,
  UpdateMilestoneInput,
  UpdatePlanInput,
} from '../graphql/types';
import { conflict, notFound, userError } from './errors';
import { createInput, requireText, requireTimeZone, requireWeight, updateInput, Writer } from './transaction';

/** What differs between moving a milestone's start date and its due date. */
const DATE_MOVES = {
  [MilestoneDate.START_DATE]: {
    column: 'startDate',
    field: 'newStartDate',
    action: 'moveStartDate',
    words: 'start date',
    already: (code: string, date: IsoDate) => `${code} already starts on ${date}.`,
    outOfOrder: (start: IsoDate, due: IsoDate) => `The start date ${start} is after the due date ${due}.`,
  },
  [MilestoneDate.DUE_DATE]: {
    column: 'dueDate',
    field: 'newDueDate',
    action: 'moveDueDate',
    words: 'due date',
    already: (code: string, date: IsoDate) => `${code} is already due on ${date}.`,
    outOfOrder: (start: IsoDate, due: IsoDate) => `The due date ${due} is before the start date ${start}.`,
  },
} as const;

export class PlanWriter extends Writer {
  createAgency(input: CreateAgencyInput, viewer: Viewer): Promise<Agency> {
    input = createInput(input);
    return this.run(async (tx) => {
      requireText(input.name, 'name');
      requireText(input.shortName, 'shortName');
      await tx.requireUniqueAgency(input.name, input.shortName);
      return tx.insert(Agency, { ...input }, 'createAgency', null);
    }, viewer);
  }

  updateAgency(id: string, input: UpdateAgencyInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Agency> {
    return this.run(async (tx) => {
      input = updateInput(input);
      const agency = await tx.find(Agency, id);
      requireText(input.name, 'name');
      requireText(input.shortName, 'shortName');
      await tx.requireUniqueAgency(input.name, input.shortName, agency.rowId);
      return tx.update(agency, { ...input }, expectedVersion, 'updateAgency', null);
    }, viewer);
  }

  createPlan(input: CreatePlanInput, viewer: Viewer): Promise<Plan> {
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

  updatePlan(id: string, input: UpdatePlanInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Plan> {
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

  createCommittee(input: CreateCommitteeInput, viewer: Viewer): Promise<Committee> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      requireText(input.name, 'name');
      await tx.requireUnique(Committee, { planId: plan.rowId, name: input.name }, 'A committee with this name already exists in this plan.');
      const chair = input.chairAgencyId ? (await tx.find(Agency, input.chairAgencyId, 'chairAgencyId')).rowId : null;
      const committee = await tx.insert(Committee, { planId: plan.rowId, name: input.name, description: input.description ?? '', chairAgencyId: chair }, 'createCommittee', () => plan.rowId);
      await tx.setCommitteeMembers(committee, input.memberAgencyIds ?? []);
      return committee;
    }, viewer);
  }

  updateCommittee(id: string, input: UpdateCommitteeInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Committee> {
    return this.run(async (tx) => {
      input = updateInput(input, ['chairAgencyId']);
      const committee = await tx.find(Committee, id);
      requireText(input.name, 'name');
      if (input.name !== undefined) {
        await tx.requireUnique(Committee, { planId: committee.planId, name: input.name }, 'A committee with this name already exists in this plan.', committee.rowId);
      }
      const changes: Partial<Committee> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description;
      if (input.chairAgencyId !== undefined) changes.chairAgencyId = input.chairAgencyId === null ? null : (await tx.find(Agency, input.chairAgencyId, 'chairAgencyId')).rowId;
      if (input.memberAgencyIds) await tx.setCommitteeMembers(committee, input.memberAgencyIds);
      return tx.update(committee, changes, expectedVersion, 'updateCommittee', committee.planId, true);
    }, viewer);
  }

  createMeeting(input: CreateMeetingInput, viewer: Viewer): Promise<Meeting> {
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
      tx.requireWithinPlan(plan, input.date, 'date');
      return tx.insert(Meeting, { planId: plan.rowId, committeeId, date: input.date, title: input.title }, 'createMeeting', () => plan.rowId);
    }, viewer);
  }

  createGoal(input: CreateGoalInput, viewer: Viewer): Promise<Goal> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      await tx.requireUnique(Goal, { planId: plan.rowId, code: input.code }, 'A goal with this code already exists in this plan.');
      const links = await tx.goalLinks(plan.rowId, input);
      return tx.insert(
        Goal,
        { planId: plan.rowId, code: input.code, title: input.title, description: input.description ?? '', weight: input.weight ?? 1, position: input.position ?? 0, ...links },
        'createGoal',
        () => plan.rowId,
      );
    }, viewer);
  }

  updateGoal(id: string, input: UpdateGoalInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Goal> {
    return this.run(async (tx) => {
      input = updateInput(input, ['parentId', 'committeeId', 'leadAgencyId']);
      const goal = await tx.find(Goal, id);
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      if (input.code !== undefined) await tx.requireUnique(Goal, { planId: goal.planId, code: input.code }, 'A goal with this code already exists in this plan.', goal.rowId);
      const links = await tx.goalLinks(goal.planId, input, goal);
      const { parentId: _p, committeeId: _c, leadAgencyId: _l, ...fields } = input;
      return tx.update(goal, { ...fields, ...links }, expectedVersion, 'updateGoal', goal.planId);
    }, viewer);
  }

  createMilestone(input: CreateMilestoneInput, viewer: Viewer): Promise<Milestone> {
    input = createInput(input);
    return this.run(async (tx) => {
      const goal = await tx.find(Goal, input.goalId, 'goalId');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: goal.planId });
      const lead = await tx.find(Agency, input.leadAgencyId, 'leadAgencyId');
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      tx.requireTimeline(plan, input.startDate, input.dueDate);
      await tx.requireUnique(Milestone, { planId: plan.rowId, code: input.code }, 'A milestone with this code already exists in this plan.');
      const milestone = await tx.insert(
        Milestone,
        {
          planId: plan.rowId,
          goalId: goal.rowId,
          leadAgencyId: lead.rowId,
          code: input.code,
          title: input.title,
          description: input.description ?? '',
          startDate: input.startDate,
          dueDate: input.dueDate,
          baselineDueDate: input.dueDate,
          weight: input.weight ?? 1,
          visibility: input.visibility ?? Visibility.PUBLIC,
          position: input.position ?? 0,
        },
        'createMilestone',
        () => plan.rowId,
      );
      for (const partner of input.partners ?? []) await tx.addPartner(milestone, partner.agencyId, partner.role);
      for (const dependsOnId of input.dependsOnIds ?? []) await tx.addDependency(milestone, dependsOnId);
      return milestone;
    }, viewer);
  }

  updateMilestone(id: string, input: UpdateMilestoneInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      input = updateInput(input);
      const milestone = await tx.editableMilestone(id);
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      const { goalId, leadAgencyId, ...changes } = input as UpdateMilestoneInput & Partial<Milestone>;
      const patch: Partial<Milestone> = { ...changes } as Partial<Milestone>;
      if (goalId !== undefined) {
        const goal = await tx.find(Goal, goalId, 'goalId');
        if (goal.planId !== milestone.planId) throw userError(`Goal ${goal.code} belongs to another plan; a milestone stays in its plan.`, 'goalId');
        patch.goalId = goal.rowId;
      }
      if (leadAgencyId !== undefined) patch.leadAgencyId = (await tx.find(Agency, leadAgencyId, 'leadAgencyId')).rowId;
      // Only a real change of who may see or edit it needs the lead's say: an unchanged value (a re-imported export) is no change.
      if (patch.leadAgencyId !== undefined && patch.leadAgencyId !== milestone.leadAgencyId) tx.requireAccessChange(milestone, 'which agency leads');
      if (input.visibility !== undefined && input.visibility !== milestone.visibility) tx.requireAccessChange(milestone, 'the visibility of');
      if (input.code !== undefined) await tx.requireUnique(Milestone, { planId: milestone.planId, code: input.code }, 'A milestone with this code already exists in this plan.', milestone.rowId);
      if (patch.leadAgencyId !== undefined) await tx.em.delete(MilestonePartner, { milestoneId: milestone.rowId, agencyId: patch.leadAgencyId });
      return tx.update(milestone, patch, expectedVersion, 'updateMilestone', milestone.planId);
    }, viewer);
  }

  reportProgress(input: ReportProgressInput, viewer: Viewer): Promise<ProgressUpdate> {
    input = createInput(input);
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(input.milestoneId, 'milestoneId');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      if (!(Number.isFinite(input.percentComplete) && input.percentComplete >= 0 && input.percentComplete <= 100)) {
        throw userError(`percentComplete must be between 0 and 100, got ${input.percentComplete}.`, 'percentComplete');
      }
      if (!hasAtMostTwoDecimals(input.percentComplete)) throw userError(`percentComplete has at most two decimals, got ${input.percentComplete}.`, 'percentComplete');
      const reportedOn = input.reportedOn ?? tx.today(plan);
      tx.requirePastOrToday(plan, reportedOn, 'reportedOn');
      if (reportedOn < plan.startDate) throw userError(`reportedOn ${reportedOn} is before the plan starts (${plan.startDate}).`, 'reportedOn');
      if (milestone.cancelledOn !== null && milestone.cancelledOn <= reportedOn) throw conflict(`${milestone.code} was cancelled on ${milestone.cancelledOn}; reopen it before reporting progress.`);
      if (milestone.completedOn !== null && milestone.completedOn <= reportedOn) throw conflict(`${milestone.code} was completed on ${milestone.completedOn}; reopen it before reporting progress.`);
      return tx.insert(
        ProgressUpdate,
        { milestoneId: milestone.rowId, reportedOn, percentComplete: input.percentComplete, note: input.note ?? '', author: tx.actor },
        'reportProgress',
        () => milestone.planId,
        milestone.rowId,
      );
    }, viewer);
  }

  completeMilestone(id: string, completedOn: IsoDate | undefined, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      if (milestone.completedOn) throw conflict(`${milestone.code} is already completed (on ${milestone.completedOn}).`);
      if (milestone.cancelledOn) throw conflict(`${milestone.code} was cancelled on ${milestone.cancelledOn}; reopen it before completing it.`);
      const date = completedOn ?? tx.today(plan);
      tx.requirePastOrToday(plan, date, 'completedOn');
      if (date < plan.startDate) throw userError(`completedOn ${date} is before the plan starts (${plan.startDate}).`, 'completedOn');
      return tx.update(milestone, { completedOn: date }, expectedVersion, 'completeMilestone', milestone.planId);
    }, viewer);
  }

  cancelMilestone(id: string, reason: string, cancelledOn: IsoDate | undefined, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      tx.requireReason(reason);
      if (milestone.cancelledOn) throw conflict(`${milestone.code} is already cancelled (on ${milestone.cancelledOn}).`);
      if (milestone.completedOn) throw conflict(`${milestone.code} was completed on ${milestone.completedOn}; reopen it before cancelling it.`);
      const date = cancelledOn ?? tx.today(plan);
      tx.requirePastOrToday(plan, date, 'cancelledOn');
      if (date < plan.startDate) throw userError(`cancelledOn ${date} is before the plan starts (${plan.startDate}).`, 'cancelledOn');
      return tx.update(milestone, { cancelledOn: date, cancelReason: reason.trim() }, expectedVersion, 'cancelMilestone', milestone.planId);
    }, viewer);
  }

  reopenMilestone(id: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      if (!milestone.completedOn && !milestone.cancelledOn) throw conflict(`${milestone.code} is neither completed nor cancelled; there is nothing to reopen.`);
      return tx.update(milestone, { completedOn: null, cancelledOn: null, cancelReason: null }, expectedVersion, 'reopenMilestone', milestone.planId);
    }, viewer);
  }

  moveDueDate(id: string, newDueDate: IsoDate, reason: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.moveDate(id, MilestoneDate.DUE_DATE, newDueDate, reason, expectedVersion, viewer);
  }

  moveStartDate(id: string, newStartDate: IsoDate, reason: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.moveDate(id, MilestoneDate.START_DATE, newStartDate, reason, expectedVersion, viewer);
  }

  /** Moves the start or due date, recording who, when, from, to and why: as of an earlier day, the earlier date applies. */
  private moveDate(id: string, which: MilestoneDate, newDate: IsoDate, reason: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    const move = DATE_MOVES[which];
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      tx.requireReason(reason);
      // A finished milestone is judged against the dates it had; moving them afterwards would rewrite that verdict.
      if (milestone.completedOn || milestone.cancelledOn) throw conflict(`${milestone.code} is already ${milestone.completedOn ? 'completed' : 'cancelled'}; reopen it before moving its ${move.words}.`);
      if (newDate === milestone[move.column]) throw userError(move.already(milestone.code, newDate), move.field);
      const timeline: Pick<Milestone, 'startDate' | 'dueDate'> = { startDate: milestone.startDate, dueDate: milestone.dueDate };
      timeline[move.column] = newDate;
      if (timeline.startDate > timeline.dueDate) throw userError(move.outOfOrder(timeline.startDate, timeline.dueDate), move.field);
      tx.requireWithinPlan(plan, newDate, move.field);
      const change = await tx.em.save(
        tx.em.create(DateChange, { milestoneId: milestone.rowId, which, changedOn: tx.today(plan), fromDate: milestone[move.column], toDate: newDate, reason: reason.trim(), author: tx.actor }),
      );
      return tx.update(milestone, { [move.column]: newDate }, expectedVersion, move.action, milestone.planId, true, { reason: { before: null, after: change.reason } });
    }, viewer);
  }

  addPartner(milestoneId: string, agencyId: string, role: PartnerRole, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      tx.requireAccessChange(milestone, 'the partners of');
      await tx.addPartner(milestone, agencyId, role);
      return milestone;
    }, viewer);
  }

  removePartner(milestoneId: string, agencyId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      tx.requireAccessChange(milestone, 'the partners of');
      const agency = await tx.find(Agency, agencyId, 'agencyId');
      const existing = await tx.em.findOneBy(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
      if (!existing) throw notFound(`partner ${agency.shortName} on ${milestone.code}`, 'agencyId');
      await tx.em.delete(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
      await tx.audit('removePartner', 'Milestone', milestone.rowId, milestone.planId, { partner: { before: `${agency.shortName} (${existing.role})`, after: null } });
      return milestone;
    }, viewer);
  }

  addDependency(milestoneId: string, dependsOnId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      await tx.addDependency(milestone, dependsOnId);
      return milestone;
    }, viewer);
  }

  removeDependency(milestoneId: string, dependsOnId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      const upstream = await tx.visibleMilestone(dependsOnId, 'dependsOnId');
      const deleted = await tx.em.delete(MilestoneDependency, { milestoneId: milestone.rowId, dependsOnId: upstream.rowId });
      if (!deleted.affected) throw notFound(`dependency of ${milestone.code} on ${upstream.code}`, 'dependsOnId');
      await tx.audit('removeDependency', 'Milestone', milestone.rowId, milestone.planId, { dependsOn: { before: upstream.code, after: null } }, milestone.rowId, upstream.rowId);
      return milestone;
    }, viewer);
  }
}

