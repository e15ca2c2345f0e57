/**
 * Writes of people and their bearer tokens, for the API: invitations, roles and agencies,
 * disabling and enabling, tokens issued and revoked. Each runs in the shared unit of work, so it
 * is serialised, validated before anything is written, and audited in the same transaction. The
 * audit trail names tokens by id, label, kind and expiry, never by the token or its hash.
 */
import { IsNull, Not } from 'typeorm';
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { Role } from '../domain/enums';
import { DEFAULT_TIME_ZONE, editorWithoutAgency, leavesNoAdmin, pastExpiry, tokenExpiryInstant } from '../domain/people';
import { normalizedEmail } from '../domain/sign-in';
import { Agency, ApiToken, BrowserSession, Plan, User } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { MAX } from '../entities/limits';
import { hashToken, newToken } from './auth';
import { conflict, forbidden, notFound, throwIfRefused, unauthenticated, userError } from './errors';
import { createInput, requireText, updateInput } from './input-checks';
import { rowIdOf } from './ids';
import { Transaction, Writer } from './unit-of-work';

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  /** Required for an editor. */
  agencyId?: string;
}

/** Changes to a user; omitted fields stay as they are, a null agencyId clears it (not for an editor). */
export interface UserChanges {
  name?: string;
  role?: Role;
  agencyId?: string | null;
}

export interface NewToken {
  label: string;
  /** The last day it works (to the end of that day); none: it does not expire. */
  expiresOn?: IsoDate;
  readOnly?: boolean;
}

/** A token just made: the only time its text is ever returned. */
export interface IssuedToken {
  token: string;
  apiToken: ApiToken;
}

function requireLabel(label: string): void {
  requireText(label, 'label');
  if (label.length > MAX.name) throw userError(`label must be at most ${MAX.name} characters.`, 'label');
}

export class PeopleWriter extends Writer {
  /** Registers a person by the email they sign in with; their first single sign-on with it links them. */
  inviteUser(input: NewUser, viewer: Viewer): Promise<User> {
    input = createInput(input);
    return this.run(async (tx) => {
      requireText(input.name, 'name');
      const email = normalizedEmail(input.email);
      if (email === null) throw userError('email must be an email address, such as ana.ruiz@city.gov.', 'email');
      if (await tx.em.existsBy(User, { email })) throw userError('Another user already has that email.', 'email');
      const agencyId = input.agencyId ? (await tx.find(Agency, input.agencyId, 'agencyId')).rowId : null;
      throwIfRefused(editorWithoutAgency(input.role, agencyId));
      return tx.insert(User, { name: input.name, email, role: input.role, agencyId, disabledAt: null }, 'inviteUser', null);
    }, viewer);
  }

  updateUser(id: string, input: UserChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<User> {
    return this.run(async (tx) => {
      input = updateInput(input, ['agencyId']);
      const user = await tx.find(User, id);
      requireText(input.name, 'name');
      const role = input.role ?? user.role;
      const agencyId = input.agencyId === undefined ? user.agencyId : input.agencyId === null ? null : (await tx.find(Agency, input.agencyId, 'agencyId')).rowId;
      throwIfRefused(editorWithoutAgency(role, agencyId));
      const disabled = user.disabledAt !== null;
      if (leavesNoAdmin({ role: user.role, disabled }, { role, disabled }, await otherActiveAdmins(tx, user))) {
        throw userError(`${user.name} is the only active admin: make someone else an admin before changing their role.`, 'role');
      }
      return tx.update(user, { name: input.name, role, agencyId }, expectedVersion, 'updateUser', null);
    }, viewer);
  }

  /** Disables a user: revokes their tokens and ends their browser sessions, in the same transaction. */
  disableUser(id: string, viewer: Viewer): Promise<User> {
    return this.run(async (tx) => {
      const user = await tx.find(User, id);
      if (user.disabledAt !== null) throw conflict(`${user.name} is already disabled.`);
      if (leavesNoAdmin({ role: user.role, disabled: false }, { role: user.role, disabled: true }, await otherActiveAdmins(tx, user))) {
        throw userError(`${user.name} is the only active admin: make someone else an admin before disabling them.`, 'id');
      }
      const now = this.clock.now().toISOString();
      const tokens = await tx.em.find(ApiToken, { where: { userId: user.rowId, revokedAt: IsNull() }, order: { rowId: 'ASC' } });
      if (tokens.length) await tx.em.update(ApiToken, { userId: user.rowId, revokedAt: IsNull() }, { revokedAt: now });
      const sessions = (await tx.em.delete(BrowserSession, { userId: user.rowId })).affected ?? 0;
      return tx.update(user, { disabledAt: now }, undefined, 'disableUser', null, true, {
        activeTokens: { before: tokens.map((t) => toGlobalId('ApiToken', t.rowId)), after: [] },
        sessions: { before: sessions, after: 0 },
      });
    }, viewer);
  }

  /** Lets a disabled user sign in again. Their old tokens stay revoked: issue new ones. */
  enableUser(id: string, viewer: Viewer): Promise<User> {
    return this.run(async (tx) => {
      const user = await tx.find(User, id);
      if (user.disabledAt === null) throw conflict(`${user.name} is not disabled.`);
      return tx.update(user, { disabledAt: null }, undefined, 'enableUser', null);
    }, viewer);
  }

  /** An admin issues a token for any enabled user. */
  createToken(userId: string, input: NewToken, viewer: Viewer): Promise<IssuedToken> {
    input = createInput(input);
    return this.run(async (tx) => {
      const user = await tx.find(User, userId, 'userId');
      if (user.disabledAt !== null) throw conflict(`${user.name} is disabled: enable them before issuing a token.`);
      return this.issue(tx, user.rowId, input, 'createToken');
    }, viewer);
  }

  /** Revokes any user's token. */
  revokeToken(id: string, viewer: Viewer): Promise<ApiToken> {
    return this.run(async (tx) => this.revoke(tx, await this.token(tx, id), 'revokeToken'), viewer);
  }

  /** The signed-in user makes a read-only token of their own, e.g. for a calendar app. */
  createMyToken(input: Omit<NewToken, 'readOnly'>, viewer: Viewer): Promise<IssuedToken> {
    const userId = requireOwnWriter(viewer, 'create tokens');
    input = createInput(input);
    return this.run((tx) => this.issue(tx, userId, { ...input, readOnly: true }, 'createMyToken'), viewer);
  }

  /** The signed-in user revokes one of their own tokens; anyone else's does not exist for them. */
  revokeMyToken(id: string, viewer: Viewer): Promise<ApiToken> {
    const userId = requireOwnWriter(viewer, 'revoke tokens');
    return this.run(async (tx) => {
      const token = await this.token(tx, id);
      if (token.userId !== userId) throw notFound('token');
      return this.revoke(tx, token, 'revokeMyToken');
    }, viewer);
  }

  private async token(tx: Transaction, id: string): Promise<ApiToken> {
    const token = await tx.em.findOneBy(ApiToken, { rowId: rowIdOf(id, 'ApiToken') });
    if (!token) throw notFound('token');
    return token;
  }

  private async issue(tx: Transaction, userId: number, input: NewToken, action: string): Promise<IssuedToken> {
    requireLabel(input.label);
    let expiresAt: string | null = null;
    if (input.expiresOn !== undefined) {
      const timeZone = await expiryTimeZone(tx);
      const end = tokenExpiryInstant(input.expiresOn, timeZone);
      throwIfRefused(pastExpiry(input.expiresOn, this.clock.today(timeZone), end, this.clock.now(), timeZone));
      expiresAt = end.toISOString();
    }
    const token = newToken();
    const apiToken = await tx.em.save(tx.em.create(ApiToken, { userId, tokenHash: hashToken(token), label: input.label, expiresAt, readOnly: input.readOnly ?? false }));
    await tx.audit(action, 'ApiToken', apiToken.rowId, null, {
      userId: { before: null, after: userId },
      label: { before: null, after: apiToken.label },
      readOnly: { before: null, after: apiToken.readOnly },
      expiresAt: { before: null, after: apiToken.expiresAt },
    });
    return { token, apiToken };
  }

  private async revoke(tx: Transaction, token: ApiToken, action: string): Promise<ApiToken> {
    if (token.revokedAt !== null) throw conflict('That token is already revoked.');
    const revokedAt = this.clock.now().toISOString();
    await tx.em.update(ApiToken, { rowId: token.rowId }, { revokedAt });
    await tx.audit(action, 'ApiToken', token.rowId, null, { revokedAt: { before: null, after: revokedAt } });
    return (await tx.em.findOneBy(ApiToken, { rowId: token.rowId }))!;
  }
}

/** Users other than this one who are admins and not disabled. */
function otherActiveAdmins(tx: Transaction, user: User): Promise<number> {
  return tx.em.countBy(User, { role: Role.ADMIN, disabledAt: IsNull(), rowId: Not(user.rowId) });
}

/**
 * The zone a token's expiry day is reckoned in. Tokens belong to no plan, and Cairn has no time
 * zone setting of its own, so it is the zone of the newest plan (the one the dashboard opens on;
 * a task force keeps its plans in its own zone), or a plan's default when there is none.
 */
async function expiryTimeZone(tx: Transaction): Promise<string> {
  const [newest] = await tx.em.find(Plan, { order: { startDate: 'DESC', rowId: 'DESC' }, take: 1 });
  return newest?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The signed-in user's id, when the request may change their own tokens: not anonymous, not through a read-only token. */
function requireOwnWriter(viewer: Viewer, what: string): number {
  if (viewer.userId === null) throw unauthenticated(`Sign in to ${what}.`);
  if (viewer.readOnly) throw forbidden(`A read-only token cannot ${what}: sign in with single sign-on or a full token.`);
  return viewer.userId;
}
