/**
 * Bearer tokens: random and long, shown once, stored only as SHA-256 hashes (a fast hash is
 * enough for 256 random bits; there is nothing to brute-force). Revocable, optionally expiring.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { Role } from '../domain/enums';
import { normalizedEmail } from '../domain/sign-in';
import { Agency, ApiToken, BrowserSession, User } from '../entities';

const TOKEN_PREFIX = 'cairn_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Reads "Authorization: Bearer <token>"; undefined without a header, null when it is not a bearer token. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export class Authenticator {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The user behind a token, or null for an unknown, revoked or expired token or a disabled user.
   * A read-only token reads as a VIEWER of the user's agency; `readOnlyOnly` refuses other tokens.
   */
  async viewerFor(token: string, readOnlyOnly = false): Promise<Viewer | null> {
    // One statement per request for authentication: the token and its user together.
    const row: { userId: number; name: string; role: Role; agencyId: number | null; readOnly: boolean | number; expiresAt: string | null } | undefined = await this.ds
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .innerJoin(User, 'u', 'u.id = t.user_id')
      .select(['u.id AS "userId"', 'u.name AS "name"', 'u.role AS "role"', 'u.agency_id AS "agencyId"', 't.read_only AS "readOnly"', 't.expires_at AS "expiresAt"'])
      .where('t.token_hash = :hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL', { hash: hashToken(token) })
      .getRawOne();
    if (!row || (row.expiresAt !== null && row.expiresAt <= this.clock.now().toISOString())) return null;
    const readOnly = Boolean(row.readOnly);
    if (readOnlyOnly && !readOnly) return null;
    return { userId: row.userId, name: row.name, role: readOnly ? Role.VIEWER : row.role, agencyId: row.agencyId, ...(readOnly ? { readOnly } : {}) };
  }
}

/** User and token administration, for the `npm run user` command line. */
export class UserAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** With an email, the user is invited: their first single sign-on with that address links them. */
  async createUser(name: string, role: Role, agencyShortName?: string, email?: string): Promise<User> {
    if (!name.trim()) throw new Error('A user needs a name.');
    const invitedEmail = email === undefined ? null : normalizedEmail(email);
    if (email !== undefined && invitedEmail === null) throw new Error('--email must be an email address, such as ana.ruiz@city.gov.');
    if (invitedEmail !== null && (await this.ds.getRepository(User).existsBy({ email: invitedEmail }))) throw new Error('Another user already has that email.');
    if (!Object.values(Role).includes(role)) throw new Error(`Role must be one of ${Object.values(Role).join(', ')}.`);
    let agencyId: number | null = null;
    if (agencyShortName) {
      const agency = await this.ds.getRepository(Agency).findOneBy({ shortName: agencyShortName });
      if (!agency) throw new Error(`No agency with short name ${agencyShortName}.`);
      agencyId = agency.rowId;
    }
    if (role === Role.EDITOR && agencyId === null) throw new Error('An editor belongs to an agency: give --agency SHORTNAME.');
    return this.ds.getRepository(User).save({ name: name.trim(), role, agencyId, email: invitedEmail });
  }

  /** Issues a token and returns it: the only time it is ever visible. */
  async issueToken(userId: number, options: { label?: string; expiresAt?: string; readOnly?: boolean } = {}): Promise<{ token: string; row: ApiToken }> {
    const user = await this.ds.getRepository(User).findOneBy({ rowId: userId });
    if (!user) throw new Error(`No user #${userId}.`);
    if (options.expiresAt !== undefined && Number.isNaN(Date.parse(options.expiresAt))) throw new Error(`--expires must be a date or an ISO instant, got "${options.expiresAt}".`);
    const token = newToken();
    const row = await this.ds.getRepository(ApiToken).save({
      userId,
      tokenHash: hashToken(token),
      label: options.label ?? '',
      expiresAt: options.expiresAt ? new Date(options.expiresAt).toISOString() : null,
      readOnly: options.readOnly ?? false,
    });
    return { token, row };
  }

  async revokeToken(tokenId: number): Promise<boolean> {
    const result = await this.ds.getRepository(ApiToken).update({ rowId: tokenId, revokedAt: IsNull() }, { revokedAt: this.clock.now().toISOString() });
    return result.affected === 1;
  }

  /** Revokes every token of a user, ends their browser sessions and disables the user. */
  async disableUser(userId: number): Promise<boolean> {
    const now = this.clock.now().toISOString();
    await this.ds.getRepository(ApiToken).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
    await this.ds.getRepository(BrowserSession).delete({ userId });
    const result = await this.ds.getRepository(User).update({ rowId: userId, disabledAt: IsNull() }, { disabledAt: now });
    return result.affected === 1;
  }

  async listUsers(): Promise<{ user: User; agency: string | null; tokens: ApiToken[] }[]> {
    const users = await this.ds.getRepository(User).find({ order: { rowId: 'ASC' } });
    const agencies = new Map((await this.ds.getRepository(Agency).find()).map((a) => [a.rowId, a.shortName]));
    const tokens = await this.ds.getRepository(ApiToken).find({ order: { rowId: 'ASC' } });
    return users.map((user) => ({ user, agency: user.agencyId === null ? null : (agencies.get(user.agencyId) ?? null), tokens: tokens.filter((t) => t.userId === user.rowId) }));
  }
}
