/**
 * Exact numbers: docs/rules.md, "Numbers". A stored percentage has at most two decimals, so it is a
 * whole number of hundredths, and every rule over percentages and day counts is a comparison of
 * whole numbers. A percentage leaves the server rounded to two decimals, half away from zero,
 * from its exact value, by `roundPercent` (or `roundEstimate` for a roll-up) and nothing else.
 */

/** An exact rational num/den of safe integers, den > 0. */
export interface Ratio {
  num: number;
  den: number;
}

/** An exact rational of any size, den > 0. */
interface Fraction {
  num: bigint;
  den: bigint;
}

/** A stored percentage (at most two decimals) in whole hundredths: 7.8 → 780. */
export function hundredths(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * True for a number written with at most two decimals (7.8, 12.25, 100). Exact: the double
 * nearest to k/100 is the only one that survives the round trip through k.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.round(value * 100) / 100 === value;
}

/** ⌈a / b⌉ for whole a ≥ 0 and b > 0, without a binary fraction in between. */
export function ceilDiv(a: number, b: number): number {
  const remainder = a % b;
  return (a - remainder) / b + (remainder > 0 ? 1 : 0);
}

/** num/den (a percentage) rounded to two decimals, half away from zero. */
export function roundPercent(num: bigint | number, den: bigint | number): number {
  if (typeof num === 'number' && typeof den === 'number' && den > 0 && Number.isSafeInteger(200 * Math.abs(num) + den)) {
    // ⌊100·|num|/den + ½⌋ hundredths, in safe integers.
    const twice = 200 * Math.abs(num) + den;
    const rounded = (twice - (twice % (2 * den))) / (2 * den);
    return rounded === 0 ? 0 : (Math.sign(num) * rounded) / 100;
  }
  let n = BigInt(num);
  let d = BigInt(den);
  if (d < 0n) [n, d] = [-n, -d];
  const magnitude = n < 0n ? -n : n;
  const rounded = Number((200n * magnitude + d) / (2n * d));
  return rounded === 0 ? 0 : ((n < 0n ? -1 : 1) * rounded) / 100;
}

/** A percentage figure (already rounded) as text: 32.8 → "32.8%". */
export function formatPercent(value: number): string {
  return `${value}%`;
}

/** Sign of a − b. */
export function compareRatios(a: Ratio, b: Ratio): number {
  const difference = BigInt(a.num) * BigInt(b.den) - BigInt(b.num) * BigInt(a.den);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/**
 * The values as written (the shortest decimal that reads back as the same double: 0.1 is 1/10,
 * not the binary fraction stored), each multiplied by one power of ten that makes all whole.
 */
export function scaledToWholeNumbers(values: readonly number[]): bigint[] {
  const decimals = values.map((value) => {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const [mantissa, exponent = '0'] = String(value).split('e');
    const [whole, fraction = ''] = mantissa.split('.');
    return { digits: BigInt(whole + fraction), places: fraction.length - Number(exponent) };
  });
  const places = Math.max(0, ...decimals.map((d) => d.places));
  return decimals.map((d) => d.digits * 10n ** BigInt(places - d.places));
}

const UNIT_ROUNDOFF = 2 ** -53;
/** Below this a weight's products may leave the normal range, where the error bound fails. */
const SMALLEST_BOUNDED_WEIGHT = 2 ** -900;

/**
 * A roll-up figure: a weighted mean of weighted means, computed in binary floating point with a
 * bound on its error, and exactly only when that bound leaves the rounding to two decimals in
 * doubt (a tie such as (10.01 + 10.02) / 2 = 10.015 always does). Exact sums of fractions with
 * many different day counts below them run to thousands of bits, too slow to do every time.
 */
export interface Estimate {
  approx: number;
  /** Bound on the relative error of `approx`, as a sum of roundings (see weightedMean). */
  error: number;
  /** What it is the mean of, for the exact value. */
  items: readonly Weighted[];
}

/** A percentage with at most two decimals (a stored one), an exact ratio, or a mean of such. */
export type MeanValue = number | Ratio | Estimate;

export interface Weighted {
  weight: number;
  /** null: nothing to measure, left out of the mean. */
  value: MeanValue | null;
}

function approxOf(value: MeanValue): number {
  if (typeof value === 'number') return value;
  return 'den' in value ? value.num / value.den : value.approx;
}

/** A stored percentage, or a ratio after one division, is within a unit roundoff of its exact value. */
function errorOf(value: MeanValue): number {
  return typeof value === 'number' || 'den' in value ? UNIT_ROUNDOFF : value.error;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function exactOf(value: MeanValue): Fraction {
  if (typeof value === 'number') return { num: BigInt(hundredths(value)), den: 100n };
  if ('den' in value) return { num: BigInt(value.num), den: BigInt(value.den) };
  const counted = value.items.filter((item) => item.value !== null);
  const weights = scaledToWholeNumbers(counted.map((item) => item.weight));
  let num = 0n;
  let den = 1n;
  counted.forEach((item, i) => {
    const { num: n, den: d } = exactOf(item.value!);
    const common = (den / gcd(den, d)) * d;
    num = num * (common / den) + weights[i] * n * (common / d);
    den = common;
  });
  const total = weights.reduce((sum, w) => sum + w, 0n) * den;
  const divisor = gcd(num, total);
  return { num: num / divisor, den: total / divisor };
}

/**
 * Weighted mean of the items with a value (weights > 0, values ≥ 0); null when none has one.
 * Weights count as written (0.1 is a tenth). Relative error, to first order, with u the unit
 * roundoff and e the largest error of the values: a weight is within u of its decimal, each
 * product adds u, a sum of n non-negative terms (n − 1)u, the division u: at most
 * e + (2n + 2)u; counted as e + (2n + 4)u, and `roundEstimate` doubles it for the higher orders.
 */
export function weightedMean(items: readonly Weighted[]): Estimate | null {
  let sum = 0;
  let weights = 0;
  let error = 0;
  let n = 0;
  for (const { weight, value } of items) {
    if (value === null) continue;
    sum += weight * approxOf(value);
    weights += weight;
    error = weight < SMALLEST_BOUNDED_WEIGHT ? Infinity : Math.max(error, errorOf(value));
    n += 1;
  }
  if (n === 0) return null;
  return { approx: sum / weights, error: error + (2 * n + 4) * UNIT_ROUNDOFF, items };
}

/** A roll-up figure rounded to two decimals from its exact value (see Estimate). */
export function roundEstimate(value: Estimate): number {
  const scaled = value.approx * 100;
  const doubt = 2 * (value.error + UNIT_ROUNDOFF) * Math.abs(scaled); // NaN (so: exact) for 0 × Infinity
  const tie = Math.floor(scaled) + 0.5;
  if (value.approx >= 0 && Math.abs(scaled - tie) > doubt) return Math.round(scaled) / 100;
  const { num, den } = exactOf(value);
  return roundPercent(num, den);
}
