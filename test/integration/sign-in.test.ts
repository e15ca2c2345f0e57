/**
 * Single sign-on against a real OpenID provider (oidc-provider, with its development sign-in
 * pages) started here on 127.0.0.1, walked through with real HTTP and a cookie jar; browser
 * sessions backed by the session table, on SQLite or PostgreSQL (DATABASE_URL).
 */
import { expect } from 'chai';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { BrowserSession, User } from '../../src/entities';
import { UserAdmin } from '../../src/services/auth';
import { CookieBrowser, Page } from '../support/browser-http';
import { onPostgres } from '../support/database';
import { runToExit } from '../support/server-process';
import { OpenIdProvider, startProvider } from '../support/openid-provider';
import { databaseFingerprint, startTestServer, TestServer } from '../support/test-server';

/** The provider's people: login name (the subject) → the claims it vouches for. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  ana: { email: 'ana.ruiz@city.gov', email_verified: true },
  'ana-impostor': { email: 'ana.ruiz@city.gov', email_verified: true },
  stranger: { email: 'stranger@example.org', email_verified: true },
  dora: { email: 'dora@city.gov', email_verified: true },
  vera: { email: 'vera@city.gov', email_verified: false },
  bo: { email: 'bo@city.gov', email_verified: true },
};

describe(`single sign-on and browser sessions (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, function () {
  this.timeout(60_000);
  let provider: OpenIdProvider;
  let server: TestServer;
  /** The same, behind a TLS proxy at an https:// public URL. */
  let httpsServer: TestServer;
  let users: UserAdmin;
  let cairn: string;
  const HTTPS_PUBLIC_URL = 'https://plans.example.org';

  before(async () => {
    provider = await startProvider(ACCOUNTS);
    const oidc = { issuer: provider.issuer, clientId: 'cairn', clientSecret: 'cairn-test-secret', requireVerifiedEmail: true };
    server = await startTestServer({ settings: { oidc, session: { idleMinutes: 30, maxHours: 2 } } });
    httpsServer = await startTestServer({ seed: false, settings: { oidc, publicUrl: HTTPS_PUBLIC_URL } });
    cairn = server.url.replace(/\/graphql$/, '');
    await provider.register([`${cairn}/auth/callback`, `${HTTPS_PUBLIC_URL}/auth/callback`]);
    users = new UserAdmin(server.dataSource, fixedDateClock(server.today));
    await users.createUser('Ana Ruiz', Role.EDITOR, 'SFPD', 'Ana.Ruiz@City.gov');
    await users.createUser('Vera Unverified', Role.VIEWER, undefined, 'vera@city.gov');
    await users.createUser('Bo Signer', Role.ADMIN, undefined, 'bo@city.gov');
  });
  after(async () => {
    await server?.stop();
    await httpsServer?.stop();
    await provider?.stop();
  });

  /** Signs in at Cairn as the provider's account `login`, through the provider's sign-in and consent pages; the page it ends at. */
  async function signIn(browser: CookieBrowser, login: string): Promise<Page> {
    let page = await browser.navigate(`${cairn}/auth/sign-in`);
    for (let step = 0; step < 5 && page.url.startsWith(provider.issuer); step++) {
      page = page.body.includes('value="login"') ? await browser.submit(page, { login, password: 'any' }) : await browser.submit(page);
    }
    return page;
  }

  /**
   * Signs in as `login` at the provider and stops at Cairn's callback: its URL (with the code and
   * state) and Cairn's answer as sent (its Set-Cookie headers), redirects not followed.
   */
  async function throughProvider(browser: CookieBrowser, login: string, site = { listening: cairn, public: cairn }): Promise<{ callback: string; answer: Response }> {
    let url = `${site.listening}/auth/sign-in`;
    let response = await browser.request(url);
    for (let hops = 0; hops < 30; hops++) {
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
        // Behind a TLS proxy the public URL reaches the listening address; here the test is the proxy.
        if (url.startsWith(`${site.public}/auth/callback?`)) {
          const callback = url;
          return { callback, answer: await browser.request(site.listening + callback.slice(site.public.length)) };
        }
        response = await browser.request(url);
        continue;
      }
      const body = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(body)![1];
      const fields: Record<string, string> = body.includes('value="login"') ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' };
      url = new URL(action, url).href;
      response = await browser.request(url, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    throw new Error(`The provider never sent ${login} back to Cairn`);
  }

  /** A GraphQL request as the browser would send it from Cairn's pages: its cookies and Cairn's Origin. */
  async function gql(browser: CookieBrowser, query: string, headers: Record<string, string> = { origin: cairn }): Promise<{ status: number; body: any }> {
    const response = await browser.request(server.url, { method: 'POST', body: JSON.stringify({ query }), headers: { 'content-type': 'application/json', ...headers } });
    return { status: response.status, body: await response.json() };
  }

  const VIEWER = '{ viewer { name role agency { shortName } } }';
  const WRITE = 'mutation { createAgency(input: { name: "Cross-site Agency", shortName: "XSA", kind: OTHER, jurisdiction: CITY }) { id } }';
  const sessionCount = () => server.dataSource.getRepository(BrowserSession).count();

  describe('invitations', () => {
    it('an invited email is stored trimmed and lower-cased', async () => {
      expect((await server.dataSource.getRepository(User).findOneByOrFail({ name: 'Ana Ruiz' })).email).to.equal('ana.ruiz@city.gov');
    });

    it('npm run user -- create --email invites (no token printed); list shows the address; a taken address is refused, exit 1', async () => {
      const create = (email: string) => runToExit('dist/src/cli/user.js', ['create', '--name', 'Cli Invitee', '--role', 'VIEWER', '--email', email], server.database.env);
      const created = await create('Cli.Invitee@City.gov');
      expect(created.code, created.output).to.equal(0);
      expect(created.output).to.match(/Invited cli\.invitee@city\.gov: they sign in with single sign-on/);
      expect(created.output).not.to.match(/Token|cairn_/);
      const listed = await runToExit('dist/src/cli/user.js', ['list'], server.database.env);
      expect(listed.output).to.match(/Cli Invitee <cli\.invitee@city\.gov>  VIEWER  tokens: none/);
      const again = await create('CLI.INVITEE@city.gov');
      expect(again.code).to.equal(1);
      expect(again.output.trim()).to.equal('Another user already has that email.');
    });

    it('a second user with the same email in another case is refused, and so is a non-address; no user is created', async () => {
      const count = await server.dataSource.getRepository(User).count();
      let error: unknown;
      await users.createUser('Ana Again', Role.VIEWER, undefined, 'ANA.RUIZ@city.gov').catch((e) => (error = e));
      expect(String(error)).to.match(/already has that email/);
      error = undefined;
      await users.createUser('No Address', Role.VIEWER, undefined, 'not-an-address').catch((e) => (error = e));
      expect(String(error)).to.match(/--email must be an email address/);
      expect(await server.dataSource.getRepository(User).count()).to.equal(count);
    });
  });

  it('a full sign-in: the invited user links their identity, gets an HttpOnly SameSite=Lax session cookie, and GraphQL answers as them with only the cookie', async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, 'ana');
    expect(page.url).to.equal(`${cairn}/dashboard`);
    const cookie = browser.cookie(cairn, 'cairn_session');
    expect(cookie).to.be.a('string');
    const ana = await server.dataSource.getRepository(User).findOneByOrFail({ email: 'ana.ruiz@city.gov' });
    expect(ana).to.include({ oidcIssuer: provider.issuer, oidcSubject: 'ana' });
    const { status, body } = await gql(browser, VIEWER);
    expect(status).to.equal(200);
    expect(body.data.viewer).to.deep.equal({ name: 'Ana Ruiz', role: 'EDITOR', agency: { shortName: 'SFPD' } });
  });

  it('the session cookie is HttpOnly, SameSite=Lax, Path=/, not Secure on an http public URL', async () => {
    const { answer } = await throughProvider(new CookieBrowser(), 'bo');
    expect(answer.status).to.equal(303);
    const session = answer.headers.getSetCookie().find((line) => line.startsWith('cairn_session='))!;
    expect(session).to.match(/; Path=\//);
    expect(session).to.match(/; HttpOnly/);
    expect(session).to.match(/; SameSite=Lax/);
    expect(session).not.to.match(/Secure/);
  });

  it('behind an https:// public URL, the sign-in and session cookies are Secure and the provider returns to the public URL', async () => {
    await new UserAdmin(httpsServer.dataSource, fixedDateClock(httpsServer.today)).createUser('Bo Signer', Role.ADMIN, undefined, 'bo@city.gov');
    const listening = httpsServer.url.replace(/\/graphql$/, '');
    const start = await fetch(`${listening}/auth/sign-in`, { redirect: 'manual' });
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).to.equal(`${HTTPS_PUBLIC_URL}/auth/callback`);
    expect(start.headers.getSetCookie().find((line) => line.startsWith('cairn_sign_in='))).to.match(/; Path=\/auth;.*HttpOnly; Secure; SameSite=Lax/);
    const { answer } = await throughProvider(new CookieBrowser(), 'bo', { listening, public: HTTPS_PUBLIC_URL });
    expect(answer.headers.get('location')).to.equal(`${HTTPS_PUBLIC_URL}/`);
    expect(answer.headers.getSetCookie().find((line) => line.startsWith('cairn_session='))).to.match(/; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  it('a sign-in cancelled at the provider comes back refused (400, "not completed"), with no session', async () => {
    const browser = new CookieBrowser();
    const login = await browser.navigate(`${cairn}/auth/sign-in`);
    const abort = new URL(login.url);
    abort.pathname += '/abort';
    const page = await browser.navigate(abort.href);
    expect(page.status).to.equal(400);
    expect(page.body).to.match(/Sign-in not completed/);
    expect(browser.cookie(cairn, 'cairn_session')).to.equal(undefined);
  });

  it('an unknown email gets the "ask your task force administrator" page (403) and no account', async () => {
    const before = await server.dataSource.getRepository(User).count();
    const browser = new CookieBrowser();
    const page = await signIn(browser, 'stranger');
    expect(page.status).to.equal(403);
    expect(page.body).to.match(/Ask your task force administrator/);
    expect(browser.cookie(cairn, 'cairn_session')).to.equal(undefined);
    expect(await server.dataSource.getRepository(User).count()).to.equal(before);
    expect(await server.dataSource.getRepository(User).existsBy({ email: 'stranger@example.org' })).to.equal(false);
  });

  it('a disabled user is refused (403) and gets no session; disabling ends the sessions a user has', async () => {
    const dora = await users.createUser('Dora Disabled', Role.EDITOR, 'SFPD', 'dora@city.gov');
    const browser = new CookieBrowser();
    expect((await signIn(browser, 'dora')).url).to.equal(`${cairn}/dashboard`);
    expect((await gql(browser, VIEWER)).body.data.viewer.name).to.equal('Dora Disabled');
    await users.disableUser(dora.rowId);
    const after = await gql(browser, VIEWER);
    expect(after.status).to.equal(401);
    expect(after.body.errors[0].extensions.code).to.equal('UNAUTHENTICATED');
    const again = new CookieBrowser();
    const page = await signIn(again, 'dora');
    expect(page.status).to.equal(403);
    expect(page.body).to.match(/disabled/);
    expect(again.cookie(cairn, 'cairn_session')).to.equal(undefined);
  });

  it('an email the provider has not verified is refused (403), though invited', async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, 'vera');
    expect(page.status).to.equal(403);
    expect(page.body).to.match(/not verified/);
    expect(browser.cookie(cairn, 'cairn_session')).to.equal(undefined);
  });

  it("once linked, another identity with the same email is refused (403): the email alone does not sign in as Ana", async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, 'ana-impostor');
    expect(page.status).to.equal(403);
    expect(page.body).to.match(/linked to another sign-in account/);
    expect(browser.cookie(cairn, 'cairn_session')).to.equal(undefined);
  });

  it('a forged state (not the one this browser started with, or without the browser\'s sign-in cookie) is refused (400), no session', async () => {
    const before = await sessionCount();
    const browser = new CookieBrowser();
    await browser.request(`${cairn}/auth/sign-in`);
    const forged = await browser.navigate(`${cairn}/auth/callback?code=abc&state=forged-state`);
    expect(forged.status).to.equal(400);
    expect(forged.body).to.match(/expired or was already used/);
    // A real state started in the attacker's browser, delivered to a victim's browser.
    const attacker = new CookieBrowser();
    const start = await attacker.request(`${cairn}/auth/sign-in`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const victim = await new CookieBrowser().navigate(`${cairn}/auth/callback?code=abc&state=${encodeURIComponent(state)}`);
    expect(victim.status).to.equal(400);
    expect(victim.body).to.match(/expired or was already used/); // refused by Cairn before the code reaches the provider
    expect(await sessionCount()).to.equal(before);
  });

  it('a replayed callback (same state and code, same browser cookie) is refused (400), no second session', async () => {
    const browser = new CookieBrowser();
    const { callback } = await throughProvider(browser, 'bo');
    const stateCookie = new URL(callback).searchParams.get('state')!; // what the browser's cairn_sign_in cookie held
    expect(callback).to.match(/code=.*state=|state=.*code=/);
    expect(browser.cookie(cairn, 'cairn_session')).to.be.a('string');
    const sessions = await sessionCount();
    const replayer = new CookieBrowser();
    replayer.setCookie(cairn, 'cairn_sign_in', stateCookie);
    const replay = await replayer.navigate(callback);
    expect(replay.status).to.equal(400);
    expect(replay.body).to.match(/expired or was already used/);
    expect(replayer.cookie(cairn, 'cairn_session')).to.equal(undefined);
    expect(await sessionCount()).to.equal(sessions);
  });

  it('sessions end after the idle limit and after the absolute limit; the ended session is deleted', async () => {
    for (const [column, shift] of [
      ['last_seen_at', 30 * 60_000],
      ['created_at', 2 * 3_600_000],
    ] as const) {
      const browser = new CookieBrowser();
      await signIn(browser, 'bo');
      expect((await gql(browser, VIEWER)).status).to.equal(200);
      const [row] = await server.dataSource.query(`SELECT id_hash, ${column} AS "at" FROM session ORDER BY created_at DESC, last_seen_at DESC LIMIT 1`);
      // The clock moved on: the session's instant is set back by exactly the limit.
      const sessions = server.dataSource.getRepository(BrowserSession);
      const current = await sessions.findOneByOrFail({ idHash: row.id_hash });
      const moved = new Date(Date.parse(column === 'last_seen_at' ? current.lastSeenAt : current.createdAt) - shift).toISOString();
      await sessions.update({ idHash: row.id_hash }, column === 'last_seen_at' ? { lastSeenAt: moved } : { createdAt: moved });
      const after = await gql(browser, VIEWER);
      expect(after.status, column).to.equal(401);
      expect(after.body.errors[0].extensions.code).to.equal('UNAUTHENTICATED');
      expect(after.body.errors[0].message).to.match(/session has ended/);
      expect(await sessions.existsBy({ idHash: row.id_hash })).to.equal(false);
    }
  });

  it('a sign-in sweeps away the sessions that ended unused (idle or past their absolute end); live ones stay', async () => {
    const bo = await server.dataSource.getRepository(User).findOneByOrFail({ email: 'bo@city.gov' });
    const sessions = server.dataSource.getRepository(BrowserSession);
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    await sessions.insert([
      { idHash: 'a'.repeat(64), userId: bo.rowId, createdAt: at(60), lastSeenAt: at(31), expiresAt: at(-60) },
      { idHash: 'b'.repeat(64), userId: bo.rowId, createdAt: at(121), lastSeenAt: at(1), expiresAt: at(1) },
      { idHash: 'c'.repeat(64), userId: bo.rowId, createdAt: at(10), lastSeenAt: at(5), expiresAt: at(-110) },
    ]);
    await signIn(new CookieBrowser(), 'bo');
    expect(await sessions.existsBy({ idHash: 'a'.repeat(64) })).to.equal(false);
    expect(await sessions.existsBy({ idHash: 'b'.repeat(64) })).to.equal(false);
    expect(await sessions.existsBy({ idHash: 'c'.repeat(64) })).to.equal(true);
  });

  it('sign-out ends the session: the row is deleted, the cookie cleared, and the old cookie no longer works', async () => {
    const browser = new CookieBrowser();
    await signIn(browser, 'bo');
    const cookie = browser.cookie(cairn, 'cairn_session')!;
    const before = await sessionCount();
    const response = await browser.request(`${cairn}/auth/sign-out`, { method: 'POST', headers: { origin: cairn } });
    expect(response.status).to.equal(303);
    expect(browser.cookie(cairn, 'cairn_session')).to.equal(undefined);
    expect(await sessionCount()).to.equal(before - 1);
    const stale = new CookieBrowser();
    stale.setCookie(cairn, 'cairn_session', cookie);
    expect((await gql(stale, VIEWER)).status).to.equal(401);
  });

  it('a cookie-authenticated mutation with a foreign Origin, or with no Origin or Referer, is FORBIDDEN and changes nothing; from Cairn\'s origin it works', async () => {
    const browser = new CookieBrowser();
    await signIn(browser, 'bo');
    const before = await databaseFingerprint(server.dataSource);
    for (const headers of <Record<string, string>[]>[{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/page' }, {}, { origin: cairn.replace(/:\d+$/, ':1') }]) {
      const { status, body } = await gql(browser, WRITE, headers);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(headers)).to.equal('FORBIDDEN');
      expect(status).to.equal(403);
      expect(body.data ?? null).to.equal(null);
    }
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    const own = await gql(browser, WRITE, { referer: `${cairn}/dashboard` });
    expect(own.body.errors).to.equal(undefined);
    expect(own.body.data.createAgency.id).to.be.a('string');
  });

  it('without single sign-on configured (the local default), /auth/status says so and /auth/sign-in says how to get a token (404), sending nobody anywhere', async () => {
    expect(await (await fetch(`${cairn}/auth/status`)).json()).to.deep.equal({ singleSignOn: true });
    const local = await startTestServer({ seed: false });
    try {
      expect(await (await fetch(local.url.replace(/\/graphql$/, '/auth/status'))).json()).to.deep.equal({ singleSignOn: false });
      const response = await fetch(local.url.replace(/\/graphql$/, '/auth/sign-in'), { redirect: 'manual' });
      expect(response.status).to.equal(404);
      expect(response.headers.get('location')).to.equal(null);
      expect(await response.text()).to.match(/npm run user -- token/);
    } finally {
      await local.stop();
    }
  });

  it('a bearer token wins over a session cookie, and keeps working without one', async () => {
    const browser = new CookieBrowser();
    await signIn(browser, 'ana');
    const { body } = await gql(browser, VIEWER, { authorization: `Bearer ${server.adminToken}` });
    expect(body.data.viewer.name).to.equal('Test admin');
    expect((await server.as(server.adminToken).ok(VIEWER)).viewer.name).to.equal('Test admin');
  });
});
