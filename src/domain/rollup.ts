/**
 * Roll-ups of a goal, a plan, an agency or a committee: docs/rules.md, "Roll-ups".
 * Inputs are milestones already assessed on one date; nothing here reads a clock.
 */
import { Health, MilestoneStatus } from './enums';
import { health, healthReason, HealthRule } from './health';
import { Estimate, Ratio, roundEstimate, Weighted, weightedMean } from './numbers';
import { emptyStatusCounts, StatusCounts } from './statuses';

export interface AssessedMilestone {
  weight: number;
  progress: number;
  /** Where progress should be on the date, exactly; rolled up the same way as progress. */
  exactExpectedProgress?: Ratio;
  status: MilestoneStatus;
}

/** A goal with its direct milestones and child goals. */
export interface GoalNode {
  weight: number;
  milestones: readonly AssessedMilestone[];
  children: readonly GoalNode[];
}

export interface Rollup {
  /** Weighted mean progress rounded to two decimals, null with nothing to measure. */
  progress: number | null;
  /** Weighted mean expected progress, the same way (a burn-up's other line). */
  expectedProgress: number | null;
  statusCounts: StatusCounts;
  health: Health | null;
  /** The counts behind `health`, in one sentence. */
  healthReason: string;
}


/** Weighted mean of the measurable items (percentages with at most two decimals), rounded to two decimals; null when there are none. */
export function weightedProgress(items: readonly { weight: number; progress: number | null }[]): number | null {
  const mean = weightedMean(items.map((item) => ({ weight: item.weight, value: item.progress })));
  return mean && roundEstimate(mean);
}

type Metric = 'progress' | 'expectedProgress';

function measurable(milestones: readonly AssessedMilestone[], metric: Metric): Weighted[] {
  return milestones
    .filter((m) => m.status !== MilestoneStatus.CANCELLED)
    .map((m) => ({ weight: m.weight, value: metric === 'progress' ? m.progress : (m.exactExpectedProgress ?? null) }));
}

export function countStatuses(milestones: readonly AssessedMilestone[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const m of milestones) counts[m.status] += 1;
  return counts;
}

function goalMean(goal: GoalNode, metric: Metric): Estimate | null {
  return weightedMean([...measurable(goal.milestones, metric), ...goal.children.map((child) => ({ weight: child.weight, value: goalMean(child, metric) }))]);
}

/** Weighted mean of a goal's direct milestones and child goals (cancelled and empty ones left out), rounded to two decimals. */
export function goalProgress(goal: GoalNode, metric: Metric = 'progress'): number | null {
  const mean = goalMean(goal, metric);
  return mean && roundEstimate(mean);
}

export function allMilestones(goal: GoalNode): AssessedMilestone[] {
  return [...goal.milestones, ...goal.children.flatMap(allMilestones)];
}

/** A goal's roll-up: progress from its direct parts, counts and health over all descendants. */
export function goalRollup(goal: GoalNode, rule: HealthRule): Rollup {
  const counts = countStatuses(allMilestones(goal));
  return {
    progress: goalProgress(goal),
    expectedProgress: goalProgress(goal, 'expectedProgress'),
    statusCounts: counts,
    health: health(counts, rule.offTrackShare),
    healthReason: healthReason(counts, rule),
  };
}

/** A plan (or committee) is measured through its top-level goals. */
export function goalsRollup(goals: readonly GoalNode[], rule: HealthRule): Rollup {
  return goalRollup({ weight: 1, milestones: [], children: goals }, rule);
}

/** An agency is measured through the milestones it leads (or partners on). */
export function milestonesRollup(milestones: readonly AssessedMilestone[], rule: HealthRule): Rollup {
  return goalRollup({ weight: 1, milestones, children: [] }, rule);
}
