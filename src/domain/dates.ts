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

/**
 * Day numbers (days since 1970-01-01) of dates, remembered: a plan has a few thousand distinct
 * dates but its status rules ask about them hundreds of thousands of times, and luxon parsing
 * dominated the profile of a 10,000-milestone dashboard. Bounded so it cannot grow without end.
 */
const dayNumbers = new Map<IsoDate, number>();
const datesOfDayNumbers = new Map<number, IsoDate>();

function dayNumber(date: IsoDate): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    day = Math.round(toDateTime(date).toMillis() / 86_400_000);
    dayNumbers.set(date, day);
  }
  return day;
}

function dateOfDayNumber(day: number): IsoDate {
  let date = datesOfDayNumbers.get(day);
  if (date === undefined) {
    if (datesOfDayNumbers.size > 100_000) datesOfDayNumbers.clear();
    date = DateTime.fromMillis(day * 86_400_000, { zone: 'utc' }).toISODate()!;
    datesOfDayNumbers.set(day, date);
  }
  return date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
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
