/**
 * Signing in to the dashboard with single sign-on, in a real Chromium, through a real OpenID
 * provider (oidc-provider's development sign-in pages) started here; signing out ends the session.
 */
import { expect } from 'chai';
import { Browser } from 'playwright-core';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { UserAdmin } from '../../src/services/auth';
import { foreignRequests, launchBrowser, openSession, screenshot, Session, skipWithoutChromium } from '../support/browser';
import { OpenIdProvider, startProvider } from '../support/openid-provider';
import { startTestServer, TestServer } from '../support/test-server';

describe('Browser: signing in to the dashboard with single sign-on', function () {
  let provider: OpenIdProvider;
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  const origin = () => new URL(server.url).origin;

  before(async function () {
    skipWithoutChromium(this);
    provider = await startProvider({ ana: { email: 'ana.ruiz@city.gov', email_verified: true } });
    server = await startTestServer({ anonymousRead: false, settings: { oidc: { issuer: provider.issuer, clientId: 'cairn', clientSecret: 'cairn-test-secret', requireVerifiedEmail: true } } });
    await provider.register([`${origin()}/auth/callback`]);
    await new UserAdmin(server.dataSource, fixedDateClock(server.today)).createUser('Ana Ruiz', Role.EDITOR, 'SFPD', 'ana.ruiz@city.gov');
    browser = await launchBrowser();
  });
  after(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  it('a person signs in through the provider, reads as themselves without any token, and signs out', async () => {
    session = await openSession(browser, { expectedFailures: ['401 /graphql'] });
    const { page, problems } = session;
    // What Cairn's own pages ask for (the provider's development pages fetch a web font of their own; kept offline).
    const fromCairn: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.frame().url() || request.url()).origin === origin()) fromCairn.push(request.url());
    });
    await session.context.route((url) => url.origin !== origin() && url.origin !== provider.issuer, (route) => route.abort());
    await page.goto(`${origin()}/dashboard`);
    // Without a session the page says how to sign in, and offers single sign-on.
    await page.getByRole('alert').getByText('Sign in with single sign-on').waitFor();
    await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
    // The provider's own sign-in and consent pages.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    for (let step = 0; step < 3 && new URL(page.url()).origin === provider.issuer; step++) {
      await page.locator('button[type="submit"]').click();
      await page.waitForLoadState();
    }
    // Back at the dashboard, signed in by the session cookie: no token was stored.
    await page.getByText('Signed in as Ana Ruiz (EDITOR, SFPD)').waitFor();
    await page.getByRole('heading', { level: 2 }).waitFor();
    expect(await page.evaluate("localStorage.getItem('cairn.token')")).to.equal(null);
    const cookies = await session.context.cookies(origin());
    expect(cookies.find((c) => c.name === 'cairn_session')).to.include({ httpOnly: true, sameSite: 'Lax' });
    await screenshot(page, 'dashboard-signed-in-with-single-sign-on');
    // Signing out ends the session at the server; the page is back to signing in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with single sign-on' }).waitFor();
    expect((await session.context.cookies(origin())).find((c) => c.name === 'cairn_session')).to.equal(undefined);
    expect(problems).to.deep.equal([]);
    // Cairn's pages contacted Cairn only (the provider is reached by navigation, as the person signs in there).
    expect(foreignRequests(fromCairn, origin()).filter((url) => !url.startsWith(`${provider.issuer}/`))).to.deep.equal([]);
  });
});
