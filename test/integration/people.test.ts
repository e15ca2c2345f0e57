/**
 * People and tokens through the GraphQL API, over real HTTP on SQLite or PostgreSQL
 * (DATABASE_URL): admins list, invite, change, disable and enable users and issue and revoke
 * anyone's tokens; every signed-in user lists their own tokens and makes and revokes read-only
 * ones. For every mutation: what a success changes (and that it works: a token signs in, a
 * disabled user's token and session stop working), its audit entry (never the token or its
 * hash), and each refusal by its code, its field and an unchanged database.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { fixedInstantClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { BrowserSession } from '../../src/entities';
import { fromGlobalId, toGlobalId } from '../../src/entities/global-id';
import { Authenticator } from '../../src/services/auth';
import { Sessions } from '../../src/services/sessions';
import { onPostgres, sql } from '../support/database';
import { Client, databaseFingerprint, GraphQLResponse, samplePlans, startTestServer, TestServer } from '../support/test-server';

type Changes = Record<string, { before: unknown; after: unknown }>;

interface AuditRow {
  actor: string;
  action: string;
  entity_type: string;
  entity_row_id: number;
  plan_id: number | null;
  changes: Changes;
  raw: string;
}

function rowIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const USER_FIELDS = 'id version name email role disabled disabledAt linkedToSingleSignOn agency { shortName } tokens { id label createdAt expiresAt revokedAt readOnly active }';
const TOKEN_FIELDS = 'id label createdAt expiresAt revokedAt readOnly active';

interface TokenRow {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  readOnly: boolean;
  active: boolean;
}

interface UserRow {
  id: string;
  version: number;
  name: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  disabledAt: string | null;
  linkedToSingleSignOn: boolean;
  agency: { shortName: string } | null;
  tokens: TokenRow[];
}

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!, $v: Int) { updateUser(id: $id, input: $input, expectedVersion: $v) { ${USER_FIELDS} } }`;
const DISABLE = `mutation($id: ID!) { disableUser(id: $id) { ${USER_FIELDS} } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { ${USER_FIELDS} } }`;
const CREATE_TOKEN = `mutation($userId: ID!, $input: CreateTokenInput!) { createToken(userId: $userId, input: $input) { token apiToken { ${TOKEN_FIELDS} } } }`;
const REVOKE_TOKEN = `mutation($id: ID!) { revokeToken(id: $id) { ${TOKEN_FIELDS} } }`;
const CREATE_MY_TOKEN = `mutation($input: CreateMyTokenInput!) { createMyToken(input: $input) { token apiToken { ${TOKEN_FIELDS} } } }`;
const REVOKE_MY_TOKEN = `mutation($id: ID!) { revokeMyToken(id: $id) { ${TOKEN_FIELDS} } }`;
const VIEWER = '{ viewer { name role agency { shortName } } }';
const MY_TOKENS = `{ viewer { tokens { ${TOKEN_FIELDS} } } }`;

describe(`people and tokens through the API (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, function () {
  this.timeout(60_000);
  let server: TestServer;
  /** A server that lets anonymous callers read, to show the guards of anonymous callers at the resolvers themselves. */
  let openServer: TestServer;
  let agencies: Record<string, string>;
  let viewer: Client;
  let editor: Client;
  let adminReadOnly: Client;
  let planId: string;
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${++counter}`;

  before(async () => {
    server = await startTestServer();
    openServer = await startTestServer({ seed: false, anonymousRead: true });
    const { agencies: list } = await server.ok<{ agencies: { id: string; shortName: string }[] }>('{ agencies { id shortName } }');
    agencies = Object.fromEntries(list.map((a) => [a.shortName, a.id]));
    viewer = server.as(await server.newToken(Role.VIEWER, undefined, 'Vic Viewer'));
    editor = server.as(await server.newToken(Role.EDITOR, 'SFPD', 'Eddie Editor'));
    // The test admin's own token, read-only: it acts as a VIEWER.
    const [admin] = await sql<{ id: number }>(server.dataSource, "SELECT id FROM app_user WHERE name = 'Test admin'");
    adminReadOnly = server.as((await server.ok<{ createToken: { token: string } }>(CREATE_TOKEN, { userId: toGlobalId('User', admin.id), input: { label: 'admin feed', readOnly: true } })).createToken.token);
    planId = (await samplePlans(server)).current;
  });
  after(async () => {
    await server?.stop();
    await openServer?.stop();
  });

  const mark = async () => Number((await sql(server.dataSource, 'SELECT COALESCE(MAX(id), 0) AS id FROM audit_entry'))[0].id);
  const auditSince = async (since: number): Promise<AuditRow[]> =>
    (await sql(server.dataSource, 'SELECT * FROM audit_entry WHERE id > ? ORDER BY id', [since])).map((r: Omit<AuditRow, 'changes' | 'raw'> & { changes: string }) => ({ ...r, raw: r.changes, changes: JSON.parse(r.changes) as Changes }));

  /** Exactly one audit entry since `since`: for `action`, by `actor`, about the entity, in no plan. */
  async function expectOneAudit(since: number, action: string, entityType: string, entityId: string, actor = 'Test admin'): Promise<AuditRow> {
    const rows = await auditSince(since);
    expect(rows.map((r) => r.action), 'the audit entries written').to.deep.equal([action]);
    expect(rows[0]).to.include({ actor, entity_type: entityType, entity_row_id: rowIdOf(entityId), plan_id: null });
    return rows[0];
  }

  /** The call is refused with that code (and field), and the database is exactly as it was: no row, no audit entry. */
  async function expectRefused(call: () => Promise<GraphQLResponse>, code: string, field?: string): Promise<GraphQLResponse> {
    const before = await databaseFingerprint(server.dataSource);
    const result = await call();
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).to.equal(code);
    if (field !== undefined) expect(result.errors![0].extensions?.field, JSON.stringify(result.errors)).to.equal(field);
    expect(result.data ?? null, 'no data').to.satisfy((data: Record<string, unknown> | null) => data === null || Object.values(data).every((v) => v === null));
    expect(await databaseFingerprint(server.dataSource), 'the database is unchanged').to.equal(before);
    return result;
  }

  async function invite(input: Record<string, unknown> = {}): Promise<UserRow> {
    const n = unique();
    return (await server.ok<{ inviteUser: UserRow }>(INVITE, { input: { name: `Person ${n}`, email: `person.${n}@city.gov`, role: 'VIEWER', ...input } })).inviteUser;
  }

  async function issue(userId: string, input: Record<string, unknown> = {}): Promise<{ token: string; apiToken: TokenRow }> {
    return (await server.ok<{ createToken: { token: string; apiToken: TokenRow } }>(CREATE_TOKEN, { userId, input: { label: 'laptop', ...input } })).createToken;
  }

  /** The user a token signs in as, or the error code it gets. */
  async function signedInAs(token: string): Promise<string> {
    const result = await server.as(token).gql<{ viewer: { name: string; role: string } }>(VIEWER);
    return result.errors ? String(result.errors[0].extensions?.code) : `${result.data!.viewer.name} (${result.data!.viewer.role})`;
  }

  /** A browser session of the user, as single sign-on would start it; its cookie value. */
  function startSession(userId: string): Promise<string> {
    return new Sessions(server.dataSource, fixedInstantClock(new Date()), { idleMinutes: 60, maxHours: 8 }).start(rowIdOf(userId));
  }

  /** A GraphQL read as a signed-in browser sends it from Cairn's pages: the cookie and Cairn's origin. */
  async function withSession(cookie: string, query: string): Promise<{ status: number; body: GraphQLResponse }> {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `cairn_session=${cookie}`, origin: new URL(server.url).origin }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  describe('users (admins only)', () => {
    it('lists every user with role, agency, email, state, single sign-on link and tokens, never a token itself or its hash', async () => {
      const invited = await invite({ role: 'EDITOR', agencyId: agencies.HSA });
      const { token } = await issue(invited.id, { label: 'Nightly export', expiresOn: '2027-06-30' });
      const { users } = await server.ok<{ users: UserRow[] }>(`{ users { ${USER_FIELDS} } }`);
      const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      expect(users.map((u) => u.name)).to.deep.equal([...users.map((u) => u.name)].sort(byName.compare));
      const rows = await sql<{ id: number }>(server.dataSource, 'SELECT id FROM app_user');
      expect(users).to.have.length(rows.length);
      const listed = users.find((u) => u.id === invited.id)!;
      expect(listed).to.deep.include({ name: invited.name, email: invited.email, role: 'EDITOR', disabled: false, disabledAt: null, linkedToSingleSignOn: false, agency: { shortName: 'HSA' } });
      expect(listed.tokens).to.have.length(1);
      expect(listed.tokens[0]).to.deep.include({ label: 'Nightly export', expiresAt: '2027-07-01T07:00:00.000Z', revokedAt: null, readOnly: false, active: true });
      const text = JSON.stringify(users);
      expect(text).not.to.include(token);
      expect(text).not.to.include(sha256(token));
      expect(users.find((u) => u.name === 'Vic Viewer')).to.deep.include({ role: 'VIEWER', email: null, agency: null });
    });

    it('is FORBIDDEN to viewers, editors and an admin\'s read-only token, UNAUTHENTICATED to anonymous callers', async () => {
      for (const client of [viewer, editor, adminReadOnly]) {
        const result = await client.gql('{ users { id } }');
        expect(result.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
        expect(result.data ?? null).to.equal(null);
      }
      const anonymous = await openServer.as(null).gql('{ users { id } }');
      expect(anonymous.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    });

    it('a user is a node for admins only, and their audit trail is for admins only', async () => {
      const invited = await invite();
      expect((await server.ok<{ node: { name: string } | null }>('query($id: ID!) { node(id: $id) { ... on User { name } } }', { id: invited.id })).node).to.deep.equal({ name: invited.name });
      expect((await viewer.ok<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: invited.id })).node).to.equal(null);
      const trail = await server.ok<{ auditTrail: { nodes: { action: string; actor: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id) { nodes { action actor } } }', { id: invited.id });
      expect(trail.auditTrail.nodes).to.deep.equal([{ action: 'inviteUser', actor: 'Test admin' }]);
      const refused = await viewer.gql('query($id: ID!) { auditTrail(entityId: $id) { nodes { action } } }', { id: invited.id });
      expect(refused.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    });
  });

  describe('inviteUser', () => {
    it('registers the person by their email (lower-cased), role and agency, audited; they have no token and are not linked yet', async () => {
      const since = await mark();
      const n = unique();
      const { inviteUser } = await server.ok<{ inviteUser: UserRow }>(INVITE, { input: { name: ' Ana Ruiz ', email: ` Ana.Ruiz.${n}@City.GOV `, role: 'EDITOR', agencyId: agencies.SFPD } });
      expect(inviteUser).to.deep.include({ name: 'Ana Ruiz', email: `ana.ruiz.${n}@city.gov`, role: 'EDITOR', agency: { shortName: 'SFPD' }, disabled: false, linkedToSingleSignOn: false, tokens: [] });
      const audit = await expectOneAudit(since, 'inviteUser', 'User', inviteUser.id);
      expect(audit.changes).to.deep.include({ name: { before: null, after: 'Ana Ruiz' }, email: { before: null, after: `ana.ruiz.${n}@city.gov` }, role: { before: null, after: 'EDITOR' }, agencyId: { before: null, after: rowIdOf(agencies.SFPD) } });
    });

    it('refuses a taken email in any case, a non-address, an editor without an agency, a blank name (BAD_USER_INPUT, by field) and an unknown agency (NOT_FOUND)', async () => {
      const taken = await invite();
      const input = (changes: Record<string, unknown>) => ({ input: { name: 'Someone', email: `someone.${unique()}@city.gov`, role: 'VIEWER', ...changes } });
      const refused = await expectRefused(() => server.gql(INVITE, input({ email: taken.email!.toUpperCase() })), 'BAD_USER_INPUT', 'email');
      expect(refused.errors![0].message).to.equal('Another user already has that email.');
      await expectRefused(() => server.gql(INVITE, input({ email: 'not an address' })), 'BAD_USER_INPUT', 'email');
      const editorRefused = await expectRefused(() => server.gql(INVITE, input({ role: 'EDITOR' })), 'BAD_USER_INPUT', 'agencyId');
      expect(editorRefused.errors![0].message).to.match(/An editor belongs to an agency/);
      await expectRefused(() => server.gql(INVITE, input({ name: '   ' })), 'BAD_USER_INPUT', 'name');
      await expectRefused(() => server.gql(INVITE, input({ agencyId: toGlobalId('Agency', 99_999) })), 'NOT_FOUND', 'agencyId');
    });

    it('is FORBIDDEN to viewers, editors and read-only tokens, UNAUTHENTICATED to anonymous callers; nothing is written', async () => {
      const variables = { input: { name: 'Intruder', email: `intruder.${unique()}@city.gov`, role: 'ADMIN' } };
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(INVITE, variables), 'FORBIDDEN');
      const anonymous = await openServer.as(null).gql(INVITE, variables);
      expect(anonymous.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    });
  });

  describe('updateUser', () => {
    it('changes role and agency, effective on the user\'s next request, audited with the values before and after', async () => {
      const person = await invite();
      const { token } = await issue(person.id);
      expect(await signedInAs(token)).to.equal(`${person.name} (VIEWER)`);
      const since = await mark();
      const { updateUser } = await server.ok<{ updateUser: UserRow }>(UPDATE, { id: person.id, input: { role: 'EDITOR', agencyId: agencies.DPH }, v: person.version });
      expect(updateUser).to.deep.include({ role: 'EDITOR', agency: { shortName: 'DPH' }, version: person.version + 1 });
      expect(await signedInAs(token)).to.equal(`${person.name} (EDITOR)`);
      const audit = await expectOneAudit(since, 'updateUser', 'User', person.id);
      expect(audit.changes).to.deep.equal({ role: { before: 'VIEWER', after: 'EDITOR' }, agencyId: { before: null, after: rowIdOf(agencies.DPH) } });
      // Renamed, agency kept; a viewer may have no agency.
      const renamed = (await server.ok<{ updateUser: UserRow }>(UPDATE, { id: person.id, input: { name: 'Renamed Person', role: 'VIEWER', agencyId: null } })).updateUser;
      expect(renamed).to.deep.include({ name: 'Renamed Person', role: 'VIEWER', agency: null });
    });

    it('refuses a stale version (CONFLICT), an editor without an agency, a blank name, an unknown user or agency; nothing changes', async () => {
      const person = await invite({ role: 'EDITOR', agencyId: agencies.SFPD });
      await server.ok(UPDATE, { id: person.id, input: { name: 'Changed meanwhile' } });
      await expectRefused(() => server.gql(UPDATE, { id: person.id, input: { role: 'VIEWER' }, v: person.version }), 'CONFLICT');
      await expectRefused(() => server.gql(UPDATE, { id: person.id, input: { agencyId: null } }), 'BAD_USER_INPUT', 'agencyId');
      await expectRefused(() => server.gql(UPDATE, { id: person.id, input: { name: ' ' } }), 'BAD_USER_INPUT', 'name');
      await expectRefused(() => server.gql(UPDATE, { id: toGlobalId('User', 99_999), input: { name: 'Nobody' } }), 'NOT_FOUND', 'id');
      await expectRefused(() => server.gql(UPDATE, { id: person.id, input: { agencyId: toGlobalId('Agency', 99_999) } }), 'NOT_FOUND', 'agencyId');
      await expectRefused(() => server.gql(UPDATE, { id: agencies.SFPD, input: { name: 'Not a user' } }), 'BAD_USER_INPUT', 'id');
    });

    it('is FORBIDDEN to viewers, editors and read-only tokens', async () => {
      const person = await invite();
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(UPDATE, { id: person.id, input: { role: 'ADMIN' } }), 'FORBIDDEN');
    });
  });

  describe('disableUser and enableUser', () => {
    it('disabling revokes the user\'s tokens and ends their sessions at once (UNAUTHENTICATED after), audited without any token text', async () => {
      const person = await invite({ role: 'EDITOR', agencyId: agencies.SFPD });
      const first = await issue(person.id);
      const second = await issue(person.id, { readOnly: true, label: 'calendar' });
      const cookie = await startSession(person.id);
      expect(await signedInAs(first.token)).to.equal(`${person.name} (EDITOR)`);
      expect((await withSession(cookie, VIEWER)).body.data).to.deep.equal({ viewer: { name: person.name, role: 'EDITOR', agency: { shortName: 'SFPD' } } });
      const since = await mark();
      const { disableUser } = await server.ok<{ disableUser: UserRow }>(DISABLE, { id: person.id });
      expect(disableUser.disabled).to.equal(true);
      expect(Date.parse(disableUser.disabledAt!)).to.be.closeTo(Date.now(), 60_000);
      expect(disableUser.tokens.map((t) => ({ active: t.active, revoked: t.revokedAt !== null }))).to.deep.equal([
        { active: false, revoked: true },
        { active: false, revoked: true },
      ]);
      for (const token of [first.token, second.token]) expect(await signedInAs(token)).to.equal('UNAUTHENTICATED');
      const afterSession = await withSession(cookie, VIEWER);
      expect(afterSession.status).to.equal(401);
      expect(afterSession.body.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
      expect(await server.dataSource.getRepository(BrowserSession).countBy({ userId: rowIdOf(person.id) })).to.equal(0);
      const calendar = await fetch(`${new URL(server.url).origin}/calendar/plan/${planId}.ics?token=${encodeURIComponent(second.token)}`);
      expect(calendar.status).to.equal(401);
      const audit = await expectOneAudit(since, 'disableUser', 'User', person.id);
      expect(audit.changes.disabledAt).to.deep.equal({ before: null, after: disableUser.disabledAt });
      expect(audit.changes.activeTokens).to.deep.equal({ before: [first.apiToken.id, second.apiToken.id], after: [] });
      expect(audit.changes.sessions).to.deep.equal({ before: 1, after: 0 });
      for (const secret of [first.token, second.token, sha256(first.token), sha256(second.token)]) expect(audit.raw).not.to.include(secret);
    });

    it('enabling lets the user sign in again, their old tokens staying revoked; audited', async () => {
      const person = await invite();
      const old = await issue(person.id);
      await server.ok(DISABLE, { id: person.id });
      const since = await mark();
      const { enableUser } = await server.ok<{ enableUser: UserRow }>(ENABLE, { id: person.id });
      expect(enableUser).to.deep.include({ disabled: false, disabledAt: null });
      expect(await signedInAs(old.token)).to.equal('UNAUTHENTICATED');
      await expectOneAudit(since, 'enableUser', 'User', person.id);
      const fresh = await issue(person.id);
      expect(await signedInAs(fresh.token)).to.equal(`${person.name} (VIEWER)`);
    });

    it('refuses to disable a disabled user or enable an enabled one (CONFLICT), an unknown user (NOT_FOUND); FORBIDDEN to non-admins', async () => {
      const person = await invite();
      await expectRefused(() => server.gql(ENABLE, { id: person.id }), 'CONFLICT');
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(DISABLE, { id: person.id }), 'FORBIDDEN');
      await server.ok(DISABLE, { id: person.id });
      await expectRefused(() => server.gql(DISABLE, { id: person.id }), 'CONFLICT');
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(ENABLE, { id: person.id }), 'FORBIDDEN');
      await expectRefused(() => server.gql(DISABLE, { id: toGlobalId('User', 99_999) }), 'NOT_FOUND', 'id');
      await expectRefused(() => server.gql(ENABLE, { id: toGlobalId('User', 99_999) }), 'NOT_FOUND', 'id');
    });
  });

  describe('the last active admin', () => {
    it('cannot be demoted or disabled, by themselves or anyone; with a second admin, either may be', async () => {
      const solo = await startTestServer({ seed: false });
      try {
        const [admin] = await sql<{ id: number }>(solo.dataSource, "SELECT id FROM app_user WHERE name = 'Test admin'");
        const adminId = toGlobalId('User', admin.id);
        const before = await databaseFingerprint(solo.dataSource);
        const demoted = await solo.gql(UPDATE, { id: adminId, input: { role: 'VIEWER' } });
        expect(demoted.errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'role' });
        expect(demoted.errors![0].message).to.match(/only active admin/);
        const disabled = await solo.gql(DISABLE, { id: adminId });
        expect(disabled.errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'id' });
        expect(disabled.errors![0].message).to.match(/only active admin/);
        expect(await databaseFingerprint(solo.dataSource)).to.equal(before);
        // A disabled admin does not count: promoting a disabled user leaves the rule where it was.
        const dormant = (await solo.ok<{ inviteUser: UserRow }>(INVITE, { input: { name: 'Dormant Admin', email: 'dormant@city.gov', role: 'ADMIN' } })).inviteUser;
        await solo.ok(DISABLE, { id: dormant.id });
        expect((await solo.gql(UPDATE, { id: adminId, input: { role: 'VIEWER' } })).errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'role' });
        // With a second active admin, the first may step down (and is a VIEWER at once).
        await solo.ok(ENABLE, { id: dormant.id });
        const second = solo.as((await solo.ok<{ createToken: { token: string } }>(CREATE_TOKEN, { userId: dormant.id, input: { label: 'admin' } })).createToken.token);
        const stepped = (await solo.ok<{ updateUser: UserRow }>(UPDATE, { id: adminId, input: { role: 'VIEWER' } })).updateUser;
        expect(stepped.role).to.equal('VIEWER');
        expect((await solo.gql(DISABLE, { id: dormant.id })).errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
        // Now the second is the last: they may not disable or demote themselves, but may promote the first again.
        expect((await second.gql(DISABLE, { id: dormant.id })).errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'id' });
        expect((await second.gql(UPDATE, { id: dormant.id, input: { role: 'EDITOR', agencyId: null } })).errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'agencyId' });
        expect((await second.gql(UPDATE, { id: dormant.id, input: { role: 'VIEWER' } })).errors?.[0]?.extensions).to.include({ code: 'BAD_USER_INPUT', field: 'role' });
        expect((await second.ok<{ updateUser: UserRow }>(UPDATE, { id: adminId, input: { role: 'ADMIN' } })).updateUser.role).to.equal('ADMIN');
        expect((await second.ok<{ disableUser: UserRow }>(DISABLE, { id: dormant.id })).disableUser.disabled).to.equal(true);
      } finally {
        await solo.stop();
      }
    });
  });

  describe('createToken and revokeToken (admins, any user\'s)', () => {
    it('issues a token shown once that signs in as the user; stored only as its hash; expiresOn means the end of that day in the plan\'s zone; audited without the token', async () => {
      const person = await invite({ role: 'EDITOR', agencyId: agencies.SFPD });
      const since = await mark();
      const { token, apiToken } = await issue(person.id, { label: 'Export script', expiresOn: '2027-06-30' });
      expect(token).to.match(/^cairn_[A-Za-z0-9_-]{43}$/);
      expect(apiToken).to.deep.include({ label: 'Export script', readOnly: false, revokedAt: null, active: true, expiresAt: '2027-07-01T07:00:00.000Z' });
      expect(await signedInAs(token)).to.equal(`${person.name} (EDITOR)`);
      const [row] = await sql(server.dataSource, 'SELECT * FROM api_token WHERE id = ?', [rowIdOf(apiToken.id)]);
      expect(row.token_hash).to.equal(sha256(token));
      expect(JSON.stringify(row)).not.to.include(token);
      const audit = await expectOneAudit(since, 'createToken', 'ApiToken', apiToken.id);
      expect(audit.changes).to.deep.equal({
        userId: { before: null, after: rowIdOf(person.id) },
        label: { before: null, after: 'Export script' },
        readOnly: { before: null, after: false },
        expiresAt: { before: null, after: '2027-07-01T07:00:00.000Z' },
      });
      expect(audit.raw).not.to.include(token);
      expect(audit.raw).not.to.include(sha256(token));
      // In winter the same Pacific midnight is 08:00 UTC; the token works up to the instant before.
      const winter = await issue(person.id, { label: 'Winter', expiresOn: '2027-01-15' });
      expect(winter.apiToken.expiresAt).to.equal('2027-01-16T08:00:00.000Z');
      const at = (instant: string) => new Authenticator(server.dataSource, fixedInstantClock(new Date(instant))).viewerFor(winter.token);
      expect((await at('2027-01-16T07:59:59.999Z'))?.name).to.equal(person.name);
      expect(await at('2027-01-16T08:00:00.000Z')).to.equal(null);
    });

    it('a read-only token reads, and can write nothing: FORBIDDEN', async () => {
      const person = await invite({ role: 'ADMIN' });
      const { token, apiToken } = await issue(person.id, { readOnly: true });
      expect(apiToken.readOnly).to.equal(true);
      const client = server.as(token);
      expect(await signedInAs(token)).to.equal(`${person.name} (VIEWER)`);
      await expectRefused(() => client.gql('mutation($id: ID!) { updatePlan(id: $id, input: { description: "Changed" }) { id } }', { id: planId }), 'FORBIDDEN');
      await expectRefused(() => client.gql(CREATE_MY_TOKEN, { input: { label: 'More' } }), 'FORBIDDEN');
      await expectRefused(() => client.gql(REVOKE_MY_TOKEN, { id: apiToken.id }), 'FORBIDDEN');
    });

    it('refuses a past day, a blank label (BAD_USER_INPUT, by field), a disabled user (CONFLICT), an unknown user (NOT_FOUND); FORBIDDEN to non-admins', async () => {
      const person = await invite();
      const refused = await expectRefused(() => server.gql(CREATE_TOKEN, { userId: person.id, input: { label: 'Late', expiresOn: '2026-11-27' } }), 'BAD_USER_INPUT', 'expiresOn');
      expect(refused.errors![0].message).to.equal('expiresOn must be today or a later day: a token stops at the end of that day in America/Los_Angeles, and today there is 2026-11-28.');
      await expectRefused(() => server.gql(CREATE_TOKEN, { userId: person.id, input: { label: '  ' } }), 'BAD_USER_INPUT', 'label');
      await expectRefused(() => server.gql(CREATE_TOKEN, { userId: person.id, input: { label: 'Bad day', expiresOn: '2027-02-30' } }), 'BAD_USER_INPUT');
      await expectRefused(() => server.gql(CREATE_TOKEN, { userId: toGlobalId('User', 99_999), input: { label: 'x' } }), 'NOT_FOUND', 'userId');
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(CREATE_TOKEN, { userId: person.id, input: { label: 'x' } }), 'FORBIDDEN');
      await server.ok(DISABLE, { id: person.id });
      await expectRefused(() => server.gql(CREATE_TOKEN, { userId: person.id, input: { label: 'x' } }), 'CONFLICT');
    });

    it('revokes any user\'s token, which stops working at once; audited; a revoked token cannot be revoked again (CONFLICT), an unknown one is NOT_FOUND; FORBIDDEN to non-admins', async () => {
      const person = await invite();
      const { token, apiToken } = await issue(person.id);
      for (const client of [viewer, editor, adminReadOnly]) await expectRefused(() => client.gql(REVOKE_TOKEN, { id: apiToken.id }), 'FORBIDDEN');
      expect(await signedInAs(token)).to.equal(`${person.name} (VIEWER)`);
      const since = await mark();
      const { revokeToken } = await server.ok<{ revokeToken: TokenRow }>(REVOKE_TOKEN, { id: apiToken.id });
      expect(revokeToken.active).to.equal(false);
      expect(Date.parse(revokeToken.revokedAt!)).to.be.closeTo(Date.now(), 60_000);
      expect(await signedInAs(token)).to.equal('UNAUTHENTICATED');
      const audit = await expectOneAudit(since, 'revokeToken', 'ApiToken', apiToken.id);
      expect(audit.changes).to.deep.equal({ revokedAt: { before: null, after: revokeToken.revokedAt } });
      await expectRefused(() => server.gql(REVOKE_TOKEN, { id: apiToken.id }), 'CONFLICT');
      await expectRefused(() => server.gql(REVOKE_TOKEN, { id: toGlobalId('ApiToken', 99_999) }), 'NOT_FOUND', 'id');
    });
  });

  describe('createMyToken, revokeMyToken and viewer.tokens (anyone signed in, for themselves)', () => {
    it('a viewer makes a read-only token for a calendar feed: it is shown once, listed without its text, reads the feed and writes nothing; audited as theirs', async () => {
      const since = await mark();
      const { createMyToken } = await viewer.ok<{ createMyToken: { token: string; apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Phone calendar', expiresOn: '2027-12-31' } });
      expect(createMyToken.apiToken).to.deep.include({ label: 'Phone calendar', readOnly: true, active: true, expiresAt: '2028-01-01T08:00:00.000Z' });
      await expectOneAudit(since, 'createMyToken', 'ApiToken', createMyToken.apiToken.id, 'Vic Viewer');
      const mine = (await viewer.ok<{ viewer: { tokens: TokenRow[] } }>(MY_TOKENS)).viewer.tokens;
      expect(mine.map((t) => t.id)).to.include(createMyToken.apiToken.id);
      expect(JSON.stringify(mine)).not.to.include(createMyToken.token);
      const feed = await fetch(`${new URL(server.url).origin}/calendar/plan/${planId}.ics?token=${encodeURIComponent(createMyToken.token)}`);
      expect(feed.status).to.equal(200);
      expect(await feed.text()).to.match(/^BEGIN:VCALENDAR/);
      await expectRefused(() => server.as(createMyToken.token).gql('mutation { createAgency(input: { name: "Feed Agency", shortName: "FEED", kind: OTHER, jurisdiction: CITY }) { id } }'), 'FORBIDDEN');
    });

    it('an editor\'s and an admin\'s own tokens are read-only too: they act as a VIEWER', async () => {
      for (const [client, name] of [[editor, 'Eddie Editor'], [server as Client, 'Test admin']] as const) {
        const { createMyToken } = await client.ok<{ createMyToken: { token: string; apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Calendar' } });
        expect(createMyToken.apiToken).to.deep.include({ readOnly: true, expiresAt: null });
        expect(await signedInAs(createMyToken.token)).to.equal(`${name} (VIEWER)`);
        await expectRefused(() => server.as(createMyToken.token).gql(INVITE, { input: { name: 'X', email: `x.${unique()}@city.gov`, role: 'ADMIN' } }), 'FORBIDDEN');
      }
    });

    it('lists only one\'s own tokens; someone else\'s token is NOT_FOUND to revokeMyToken and stays active', async () => {
      const mine = (await viewer.ok<{ createMyToken: { apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Mine' } })).createMyToken.apiToken;
      const theirs = (await editor.ok<{ createMyToken: { token: string; apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Theirs' } })).createMyToken;
      const viewerTokens = (await viewer.ok<{ viewer: { tokens: TokenRow[] } }>(MY_TOKENS)).viewer.tokens.map((t) => t.id);
      expect(viewerTokens).to.include(mine.id);
      expect(viewerTokens).not.to.include(theirs.apiToken.id);
      const refused = await expectRefused(() => viewer.gql(REVOKE_MY_TOKEN, { id: theirs.apiToken.id }), 'NOT_FOUND', 'id');
      expect(refused.errors![0].message).to.equal('No token with that id.');
      expect(await signedInAs(theirs.token)).to.equal('Eddie Editor (VIEWER)');
      await expectRefused(() => viewer.gql(REVOKE_MY_TOKEN, { id: toGlobalId('ApiToken', 99_999) }), 'NOT_FOUND', 'id');
    });

    it('revoking one\'s own token cuts the feed at once; audited; again is CONFLICT', async () => {
      const { token, apiToken } = (await viewer.ok<{ createMyToken: { token: string; apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Desk calendar' } })).createMyToken;
      const feed = () => fetch(`${new URL(server.url).origin}/calendar/plan/${planId}.ics?token=${encodeURIComponent(token)}`);
      expect((await feed()).status).to.equal(200);
      const since = await mark();
      const { revokeMyToken } = await viewer.ok<{ revokeMyToken: TokenRow }>(REVOKE_MY_TOKEN, { id: apiToken.id });
      expect(revokeMyToken.active).to.equal(false);
      await expectOneAudit(since, 'revokeMyToken', 'ApiToken', apiToken.id, 'Vic Viewer');
      expect((await feed()).status).to.equal(401);
      await expectRefused(() => viewer.gql(REVOKE_MY_TOKEN, { id: apiToken.id }), 'CONFLICT');
    });

    it('refuses a past day and a blank label (BAD_USER_INPUT, by field); anonymous callers are UNAUTHENTICATED and have no tokens', async () => {
      await expectRefused(() => viewer.gql(CREATE_MY_TOKEN, { input: { label: 'Old', expiresOn: '2026-11-01' } }), 'BAD_USER_INPUT', 'expiresOn');
      await expectRefused(() => viewer.gql(CREATE_MY_TOKEN, { input: { label: ' ' } }), 'BAD_USER_INPUT', 'label');
      const anonymous = openServer.as(null);
      expect((await anonymous.gql(CREATE_MY_TOKEN, { input: { label: 'Anon' } })).errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
      expect((await anonymous.gql(REVOKE_MY_TOKEN, { id: toGlobalId('ApiToken', 1) })).errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
      expect((await anonymous.ok<{ viewer: { tokens: TokenRow[] } }>(MY_TOKENS)).viewer.tokens).to.deep.equal([]);
      expect(await sql(openServer.dataSource, "SELECT id FROM api_token WHERE label = 'Anon'")).to.deep.equal([]);
    });

    it('a token is a node for its owner and admins only', async () => {
      const theirs = (await editor.ok<{ createMyToken: { apiToken: TokenRow } }>(CREATE_MY_TOKEN, { input: { label: 'Node' } })).createMyToken.apiToken;
      const node = 'query($id: ID!) { node(id: $id) { ... on ApiToken { label } } }';
      expect((await editor.ok<{ node: unknown }>(node, { id: theirs.id })).node).to.deep.equal({ label: 'Node' });
      expect((await server.ok<{ node: unknown }>(node, { id: theirs.id })).node).to.deep.equal({ label: 'Node' });
      expect((await viewer.ok<{ node: unknown }>(node, { id: theirs.id })).node).to.equal(null);
    });
  });
});
