/**
 * The task force meets every two months (second Thursday of odd months); each committee meets
 * quarterly (second Tuesday of Feb, May, Aug, Nov). Meetings span the whole plan, past and future.
 */
import { DateTime } from 'luxon';

export interface SeedMeeting {
  /** Committee key, or undefined for the whole task force. */
  committee?: string;
  date: string;
  title: string;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
}

export function sampleMeetings(startDate: string, endDate: string, committees: { key: string; name: string }[]): SeedMeeting[] {
  const meetings: SeedMeeting[] = [];
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  const end = DateTime.fromISO(endDate, { zone: 'utc' });
  for (let month = start.startOf('month'); month <= end; month = month.plus({ months: 1 })) {
    const label = month.toFormat('LLLL yyyy');
    if (month.month % 2 === 1) {
      const date = nthWeekday(month.year, month.month, 4, 2);
      if (date >= start && date <= end) meetings.push({ date: date.toISODate()!, title: `Task force meeting, ${label}` });
    }
    if ([2, 5, 8, 11].includes(month.month)) {
      const date = nthWeekday(month.year, month.month, 2, 2);
      if (date >= start && date <= end) for (const c of committees) meetings.push({ committee: c.key, date: date.toISODate()!, title: `${c.name}, ${label}` });
    }
  }
  return meetings;
}
