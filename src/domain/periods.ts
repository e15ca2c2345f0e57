/** Reporting periods: domain.md, "Reporting periods". */
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
