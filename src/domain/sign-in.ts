/** Rules of single sign-on and browser sessions, over plain values and instants. */

/** Long enough for any real address (RFC 5321 allows 254), short enough for the column (320). */
const MAX_EMAIL_LENGTH = 254;

/** local@domain with no spaces: the provider checks deliverability; Cairn only needs a stable key. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The form an email is stored and matched in: trimmed and lower-cased, so an invitation for
 * Ana.Ruiz@City.gov matches a provider's ana.ruiz@city.gov. Null when it is not an address.
 */
export function normalizedEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email) ? email : null;
}

export interface SessionLimits {
  /** A session unused for this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  maxHours: number;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** The instant a session created at `createdAt` ends whatever happens. */
export function sessionAbsoluteEnd(createdAt: Date, limits: SessionLimits): Date {
  return new Date(createdAt.getTime() + limits.maxHours * 3_600_000);
}

/** A session last seen at or before this instant has been idle for the idle limit at `now`. */
export function sessionIdleCutoff(now: Date, limits: SessionLimits): Date {
  return new Date(now.getTime() - limits.idleMinutes * 60_000);
}

/** Whether a session still works at `now`: not idle for the idle limit, not past its absolute end. */
export function isSessionLive(session: SessionTimes, now: Date, limits: SessionLimits): boolean {
  return session.lastSeenAt.getTime() > sessionIdleCutoff(now, limits).getTime() && now.getTime() < sessionAbsoluteEnd(session.createdAt, limits).getTime();
}

/**
 * Whether a cookie-authenticated write comes from Cairn's own pages: its Origin (or, when a
 * browser sends none, its Referer) must be one of `ownOrigins`. A request with neither is refused:
 * browsers send Origin on every cross-site POST, so only a non-browser client omits both, and such
 * a client should use a bearer token.
 */
export function isSameOriginWrite(origin: string | undefined, referer: string | undefined, ownOrigins: readonly string[]): boolean {
  const source = origin ?? referer;
  if (!source || !URL.canParse(source)) return false;
  return ownOrigins.includes(new URL(source).origin);
}
