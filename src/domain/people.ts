/**
 * Rules about people and their bearer tokens (docs/rules.md, "Who may see and do what"): who must
 * belong to an agency, that a plan always keeps an admin, and when a token given an expiry day
 * stops working. Plain functions over plain values.
 */
import { DateTime } from 'luxon';
import { IsoDate } from './dates';
import { Role } from './enums';
import { badInput, Refusal } from './refusal';

/** The zone an expiry day is reckoned in when there is no plan to take it from: a plan's own default. */
export const DEFAULT_TIME_ZONE = 'America/Los_Angeles';

/**
 * The instant a token given `expiresOn` stops working: the end of that day in `timeZone`, i.e. the
 * first instant of the next day there (so a token "until 2027-06-30" in San Francisco works until
 * 2027-07-01 00:00 Pacific time, 07:00 UTC, not until midnight UTC the day before).
 */
export function tokenExpiryInstant(expiresOn: IsoDate, timeZone: string): Date {
  return DateTime.fromISO(expiresOn, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
}

/**
 * Refuses an expiry day that is already over: a day before `today` (in the zone the day is
 * reckoned in), or one whose end has passed (the same thing, unless "today" is pinned for a demo).
 */
export function pastExpiry(expiresOn: IsoDate, today: IsoDate, end: Date, now: Date, timeZone: string, field = 'expiresOn'): Refusal | null {
  if (expiresOn < today || end.getTime() <= now.getTime()) {
    return badInput(`${field} must be today or a later day: a token stops at the end of that day in ${timeZone}, and today there is ${today}.`, field);
  }
  return null;
}

export interface TokenTimes {
  /** ISO instants, as stored. */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Whether a token still works at `now`: not revoked, and before its expiry instant. */
export function isTokenActive(token: TokenTimes, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || Date.parse(token.expiresAt) > now.getTime());
}

/** An editor reports and edits for one agency, so an editor without one could do nothing. */
export function editorWithoutAgency(role: Role, agencyId: number | null, field = 'agencyId'): Refusal | null {
  return role === Role.EDITOR && agencyId === null ? badInput('An editor belongs to an agency: choose one.', field) : null;
}

export interface AdminStanding {
  role: Role;
  disabled: boolean;
}

/**
 * Whether changing one user from `before` to `after` would leave no active admin, given how many
 * other users are active admins. Nobody could then invite, enable or promote anyone again.
 */
export function leavesNoAdmin(before: AdminStanding, after: AdminStanding, otherActiveAdmins: number): boolean {
  const wasAdmin = before.role === Role.ADMIN && !before.disabled;
  const isAdmin = after.role === Role.ADMIN && !after.disabled;
  return wasAdmin && !isAdmin && otherActiveAdmins === 0;
}
