/**
 * Dashboard views over milestones already assessed on one date: breakdowns by a grouping, and
 * the lists a meeting looks at (upcoming, overdue, at risk, stale), each in urgency order.
 */
import { addDays } from './dates';
import { Health, MilestoneStatus } from './enums';
import { HealthRule } from './health';
import { MilestoneAssessment, progressGap } from './milestone';
import { compareRatios } from './numbers';
import { milestonesRollup, Rollup } from './rollup';
import { StatusCounts } from './statuses';

export interface AssessedItem<T> {
  item: T;
  code: string;
  weight: number;
  assessment: MilestoneAssessment;
}

export interface GroupKey {
  key: string;
  label: string;
}

export interface GroupMembers<T> extends GroupKey {
  members: AssessedItem<T>[];
}

export interface Group extends GroupKey {
  milestoneCount: number;
  statusCounts: StatusCounts;
  progress: number | null;
  health: Health | null;
  healthReason: string;
  /** Sum of days overdue over its OVERDUE milestones. */
  overdueDays: number;
}

/**
 * Items sorted into groups, in first-seen order (callers pass items in a meaningful order, e.g.
 * by goal position). An item falls into every group `groupsOf` names: a milestone under goals of
 * two committees belongs to both, as it counts in both committees' roll-ups.
 */
export function groupItems<T>(items: readonly AssessedItem<T>[], groupsOf: (item: AssessedItem<T>) => readonly GroupKey[]): GroupMembers<T>[] {
  const groups = new Map<string, GroupMembers<T>>();
  for (const item of items) {
    for (const { key, label } of groupsOf(item)) {
      if (!groups.has(key)) groups.set(key, { key, label, members: [] });
      groups.get(key)!.members.push(item);
    }
  }
  return [...groups.values()];
}

/** A breakdown row: the group's roll-up, with the days overdue of its members. */
export function breakdownRow<T>(group: GroupMembers<T>, rollup: Rollup): Group {
  return {
    key: group.key,
    label: group.label,
    milestoneCount: group.members.length,
    statusCounts: rollup.statusCounts,
    progress: rollup.progress,
    health: rollup.health,
    healthReason: rollup.healthReason,
    overdueDays: group.members.reduce((sum, m) => sum + (m.assessment.status === MilestoneStatus.OVERDUE ? m.assessment.daysOverdue : 0), 0),
  };
}

/** The roll-up of a group that is no goal, agency or committee (a status, "no committee"): its milestones weighed directly. */
export function membersRollup<T>(group: GroupMembers<T>, rule: HealthRule): Rollup {
  return milestonesRollup(
    group.members.map((m) => ({ weight: m.weight, progress: m.assessment.progress, status: m.assessment.status })),
    rule,
  );
}

/** A breakdown whose groups are no goal, agency or committee, in first-seen order. */
export function breakdown<T>(items: readonly AssessedItem<T>[], groupOf: (item: AssessedItem<T>) => GroupKey, rule: HealthRule): Group[] {
  return groupItems(items, (item) => [groupOf(item)]).map((group) => breakdownRow(group, membersRollup(group, rule)));
}

function byCode<T>(a: AssessedItem<T>, b: AssessedItem<T>): number {
  return a.code.localeCompare(b.code);
}

/** Unfinished, not yet overdue, due within `days` of the date it was assessed on: soonest first. */
export function upcoming<T>(items: readonly AssessedItem<T>[], days: number): AssessedItem<T>[] {
  const open = new Set([MilestoneStatus.AT_RISK, MilestoneStatus.ON_TRACK, MilestoneStatus.NOT_STARTED]);
  return items
    .filter((m) => open.has(m.assessment.status) && m.assessment.dueDate <= addDays(m.assessment.asOf, days))
    .sort((a, b) => a.assessment.dueDate.localeCompare(b.assessment.dueDate) || byCode(a, b));
}

/** OVERDUE milestones: longest overdue first. */
export function overdue<T>(items: readonly AssessedItem<T>[]): AssessedItem<T>[] {
  return items.filter((m) => m.assessment.status === MilestoneStatus.OVERDUE).sort((a, b) => b.assessment.daysOverdue - a.assessment.daysOverdue || byCode(a, b));
}

/** AT_RISK milestones: the furthest behind expected progress first, then the soonest due. */
export function atRisk<T>(items: readonly AssessedItem<T>[]): AssessedItem<T>[] {
  const gap = (m: AssessedItem<T>) => progressGap(m.assessment.exactExpectedProgress, m.assessment.progress);
  return items
    .filter((m) => m.assessment.status === MilestoneStatus.AT_RISK)
    .sort((a, b) => compareRatios(gap(b), gap(a)) || a.assessment.dueDate.localeCompare(b.assessment.dueDate) || byCode(a, b));
}

/** Milestones whose updates are stale: the longest silent first (never updated before updated). */
export function staleUpdates<T>(items: readonly AssessedItem<T>[]): AssessedItem<T>[] {
  return items
    .filter((m) => m.assessment.updateStale)
    .sort((a, b) => (a.assessment.lastUpdatedOn ?? '').localeCompare(b.assessment.lastUpdatedOn ?? '') || byCode(a, b));
}
