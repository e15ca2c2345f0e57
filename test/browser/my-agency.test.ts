/**
 * "My agency" (?page=mine) in a real Chromium against a real server: an agency's open milestones
 * grouped by what needs attention, as the API has them for the same token and date, and a whole
 * check-in from that page (quick updates, a completion, a due-date move) that the API and the
 * audit trail then show; a refused write, a conflict, a viewer without actions, the keyboard, a
 * phone, and people without an agency or without a sign-in.
 *
 * The sample plans are loaded as of five weeks before the server's "today" (the seed dates the
 * current plan relative to the day it runs), so that, as on a real plan a while after its last
 * check-in, some milestones have gone a whole update cycle without news: every group has members.
 */
import { expect } from 'chai';
import { Browser, Page } from 'playwright-core';
import { seedSamplePlans } from '../../seeds/load';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { axeViolations } from '../support/axe';
import { launchBrowser, openSession, readmeScreenshot, screenshot, endSession, Session, skipWithoutChromium } from '../support/browser';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const words = (constant: string) => constant.charAt(0) + constant.slice(1).toLowerCase().replace(/_/g, ' ');
const FINISHED = ['COMPLETED', 'COMPLETED_LATE', 'CANCELLED'];

interface ApiMilestone {
  id: string;
  code: string;
  title: string;
  status: string;
  statusReason: string;
  startDate: string;
  dueDate: string;
  progress: number;
  expectedProgress: number;
  lastUpdatedOn: string | null;
  leadAgency: { id: string };
  partners: { role: string; agency: { id: string } }[];
}

type GroupKey = 'overdue' | 'at-risk' | 'stale' | 'due-soon' | 'rest';
const LABELS: Record<GroupKey, string> = { overdue: 'Overdue', 'at-risk': 'At risk', stale: 'Update stale', 'due-soon': 'Due before the next meeting', rest: 'Everything else' };
const ATTENTION: GroupKey[] = ['overdue', 'at-risk', 'stale', 'due-soon'];

interface Picture {
  groups: Record<GroupKey, ApiMilestone[]>;
  meeting: { date: string; title: string } | null;
  attention: number;
}

/**
 * What the page should show, from the API with the viewer's own token: every milestone the agency
 * leads or partners on (by due date, the API's order), the dashboard's overdue, at-risk and stale
 * lists and the next meeting; each open milestone in the first group that applies.
 */
async function picture(client: Client, planId: string, agencyId: string, asOf: string): Promise<Picture> {
  const all: ApiMilestone[] = [];
  for (let after: string | null = null; ; ) {
    const { milestones }: { milestones: { nodes: ApiMilestone[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await client.ok(
      `query($f: MilestoneFilter!, $asOf: Date!, $after: String) { milestones(filter: $f, first: 100, after: $after, orderBy: { field: DUE_DATE }) {
        nodes { id code title status(asOf: $asOf) statusReason(asOf: $asOf) startDate(asOf: $asOf) dueDate(asOf: $asOf) progress(asOf: $asOf) expectedProgress(asOf: $asOf)
          lastUpdatedOn(asOf: $asOf) leadAgency { id } partners { role agency { id } } }
        pageInfo { hasNextPage endCursor } } }`,
      { f: { planId, agencyId, agencyRole: 'ANY', asOf }, asOf, after },
    );
    all.push(...milestones.nodes);
    if (!milestones.pageInfo.hasNextPage) break;
    after = milestones.pageInfo.endCursor;
  }
  const { plan } = await client.ok<{ plan: { meetings: { date: string; title: string }[]; dashboard: Record<'overdue' | 'atRisk' | 'staleUpdates', { milestone: { id: string } }[]> } }>(
    `query($id: ID!, $asOf: Date!) { plan(id: $id) { meetings(from: $asOf) { date title }
      dashboard(asOf: $asOf) { overdue { milestone { id } } atRisk { milestone { id } } staleUpdates { milestone { id } } } } }`,
    { id: planId, asOf },
  );
  const ids = (list: { milestone: { id: string } }[]) => new Set(list.map((x) => x.milestone.id));
  const overdue = ids(plan.dashboard.overdue);
  const atRisk = ids(plan.dashboard.atRisk);
  const stale = ids(plan.dashboard.staleUpdates);
  const meeting = plan.meetings[0] ?? null;
  const groups: Record<GroupKey, ApiMilestone[]> = { overdue: [], 'at-risk': [], stale: [], 'due-soon': [], rest: [] };
  for (const m of all.filter((x) => !FINISHED.includes(x.status))) {
    const key: GroupKey = overdue.has(m.id) ? 'overdue' : atRisk.has(m.id) ? 'at-risk' : stale.has(m.id) ? 'stale' : meeting && m.dueDate <= meeting.date ? 'due-soon' : 'rest';
    groups[key].push(m);
  }
  return { groups, meeting, attention: ATTENTION.reduce((n, k) => n + groups[k].length, 0) };
}

/** Waits for the page's list, then checks each group's heading, count and members (in order), and the facts of each group's first `detailed` rows. */
async function expectPageShows(page: Page, want: Picture, agencyId: string, detailed = Infinity): Promise<void> {
  await page.locator('.mine [data-count]').waitFor();
  const open = ATTENTION.reduce((n, k) => n + want.groups[k].length, 0) + want.groups.rest.length;
  expect(await page.locator('.mine [data-count]').getAttribute('data-count')).to.equal(String(open));
  expect(await page.locator('.mine [data-attention]').getAttribute('data-attention')).to.equal(String(want.attention));
  // "Everything else" is folded; open it to read its rows.
  const rest = page.locator('section[data-group="rest"] details.mine-rest');
  if (!(await rest.evaluate((d) => (d as unknown as { open: boolean }).open))) await rest.locator('> summary').click();
  for (const key of [...ATTENTION, 'rest'] as GroupKey[]) {
    const section = page.locator(`section[data-group="${key}"]`);
    expect(await section.locator('h3').textContent(), key).to.equal(`${LABELS[key]} (${want.groups[key].length})`);
    expect(await Promise.all((await section.locator('li.mine-row').all()).map((r) => r.getAttribute('data-code'))), key).to.deep.equal(want.groups[key].map((m) => m.code));
    for (const m of want.groups[key].slice(0, detailed)) {
      const row = section.locator(`li[data-id="${m.id}"]`);
      const fact = (name: string) => row.locator(`[data-fact="${name}"] dd`).textContent();
      const partner = m.partners.find((p) => p.agency.id === agencyId);
      expect(await row.locator('h4 a').textContent()).to.equal(`${m.code} ${m.title}`);
      expect(await fact('Role')).to.equal(m.leadAgency.id === agencyId ? 'Lead' : `Partner (${words(partner!.role).toLowerCase()})`);
      expect(await fact('Status')).to.equal(`${words(m.status)} — ${m.statusReason}`);
      expect(await fact('Due')).to.equal(m.dueDate);
      expect(await fact('Progress')).to.equal(`${m.progress}% (expected ${m.expectedProgress}%)`);
      expect(await fact('Last update')).to.equal(m.lastUpdatedOn ?? 'None yet');
    }
  }
  const hint = await page.locator('section[data-group="due-soon"] .hint').textContent();
  expect(hint).to.contain(want.meeting ? `The next meeting: ${want.meeting.title}, on ${want.meeting.date}.` : 'No meeting is scheduled');
}

describe('Browser: My agency, the check-in list of the signed-in member', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let planId: string;
  /** An agency with milestones in every attention group on the server's today. */
  let agency: { id: string; shortName: string };
  const origin = () => new URL(server.url).origin;
  const mine = () => `${origin()}/dashboard?page=mine`;
  const open = async (token: string | undefined, options: Parameters<typeof openSession>[1] = {}) => {
    session = await openSession(browser, { token, today: server.today, ...options });
    return session.page;
  };
  const milestone = async (id: string) =>
    (
      await server.ok<{ milestone: { version: number; progress: number; dueDate: string; completedOn: string | null; updates: { percentComplete: number }[]; dateChanges: { reason: string }[] } }>(
        'query($id: ID!) { milestone(id: $id) { version progress dueDate completedOn updates { percentComplete } dateChanges { reason } } }',
        { id },
      )
    ).milestone;
  /** The announcement in the page's status region, once it says something was saved. */
  const announced = async (page: Page, code: string) => {
    await page.locator('#status', { hasText: `Saved: ${code} ` }).waitFor({ state: 'attached' });
    return page.locator('#status').textContent();
  };

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(120_000);
    server = await startTestServer({ seed: false });
    await seedSamplePlans(server.dataSource, fixedDateClock(addDays(server.today, -35)));
    planId = (await samplePlans(server)).current;
    const { agencies } = await server.ok<{ agencies: { id: string; shortName: string }[] }>('{ agencies { id shortName } }');
    // The agency whose attention list has the most stale updates among those with every group filled.
    let best: { agency: (typeof agencies)[number]; stale: number } | null = null;
    for (const a of agencies) {
      const { groups } = await picture(server, planId, a.id, server.today);
      if (ATTENTION.every((k) => groups[k].length > 0) && groups.stale.length > (best?.stale ?? 0)) best = { agency: a, stale: groups.stale.length };
    }
    expect(best, 'an agency of the sample plan with milestones in every attention group').to.not.equal(null);
    agency = best!.agency;
    browser = await launchBrowser();
  });
  after(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.stop();
  });
  afterEach(async function () {
    const ended = session;
    session = undefined;
    await endSession(this, ended, 'my-agency', origin());
  });

  it("shows an editor their agency's open milestones in the groups the API gives, each once, with the next meeting named", async () => {
    const token = await server.newToken(Role.EDITOR, agency.shortName, 'Groups editor');
    const page = await open(token);
    await page.goto(`${origin()}/dashboard`);
    // The page is in the navigation for a member of an agency.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'My agency' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^My agency: .* \\(${agency.shortName}\\)$`) }).waitFor();
    await expectPageShows(page, await picture(server.as(token), planId, agency.id, server.today), agency.id);
    await page.getByText('Each milestone is listed once, under the first group that applies').waitFor();
    await readmeScreenshot(page, 'my-agency');
    expect(await axeViolations(page), 'accessibility of My agency, everything unfolded').to.deep.equal([]);
    // The editor's agency may edit each of them: every row has its three actions.
    const rows = await page.locator('li.mine-row').count();
    expect(await page.getByRole('form', { name: /^Report progress on / }).count()).to.equal(rows);
    expect(await page.locator('form[aria-label^="Complete "]').count()).to.equal(rows);
    expect(await page.locator('form[aria-label^="Move the due date of "]').count()).to.equal(rows);
    // Another date in the address: the groups as of that day.
    const earlier = addDays(server.today, -20);
    await page.goto(`${mine()}&asOf=${earlier}`);
    await page.getByText(`as of ${earlier};`).waitFor();
    await expectPageShows(page, await picture(server.as(token), planId, agency.id, earlier), agency.id);
  });

  it('a whole check-in: progress on each stale milestone, one completed, one due date moved; the attention list shrinks as the API says, and the audit trail names the editor', async () => {
    const name = 'Check-in editor';
    const token = await server.newToken(Role.EDITOR, agency.shortName, name);
    const client = server.as(token);
    const before = await picture(client, planId, agency.id, server.today);
    expect(before.groups.stale.length).to.be.above(0);
    const page = await open(token);
    await page.goto(mine());
    await expectPageShows(page, before, agency.id);
    const focused = () =>
      page.evaluate("(({ tagName, textContent }, row) => ({ tag: tagName, text: textContent, row: row ? row.getAttribute('data-id') : null }))(document.activeElement, document.activeElement.closest('li.mine-row'))") as Promise<{ tag: string; text: string; row: string | null }>;
    /** After a save the keyboard is on the saved row's link, or (when it left the visible list) on the next row's link or a group heading. */
    const expectFocusAfterSave = async (id: string) => {
      const row = page.locator(`li.mine-row[data-id="${id}"]`);
      const at = await focused();
      if ((await row.count()) && (await row.isVisible())) expect(at).to.include({ tag: 'A', row: id });
      else expect(at.tag === 'A' ? at.row !== null : at.tag === 'H3' || at.tag === 'H2', JSON.stringify(at)).to.equal(true);
    };
    const touched: { id: string; action: string }[] = [];
    // A reason typed for a move of another row first: the other rows' writes redraw the page, and it stays.
    const moved = before.groups['at-risk'][0];
    await page.locator(`li[data-id="${moved.id}"] summary`, { hasText: 'Move due date' }).click();
    const move = () => page.getByRole('form', { name: `Move the due date of ${moved.code}` });
    await move().getByLabel('Reason').fill('The partner agency needs two more months');
    // Progress on each stale one: at least the progress expected by now, so it is back on course.
    for (const m of before.groups.stale) {
      const value = Math.min(100, Math.max(m.progress, Math.ceil(m.expectedProgress)) + 1);
      const form = page.getByRole('form', { name: `Report progress on ${m.code}` });
      await form.getByLabel('Percent complete').fill(String(value));
      await form.getByLabel('Note').fill(`Checked in before ${before.meeting?.title ?? 'the meeting'}`);
      await form.getByRole('button', { name: 'Report' }).click();
      expect(await announced(page, m.code)).to.match(new RegExp(`^Saved: ${m.code.replace(/\./g, '\\.')} progress ${value}% reported\\. It is listed under `));
      await expectFocusAfterSave(m.id);
      expect((await milestone(m.id)).progress).to.equal(value);
      expect(await move().getByLabel('Reason').inputValue(), 'typed in another row').to.equal('The partner agency needs two more months');
      touched.push({ id: m.id, action: 'reportProgress' });
    }
    // Complete an overdue one (today: the date left empty).
    const done = before.groups.overdue[0];
    await page.locator(`li[data-id="${done.id}"] summary`, { hasText: 'Complete' }).click();
    await page.getByRole('form', { name: `Complete ${done.code}` }).getByRole('button', { name: 'Complete' }).click();
    expect(await announced(page, done.code)).to.equal(`Saved: ${done.code} completed. It is no longer on the open list.`);
    await expectFocusAfterSave(done.id);
    expect((await milestone(done.id)).completedOn).to.equal(server.today);
    touched.push({ id: done.id, action: 'completeMilestone' });
    // Move the at-risk one's due date: its reason is still as typed at the start.
    const later = addDays(moved.dueDate, 60);
    expect(await move().getByLabel('Reason').inputValue()).to.equal('The partner agency needs two more months');
    await move().getByLabel('New due date').fill(later);
    await move().getByRole('button', { name: 'Move' }).click();
    expect(await announced(page, moved.code)).to.match(new RegExp(`^Saved: ${moved.code.replace(/\./g, '\\.')} now due ${later}\\. `));
    await expectFocusAfterSave(moved.id);
    const afterMove = await milestone(moved.id);
    expect(afterMove.dueDate).to.equal(later);
    expect(afterMove.dateChanges.map((c) => c.reason)).to.include('The partner agency needs two more months');
    touched.push({ id: moved.id, action: 'moveDueDate' });
    // The attention list is shorter now, and the page shows exactly what the API says.
    const after = await picture(client, planId, agency.id, server.today);
    expect(after.attention).to.be.below(before.attention);
    expect(after.groups.stale).to.deep.equal([]);
    await expectPageShows(page, after, agency.id);
    // Every write is in the audit trail, by the signed-in editor.
    for (const { id, action } of touched) {
      const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string; actor: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id, first: 20) { nodes { action actor } } }', { id });
      expect(auditTrail.nodes, `${action} on ${id}`).to.deep.include({ action, actor: name });
    }
  });

  it('a refused write is shown beside its field, keeps what was typed and changes nothing', async () => {
    const token = await server.newToken(Role.EDITOR, agency.shortName, 'Refused editor');
    const { groups } = await picture(server.as(token), planId, agency.id, server.today);
    const m = [...ATTENTION.flatMap((k) => groups[k]), ...groups.rest][0];
    const before = await milestone(m.id);
    const page = await open(token);
    await page.goto(mine());
    // Percent 150: the server's message under Percent complete; the note stays as typed.
    const report = page.getByRole('form', { name: `Report progress on ${m.code}` });
    await report.getByLabel('Percent complete').fill('150');
    await report.getByLabel('Note').fill('A figure mistyped');
    await report.getByRole('button', { name: 'Report' }).click();
    const percentError = report.locator('.field-error', { hasText: 'between 0 and 100' });
    await percentError.waitFor();
    const percentInput = report.getByLabel('Percent complete');
    expect(await percentInput.getAttribute('aria-invalid')).to.equal('true');
    expect(await percentInput.getAttribute('aria-describedby')).to.equal(await percentError.getAttribute('id'));
    expect(await percentInput.inputValue()).to.equal('150');
    expect(await report.getByLabel('Note').inputValue()).to.equal('A figure mistyped');
    // A due date before the start: the message under New due date; the reason stays as typed.
    await page.locator(`li[data-id="${m.id}"] summary`, { hasText: 'Move due date' }).click();
    const move = page.getByRole('form', { name: `Move the due date of ${m.code}` });
    await move.getByLabel('New due date').fill(addDays(m.startDate, -1));
    await move.getByLabel('Reason').fill('Sooner than it can start');
    await move.getByRole('button', { name: 'Move' }).click();
    await move.locator('.field-error').filter({ hasText: /./ }).waitFor();
    expect(await move.getByLabel('New due date').getAttribute('aria-invalid')).to.equal('true');
    expect(await move.getByLabel('New due date').inputValue()).to.equal(addDays(m.startDate, -1));
    expect(await move.getByLabel('Reason').inputValue()).to.equal('Sooner than it can start');
    // The first refusal's typed values are still there too, and nothing changed at the server.
    expect(await report.getByLabel('Note').inputValue()).to.equal('A figure mistyped');
    expect(await milestone(m.id)).to.deep.equal(before);
    expect(await page.locator('.mine-saved').count()).to.equal(0);
    expect(await axeViolations(page), 'accessibility with refused fields').to.deep.equal([]);
  });

  it("a conflict: someone else changed the milestone after the page was read; the page shows their change and keeps the form as typed", async () => {
    const token = await server.newToken(Role.EDITOR, agency.shortName, 'Conflict editor');
    const { groups } = await picture(server.as(token), planId, agency.id, server.today);
    // The last of the attention list (earlier tests may have checked the first ones in).
    const m = ATTENTION.flatMap((k) => groups[k]).pop()!;
    const from = m.startDate > server.today ? m.startDate : server.today;
    const page = await open(token);
    await page.goto(mine());
    await page.locator(`li[data-id="${m.id}"] summary`, { hasText: 'Move due date' }).click();
    const move = page.getByRole('form', { name: `Move the due date of ${m.code}` });
    await move.getByLabel('New due date').fill(addDays(from, 45));
    await move.getByLabel('Reason').fill('Our part needs six more weeks');
    // Meanwhile someone else moves it (as admin, through the API): its version changes.
    const theirs = addDays(from, 30);
    await server.ok('mutation($id: ID!, $d: Date!) { moveDueDate(id: $id, newDueDate: $d, reason: "Moved at the committee meeting") { id } }', { id: m.id, d: theirs });
    await move.getByRole('button', { name: 'Move' }).click();
    // The page now shows their change; the form, open and in focus, kept what was typed.
    await page.locator(`li[data-id="${m.id}"] [data-fact="Due"] dd`, { hasText: theirs }).waitFor();
    const again = page.getByRole('form', { name: `Move the due date of ${m.code}` });
    await again.getByRole('alert').getByText('submit again to apply yours').waitFor();
    expect(await again.getByLabel('New due date').inputValue()).to.equal(addDays(from, 45));
    expect(await again.getByLabel('Reason').inputValue()).to.equal('Our part needs six more weeks');
    expect(await page.evaluate('document.activeElement.name')).to.equal('newDueDate');
    expect((await milestone(m.id)).dueDate).to.equal(theirs);
    // Submitting again applies it.
    await again.getByRole('button', { name: 'Move' }).click();
    await announced(page, m.code);
    const now = await milestone(m.id);
    expect(now.dueDate).to.equal(addDays(from, 45));
    expect(now.dateChanges.map((c) => c.reason)).to.include.members(['Moved at the committee meeting', 'Our part needs six more weeks']);
  });

  it('a viewer of the agency sees the same groups, without any action', async () => {
    const token = await server.newToken(Role.VIEWER, agency.shortName, 'Agency viewer');
    const page = await open(token);
    await page.goto(mine());
    await expectPageShows(page, await picture(server.as(token), planId, agency.id, server.today), agency.id);
    expect(await page.locator('li.mine-row').count()).to.be.above(0);
    expect(await page.locator('.mine form').count()).to.equal(0);
    expect(await page.getByText('Dates left empty').count()).to.equal(0);
    expect(await axeViolations(page), 'accessibility of the read-only list').to.deep.equal([]);
  });

  it('one quick update by keyboard alone: Tab to the milestone, type, submit; the keyboard stays on the row and the update is announced', async () => {
    const name = 'Keyboard editor';
    const token = await server.newToken(Role.EDITOR, agency.shortName, name);
    const { groups } = await picture(server.as(token), planId, agency.id, server.today);
    const m = [...ATTENTION.flatMap((k) => groups[k])][0];
    const page = await open(token);
    await page.goto(mine());
    await page.locator('li.mine-row').first().waitFor();
    const active = () => page.evaluate("({ text: document.activeElement.textContent, name: document.activeElement.name ?? '' })") as Promise<{ text: string; name: string }>;
    // From the skip link to the first attention milestone's link.
    await page.keyboard.press('Tab');
    expect((await active()).text).to.equal('Skip to the dashboard');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 20 && (await active()).text !== `${m.code} ${m.title}`; i++) await page.keyboard.press('Tab');
    expect((await active()).text).to.equal(`${m.code} ${m.title}`);
    // Its quick update: the percent, then the note, then Enter submits.
    await page.keyboard.press('Tab');
    expect((await active()).name).to.equal('percentComplete');
    const value = Math.min(100, m.progress + 1);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(value));
    await page.keyboard.press('Tab');
    expect((await active()).name).to.equal('note');
    await page.keyboard.type('Reported by keyboard');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await announced(page, m.code)).to.match(new RegExp(`^Saved: ${m.code.replace(/\./g, '\\.')} progress ${value}% reported\\.`));
    // The keyboard is back on the milestone's link while it is still on the attention list, else on the row that took its place.
    const order = ATTENTION.flatMap((k) => groups[k]);
    const now = await picture(server.as(token), planId, agency.id, server.today);
    const stays = ATTENTION.some((k) => now.groups[k].some((x) => x.id === m.id));
    const next = order[order.indexOf(m) + 1];
    expect((await active()).text).to.equal(stays ? `${m.code} ${m.title}` : `${next.code} ${next.title}`);
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string; actor: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id, first: 5) { nodes { action actor } } }', { id: m.id });
    expect(auditTrail.nodes[0]).to.deep.equal({ action: 'reportProgress', actor: name });
    expect((await milestone(m.id)).progress).to.equal(value);
  });

  it('fits a 390-pixel phone: no horizontal page scroll, with the actions and the folded list open', async () => {
    const page = await open(await server.newToken(Role.EDITOR, agency.shortName), { width: 390, height: 844 });
    await page.goto(mine());
    await page.locator('li.mine-row').first().waitFor();
    for (const summary of await page.locator('summary').all()) await summary.click();
    expect(await page.locator('details:not([open])').count()).to.equal(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'my-agency-phone');
    expect(await axeViolations(page), 'accessibility on a phone').to.deep.equal([]);
  });

  it('someone signed in without an agency is told why there is no list; without a sign-in, how to sign in', async () => {
    // The test admin belongs to no agency: no link in the navigation, and a clear message by URL.
    let page = await open(server.adminToken);
    await page.goto(mine());
    await page.getByText('are not a member of an agency').waitFor();
    expect(await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'My agency' }).count()).to.equal(0);
    expect(await page.locator('li.mine-row').count()).to.equal(0);
    await session!.context.close();
    session = undefined;
    page = await open(undefined, { expectedFailures: ['401 /graphql'] });
    await page.goto(mine());
    await page.getByRole('alert').getByText('npm run --silent dev-token').waitFor();
    expect(await page.locator('li.mine-row').count()).to.equal(0);
  });

  it('on a plan of 2,000 milestones reads only the agency\'s, a hundred at a time', async () => {
    const bigPlan = await insertSyntheticPlan(server.dataSource, syntheticPlan({ milestones: 2000, seed: 7, today: server.today }));
    const { agencies } = await server.ok<{ agencies: { id: string; shortName: string }[] }>('{ agencies { id shortName } }');
    // The synthetic agency with the most open milestones: over a hundred, so the page follows the cursors.
    let busiest: { agency: (typeof agencies)[number]; open: number } | null = null;
    for (const a of agencies.filter((x) => x.shortName.startsWith('SYN'))) {
      const { milestones } = await server.ok<{ milestones: { totalCount: number } }>('query($f: MilestoneFilter!) { milestones(filter: $f) { totalCount } }', {
        f: { planId: bigPlan, agencyId: a.id, agencyRole: 'ANY', asOf: server.today, status: ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED'] },
      });
      if (milestones.totalCount > (busiest?.open ?? 0)) busiest = { agency: a, open: milestones.totalCount };
    }
    expect(busiest!.open).to.be.above(100);
    const token = await server.newToken(Role.EDITOR, busiest!.agency.shortName);
    const page = await open(token);
    const asked: { filter?: Record<string, unknown>; first?: number }[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (body && body.includes('milestones(')) asked.push((JSON.parse(body) as { variables: { filter?: Record<string, unknown> } }).variables);
    });
    // The browser's own clock times the page (the server shares this process with the test).
    await page.addInitScript(`new MutationObserver((_, o) => { if (document.querySelector('.mine [data-count]')) { window.cairnShownAt = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true })`);
    await page.goto(`${mine()}&plan=${encodeURIComponent(bigPlan)}`);
    await page.locator('.mine [data-count]').waitFor();
    console.log(`      (${busiest!.open} open milestones of 2,000: shown in ${Math.round(Number(await page.evaluate('window.cairnShownAt')))} ms)`);
    await expectPageShows(page, await picture(server.as(token), bigPlan, busiest!.agency.id, server.today), busiest!.agency.id, 3);
    // Every list the page asked for was the agency's, and it took more than one page of 100.
    expect(asked.length).to.equal(Math.ceil(busiest!.open / 100));
    for (const variables of asked) expect(variables.filter).to.deep.include({ planId: bigPlan, agencyId: busiest!.agency.id, agencyRole: 'ANY' });
  });
});
