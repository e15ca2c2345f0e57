/**
 * A meeting's briefing (domain.md, "Meetings"): what changed since the previous meeting of the
 * same body, and what falls due before the next one. Pure: the caller assesses the milestones
 * on both meeting dates.
 */
import { addDays, IsoDate } from './dates';
import { MilestoneStatus } from './enums';
import { DateMove, isFinishedStatus, MilestoneAssessment } from './milestone';

/** With no next meeting on the calendar, "before the next one" means one cycle ahead. */
export const DEFAULT_CYCLE_DAYS = 61;

export interface BriefingMilestone<T> {
  item: T;
  completedOn: IsoDate | null;
  dueDateChanges: readonly (DateMove & { reason: string })[];
  /** Assessed on the meeting date. */
  now: MilestoneAssessment;
  /** Assessed on the previous meeting's date, if there was one. */
  before: MilestoneAssessment | null;
}

export interface Briefing<T> {
  /** The window this briefing covers: after `since`, up to and including the meeting date. */
  since: IsoDate | null;
  until: IsoDate;
  /** The next meeting's date, or one cycle ahead: "falling due" runs up to here. */
  horizon: IsoDate;
  completed: BriefingMilestone<T>[];
  newlyOverdue: BriefingMilestone<T>[];
  dueDatesMoved: { milestone: BriefingMilestone<T>; change: DateMove & { reason: string } }[];
  fallingDue: BriefingMilestone<T>[];
  staleUpdates: BriefingMilestone<T>[];
}

export function briefing<T>(milestones: readonly BriefingMilestone<T>[], date: IsoDate, previousDate: IsoDate | null, nextDate: IsoDate | null): Briefing<T> {
  const inWindow = (d: IsoDate) => (previousDate === null || d > previousDate) && d <= date;
  const horizon = nextDate ?? addDays(date, DEFAULT_CYCLE_DAYS);
  const byDue = (a: BriefingMilestone<T>, b: BriefingMilestone<T>) => a.now.dueDate.localeCompare(b.now.dueDate);
  return {
    since: previousDate,
    until: date,
    horizon,
    completed: milestones.filter((m) => m.completedOn !== null && inWindow(m.completedOn)).sort((a, b) => a.completedOn!.localeCompare(b.completedOn!)),
    newlyOverdue: milestones.filter((m) => m.now.status === MilestoneStatus.OVERDUE && m.before?.status !== MilestoneStatus.OVERDUE).sort(byDue),
    dueDatesMoved: milestones
      .flatMap((m) => m.dueDateChanges.filter((c) => inWindow(c.changedOn)).map((change) => ({ milestone: m, change })))
      .sort((a, b) => a.change.changedOn.localeCompare(b.change.changedOn)),
    fallingDue: milestones.filter((m) => !isFinishedStatus(m.now.status) && m.now.dueDate > date && m.now.dueDate <= horizon).sort(byDue),
    staleUpdates: milestones.filter((m) => m.now.updateStale).sort((a, b) => (a.now.lastUpdatedOn ?? '').localeCompare(b.now.lastUpdatedOn ?? '')),
  };
}
