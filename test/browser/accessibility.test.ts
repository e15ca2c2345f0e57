/**
 * Every page Cairn serves to a browser, checked by axe-core against the WCAG 2.1 A and AA rules at
 * a desktop and a phone width: no serious or critical violation, no request to another host, no
 * console or page error. The dashboard's named pages are found from its own navigation (for an
 * admin and for an agency's editor), so a page added later is checked without touching this file.
 */
import { expect } from 'chai';
import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { axeViolations } from '../support/axe';
import { foreignRequests, launchBrowser, openSession, Session, skipWithoutChromium } from '../support/browser';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

const WIDTHS = [1280, 390];

describe('Browser: every page passes axe-core (WCAG 2.1 AA, no serious or critical violations)', function () {
  this.timeout(600_000);
  let server: TestServer;
  let browser: Browser;
  let plans: { first: string; current: string };
  let editorToken: string;
  let milestoneId: string;
  let meetingId: string;
  const origin = () => new URL(server.url).origin;

  before(async function () {
    skipWithoutChromium(this);
    server = await startTestServer();
    plans = await samplePlans(server);
    browser = await launchBrowser();
    const { milestones } = await server.ok<{ milestones: { nodes: { id: string; leadAgency: { shortName: string } }[] } }>(
      'query($p: ID!) { milestones(filter: { planId: $p, status: [AT_RISK] }, first: 1) { nodes { id leadAgency { shortName } } } }',
      { p: plans.current },
    );
    milestoneId = milestones.nodes[0].id;
    editorToken = await server.newToken(Role.EDITOR, milestones.nodes[0].leadAgency.shortName, 'Accessibility editor');
    const { plan } = await server.ok<{ plan: { meetings: { id: string }[] } }>('query($p: ID!) { plan(id: $p) { meetings { id } } }', { p: plans.current });
    meetingId = plan.meetings[0].id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens the address at each width, waits for what says it is ready, and checks the page. */
  async function check(what: string, url: string, ready: (page: Page) => Promise<unknown>, options: Parameters<typeof openSession>[1] = {}, headers?: Record<string, string>, fitsPhone = true): Promise<void> {
    for (const width of WIDTHS) {
      const session: Session = await openSession(browser, { today: server.today, width, height: 900, ...options });
      try {
        if (headers) await session.context.setExtraHTTPHeaders(headers);
        await session.page.goto(url);
        await ready(session.page);
        expect(await axeViolations(session.page), `${what} at ${width}px`).to.deep.equal([]);
        // On a phone nothing is clipped or needs a sideways scroll of the page (wide tables scroll in their own regions).
        if (fitsPhone) expect(await session.page.evaluate('document.documentElement.scrollWidth'), `${what}: the page's width at ${width}px`).to.be.at.most(width);
        expect(session.problems, `${what} at ${width}px: console errors, page errors or failed requests`).to.deep.equal([]);
        expect(foreignRequests(session.requests, origin()), `${what} at ${width}px: requests to other hosts`).to.deep.equal([]);
      } finally {
        await session.context.close();
      }
    }
  }

  const dashboardReady = (page: Page) => page.locator('#view:not([aria-busy]) h2').first().waitFor();

  it('the dashboard signed out, its front page, a filtered list and a milestone page with the check-in', async () => {
    await check('the signed-out dashboard', `${origin()}/dashboard`, (page) => page.locator('#alert:not([hidden])').waitFor(), { expectedFailures: ['401 /graphql'] });
    await check('the front page', `${origin()}/dashboard`, async (page) => {
      await dashboardReady(page);
      await page.locator('[data-figure="progress"]').waitFor();
    }, { token: server.adminToken });
    await check('a filtered list', `${origin()}/dashboard?status=OVERDUE`, (page) => page.locator('.milestone-list [data-count]').waitFor(), { token: server.adminToken });
    await check('a milestone page with the check-in', `${origin()}/dashboard?milestone=${encodeURIComponent(milestoneId)}`, (page) => page.locator('form.action').first().waitFor(), { token: editorToken });
  });

  it("every page in the dashboard's navigation, for an admin and for an agency's editor", async () => {
    const checked: string[] = [];
    for (const [who, token] of [['an admin', server.adminToken], ["an agency's editor", editorToken]] as const) {
      const session = await openSession(browser, { token, today: server.today });
      await session.page.goto(`${origin()}/dashboard`);
      await dashboardReady(session.page);
      const links = await Promise.all((await session.page.locator('#pages a').all()).map(async (a) => [await a.textContent(), await a.getAttribute('href')] as const));
      await session.context.close();
      expect(links.length, `the pages ${who} has`).to.be.greaterThan(1);
      for (const [label, href] of links) {
        await check(`${label} for ${who}`, `${origin()}${href}`, dashboardReady, { token });
        checked.push(`${label}`);
      }
    }
    expect(checked).to.include.members(['Plan', 'Meetings', 'My tokens', 'Admin', 'My agency']);
    await check("a meeting's briefing", `${origin()}/dashboard?page=meetings&meeting=${encodeURIComponent(meetingId)}`, (page) => page.locator('article.meeting').waitFor(), { token: server.adminToken });
  });

  it('the GraphQL IDE, signed out and after running a query', async () => {
    await check('the IDE signed out', server.url, (page) => page.locator('.graphiql-container').waitFor(), { expectedFailures: ['401 /graphql'] }, undefined, false);
    await check('the IDE after a query', server.url, async (page) => {
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('PlansAtAGlance'));
      await page.locator('.graphiql-execute-button').click();
      await answered;
      await page.locator('.graphiql-response .view-line').first().waitFor({ state: 'attached' });
    }, { token: server.adminToken }, undefined, false);
  });

  it('the annual report and a briefing as the server renders them', async () => {
    const year = Number(server.today.slice(0, 4));
    const auth = { authorization: `Bearer ${server.adminToken}` };
    await check('the annual report', `${origin()}/reports/${encodeURIComponent(plans.current)}/${year}.html`, (page) => page.locator('h1').waitFor(), {}, auth);
    await check('a briefing', `${origin()}/meetings/${encodeURIComponent(meetingId)}/briefing.html`, (page) => page.locator('h1').waitFor(), {}, auth);
  });
});
