/**
 * The meetings page in a real Chromium: each body's meetings split on the as-of date as the API
 * has them, a meeting's briefing in the page as the API's Markdown says it, the projection label
 * of a meeting still ahead, the briefing's downloads (the API's own Markdown and HTML) and the
 * briefing opened in a new tab.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { launchBrowser, openSession, readmeScreenshot, screenshot, endSession, Session, skipWithoutChromium } from '../support/browser';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

interface ApiMeeting {
  id: string;
  date: string;
  title: string;
  committee: { id: string; name: string } | null;
}

interface ApiBriefing {
  projection: boolean;
  until: string;
  markdown: string;
  html: string;
  url: string;
  completed: { milestone: { code: string } }[];
  newlyOverdue: { milestone: { code: string } }[];
  dueDatesMoved: { milestone: { milestone: { code: string } } }[];
  fallingDue: { milestone: { code: string } }[];
  staleUpdates: { milestone: { code: string } }[];
  updateRequests: { agency: { shortName: string } }[];
}

const BRIEFING = `briefing { projection until markdown html url
  completed { milestone { code } } newlyOverdue { milestone { code } } dueDatesMoved { milestone { milestone { code } } }
  fallingDue { milestone { code } } staleUpdates { milestone { code } } updateRequests { agency { shortName } } }`;

/** One attribute of every element a locator matches (the tests are compiled without DOM typings). */
const attributes = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((l) => l.getAttribute(name)));

/** The Markdown's headings (## and ###) and its intro paragraph, as plain text. */
function markdownOutline(markdown: string): { headings: string[]; intro: string } {
  const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
  const lines = markdown.split('\n');
  return { headings: lines.filter((l) => /^#{2,3} /.test(l)).map((l) => unescape(l.replace(/^#+ /, ''))), intro: unescape(lines[2]) };
}

describe('Browser: the meetings page and its briefings', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let plans: { first: string; current: string };
  const origin = () => new URL(server.url).origin;
  const open = async (options: Parameters<typeof openSession>[1] = {}) => {
    session = await openSession(browser, { token: server.adminToken, today: server.today, ...options });
    return session.page;
  };
  const meetingsOf = async (planId: string, token = server.adminToken) =>
    (await server.as(token).ok<{ plan: { committees: { id: string; name: string }[]; meetings: ApiMeeting[] } }>(
      'query($id: ID!) { plan(id: $id) { committees { id name } meetings { id date title committee { id name } } } }',
      { id: planId },
    )).plan;
  const briefingOf = async (meetingId: string) =>
    (await server.ok<{ meeting: ApiMeeting & { previous: ApiMeeting | null; next: ApiMeeting | null } & { briefing: ApiBriefing } }>(
      `query($id: ID!) { meeting(id: $id) { id date title committee { id name } previous { id date title committee { id name } } next { id date title committee { id name } } ${BRIEFING} } }`,
      { id: meetingId },
    )).meeting;

  /** The page lists every body's meetings, split on the date, as the API has them. */
  async function expectMeetingsAsApi(page: Page, planId: string, asOf: string): Promise<void> {
    const plan = await meetingsOf(planId);
    const bodies = [{ key: 'task-force', name: 'Task force', meetings: plan.meetings.filter((m) => m.committee === null) }, ...plan.committees.map((c) => ({ key: c.id, name: c.name, meetings: plan.meetings.filter((m) => m.committee?.id === c.id) }))];
    await page.locator('section[data-body]').first().waitFor();
    expect(await attributes(page.locator('section[data-body]'), 'data-body')).to.deep.equal(bodies.map((b) => b.key));
    let total = 0;
    for (const body of bodies) {
      const section = page.locator(`section[data-body="${body.key}"]`);
      expect(await section.locator('h3').textContent()).to.equal(body.name);
      const upcoming = body.meetings.filter((m) => m.date >= asOf);
      const past = body.meetings.filter((m) => m.date < asOf).reverse();
      for (const [when, want] of [['upcoming', upcoming], ['past', past]] as const) {
        const part = section.locator(`[data-when="${when}"]`);
        expect(await part.locator('h4').textContent()).to.equal(`${when === 'upcoming' ? 'Upcoming' : 'Past'} (${want.length})`);
        expect(await attributes(part.locator('li'), 'data-meeting')).to.deep.equal(want.map((m) => m.id));
        expect(await part.locator('li').allTextContents()).to.deep.equal(want.map((m) => `${m.date} ${m.title}`));
        total += want.length;
      }
    }
    expect(total).to.equal(plan.meetings.length);
  }

  /** The briefing in the page says what the API's Markdown says: intro, headings with counts, and each part's milestones. */
  async function expectBriefingAsApi(page: Page, m: ApiMeeting & { briefing: ApiBriefing }): Promise<void> {
    const b = m.briefing;
    await page.getByRole('heading', { level: 2, name: m.title, exact: true }).waitFor();
    const outline = markdownOutline(b.markdown);
    const headings = await page.locator('article.meeting').locator('h3, h4').allTextContents();
    expect(headings).to.deep.equal(outline.headings);
    expect(await page.locator('.briefing-intro').textContent()).to.equal(outline.intro);
    const codes = async (id: string) => {
      const items = page.locator(`section[aria-labelledby="${id}"] li`);
      return id === 'h-b-requests' ? attributes(items, 'data-agency') : attributes(items, 'data-code');
    };
    expect(await codes('h-b-completed')).to.deep.equal(b.completed.map((x) => x.milestone.code));
    expect(await codes('h-b-overdue')).to.deep.equal(b.newlyOverdue.map((x) => x.milestone.code));
    expect(await codes('h-b-moved')).to.deep.equal(b.dueDatesMoved.map((x) => x.milestone.milestone.code));
    expect(await codes('h-b-due')).to.deep.equal(b.fallingDue.map((x) => x.milestone.code));
    expect(await codes('h-b-stale')).to.deep.equal(b.staleUpdates.map((x) => x.milestone.code));
    expect(await codes('h-b-requests')).to.deep.equal(b.updateRequests.map((x) => x.agency.shortName));
    // Each line reads as the Markdown's list item (without its bold marks and escapes).
    const mdItems = b.markdown.split('\n').filter((l) => l.startsWith('- ') && l !== '- None.').map((l) => l.slice(2).replace(/\*\*/g, '').replace(/\\(.)/g, '$1'));
    expect(await page.locator('.briefing-part li').allTextContents()).to.deep.equal(mdItems);
    expect(await page.locator('.projection').count()).to.equal(b.projection ? 1 : 0);
  }

  before(async function () {
    skipWithoutChromium(this);
    server = await startTestServer();
    plans = await samplePlans(server);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async function () {
    const ended = session;
    session = undefined;
    await endSession(this, ended, 'meetings', origin());
  });

  it('lists the task force\'s and each committee\'s meetings, upcoming and past on the as-of date, as the API has them', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Meetings' }).click();
    expect(new URL(page.url()).searchParams.get('page')).to.equal('meetings');
    await expectMeetingsAsApi(page, plans.current, server.today);
    // Another date moves meetings from upcoming to past; the finished plan has them all in the past at its end.
    await page.getByLabel('As of').fill('2026-03-31');
    await page.locator('section[data-body="task-force"] [data-when="upcoming"] h4').waitFor();
    await page.getByText('As of 2026-03-31:').waitFor();
    await expectMeetingsAsApi(page, plans.current, '2026-03-31');
    await page.getByLabel('Plan').selectOption(plans.first);
    await page.getByText('As of 2017-06-30:').waitFor();
    await expectMeetingsAsApi(page, plans.first, '2017-06-30');
    expect(new URL(page.url()).searchParams.get('page')).to.equal('meetings');
  });

  it('a meeting held: its briefing in the page as the API says it, previous and next meetings, and its Markdown and HTML downloads', async () => {
    const { meetings } = await meetingsOf(plans.first);
    const july = meetings.find((m) => m.committee === null && m.date.startsWith('2015-07'))!;
    const meeting = await briefingOf(july.id);
    expect(meeting.briefing.projection).to.equal(false);
    const page = await open();
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(plans.first)}&asOf=2015-06-30&page=meetings`);
    await page.locator(`section[data-body="task-force"] li[data-meeting="${july.id}"] a`).click();
    expect(new URL(page.url()).searchParams.get('meeting')).to.equal(july.id);
    await expectBriefingAsApi(page, meeting);
    await readmeScreenshot(page, 'meeting-briefing');
    // The counts the sample plan has that July (hand-checked in test/integration/meetings.test.ts).
    expect(await page.locator('article.meeting h4').allTextContents()).to.include.members(['Completed (2)', 'Newly overdue (2)', 'Due dates moved (1)', 'Stale updates (4)']);
    // Downloads: the API's own files.
    for (const [name, suffix, body] of [['Download the briefing (Markdown)', 'md', meeting.briefing.markdown], ['Download the briefing (HTML)', 'html', meeting.briefing.html]] as const) {
      const saved = page.waitForEvent('download');
      await page.getByRole('link', { name }).click();
      const download = await saved;
      expect(download.suggestedFilename()).to.equal(`briefing-${meeting.date}.${suffix}`);
      expect(fs.readFileSync(await download.path(), 'utf8'), name).to.equal(body);
    }
    // Previous and next meetings of the same body.
    await page.getByRole('link', { name: `Next: ${meeting.next!.date} ${meeting.next!.title}` }).click();
    await expectBriefingAsApi(page, await briefingOf(meeting.next!.id));
    await page.getByRole('link', { name: `Previous: ${meeting.date} ${meeting.title}` }).click();
    await page.getByRole('link', { name: `Previous: ${meeting.previous!.date} ${meeting.previous!.title}` }).click();
    await expectBriefingAsApi(page, await briefingOf(meeting.previous!.id));
    // The browser's Back goes to the meeting before; a milestone of the briefing opens its page, whose back link returns to the briefing.
    await page.goBack();
    await expectBriefingAsApi(page, meeting);
    const first = page.locator('.briefing-part li a').first();
    const code = await first.locator('b').textContent();
    await first.click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${code!.replace(/\./g, '\\.')} `) }).waitFor();
    await page.getByRole('link', { name: /^← / }).click();
    await expectBriefingAsApi(page, meeting);
  });

  it('a meeting still ahead, from the front page: labelled a projection as of today; its briefing opens in a new tab', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const { plan } = await server.ok<{ plan: { meetings: ApiMeeting[] } }>('query($id: ID!, $from: Date!) { plan(id: $id) { meetings(from: $from) { id date title committee { id name } } } }', { id: plans.current, from: server.today });
    const next = plan.meetings[0];
    expect(next.date > server.today, 'the sample plan has a meeting ahead').to.equal(true);
    await page.locator('[data-figure="next-meeting"]').getByRole('link', { name: `${next.date}: ${next.title}` }).click();
    const meeting = await briefingOf(next.id);
    expect(meeting.briefing).to.deep.include({ projection: true, until: server.today });
    await expectBriefingAsApi(page, meeting);
    expect(await page.locator('.projection').textContent()).to.equal(`Projection. This meeting is still ahead: its briefing is as of today, ${server.today}, and will change before the meeting.`);
    // Opened with the token in a header, shown from a blob: URL in a new tab: the API's own page.
    const tabProblems: string[] = [];
    const opened = session!.context.waitForEvent('page');
    await page.getByRole('link', { name: 'Open the briefing (HTML)' }).click();
    const tab = await opened;
    tab.on('console', (message) => message.type() === 'error' && tabProblems.push(message.text()));
    await tab.waitForURL(/^blob:/);
    await tab.waitForLoadState();
    expect(await tab.title()).to.equal(`Briefing: ${meeting.title}`);
    expect(await tab.locator('h1').textContent()).to.equal(`Briefing: ${meeting.title}`);
    expect(await tab.locator('.projection').textContent()).to.contain(`the briefing is as of ${server.today} and is a projection`);
    expect(await tab.locator('h2').allTextContents()).to.deep.equal(markdownOutline(meeting.briefing.markdown).headings.slice(1));
    expect(await tab.content()).to.contain('<h2>Completed (');
    expect(tabProblems).to.deep.equal([]);
    expect(await tab.evaluate('window.opener')).to.equal(null);
    await tab.close();
  });

  it('a viewer sees the briefing of their own reading (no restricted milestones of other agencies)', async () => {
    const token = await server.newToken(Role.VIEWER, 'DOSW');
    const { meetings } = await meetingsOf(plans.current, token);
    const held = meetings.filter((m) => m.committee === null && m.date <= server.today).at(-1)!;
    const theirs = (await server.as(token).ok<{ meeting: ApiMeeting & { briefing: ApiBriefing } }>(`query($id: ID!) { meeting(id: $id) { id date title committee { id name } ${BRIEFING} } }`, { id: held.id })).meeting;
    const page = await open({ token });
    await page.goto(`${origin()}/dashboard?page=meetings&meeting=${encodeURIComponent(held.id)}`);
    await expectBriefingAsApi(page, theirs);
  });

  it('works on a phone: the meetings and a briefing fit the screen', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${origin()}/dashboard?page=meetings`);
    await expectMeetingsAsApi(page, plans.current, server.today);
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'meetings-phone');
    await page.locator('section[data-body="task-force"] [data-when="past"] li a').first().click();
    await page.locator('article.meeting .briefing-intro').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'meetings-phone-briefing');
  });
});
