/**
 * Browser sessions: a random value in the `cairn_session` cookie, stored only as its SHA-256
 * hash (like bearer tokens), ending after the idle and absolute limits (CAIRN_SESSION_*). Kept in
 * the database, so they survive restarts and are shared by every process on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { Role } from '../domain/enums';
import { isSessionLive, SessionLimits, sessionAbsoluteEnd, sessionIdleCutoff } from '../domain/sign-in';
import { BrowserSession, User } from '../entities';
import { hashToken } from './auth';

/** Recording every request's time would write on every read; a minute's precision is plenty for an idle limit of minutes. */
const LAST_SEEN_PRECISION_MS = 60_000;

export class Sessions {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly limits: SessionLimits,
  ) {}

  /**
   * Starts a session for the user and returns the cookie value: the only time it is visible.
   * Sessions that ended unused are swept here, so abandoned ones do not pile up.
   */
  async start(userId: number): Promise<string> {
    const value = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const idleSince = sessionIdleCutoff(now, this.limits).toISOString();
    await this.ds.createQueryBuilder().delete().from(BrowserSession).where('expires_at <= :now OR last_seen_at <= :idleSince', { now: now.toISOString(), idleSince }).execute();
    await this.ds.getRepository(BrowserSession).insert({
      idHash: hashToken(value),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: sessionAbsoluteEnd(now, this.limits).toISOString(),
    });
    return value;
  }

  /** The user of a live session of an enabled user, or null; an ended session is deleted. */
  async viewerFor(value: string): Promise<Viewer | null> {
    const idHash = hashToken(value);
    const row: { userId: number; name: string; role: Role; agencyId: number | null; createdAt: string; lastSeenAt: string } | undefined = await this.ds
      .getRepository(BrowserSession)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select(['u.id AS "userId"', 'u.name AS "name"', 'u.role AS "role"', 'u.agency_id AS "agencyId"', 's.created_at AS "createdAt"', 's.last_seen_at AS "lastSeenAt"'])
      .where('s.id_hash = :idHash AND u.disabled_at IS NULL', { idHash })
      .getRawOne();
    if (!row) return null;
    const now = this.clock.now();
    const lastSeenAt = new Date(row.lastSeenAt);
    if (!isSessionLive({ createdAt: new Date(row.createdAt), lastSeenAt }, now, this.limits)) {
      await this.ds.getRepository(BrowserSession).delete({ idHash });
      return null;
    }
    if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS) await this.ds.getRepository(BrowserSession).update({ idHash }, { lastSeenAt: now.toISOString() });
    return { userId: row.userId, name: row.name, role: row.role, agencyId: row.agencyId };
  }

  /** Ends the session; true when there was one. */
  async end(value: string): Promise<boolean> {
    return ((await this.ds.getRepository(BrowserSession).delete({ idHash: hashToken(value) })).affected ?? 0) > 0;
  }
}
