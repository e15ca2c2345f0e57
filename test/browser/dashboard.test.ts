import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { launchBrowser, openSession, screenshot, endSession, Session, skipWithoutChromium } from '../support/browser';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

const STATUSES = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED', 'COMPLETED_LATE', 'CANCELLED'] as const;
type Counts = Record<(typeof STATUSES)[number] | 'total', number>;

/** The figures the page should show, asked of the API directly with the same token and date. */
interface Expected {
  plan: {
    title: string;
    health: string | null;
    healthReason: string;
    progress: number | null;
    statusCounts: Counts;
    dashboard: {
      overdue: { statusReason: string; milestone: { code: string; leadAgency: { shortName: string } } }[];
      atRisk: { statusReason: string; milestone: { code: string; leadAgency: { shortName: string } } }[];
      goals: { key: string; progress: number | null; milestoneCount: number }[];
      agencies: { key: string; label: string; milestoneCount: number; statusCounts: Counts }[];
    };
  };
}

async function expected(client: Client, planId: string, asOf: string): Promise<Expected> {
  return client.ok<Expected>(
    `query($id: ID!, $asOf: Date!) { plan(id: $id) {
      title health(asOf: $asOf) healthReason(asOf: $asOf) progress(asOf: $asOf) statusCounts(asOf: $asOf) { ${STATUSES.join(' ')} total }
      dashboard(asOf: $asOf) {
        overdue { statusReason milestone { code leadAgency { shortName } } }
        atRisk { statusReason milestone { code leadAgency { shortName } } }
        goals: breakdown(by: GOAL) { key progress milestoneCount }
        agencies: breakdown(by: AGENCY) { key label milestoneCount statusCounts { ${STATUSES.join(' ')} total } }
      }
    } }`,
    { id: planId, asOf },
  );
}

/** One attribute of every element a locator matches (the tests are compiled without DOM typings). */
const attributes = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((l) => l.getAttribute(name)));

/** The page writes percentages as the API gives them, already rounded to two decimals. */
const percent = (value: number | null) => (value === null ? '–' : `${value}%`);
const words = (constant: string) => constant.charAt(0) + constant.slice(1).toLowerCase().replace(/_/g, ' ');

/** Waits for the plan's page on that date, then checks every figure on it against the API's. */
async function expectPageMatchesApi(page: Page, want: Expected, asOf: string): Promise<void> {
  const plan = want.plan;
  await page.getByRole('heading', { level: 2, name: plan.title }).waitFor();
  await page.locator('[data-figure="asOf"] dd', { hasText: asOf }).waitFor();
  expect(await page.locator('[data-figure="health"] dd').first().textContent()).to.equal(plan.health ? words(plan.health) : 'Nothing to measure');
  expect(await page.locator('[data-figure="health"] dd.reason').textContent()).to.equal(plan.healthReason);
  expect(await page.locator('[data-figure="progress"] dd').textContent()).to.equal(percent(plan.progress));
  for (const status of [...STATUSES, 'total'] as const) {
    expect(await page.locator(`.counts [data-status="${status}"] .count-value`).textContent(), status).to.equal(String(plan.statusCounts[status]));
  }
  // The lists show their first 15 milestones (all of them after "Show all"), in the API's order.
  for (const [list, items] of [['h-overdue', plan.dashboard.overdue], ['h-at-risk', plan.dashboard.atRisk]] as const) {
    const section = page.locator(`section[aria-labelledby="${list}"]`);
    expect(await section.locator('h3').textContent()).to.match(new RegExp(`\\(${items.length}\\)$`));
    const shown = items.slice(0, 15);
    expect(await attributes(section.locator('li'), 'data-code')).to.deep.equal(shown.map((i) => i.milestone.code));
    expect(await section.locator('li .reason').allTextContents()).to.deep.equal(shown.map((i) => i.statusReason));
    expect((await section.locator('li .agency').allTextContents()).map((text) => text.replace(/.*\((.*)\)$/, '$1'))).to.deep.equal(shown.map((i) => i.milestone.leadAgency.shortName));
  }
  expect(await attributes(page.locator('.bars li'), 'data-key')).to.deep.equal(plan.dashboard.goals.map((g) => g.key));
  expect(await page.locator('.bars li .bar-value').allTextContents()).to.deep.equal(plan.dashboard.goals.map((g) => percent(g.progress)));
  const agencyRows = page.locator('table.agencies tbody tr');
  expect(await agencyRows.count()).to.equal(plan.dashboard.agencies.length);
  for (const agency of plan.dashboard.agencies) {
    const cells = await page.locator(`table.agencies tr[data-key="${agency.key}"] > *`).allTextContents();
    expect(cells.slice(0, 2)).to.deep.equal([agency.label, String(agency.milestoneCount)]);
    expect(cells[4]).to.equal(String(agency.statusCounts.OVERDUE));
  }
}

describe('Browser: the dashboard at /dashboard, its figures against the API', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let plans: { first: string; current: string };
  const origin = () => new URL(server.url).origin;
  const open = async (options: Parameters<typeof openSession>[1] = {}) => {
    session = await openSession(browser, { token: server.adminToken, today: server.today, ...options });
    return session.page;
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
    await endSession(this, ended, 'dashboard', origin());
  });

  it('/ opens the current sample plan as of today, every figure as the API gives it', async () => {
    const page = await open();
    await page.goto(`${origin()}/`);
    expect(new URL(page.url()).pathname).to.equal('/dashboard');
    await expectPageMatchesApi(page, await expected(server, plans.current, server.today), server.today);
    // The timeline holds every milestone once, coloured by its status on the date.
    const want = (await expected(server, plans.current, server.today)).plan.statusCounts;
    await page.locator('a.tl-row').nth(want.total - 1).waitFor();
    const statuses = await attributes(page.locator('a.tl-row'), 'data-status');
    expect(statuses).to.have.length(want.total);
    for (const status of STATUSES) expect(statuses.filter((s) => s === status), status).to.have.length(want[status]);
    const file = await screenshot(page, 'dashboard-1280');
    // The README's screenshot: regenerated on purpose, not on every run (fonts differ between machines).
    if (process.env.UPDATE_SCREENSHOTS) fs.copyFileSync(file, path.resolve(__dirname, '..', '..', '..', 'docs', 'dashboard.png'));
  });

  it('switching the as-of date and the plan shows the API figures of that date and plan', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    await page.getByLabel('As of').fill('2026-06-30');
    await expectPageMatchesApi(page, await expected(server, plans.current, '2026-06-30'), '2026-06-30');
    expect(new URL(page.url()).searchParams.get('asOf')).to.equal('2026-06-30');
    // Switching to the finished plan brings the date into its span: its last day.
    const { plan: first } = await server.ok<{ plan: { endDate: string } }>('query($id: ID!) { plan(id: $id) { endDate } }', { id: plans.first });
    await page.getByLabel('Plan').selectOption(plans.first);
    await expectPageMatchesApi(page, await expected(server, plans.first, first.endDate), first.endDate);
    expect(new URL(page.url()).searchParams.get('asOf')).to.equal(first.endDate);
    // The finished plan at the end of fiscal 2015, the README's analyst question.
    await page.getByLabel('As of').fill('2015-06-30');
    await expectPageMatchesApi(page, await expected(server, plans.first, '2015-06-30'), '2015-06-30');
    // Back goes to the previous dates, as the address says.
    await page.goBack();
    await page.locator('[data-figure="asOf"] dd', { hasText: first.endDate }).waitFor();
    await page.goBack();
    await page.locator('[data-figure="asOf"] dd', { hasText: '2026-06-30' }).waitFor();
  });

  it('the next meeting is on the front, and its briefing downloads as the API gives it', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const { plan } = await server.ok<{ plan: { meetings: { date: string; title: string; briefing: { markdown: string; projection: boolean } }[] } }>(
      'query($id: ID!, $from: Date!) { plan(id: $id) { meetings(from: $from) { date title briefing { markdown projection } } } }',
      { id: plans.current, from: server.today },
    );
    const next = plan.meetings[0];
    expect(next, 'the sample plan has a meeting ahead of today').to.not.equal(undefined);
    const figure = page.locator('[data-figure="next-meeting"]');
    await figure.getByText(`${next.date}: ${next.title}`).waitFor();
    expect(next.briefing.projection).to.equal(next.date > server.today);
    expect(await figure.getByText('its briefing is a projection as of today').count()).to.equal(next.briefing.projection ? 1 : 0);
    const saved = page.waitForEvent('download');
    await figure.getByRole('button', { name: 'Briefing (Markdown)' }).click();
    const download = await saved;
    expect(download.suggestedFilename()).to.equal(`briefing-${next.date}.md`);
    expect(fs.readFileSync(await download.path(), 'utf8')).to.equal(next.briefing.markdown);
  });

  it('status cards and agency rows open the matching milestones; agency, role, text, committee and goal filter; the filters live in the address', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const matching = async (filter: Record<string, unknown>) =>
      (
        await server.ok<{ milestones: { totalCount: number; nodes: { code: string }[] } }>(
          'query($f: MilestoneFilter!) { milestones(filter: $f, first: 100) { totalCount nodes { code } } }',
          { f: { planId: plans.current, asOf: server.today, ...filter } },
        )
      ).milestones;
    const shows = async (want: { totalCount: number; nodes: { code: string }[] }) => {
      await page.locator(`.milestone-list [data-count="${want.totalCount}"]`).waitFor();
      expect(await attributes(page.locator('.milestone-list tbody tr'), 'data-code')).to.deep.equal(want.nodes.map((n) => n.code));
    };
    // A status card: the plan's overdue milestones, by due date, as the search API gives them.
    await page.locator('.counts [data-status="OVERDUE"] a').click();
    expect(new URL(page.url()).searchParams.get('status')).to.equal('OVERDUE');
    const overdue = await matching({ status: ['OVERDUE'] });
    expect(overdue.totalCount).to.be.greaterThan(0);
    await shows(overdue);
    // Back to the plan, then an agency row: the milestones that agency leads.
    await page.getByRole('link', { name: /^← / }).click();
    const row = page.locator('table.agencies tbody tr').first();
    const agencyId = await row.getAttribute('data-key');
    await row.locator('a').click();
    expect(new URL(page.url()).searchParams.get('agency')).to.equal(agencyId);
    await shows(await matching({ agencyId, agencyRole: 'LEAD' }));
    // Widen to the milestones it leads or partners on, narrow by text; the address keeps it all.
    await page.getByLabel('Role').selectOption('ANY');
    await page.getByLabel('Text').fill('G1');
    await page.getByRole('button', { name: 'Filter' }).click();
    await shows(await matching({ agencyId, agencyRole: 'ANY', search: 'G1' }));
    const address = new URL(page.url()).searchParams;
    expect([address.get('agency'), address.get('role'), address.get('q')]).to.deep.equal([agencyId, 'ANY', 'G1']);
    await page.reload();
    await shows(await matching({ agencyId, agencyRole: 'ANY', search: 'G1' }));

    // Committee and goal narrow the list too (a committee's goals, nested goals included), and the address keeps them.
    const facets = await server.ok<{ plan: { committees: { id: string; name: string }[]; goals: { id: string; code: string; title: string }[] } }>(
      'query($id: ID!) { plan(id: $id) { committees { id name } goals(all: true) { id code title } } }',
      { id: plans.current },
    );
    const committee = facets.plan.committees[0];
    const goal = facets.plan.goals.find((g) => g.code.includes('.')) ?? facets.plan.goals[0];
    await page.getByLabel('Agency').selectOption('');
    await page.getByLabel('Text').fill('');
    await page.getByLabel('Committee').selectOption({ label: committee.name });
    await page.getByRole('button', { name: 'Filter' }).click();
    const byCommittee = await matching({ committeeId: committee.id });
    expect(byCommittee.totalCount).to.be.greaterThan(0);
    await shows(byCommittee);
    expect(new URL(page.url()).searchParams.get('committee')).to.equal(committee.id);
    await page.getByLabel('Committee').selectOption('');
    await page.getByLabel('Goal').selectOption({ label: `${goal.code} ${goal.title}` });
    await page.getByRole('button', { name: 'Filter' }).click();
    const byGoal = await matching({ goalId: goal.id });
    expect(byGoal.totalCount).to.be.greaterThan(0);
    await shows(byGoal);
    await page.reload();
    await shows(byGoal);
  });

  it('an editor of the lead agency checks in from the milestone page: progress, a refused date shown beside its field, a due-date move; a viewer gets no actions', async () => {
    const { milestones } = await server.ok<{ milestones: { nodes: { id: string; code: string; dueDate: string; leadAgency: { shortName: string } }[] } }>(
      'query($p: ID!) { milestones(filter: { planId: $p, status: [AT_RISK] }, first: 1) { nodes { id code dueDate leadAgency { shortName } } } }',
      { p: plans.current },
    );
    const m = milestones.nodes[0];
    const editor = await server.newToken(Role.EDITOR, m.leadAgency.shortName, 'Check-in editor');
    const state = async () =>
      (
        await server.ok<{ milestone: { progress: number; dueDate: string; updates: { percentComplete: number; note: string; author: string }[]; dateChanges: { reason: string }[] } }>(
          'query($id: ID!) { milestone(id: $id) { progress dueDate updates { percentComplete note author } dateChanges { reason } } }',
          { id: m.id },
        )
      ).milestone;
    const before = await state();
    const page = await open({ token: editor, expectedFailures: [] });
    await page.goto(`${origin()}/dashboard?milestone=${encodeURIComponent(m.id)}`);
    const report = page.getByRole('form', { name: 'Report progress' });
    // A date in the future is refused: the message stands under that field, and nothing is recorded.
    const tomorrow = new Date(Date.parse(`${server.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await report.getByLabel('Percent complete').fill('55');
    await report.getByLabel('Note').fill('Back on track after the MOU');
    await report.getByLabel('Reported on').fill(tomorrow);
    await report.getByRole('button', { name: 'Report' }).click();
    await report.locator('.field-error', { hasText: 'is in the future' }).waitFor();
    expect(await report.getByLabel('Reported on').getAttribute('aria-invalid')).to.equal('true');
    expect((await state()).updates).to.have.length(before.updates.length);
    expect(await report.getByLabel('Note').inputValue()).to.equal('Back on track after the MOU');
    // Today (the date left empty): recorded, by the signed-in editor, and the page shows it.
    await report.getByLabel('Reported on').fill('');
    await report.getByRole('button', { name: 'Report' }).click();
    await page.locator('[data-fact="Progress"] dd', { hasText: /^55% / }).waitFor();
    const reported = await state();
    expect(reported.progress).to.equal(55);
    expect(reported.updates).to.deep.include({ percentComplete: 55, note: 'Back on track after the MOU', author: 'Check-in editor' });
    // A due-date move with its reason.
    const later = new Date(Date.parse(`${before.dueDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const move = page.getByRole('form', { name: 'Move the due date' });
    await move.getByLabel('New due date').fill(later);
    await move.getByLabel('Reason').fill('Waiting for the county data-sharing agreement');
    await move.getByRole('button', { name: 'Move' }).click();
    await page.locator('[data-fact="Due"] dd', { hasText: later }).waitFor();
    const moved = await state();
    expect(moved.dueDate).to.equal(later);
    expect(moved.dateChanges.map((c) => c.reason)).to.include('Waiting for the county data-sharing agreement');
    // Both writes went through the public API into the audit trail.
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id, first: 10) { nodes { action } } }', { id: m.id });
    expect(auditTrail.nodes.map((e) => e.action)).to.include.members(['reportProgress', 'moveDueDate']);
    // A viewer sees the page without the actions (the server would refuse them anyway).
    await session!.context.close();
    session = undefined;
    const viewerPage = await open({ token: await server.newToken(Role.VIEWER, m.leadAgency.shortName) });
    await viewerPage.goto(`${origin()}/dashboard?milestone=${encodeURIComponent(m.id)}`);
    await viewerPage.locator('[data-fact="Due"] dd', { hasText: later }).waitFor();
    expect(await viewerPage.getByRole('heading', { name: 'Check-in' }).count()).to.equal(0);
  });

  it("a conflict shows the other person's change and keeps the form as typed; submitting again re-applies it", async () => {
    const { milestones } = await server.ok<{ milestones: { nodes: { id: string; dueDate: string; leadAgency: { shortName: string } }[] } }>(
      'query($p: ID!) { milestones(filter: { planId: $p, status: [ON_TRACK] }, first: 1) { nodes { id dueDate leadAgency { shortName } } } }',
      { p: plans.current },
    );
    const m = milestones.nodes[0];
    const day = (days: number) => new Date(Date.parse(`${m.dueDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const page = await open({ token: await server.newToken(Role.EDITOR, m.leadAgency.shortName) });
    await page.goto(`${origin()}/dashboard?milestone=${encodeURIComponent(m.id)}`);
    const move = page.getByRole('form', { name: 'Move the due date' });
    await move.getByLabel('New due date').fill(day(20));
    await move.getByLabel('Reason').fill('Our part needs three more weeks');
    // Meanwhile someone else moves it.
    await server.ok('mutation($id: ID!, $d: Date!) { moveDueDate(id: $id, newDueDate: $d, reason: "Moved at the meeting") { id } }', { id: m.id, d: day(10) });
    await move.getByRole('button', { name: 'Move' }).click();
    await page.locator('[data-fact="Due"] dd', { hasText: day(10) }).waitFor();
    const again = page.getByRole('form', { name: 'Move the due date' });
    await again.getByRole('alert').getByText('submit again to apply yours').waitFor();
    expect(await again.getByLabel('New due date').inputValue()).to.equal(day(20));
    expect(await again.getByLabel('Reason').inputValue()).to.equal('Our part needs three more weeks');
    await again.getByRole('button', { name: 'Move' }).click();
    await page.locator('[data-fact="Due"] dd', { hasText: day(20) }).waitFor();
    const { milestone } = await server.ok<{ milestone: { dueDate: string; dateChanges: { reason: string }[] } }>('query($id: ID!) { milestone(id: $id) { dueDate dateChanges { reason } } }', { id: m.id });
    expect(milestone.dueDate).to.equal(day(20));
    expect(milestone.dateChanges.map((c) => c.reason)).to.include.members(['Moved at the meeting', 'Our part needs three more weeks']);
  });

  it('follows a milestone from the overdue list to its page and back', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const first = page.locator('section[aria-labelledby="h-overdue"] li a').first();
    const code = await page.locator('section[aria-labelledby="h-overdue"] li').first().getAttribute('data-code');
    await first.click();
    const id = new URL(page.url()).searchParams.get('milestone');
    const { milestone } = await server.ok<{ milestone: { code: string; title: string; statusReason: string; startDate: string; dueDate: string; baselineDueDate: string; dateChanges: unknown[]; updates: unknown[] } }>(
      `query($id: ID!, $asOf: Date!) { milestone(id: $id) { code title statusReason(asOf: $asOf) startDate(asOf: $asOf) dueDate(asOf: $asOf) baselineDueDate dateChanges { id } updates(asOf: $asOf) { id } } }`,
      { id, asOf: server.today },
    );
    expect(milestone.code).to.equal(code);
    await page.getByRole('heading', { level: 2, name: `${milestone.code} ${milestone.title}` }).waitFor();
    expect(await page.locator('[data-fact="Why"] dd').textContent()).to.equal(milestone.statusReason);
    expect(await page.locator('[data-fact="Start"] dd').textContent()).to.equal(milestone.startDate);
    expect(await page.locator('[data-fact="Due"] dd').textContent()).to.equal(milestone.dueDate);
    expect(await page.locator('[data-fact="Baseline due"] dd').textContent()).to.contain(milestone.baselineDueDate);
    expect(await page.getByRole('region', { name: 'Progress updates' }).locator('tbody tr').count()).to.equal(milestone.updates.length);
    const moves = page.getByRole('region', { name: 'Date moves' }).locator('tbody tr');
    expect(milestone.dateChanges.length ? await moves.count() : 0).to.equal(milestone.dateChanges.length);
    await page.getByRole('link', { name: /^← / }).click();
    await page.locator('section[aria-labelledby="h-overdue"]').waitFor();
  });

  it('the CSV export downloads with the token in a header, as many rows as the API has milestones', async () => {
    const page = await open();
    await page.goto(`${origin()}/dashboard`);
    const saved = page.waitForEvent('download');
    await page.getByRole('link', { name: `Milestones as of ${server.today} (CSV)` }).click();
    const file = await (await saved).path();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const { milestones } = await server.ok<{ milestones: { totalCount: number } }>('query($p: ID!) { milestones(filter: { planId: $p }) { totalCount } }', { p: plans.current });
    expect(lines[0]).to.match(/^code,title,/);
    expect(lines).to.have.length(milestones.totalCount + 1);
  });

  it("shows a viewer what that viewer's token may see: no restricted milestones of other agencies", async () => {
    const token = await server.newToken(Role.VIEWER, 'DOSW');
    const page = await open({ token });
    await page.goto(`${origin()}/dashboard`);
    const theirs = await expected(server.as(token), plans.current, server.today);
    await expectPageMatchesApi(page, theirs, server.today);
    expect(theirs.plan.statusCounts.total).to.be.below((await expected(server, plans.current, server.today)).plan.statusCounts.total);
    await page.locator('a.tl-row').nth(theirs.plan.statusCounts.total - 1).waitFor();
    expect(await page.locator('a.tl-row').count()).to.equal(theirs.plan.statusCounts.total);
    await page.getByText('Signed in as Test viewer of DOSW (VIEWER, DOSW)').waitFor();
  });

  it('without a token, says how to get one; signing in shows the plan', async () => {
    const page = await open({ token: undefined, expectedFailures: ['401 /graphql'] });
    await page.goto(`${origin()}/dashboard`);
    await page.getByRole('alert').getByText('npm run --silent dev-token').waitFor();
    await page.getByLabel('Token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageMatchesApi(page, await expected(server, plans.current, server.today), server.today);
    expect(await page.getByRole('alert').isHidden()).to.equal(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('alert').getByText('npm run --silent dev-token').waitFor();
  });

  it('a token the server turns away is forgotten, and the sign-in form comes back', async () => {
    const page = await open({ token: 'cairn_not-a-token-this-server-issued', expectedFailures: ['401 /graphql'] });
    await page.goto(`${origin()}/dashboard`);
    await page.getByRole('alert').getByText('The token is unknown, revoked or expired.').waitFor();
    expect(await page.getByLabel('Token').isVisible()).to.equal(true);
    expect(await page.evaluate("localStorage.getItem('cairn.token')")).to.equal(null);
  });

  it('works on a phone: nothing wider than the screen, every control labelled and reachable by keyboard', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${origin()}/dashboard`);
    await expectPageMatchesApi(page, await expected(server, plans.current, server.today), server.today);
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'dashboard-phone');
    // The first Tab reaches the skip link, which takes the keyboard to the dashboard itself.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).to.equal('Skip to the dashboard');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).to.equal('view');
    // Then the first overdue milestone is a few Tabs away, past the seven status cards (each a link), and Enter follows it.
    const firstOverdue = await page.locator('section[aria-labelledby="h-overdue"] li a').first().textContent();
    for (let i = 0; i < 20 && (await page.evaluate('document.activeElement.textContent')) !== firstOverdue; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).to.equal(firstOverdue);
    await page.keyboard.press('Enter');
    await page.waitForURL(/milestone=/);
    // A filtered list fits too: its wide table scrolls inside its own region.
    await page.goto(`${origin()}/dashboard?status=OVERDUE`);
    await page.locator('.milestone-list [data-count]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'dashboard-phone-list');
  });

  it('stays usable with 2,000 milestones: goals start closed and load their milestones when opened', async () => {
    const planId = await insertSyntheticPlan(server.dataSource, syntheticPlan({ milestones: 2000, seed: 1, today: server.today }));
    // The browser's own clock times the page (the server shares this process, so the test's
    // clock would count the server's work on later requests too); the date goes in the address.
    const page = await open({ today: undefined });
    await page.addInitScript(`new MutationObserver((_, o) => { if (document.querySelector('main h2')) { window.cairnShownAt = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true })`);
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(planId)}&asOf=${server.today}`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    const loadMs = Math.round(Number(await page.evaluate('window.cairnShownAt')));
    await expectPageMatchesApi(page, await expected(server, planId, server.today), server.today);
    const { plan } = await expected(server, planId, server.today);
    const groups = page.locator('details.tl-group');
    expect(await groups.count()).to.equal(plan.dashboard.goals.length);
    expect(await page.locator('a.tl-row').count()).to.equal(0);
    const opened = plan.dashboard.goals.length - 1;
    const rows = plan.dashboard.goals[opened].milestoneCount;
    await groups.nth(opened).locator('summary').click();
    await groups.nth(opened).locator('a.tl-row').nth(rows - 1).waitFor();
    expect(await page.locator('a.tl-row').count()).to.equal(rows);
    const overdue = page.locator('section[aria-labelledby="h-overdue"]');
    await overdue.getByRole('button', { name: `Show all ${plan.dashboard.overdue.length}` }).click();
    expect(await overdue.locator('li').count()).to.equal(plan.dashboard.overdue.length);
    console.log(`      (2,000 milestones: dashboard shown in ${loadMs} ms)`);
  });
});

