/**
 * Reading people and tokens for one viewer: admins see every user and every token; anyone signed
 * in sees their own tokens; nobody ever sees a token's text or hash (only the hash is stored).
 */
import { DataSource } from 'typeorm';
import { Viewer } from '../domain/access';
import { Role } from '../domain/enums';
import { ApiToken, User } from '../entities';
import { forbidden } from './errors';

const BY_NAME = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export class PeopleReader {
  /** Every token, by user, loaded once per request for a list of users. */
  private allTokens?: Promise<Map<number, ApiToken[]>>;

  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
  ) {}

  private get isAdmin(): boolean {
    return this.viewer.role === Role.ADMIN;
  }

  /** Every user, by name as a reader sorts names (not by the database's collation, which differs between SQLite and PostgreSQL); admins only. */
  async users(): Promise<User[]> {
    if (!this.isAdmin) throw forbidden('Only admins see the list of users.');
    const users = await this.ds.getRepository(User).find({ order: { rowId: 'ASC' } });
    return users.sort((a, b) => BY_NAME.compare(a.name, b.name) || a.rowId - b.rowId);
  }

  /** A user by row id, for admins; null for anyone else, to whom users are not nodes. */
  async user(rowId: number): Promise<User | null> {
    return this.isAdmin ? this.ds.getRepository(User).findOneBy({ rowId }) : null;
  }

  /** A token by row id: an admin sees any, a user their own; null otherwise. */
  async token(rowId: number): Promise<ApiToken | null> {
    if (this.viewer.userId === null) return null;
    const token = await this.ds.getRepository(ApiToken).findOneBy({ rowId });
    return token && (this.isAdmin || token.userId === this.viewer.userId) ? token : null;
  }

  /** A user's tokens, newest first: any user's for admins, one's own for everyone else. */
  async tokensOf(userId: number): Promise<ApiToken[]> {
    if (userId === this.viewer.userId) return this.ds.getRepository(ApiToken).find({ where: { userId }, order: { rowId: 'DESC' } });
    if (!this.isAdmin) throw forbidden('Only admins see other users\' tokens.');
    this.allTokens ??= this.ds
      .getRepository(ApiToken)
      .find({ order: { rowId: 'DESC' } })
      .then((tokens) => {
        const byUser = new Map<number, ApiToken[]>();
        for (const token of tokens) byUser.set(token.userId, [...(byUser.get(token.userId) ?? []), token]);
        return byUser;
      });
    return (await this.allTokens).get(userId) ?? [];
  }

  /** The signed-in user's own tokens; none for an anonymous reader. */
  ownTokens(): Promise<ApiToken[]> {
    return this.viewer.userId === null ? Promise.resolve([]) : this.tokensOf(this.viewer.userId);
  }
}
