/**
 * A roll-up's `health` and `healthReason` (docs/rules.md, "Roll-ups"), from its status counts and the
 * plan's `offTrackShare`. The share is compared in whole numbers, so a share met exactly is met.
 */
import { Health } from './enums';
import { formatPercent, roundPercent } from './numbers';
import type { StatusCounts } from './statuses';

/** Percent of a roll-up's milestones that must be OVERDUE for it to be OFF_TRACK, unless a plan sets its own. */
export const DEFAULT_OFF_TRACK_SHARE = 10;

/** What a roll-up is of: its sentence says "the 10% that makes a plan off track". */
export type RollupSubject = 'plan' | 'goal' | 'committee' | 'agency' | 'group';

export interface HealthRule {
  /** Percent (1–100) of the measured milestones that must be OVERDUE for OFF_TRACK. */
  offTrackShare: number;
  subject: RollupSubject;
}

/** Milestones that are measured: all but the cancelled ones (n in docs/rules.md). */
function measured(counts: StatusCounts): number {
  return counts.COMPLETED + counts.COMPLETED_LATE + counts.OVERDUE + counts.AT_RISK + counts.NOT_STARTED + counts.ON_TRACK;
}

/** Whether `overdue` of `n` is at least `share` percent: overdue · 100 ≥ share · n, in integers. */
export function reachesOffTrackShare(overdue: number, n: number, share: number): boolean {
  return overdue * 100 >= share * n;
}

export function health(counts: StatusCounts, offTrackShare: number): Health | null {
  const n = measured(counts);
  if (n === 0) return null;
  if (counts.COMPLETED + counts.COMPLETED_LATE === n) return Health.COMPLETED;
  if (counts.OVERDUE > 0 && reachesOffTrackShare(counts.OVERDUE, n, offTrackShare)) return Health.OFF_TRACK;
  if (counts.OVERDUE > 0 || counts.AT_RISK > 0) return Health.AT_RISK;
  if (counts.NOT_STARTED === n) return Health.NOT_STARTED;
  return Health.ON_TRACK;
}

function milestones(n: number): string {
  return `${n} milestone${n === 1 ? '' : 's'}`;
}

/** part/whole as a percentage rounded to two decimals, half away from zero (9.09%, 10%, 12.5%). */
export function shareText(part: number, whole: number): string {
  return formatPercent(roundPercent(100 * part, whole));
}

const ARTICLE: Record<RollupSubject, string> = { plan: 'a plan', goal: 'a goal', committee: 'a committee', agency: 'an agency', group: 'a group' };

/** One plain sentence with the counts behind `health`. */
export function healthReason(counts: StatusCounts, rule: HealthRule): string {
  const n = measured(counts);
  const finished = counts.COMPLETED + counts.COMPLETED_LATE;
  switch (health(counts, rule.offTrackShare)) {
    case null:
      if (counts.CANCELLED === 0) return 'Nothing to measure: no milestones.';
      return `Nothing to measure: ${counts.CANCELLED === 1 ? 'its only milestone is' : `all ${milestones(counts.CANCELLED)} are`} cancelled.`;
    case Health.COMPLETED: {
      const late = counts.COMPLETED_LATE === 0 ? '' : n === 1 ? ', late' : `, ${counts.COMPLETED_LATE} of them late`;
      return `${n === 1 ? 'Its one milestone is' : `All ${milestones(n)} are`} finished${late}.`;
    }
    case Health.OFF_TRACK:
    case Health.AT_RISK: {
      const atRisk = counts.AT_RISK === 1 ? 'is' : 'are';
      if (counts.OVERDUE === 0) return `${counts.AT_RISK} of ${milestones(n)} ${atRisk} at risk; none is overdue.`;
      const side = reachesOffTrackShare(counts.OVERDUE, n, rule.offTrackShare) ? 'at least' : 'under';
      const overdue = `${counts.OVERDUE} of ${milestones(n)} (${shareText(counts.OVERDUE, n)}) ${counts.OVERDUE === 1 ? 'is' : 'are'} overdue`;
      const more = counts.AT_RISK === 0 ? '' : `; ${counts.AT_RISK} more ${atRisk} at risk`;
      return `${overdue}, ${side} the ${formatPercent(rule.offTrackShare)} that makes ${ARTICLE[rule.subject]} off track${more}.`;
    }
    case Health.NOT_STARTED:
      return n === 1 ? 'Its one milestone has not started yet.' : `None of its ${milestones(n)} has started yet.`;
    case Health.ON_TRACK: {
      const parts = [
        [counts.ON_TRACK, 'on track'],
        [counts.NOT_STARTED, 'not started'],
        [finished, 'finished'],
      ] as const;
      if (n === 1) return 'Its one milestone is on track.';
      const detail = parts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`).join(', ');
      return `None of its ${milestones(n)} is overdue or at risk: ${detail}.`;
    }
  }
}
