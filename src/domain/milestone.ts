/**
 * The computed fields of a milestone as of a date D: docs/rules.md, "A milestone's computed fields".
 * Pure functions over plain values; D is always passed in (callers get it from a Clock).
 */
import { addDays, daysBetween, IsoDate, maxDate } from './dates';
import { MilestoneStatus } from './enums';
import { ceilDiv, formatPercent, hundredths, Ratio, roundPercent } from './numbers';

export interface ProgressReport {
  reportedOn: IsoDate;
  percentComplete: number;
}

/** A recorded move of one of a milestone's dates (its start or its due date), made on `changedOn`. */
export interface DateMove {
  changedOn: IsoDate;
  fromDate: IsoDate;
  toDate: IsoDate;
}

/** What the rules need to know about one milestone. */
export interface MilestoneFacts {
  code: string;
  /** The lead agency's short name, used in explanations ("G2.M1 (SFPD)"). */
  leadAgency?: string;
  /** The current start date. */
  startDate: IsoDate;
  /** The current due date. */
  dueDate: IsoDate;
  baselineDueDate: IsoDate;
  completedOn: IsoDate | null;
  cancelledOn: IsoDate | null;
  cancelReason?: string | null;
  updates: readonly ProgressReport[];
  dueDateChanges?: readonly DateMove[];
  startDateChanges?: readonly DateMove[];
}

/** Plan-level settings that the rules read. */
export interface RuleSettings {
  atRiskThreshold: number;
  updateCadenceDays: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { atRiskThreshold: 25, updateCadenceDays: 61 };

const FINISHED = new Set([MilestoneStatus.COMPLETED, MilestoneStatus.COMPLETED_LATE, MilestoneStatus.CANCELLED]);

export function isFinishedStatus(status: MilestoneStatus): boolean {
  return FINISHED.has(status);
}

export function isCompletedAsOf(m: Pick<MilestoneFacts, 'completedOn'>, asOf: IsoDate): boolean {
  return completedOnAsOf(m, asOf) !== null;
}

export function isCancelledAsOf(m: Pick<MilestoneFacts, 'cancelledOn'>, asOf: IsoDate): boolean {
  return cancelledOnAsOf(m, asOf) !== null;
}

/** The completion date as known on `asOf`: null when it was not yet completed then. */
export function completedOnAsOf(m: Pick<MilestoneFacts, 'completedOn'>, asOf: IsoDate): IsoDate | null {
  return m.completedOn !== null && m.completedOn <= asOf ? m.completedOn : null;
}

/** The cancellation date as known on `asOf`: null when it was not yet cancelled then. */
export function cancelledOnAsOf(m: Pick<MilestoneFacts, 'cancelledOn'>, asOf: IsoDate): IsoDate | null {
  return m.cancelledOn !== null && m.cancelledOn <= asOf ? m.cancelledOn : null;
}

/**
 * A date in effect on D, given its current value and its recorded moves: a move recorded after D
 * had not happened yet, so the past is judged against the dates people had then.
 */
function dateInEffect(current: IsoDate, moves: readonly DateMove[] | undefined, asOf: IsoDate): IsoDate {
  if (!moves?.length) return current;
  const sorted = [...moves].sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0));
  let date = sorted[0].fromDate;
  for (const move of sorted) if (move.changedOn <= asOf) date = move.toDate;
  return date;
}

export function dueDateAsOf(m: MilestoneFacts, asOf: IsoDate): IsoDate {
  return dateInEffect(m.dueDate, m.dueDateChanges, asOf);
}

export function startDateAsOf(m: MilestoneFacts, asOf: IsoDate): IsoDate {
  return dateInEffect(m.startDate, m.startDateChanges, asOf);
}

/** The latest update reported on or before D (the last one recorded wins a same-day tie). */
export function latestUpdate(m: MilestoneFacts, asOf: IsoDate): ProgressReport | null {
  let latest: ProgressReport | null = null;
  for (const update of m.updates) {
    if (update.reportedOn <= asOf && (latest === null || update.reportedOn >= latest.reportedOn)) latest = update;
  }
  return latest;
}

export function lastUpdatedOn(m: MilestoneFacts, asOf: IsoDate): IsoDate | null {
  return latestUpdate(m, asOf)?.reportedOn ?? null;
}

/** `progress` in whole hundredths of a percent (7.8% is 780), the value the rules work with. */
export function progressHundredths(m: MilestoneFacts, asOf: IsoDate): number {
  if (isCompletedAsOf(m, asOf)) return 10_000;
  const latest = latestUpdate(m, asOf);
  return latest ? hundredths(latest.percentComplete) : 0;
}

export function progress(m: MilestoneFacts, asOf: IsoDate): number {
  return progressHundredths(m, asOf) / 100;
}

/** `expectedProgress` exactly, in percent: 100 × (D − start) / (due − start) days. */
export function exactExpectedProgress(m: MilestoneFacts, asOf: IsoDate): Ratio {
  const due = dueDateAsOf(m, asOf);
  const start = startDateAsOf(m, asOf);
  if (asOf >= due) return { num: 100, den: 1 };
  if (asOf < start) return { num: 0, den: 1 };
  // start < D < due here, so the span is at least 2 days.
  return { num: 100 * daysBetween(start, asOf), den: daysBetween(start, due) };
}

export function expectedProgress(m: MilestoneFacts, asOf: IsoDate): number {
  const { num, den } = exactExpectedProgress(m, asOf);
  return roundPercent(num, den);
}

/** Expected minus reported progress in percentage points, exactly (negative when ahead). */
export function progressGap(expected: Ratio, progressPercent: number): Ratio {
  return { num: 100 * expected.num - hundredths(progressPercent) * expected.den, den: 100 * expected.den };
}

/** The at-risk test on exact values: a gap of exactly the threshold is at risk. */
function isBehind(m: MilestoneFacts, asOf: IsoDate, settings: RuleSettings): boolean {
  const gap = progressGap(exactExpectedProgress(m, asOf), progress(m, asOf));
  return 100 * gap.num >= hundredths(settings.atRiskThreshold) * gap.den;
}

/** A dependency that blocks: OVERDUE on D, or unfinished and due after the dependant's due date. */
interface Blocker {
  dependency: MilestoneFacts;
  daysOverdue: number;
  dueDate: IsoDate;
}

function blockers(m: MilestoneFacts, dependencies: readonly MilestoneFacts[], asOf: IsoDate): Blocker[] {
  const due = dueDateAsOf(m, asOf);
  const found: Blocker[] = [];
  for (const dependency of dependencies) {
    if (isCancelledAsOf(dependency, asOf) || isCompletedAsOf(dependency, asOf)) continue;
    const dependencyDue = dueDateAsOf(dependency, asOf);
    const daysOverdue = Math.max(0, daysBetween(dependencyDue, asOf));
    if (daysOverdue > 0 || dependencyDue > due) found.push({ dependency, daysOverdue, dueDate: dependencyDue });
  }
  return found;
}

/** Started on D: not NOT_STARTED by rule 6, so D is on or after the start date in effect, or progress was reported. */
export function isStarted(m: MilestoneFacts, asOf: IsoDate): boolean {
  return asOf >= startDateAsOf(m, asOf) || progress(m, asOf) > 0;
}

export function status(
  m: MilestoneFacts,
  dependencies: readonly MilestoneFacts[],
  asOf: IsoDate,
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): MilestoneStatus {
  const due = dueDateAsOf(m, asOf);
  if (isCancelledAsOf(m, asOf)) return MilestoneStatus.CANCELLED;
  if (isCompletedAsOf(m, asOf)) return m.completedOn! <= due ? MilestoneStatus.COMPLETED : MilestoneStatus.COMPLETED_LATE;
  if (asOf > due) return MilestoneStatus.OVERDUE;
  if (isBehind(m, asOf, settings)) return MilestoneStatus.AT_RISK;
  if (blockers(m, dependencies, asOf).length > 0) return MilestoneStatus.AT_RISK;
  if (!isStarted(m, asOf)) return MilestoneStatus.NOT_STARTED;
  return MilestoneStatus.ON_TRACK;
}

export function daysOverdue(m: MilestoneFacts, currentStatus: MilestoneStatus, asOf: IsoDate): number {
  const due = dueDateAsOf(m, asOf);
  if (currentStatus === MilestoneStatus.OVERDUE) return daysBetween(due, asOf);
  if (currentStatus === MilestoneStatus.COMPLETED_LATE) return daysBetween(due, m.completedOn!);
  return 0;
}

export function daysRemaining(m: MilestoneFacts, currentStatus: MilestoneStatus, asOf: IsoDate): number {
  if (isFinishedStatus(currentStatus) || currentStatus === MilestoneStatus.OVERDUE) return 0;
  return daysBetween(asOf, dueDateAsOf(m, asOf));
}

export function slipDays(m: MilestoneFacts, asOf: IsoDate): number {
  return daysBetween(m.baselineDueDate, dueDateAsOf(m, asOf));
}

export function updateStale(m: MilestoneFacts, asOf: IsoDate, settings: RuleSettings = DEFAULT_RULE_SETTINGS): boolean {
  if (isCompletedAsOf(m, asOf) || isCancelledAsOf(m, asOf) || !isStarted(m, asOf)) return false;
  // The silence is counted from the latest update, even one made before the start date; never
  // updated, from the start date (reached, since only progress or reaching it starts a milestone).
  const since = lastUpdatedOn(m, asOf) ?? startDateAsOf(m, asOf);
  return daysBetween(since, asOf) > settings.updateCadenceDays;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function label(m: MilestoneFacts): string {
  return m.leadAgency ? `${m.code} (${m.leadAgency})` : m.code;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One plain sentence that explains the status with the facts behind it. */
export function statusReason(
  m: MilestoneFacts,
  dependencies: readonly MilestoneFacts[],
  asOf: IsoDate,
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): string {
  const current = status(m, dependencies, asOf, settings);
  const due = dueDateAsOf(m, asOf);
  const reported = progress(m, asOf);
  const expected = expectedProgress(m, asOf);
  switch (current) {
    case MilestoneStatus.CANCELLED:
      return m.cancelReason ? `Cancelled on ${m.cancelledOn}: ${m.cancelReason}.` : `Cancelled on ${m.cancelledOn}.`;
    case MilestoneStatus.COMPLETED: {
      const early = daysBetween(m.completedOn!, due);
      return early === 0
        ? `Completed on ${m.completedOn}, its due date.`
        : `Completed on ${m.completedOn}, ${plural(early, 'day')} before its due date ${due}.`;
    }
    case MilestoneStatus.COMPLETED_LATE:
      return `Completed on ${m.completedOn}, ${plural(daysBetween(due, m.completedOn!), 'day')} after its due date ${due}.`;
    case MilestoneStatus.OVERDUE:
      return `${plural(daysBetween(due, asOf), 'day')} past its due date ${due}, reported ${formatPercent(reported)}.`;
    case MilestoneStatus.AT_RISK: {
      const reasons: string[] = [];
      if (isBehind(m, asOf, settings)) reasons.push(`expected ${formatPercent(expected)} by ${asOf}, reported ${formatPercent(reported)}`);
      for (const b of blockers(m, dependencies, asOf)) {
        reasons.push(
          b.daysOverdue > 0
            ? `depends on ${label(b.dependency)}, which is ${plural(b.daysOverdue, 'day')} overdue`
            : `depends on ${label(b.dependency)}, due ${b.dueDate}, after this milestone's due date ${due}`,
        );
      }
      return `${capitalise(reasons.join('; '))}.`;
    }
    case MilestoneStatus.NOT_STARTED: {
      const start = startDateAsOf(m, asOf);
      return `Starts on ${start}, in ${plural(daysBetween(asOf, start), 'day')}.`;
    }
    case MilestoneStatus.ON_TRACK:
      return `Expected ${formatPercent(expected)} by ${asOf}, reported ${formatPercent(reported)}; due ${due}, in ${plural(daysBetween(asOf, due), 'day')}.`;
  }
}

/** This milestone's own forecast, before looking upstream. */
function ownForecast(m: MilestoneFacts, asOf: IsoDate): IsoDate | null {
  if (isCancelledAsOf(m, asOf)) return null;
  if (isCompletedAsOf(m, asOf)) return m.completedOn;
  const p = progressHundredths(m, asOf);
  if (p > 0) {
    const elapsed = Math.max(1, daysBetween(startDateAsOf(m, asOf), asOf));
    return addDays(asOf, ceilDiv((10_000 - p) * elapsed, p));
  }
  return maxDate(dueDateAsOf(m, asOf), asOf);
}

/** A milestone in a dependency graph: its facts and the keys of the milestones it depends on. */
export interface MilestoneNode {
  facts: MilestoneFacts;
  dependsOn: readonly string[];
}

/**
 * `forecastCompletion` for one milestone: its own pace, never earlier than the latest forecast
 * of anything it depends on (transitively), so a slip upstream shows downstream. Finished
 * milestones keep their actual dates. `graph` must hold the milestone and all its upstream.
 */
export function forecastCompletion(
  key: string,
  graph: ReadonlyMap<string, MilestoneNode>,
  asOf: IsoDate,
  memo: Map<string, IsoDate | null> = new Map(),
): IsoDate | null {
  if (memo.has(key)) return memo.get(key)!;
  const node = graph.get(key);
  if (!node) throw new Error(`forecastCompletion: milestone ${key} is not in the graph`);
  memo.set(key, null); // guards against a cycle that validation should already have refused
  let forecast = ownForecast(node.facts, asOf);
  const unfinished = forecast !== null && !isCompletedAsOf(node.facts, asOf);
  if (unfinished) {
    for (const upstream of node.dependsOn) {
      const upstreamForecast = forecastCompletion(upstream, graph, asOf, memo);
      if (upstreamForecast !== null) forecast = maxDate(forecast!, upstreamForecast);
    }
  }
  memo.set(key, forecast);
  return forecast;
}

/** Everything computed about a milestone on one date, except the forecast (which needs the graph). */
export interface MilestoneAssessment {
  asOf: IsoDate;
  startDate: IsoDate;
  dueDate: IsoDate;
  progress: number;
  /** Rounded to two decimals, as the API shows it. */
  expectedProgress: number;
  /** Before rounding: what roll-ups and comparisons use. */
  exactExpectedProgress: Ratio;
  status: MilestoneStatus;
  daysOverdue: number;
  daysRemaining: number;
  slipDays: number;
  statusReason: string;
  lastUpdatedOn: IsoDate | null;
  updateStale: boolean;
}

export function assessMilestone(
  m: MilestoneFacts,
  dependencies: readonly MilestoneFacts[],
  asOf: IsoDate,
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): MilestoneAssessment {
  const current = status(m, dependencies, asOf, settings);
  return {
    asOf,
    startDate: startDateAsOf(m, asOf),
    dueDate: dueDateAsOf(m, asOf),
    progress: progress(m, asOf),
    expectedProgress: expectedProgress(m, asOf),
    exactExpectedProgress: exactExpectedProgress(m, asOf),
    status: current,
    daysOverdue: daysOverdue(m, current, asOf),
    daysRemaining: daysRemaining(m, current, asOf),
    slipDays: slipDays(m, asOf),
    statusReason: statusReason(m, dependencies, asOf, settings),
    lastUpdatedOn: lastUpdatedOn(m, asOf),
    updateStale: updateStale(m, asOf, settings),
  };
}
