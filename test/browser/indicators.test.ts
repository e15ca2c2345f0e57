/**
 * The front page's indicators, committee roll-ups and reports in a real Chromium: every figure as
 * the API gives it to the same viewer (a suppressed survivor count says "Suppressed", never a
 * number), committee rows open their milestones, and the annual report and a published edition
 * open in a new tab (with a token: fetched with it in a header; with a single sign-on cookie: a
 * plain link) and download as the API has them.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { UserAdmin } from '../../src/services/auth';
import { Sessions } from '../../src/services/sessions';
import { launchBrowser, openSession, screenshot, endSession, Session, skipWithoutChromium } from '../support/browser';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

const STATUSES = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED', 'COMPLETED_LATE', 'CANCELLED'] as const;

interface Shown {
  value: number | null;
  suppressed: boolean;
}

interface ApiIndicator {
  id: string;
  name: string;
  targetDate: string;
  baseline: Shown;
  target: Shown;
  latest: (Shown & { measuredOn: string }) | null;
  progress: number | null;
  agency: { shortName: string };
}

interface ApiGroup {
  key: string;
  label: string;
  milestoneCount: number;
  progress: number | null;
  health: string | null;
  overdueDays: number;
  statusCounts: Record<(typeof STATUSES)[number], number>;
}

async function measures(client: Client, planId: string, asOf: string): Promise<{ indicators: ApiIndicator[]; committees: ApiGroup[] }> {
  const { plan } = await client.ok<{ plan: { indicators: ApiIndicator[]; dashboard: { committees: ApiGroup[] } } }>(
    `query($id: ID!, $asOf: Date!) { plan(id: $id) {
      indicators { id name targetDate baseline { value suppressed } target { value suppressed } latest(asOf: $asOf) { value suppressed measuredOn } progress(asOf: $asOf) agency { shortName } }
      dashboard(asOf: $asOf) { committees: breakdown(by: COMMITTEE) { key label milestoneCount progress health overdueDays statusCounts { ${STATUSES.join(' ')} } } }
    } }`,
    { id: planId, asOf },
  );
  return { indicators: plan.indicators, committees: plan.dashboard.committees };
}

const attributes = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((l) => l.getAttribute(name)));
const percent = (value: number | null) => (value === null ? '–' : `${value}%`);
const words = (constant: string) => constant.charAt(0) + constant.slice(1).toLowerCase().replace(/_/g, ' ');
const value = (v: Shown) => (v.suppressed ? 'Suppressed' : String(v.value));

/** The indicators' cells (after the name) as the page should show the API's answer. */
function indicatorCells(i: ApiIndicator): string[] {
  const withheld = i.baseline.suppressed || i.target.suppressed || Boolean(i.latest?.suppressed);
  return [
    i.agency.shortName,
    value(i.baseline),
    i.latest ? value(i.latest) : 'No measurement yet',
    i.latest?.measuredOn ?? '–',
    value(i.target),
    i.targetDate,
    i.progress !== null ? percent(i.progress) : withheld ? 'Suppressed' : i.latest ? '–' : 'No measurement yet',
  ];
}

/** The front page's indicators and committee tables hold exactly the API's figures for this viewer. */
async function expectMeasuresAsApi(page: Page, want: { indicators: ApiIndicator[]; committees: ApiGroup[] }): Promise<void> {
  const indicators = page.locator('table.indicators tbody tr');
  await indicators.first().waitFor();
  expect(await attributes(indicators, 'data-id')).to.deep.equal(want.indicators.map((i) => i.id));
  for (const i of want.indicators) {
    const row = page.locator(`table.indicators tr[data-id="${i.id}"]`);
    expect(await row.locator('th').textContent()).to.match(new RegExp(`^${i.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    expect(await row.locator('td').allTextContents(), i.name).to.deep.equal(indicatorCells(i));
  }
  const committees = page.locator('table.committees tbody tr');
  expect(await attributes(committees, 'data-key')).to.deep.equal(want.committees.map((c) => c.key));
  for (const c of want.committees) {
    const cells = await page.locator(`table.committees tr[data-key="${c.key}"] > *`).allTextContents();
    const s = c.statusCounts;
    expect(cells, c.label).to.deep.equal([c.label, String(c.milestoneCount), percent(c.progress), c.health ? words(c.health) : '–', String(s.OVERDUE), String(s.AT_RISK), String(s.ON_TRACK), String(s.COMPLETED + s.COMPLETED_LATE), String(c.overdueDays)]);
  }
}

describe('Browser: indicators, committee roll-ups and reports on the front page', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let plans: { first: string; current: string };
  const origin = () => new URL(server.url).origin;
  const open = async (options: Parameters<typeof openSession>[1] = {}) => {
    session = await openSession(browser, { token: server.adminToken, today: server.today, ...options });
    return session.page;
  };
  /** A page opened by the next click, with its own console errors recorded. */
  const nextTab = async (click: () => Promise<void>) => {
    const problems: string[] = [];
    const opened = session!.context.waitForEvent('page');
    await click();
    const tab = await opened;
    tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    tab.on('pageerror', (error) => problems.push(error.message));
    return { tab, problems };
  };

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
    await endSession(this, ended, 'indicators', origin());
  });

  it('indicators and committees as the API gives them to an admin; a committee row opens its milestones', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const want = await measures(server, plans.current, server.today);
    expect(want.indicators.length).to.be.greaterThan(0);
    expect(want.committees.filter((c) => c.key !== 'none').length).to.be.greaterThan(0);
    await expectMeasuresAsApi(page, want);
    // Another date: the latest values and roll-ups of that date.
    await page.getByLabel('As of').fill('2026-03-31');
    await page.locator('[data-figure="asOf"] dd', { hasText: '2026-03-31' }).waitFor();
    await expectMeasuresAsApi(page, await measures(server, plans.current, '2026-03-31'));
    // A committee's row opens the list of its milestones, as the search API filters them.
    const committee = want.committees.find((c) => c.key !== 'none')!;
    await page.locator(`table.committees tr[data-key="${committee.key}"] a`).click();
    expect(new URL(page.url()).searchParams.get('committee')).to.equal(committee.key);
    const { milestones } = await server.ok<{ milestones: { totalCount: number } }>('query($f: MilestoneFilter!) { milestones(filter: $f) { totalCount } }', { f: { planId: plans.current, asOf: '2026-03-31', committeeId: committee.key } });
    await page.locator(`.milestone-list [data-count="${milestones.totalCount}"]`).waitFor();
    expect(await page.getByLabel('Committee').inputValue()).to.equal(committee.key);
  });

  it('a sensitive count below the threshold says "Suppressed" to a viewer outside its agency, and shows the number to an admin and to its agency', async () => {
    // Early in the plan the survivor count is 6, under the threshold of 11 (and its baseline, 0, always is).
    const asOf = '2025-10-15';
    const url = `${origin()}/dashboard?plan=${encodeURIComponent(plans.current)}&asOf=${asOf}`;
    const outsider = await server.newToken(Role.VIEWER, 'DOSW');
    const theirs = await measures(server.as(outsider), plans.current, asOf);
    const sensitive = theirs.indicators.find((i) => i.latest?.suppressed)!;
    expect(sensitive, 'a suppressed latest value').to.not.equal(undefined);
    expect(sensitive.latest!.value).to.equal(null);
    const page = await open({ token: outsider });
    await page.goto(url);
    await expectMeasuresAsApi(page, theirs);
    const row = page.locator(`table.indicators tr[data-id="${sensitive.id}"]`);
    expect(await row.locator('td.suppressed').allTextContents()).to.deep.equal(['Suppressed', 'Suppressed', 'Suppressed']); // baseline, latest, progress
    expect(await row.locator('td').allTextContents()).to.not.include.members(['0', '6']);
    const note = page.locator('#suppressed-note');
    expect(await note.textContent()).to.match(/^Suppressed: a survivor or victim count below 11 is shown only to the owning agency and to administrators/);
    expect(await row.locator('td.suppressed').first().getAttribute('aria-describedby')).to.equal('suppressed-note');
    await session!.context.close();
    session = undefined;
    // The admin and the owning agency's members see the numbers, as the API gives them.
    for (const token of [server.adminToken, await server.newToken(Role.VIEWER, 'HSA')]) {
      const mine = await measures(server.as(token), plans.current, asOf);
      const same = mine.indicators.find((i) => i.id === sensitive.id)!;
      expect(same.latest).to.deep.include({ value: 6, suppressed: false });
      const insider = await open({ token });
      await insider.goto(url);
      await expectMeasuresAsApi(insider, mine);
      expect(await insider.locator(`table.indicators tr[data-id="${sensitive.id}"] td`).nth(2).textContent()).to.equal('6');
      expect(await insider.locator('#suppressed-note').count()).to.equal(0);
      await session!.context.close();
      session = undefined;
    }
  });

  it('the annual report opens in a new tab (fetched with the token) and downloads, as the API has it', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const year = 2027; // FY2027, running on the sample's today
    const { annualReport } = await server.ok<{ annualReport: { html: string; planTitle: string; summary: { dueInYear: number; completedOnTime: number } } }>(
      'query($id: ID!, $year: Int!) { annualReport(planId: $id, year: $year) { html planTitle summary { dueInYear completedOnTime } } }',
      { id: plans.current, year },
    );
    const link = page.getByRole('link', { name: `Annual report FY${year} so far (HTML) (opens in a new tab)`, exact: true });
    expect(await link.getAttribute('target')).to.equal('_blank');
    const { tab, problems } = await nextTab(() => link.click());
    await tab.waitForURL(/^blob:/);
    await tab.waitForLoadState();
    expect(await tab.title()).to.equal(`Annual report ${year}: ${annualReport.planTitle}`);
    expect(await tab.locator('h1').textContent()).to.equal(`Annual report ${year}: ${annualReport.planTitle}`);
    expect(await tab.locator('dt:text-is("Milestones due in the year") + dd').textContent()).to.equal(String(annualReport.summary.dueInYear));
    expect(await tab.locator('dt:text-is("Completed on time") + dd').textContent()).to.equal(String(annualReport.summary.completedOnTime));
    expect(await tab.locator('svg.status-bar').count()).to.be.greaterThan(0);
    expect(problems, 'the report page under the dashboard\'s policy').to.deep.equal([]);
    await tab.close();
    // The same file downloads.
    const saved = page.waitForEvent('download');
    await page.getByRole('link', { name: `Download Annual report FY${year} so far (HTML)` }).click();
    const download = await saved;
    expect(download.suggestedFilename()).to.equal(`annual-report-${year}.html`);
    expect(fs.readFileSync(await download.path(), 'utf8')).to.equal(annualReport.html);
  });

  it('published editions are listed under their year, open in a new tab and download as published', async () => {
    const { publishAnnualReport: edition } = await server.ok<{ publishAnnualReport: { edition: number; year: number; html: string; publishedAt: string } }>(
      'mutation($id: ID!) { publishAnnualReport(planId: $id, year: 2016) { edition year html publishedAt } }',
      { id: plans.first },
    );
    const page = await open();
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(plans.first)}&asOf=2017-06-30`);
    const name = `Published edition ${edition.edition} of 2016 (${edition.publishedAt.slice(0, 10)}, HTML)`;
    const editions = page.locator('li[data-report-year="2016"] ul.editions li');
    await editions.first().waitFor();
    expect(await attributes(editions, 'data-edition')).to.deep.equal([String(edition.edition)]);
    expect(await page.locator('ul.editions li').count()).to.equal(1); // no other year has an edition
    const { tab, problems } = await nextTab(() => page.getByRole('link', { name: `${name} (opens in a new tab)`, exact: true }).click());
    await tab.waitForURL(/^blob:/);
    await tab.waitForLoadState();
    expect(await tab.title()).to.match(/^Annual report 2016: /);
    expect(await tab.locator('body').textContent()).to.contain('Prepared for the public');
    expect(problems).to.deep.equal([]);
    await tab.close();
    const saved = page.waitForEvent('download');
    await page.getByRole('link', { name: `Download ${name}` }).click();
    expect(fs.readFileSync(await (await saved).path(), 'utf8')).to.equal(edition.html);
  });

  it('signed in by a single sign-on cookie (no token), the report opens by a plain link', async () => {
    const user = await new UserAdmin(server.dataSource, fixedDateClock(server.today)).createUser('Cookie reader', Role.VIEWER, 'SFPD');
    const cookie = await new Sessions(server.dataSource, fixedDateClock(server.today), loadConfig({}).session).start(user.rowId);
    const page = await open({ token: undefined });
    await session!.context.addCookies([{ name: 'cairn_session', value: cookie, url: origin() }]);
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(plans.first)}&asOf=2017-06-30`);
    await page.getByText('Signed in as Cookie reader (VIEWER, SFPD)').waitFor();
    const { tab, problems } = await nextTab(() => page.getByRole('link', { name: 'Annual report FY2016 (HTML) (opens in a new tab)', exact: true }).click());
    await tab.waitForLoadState();
    expect(tab.url()).to.equal(`${origin()}/reports/${encodeURIComponent(plans.first)}/2016.html`);
    expect(await tab.title()).to.match(/^Annual report 2016: /);
    expect(await tab.locator('body').textContent()).to.contain('Prepared for Cookie reader (VIEWER)');
    expect(problems).to.deep.equal([]);
    await tab.close();
  });

  it('works on a phone: the indicators and committees scroll in their own regions, the page does not', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${origin()}/dashboard`);
    await expectMeasuresAsApi(page, await measures(server, plans.current, server.today));
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    for (const region of ['Indicators table', 'Committees table']) expect(await page.getByRole('region', { name: region }).getAttribute('tabindex')).to.equal('0');
    await page.locator('section[aria-labelledby="h-indicators"]').screenshot({ path: `${await screenshot(page, 'indicators-phone')}`.replace(/\.png$/, '-section.png') });
  });
});
