/** How milestone statuses are counted and ordered wherever a list of them is shown or sorted. */
import { MilestoneStatus } from './enums';

export type StatusCounts = Record<MilestoneStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(Object.values(MilestoneStatus).map((s) => [s, 0])) as StatusCounts;
}

/** Most urgent first: what needs the task force's attention leads every status sort and grouping. */
export const STATUS_URGENCY: readonly MilestoneStatus[] = [
  MilestoneStatus.OVERDUE,
  MilestoneStatus.AT_RISK,
  MilestoneStatus.ON_TRACK,
  MilestoneStatus.NOT_STARTED,
  MilestoneStatus.COMPLETED_LATE,
  MilestoneStatus.COMPLETED,
  MilestoneStatus.CANCELLED,
];

/** A status's place in `STATUS_URGENCY`, 0 for the most urgent. */
export function urgencyRank(status: MilestoneStatus): number {
  return STATUS_URGENCY.indexOf(status);
}
