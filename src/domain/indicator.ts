/**
 * Indicators (docs/rules.md, "The model" and "Who may see and do what"): progress toward a target, and the
 * small-number suppression of sensitive values.
 */
import { IsoDate } from './dates';
import { roundPercent, scaledToWholeNumbers } from './numbers';

export enum Direction {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
}

export interface Measurement {
  measuredOn: IsoDate;
  value: number;
}

export interface IndicatorFacts {
  baselineValue: number;
  targetValue: number;
  direction: Direction;
}

/** The latest measurement on or before D (the last recorded wins a same-day tie). */
export function latestMeasurement<T extends Measurement>(measurements: readonly T[], asOf: IsoDate): T | null {
  let latest: T | null = null;
  for (const m of measurements) if (m.measuredOn <= asOf && (latest === null || m.measuredOn >= latest.measuredOn)) latest = m;
  return latest;
}

/**
 * How far the latest value on or before D has moved from baseline to target, clamped to 0–100
 * and rounded to two decimals from the exact value of the values as written; null before the
 * first measurement. A target equal to the baseline is met (100) or not (0).
 */
export function indicatorProgress(indicator: IndicatorFacts, measurements: readonly Measurement[], asOf: IsoDate): number | null {
  const latest = latestMeasurement(measurements, asOf);
  if (!latest) return null;
  const { baselineValue: baseline, targetValue: target } = indicator;
  if (target === baseline) {
    const met = indicator.direction === Direction.INCREASE ? latest.value >= target : latest.value <= target;
    return met ? 100 : 0;
  }
  const [value, from, to] = scaledToWholeNumbers([latest.value, baseline, target]);
  // 100 (value − from) / (to − from), with a positive denominator.
  const sign = to > from ? 1n : -1n;
  const num = 100n * (value - from) * sign;
  const den = (to - from) * sign;
  if (num <= 0n) return 0;
  if (num >= 100n * den) return 100;
  return roundPercent(num, den);
}

/** A sensitive value below the plan's threshold is hidden from readers outside the owning agency and admins. */
export function isSuppressed(value: number, sensitive: boolean, suppressionThreshold: number, mayReadSmallNumbers: boolean): boolean {
  return sensitive && !mayReadSmallNumbers && value < suppressionThreshold;
}
