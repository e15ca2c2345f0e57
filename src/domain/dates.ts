/**
 * Calendar dates are ISO strings (YYYY-MM-DD) everywhere: they sort and compare as strings,
 * store as-is and serialise without time-zone surprises. Arithmetic goes through luxon in UTC,
 * where every day has 24 hours.
 */
import { DateTime } from 'luxon';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

/** True for a well-formed date that exists on the calendar (2025-02-30 does not). */
export function isValidIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && toDateTime(value).isValid;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDateTime(to).diff(toDateTime(from), 'days').days);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toDateTime(date).plus({ days }).toISODate()!;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}
