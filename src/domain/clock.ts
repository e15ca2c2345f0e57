/**
 * The one source of "now". Every rule that needs today asks a Clock, so tests and demos can
 * fix time (CAIRN_TODAY) and answers stay reproducible.
 */
import { dateInZone, IsoDate } from './dates';

export interface Clock {
  /** The current instant (audit timestamps). */
  now(): Date;
  /** Today's calendar date in the given IANA time zone. */
  today(timeZone: string): IsoDate;
  /** Set by fixedDateClock, so the clock can be rebuilt where functions cannot travel (worker threads). */
  readonly fixedToday?: IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone) => dateInZone(new Date(), timeZone),
};

/** A clock stopped at one instant; "today" still depends on the zone. */
export function fixedInstantClock(instant: Date): Clock {
  return { now: () => new Date(instant), today: (timeZone) => dateInZone(instant, timeZone) };
}

/** A clock whose "today" is the given date in every zone (CAIRN_TODAY); instants run normally. */
export function fixedDateClock(today: IsoDate): Clock {
  return { now: () => new Date(), today: () => today, fixedToday: today };
}
