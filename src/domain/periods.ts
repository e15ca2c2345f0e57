/** Reporting periods: docs/rules.md, "Reporting periods". */
import { DateTime } from 'luxon';
import { IsoDate } from './dates';

export interface Period {
  year: number;
  start: IsoDate;
  end: IsoDate;
}

/**
 * Year N of a plan. With a fiscal year starting in month M > 1 it runs from the first of M in
 * N−1 to the day before it in N (San Francisco's fiscal 2016 = 2015-07-01 … 2016-06-30).
 */
export function reportingYear(year: number, fiscalYearStartMonth: number): Period {
  const start = DateTime.fromObject({ year: fiscalYearStartMonth > 1 ? year - 1 : year, month: fiscalYearStartMonth, day: 1 }, { zone: 'utc' });
  return { year, start: start.toISODate()!, end: start.plus({ years: 1 }).minus({ days: 1 }).toISODate()! };
}

/** The reporting year that contains a date. */
export function reportingYearOf(date: IsoDate, fiscalYearStartMonth: number): Period {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  const year = fiscalYearStartMonth > 1 && d.month >= fiscalYearStartMonth ? d.year + 1 : d.year;
  return reportingYear(year, fiscalYearStartMonth);
}

export enum Interval {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}

/**
 * The period ends from `from` to `to` (both inclusive): weeks end on Sunday, months on their last
 * day, quarters on the last day of a quarter of the plan's reporting year. `to` is always the
 * last point, so a trend line ends where the reader asked.
 */
export function periodEnds(from: IsoDate, to: IsoDate, interval: Interval, fiscalYearStartMonth: number, maxPoints = Infinity): IsoDate[] {
  const ends: IsoDate[] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' });
  let cursor: DateTime = DateTime.fromISO(from, { zone: 'utc' });
  const endOf = (d: DateTime): DateTime => {
    if (interval === Interval.WEEK) return d.endOf('week').startOf('day');
    if (interval === Interval.MONTH) return d.endOf('month').startOf('day');
    // Quarters start in the fiscal year's first month and every third month after it.
    const offset = (d.month - fiscalYearStartMonth + 12) % 3;
    return d.plus({ months: 2 - offset }).endOf('month').startOf('day');
  };
  // Stops one past `maxPoints`, so a caller can refuse a huge range without computing it.
  for (let end = endOf(cursor); end < last && ends.length < maxPoints; end = endOf(cursor)) {
    ends.push(end.toISODate()!);
    cursor = end.plus({ days: 1 });
  }
  ends.push(to);
  return ends;
}
