/**
 * A meeting's briefing (docs/rules.md, "Meetings"): what changed since the previous meeting of the
 * same body, what falls due before the next one, and which agencies are asked for an update.
 * Pure: the caller assesses the milestones on the dates `briefingDates` picks.
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
  /** Assessed on the briefing date (`BriefingDates.until`). */
  now: MilestoneAssessment;
  /** Assessed on `BriefingDates.before`, if there was a previous meeting. */
  before: MilestoneAssessment | null;
}

export interface BriefingDates {
  /** The meeting date, or today for a meeting still ahead: nobody knows the plan on a future day. */
  until: IsoDate;
  /** True for a meeting still ahead: the briefing is as of today and will change. */
  projection: boolean;
  /** When the previous meeting's picture is taken: its date, but never after `until`. */
  before: IsoDate | null;
}

export function briefingDates(meetingDate: IsoDate, previousDate: IsoDate | null, today: IsoDate): BriefingDates {
  const until = meetingDate > today ? today : meetingDate;
  return { until, projection: meetingDate > today, before: previousDate === null ? null : previousDate > until ? until : previousDate };
}

/** What the briefing needs of a lead agency: an identity to group by, a name to order by. */
export interface LeadAgency {
  id: string | number;
  shortName: string;
}

/** An agency asked for an update before the meeting, with the milestones concerned. */
export interface UpdateRequest<T, A> {
  agency: A;
  milestones: BriefingMilestone<T>[];
}

/** Why a lead agency is asked for an update: its milestone's update is stale, or it is overdue or at risk. */
export function needsUpdate(m: MilestoneAssessment): boolean {
  return m.updateStale || m.status === MilestoneStatus.OVERDUE || m.status === MilestoneStatus.AT_RISK;
}

export interface Briefing<T, A> {
  /** The window this briefing covers: after `since`, up to and including `until` (the meeting date, or today for a projection). */
  since: IsoDate | null;
  until: IsoDate;
  projection: boolean;
  /** The next meeting's date, or one cycle after the meeting: "falling due" runs from `until` up to here. */
  horizon: IsoDate;
  completed: BriefingMilestone<T>[];
  newlyOverdue: BriefingMilestone<T>[];
  dueDatesMoved: { milestone: BriefingMilestone<T>; change: DateMove & { reason: string } }[];
  fallingDue: BriefingMilestone<T>[];
  staleUpdates: BriefingMilestone<T>[];
  /** By the agency's name; each milestone once, in the order given. */
  updateRequests: UpdateRequest<T, A>[];
}

/**
 * `lead` names a milestone's lead agency: requests are grouped by its `id`, ordered by its
 * `shortName`. Every `now` must be assessed on `briefingDates(...).until`.
 */
export function briefing<T, A extends LeadAgency>(
  milestones: readonly BriefingMilestone<T>[],
  meetingDate: IsoDate,
  previousDate: IsoDate | null,
  nextDate: IsoDate | null,
  today: IsoDate,
  lead: (item: T) => A,
): Briefing<T, A> {
  const { until: date, projection } = briefingDates(meetingDate, previousDate, today);
  const inWindow = (d: IsoDate) => (previousDate === null || d > previousDate) && d <= date;
  const horizon = nextDate ?? addDays(meetingDate, DEFAULT_CYCLE_DAYS);
  const byDue = (a: BriefingMilestone<T>, b: BriefingMilestone<T>) => a.now.dueDate.localeCompare(b.now.dueDate);
  return {
    since: previousDate,
    until: date,
    projection,
    horizon,
    completed: milestones.filter((m) => m.completedOn !== null && inWindow(m.completedOn)).sort((a, b) => a.completedOn!.localeCompare(b.completedOn!)),
    newlyOverdue: milestones.filter((m) => m.now.status === MilestoneStatus.OVERDUE && m.before?.status !== MilestoneStatus.OVERDUE).sort(byDue),
    dueDatesMoved: milestones
      .flatMap((m) => m.dueDateChanges.filter((c) => inWindow(c.changedOn)).map((change) => ({ milestone: m, change })))
      .sort((a, b) => a.change.changedOn.localeCompare(b.change.changedOn)),
    fallingDue: milestones.filter((m) => !isFinishedStatus(m.now.status) && m.now.dueDate > date && m.now.dueDate <= horizon).sort(byDue),
    staleUpdates: milestones.filter((m) => m.now.updateStale).sort((a, b) => (a.now.lastUpdatedOn ?? '').localeCompare(b.now.lastUpdatedOn ?? '')),
    updateRequests: updateRequests(milestones, lead),
  };
}

function updateRequests<T, A extends LeadAgency>(milestones: readonly BriefingMilestone<T>[], lead: (item: T) => A): UpdateRequest<T, A>[] {
  const byAgency = new Map<string | number, UpdateRequest<T, A>>();
  for (const m of milestones.filter((x) => needsUpdate(x.now))) {
    const agency = lead(m.item);
    const request = byAgency.get(agency.id) ?? { agency, milestones: [] };
    request.milestones.push(m);
    byAgency.set(agency.id, request);
  }
  return [...byAgency.values()].sort((a, b) => a.agency.shortName.localeCompare(b.agency.shortName) || String(a.agency.id).localeCompare(String(b.agency.id)));
}
