/**
 * How a milestone advances: progress reported, completed, cancelled, reopened, its start or due
 * date moved. The preconditions are domain rules (domain/lifecycle.ts); this applies them to the
 * rows in one transaction, with the audit entry.
 */
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { MilestoneDate } from '../domain/enums';
import { cancellationRefusal, completionRefusal, DATE_MOVES, dateMoveRefusal, progressReportRefusal, reopeningRefusal } from '../domain/lifecycle';
import { DateChange, Milestone, Plan, ProgressUpdate } from '../entities';
import { throwIfRefused } from './errors';
import { createInput, requireReason } from './input-checks';
import { Transaction, Writer } from './unit-of-work';

export interface ProgressReport {
  milestoneId: string;
  percentComplete: number;
  /** Today (in the plan's time zone) when left out. */
  reportedOn?: IsoDate;
  note?: string;
}

/** The audit action of each kind of date move. */
const MOVE_ACTIONS = { [MilestoneDate.START_DATE]: 'moveStartDate', [MilestoneDate.DUE_DATE]: 'moveDueDate' } as const;

export class MilestoneLifecycleWriter extends Writer {
  reportProgress(input: ProgressReport, by: Viewer | Transaction): Promise<ProgressUpdate> {
    input = createInput(input);
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(input.milestoneId, 'milestoneId');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      const reportedOn = input.reportedOn ?? tx.today(plan);
      throwIfRefused(progressReportRefusal(milestone, plan, input.percentComplete, reportedOn, tx.today(plan)));
      return tx.insert(
        ProgressUpdate,
        { milestoneId: milestone.rowId, reportedOn, percentComplete: input.percentComplete, note: input.note ?? '', author: tx.actor },
        'reportProgress',
        () => milestone.planId,
        milestone.rowId,
      );
    }, by);
  }

  completeMilestone(id: string, completedOn: IsoDate | undefined, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      const date = completedOn ?? tx.today(plan);
      throwIfRefused(completionRefusal(milestone, plan, date, tx.today(plan)));
      return tx.update(milestone, { completedOn: date }, expectedVersion, 'completeMilestone', milestone.planId);
    }, viewer);
  }

  cancelMilestone(id: string, reason: string, cancelledOn: IsoDate | undefined, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      requireReason(reason);
      const date = cancelledOn ?? tx.today(plan);
      throwIfRefused(cancellationRefusal(milestone, plan, date, tx.today(plan)));
      return tx.update(milestone, { cancelledOn: date, cancelReason: reason.trim() }, expectedVersion, 'cancelMilestone', milestone.planId);
    }, viewer);
  }

  reopenMilestone(id: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      throwIfRefused(reopeningRefusal(milestone));
      return tx.update(milestone, { completedOn: null, cancelledOn: null, cancelReason: null }, expectedVersion, 'reopenMilestone', milestone.planId);
    }, viewer);
  }

  moveDueDate(id: string, newDueDate: IsoDate, reason: string, expectedVersion: number | undefined, by: Viewer | Transaction): Promise<Milestone> {
    return this.moveDate(id, MilestoneDate.DUE_DATE, newDueDate, reason, expectedVersion, by);
  }

  moveStartDate(id: string, newStartDate: IsoDate, reason: string, expectedVersion: number | undefined, by: Viewer | Transaction): Promise<Milestone> {
    return this.moveDate(id, MilestoneDate.START_DATE, newStartDate, reason, expectedVersion, by);
  }

  /** Moves the start or due date, recording who, when, from, to and why: as of an earlier day, the earlier date applies. */
  private moveDate(id: string, which: MilestoneDate, newDate: IsoDate, reason: string, expectedVersion: number | undefined, by: Viewer | Transaction): Promise<Milestone> {
    const { column } = DATE_MOVES[which];
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: milestone.planId });
      requireReason(reason);
      throwIfRefused(dateMoveRefusal(milestone, plan, which, newDate));
      const change = await tx.em.save(
        tx.em.create(DateChange, { milestoneId: milestone.rowId, which, changedOn: tx.today(plan), fromDate: milestone[column], toDate: newDate, reason: reason.trim(), author: tx.actor }),
      );
      return tx.update(milestone, { [column]: newDate }, expectedVersion, MOVE_ACTIONS[which], milestone.planId, true, { reason: { before: null, after: change.reason } });
    }, by);
  }
}
