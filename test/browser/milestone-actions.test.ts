/**
 * The milestone page's actions in a real browser against a real server with the sample plans:
 * which action forms each role sees (and that a hidden one is refused by the API for that role),
 * an admin's cancel/reopen, visibility, partners and dependencies (a cycle refused with the
 * server's message), each checked against the API and the audit trail, and a conflict that lists
 * what the other person changed, keeps the typed values and re-applies them.
 */
import { expect } from 'chai';
import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { launchBrowser, openSession, endSession, Session, skipWithoutChromium } from '../support/browser';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

interface Candidate {
  id: string;
  code: string;
  title: string;
  visibility: string;
  dueDate: string;
  leadAgency: { id: string; shortName: string };
  partners: { agency: { id: string; shortName: string } }[];
  dependsOn: { id: string }[];
}

const CHECK_IN = ['Report progress', 'Mark completed', 'Move the due date'];

describe('Browser: the milestone page\'s actions by role, owner changes and conflicts', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let plans: { first: string; current: string };
  let agencies: { id: string; shortName: string }[];
  const origin = () => new URL(server.url).origin;
  const open = async (token: string) => {
    session = await openSession(browser, { token, today: server.today });
    return session.page;
  };
  const goto = async (page: Page, m: { id: string; code: string }) => {
    await page.goto(`${origin()}/dashboard?milestone=${encodeURIComponent(m.id)}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${m.code} `) }).waitFor();
  };
  const formNames = async (page: Page) => (await Promise.all((await page.locator('form.action').all()).map((f) => f.getAttribute('aria-label')))).sort();

  /** Public, on-track milestones of the current plan with at least one partner and no dependencies, fresh from the API. */
  async function candidates(): Promise<Candidate[]> {
    const { milestones } = await server.ok<{ milestones: { nodes: Candidate[] } }>(
      `query($p: ID!) { milestones(filter: { planId: $p, status: [ON_TRACK] }, first: 100) {
        nodes { id code title visibility dueDate leadAgency { id shortName } partners { agency { id shortName } } dependsOn { id } } } }`,
      { p: plans.current },
    );
    return milestones.nodes.filter((m) => m.visibility === 'PUBLIC' && m.partners.length > 0 && m.dependsOn.length === 0);
  }
  const api = async (id: string) =>
    (
      await server.ok<{ milestone: { version: number; visibility: string; cancelledOn: string | null; completedOn: string | null; dueDate: string; partners: { agency: { id: string } }[]; dependsOn: { id: string }[] } }>(
        'query($id: ID!) { milestone(id: $id) { version visibility cancelledOn completedOn dueDate partners { agency { id } } dependsOn { id } } }',
        { id },
      )
    ).milestone;

  before(async function () {
    skipWithoutChromium(this);
    server = await startTestServer();
    plans = await samplePlans(server);
    agencies = (await server.ok<{ agencies: { id: string; shortName: string }[] }>('{ agencies { id shortName } }')).agencies;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async function () {
    const ended = session;
    session = undefined;
    await endSession(this, ended, 'milestone-actions', origin());
  });

  it('each role sees exactly the actions it may take, and a hidden one is FORBIDDEN by the API', async () => {
    const [m] = await candidates();
    const other = agencies.find((a) => a.id !== m.leadAgency.id && !m.partners.some((p) => p.agency.id === a.id))!;
    const EDIT = [...CHECK_IN, 'Cancel the milestone', 'Move the start date', 'Add a dependency'];
    const MANAGE = [...EDIT, 'Change the visibility', 'Add a partner', 'Remove a partner'];
    const roles: { name: string; role: Role; agency?: string; forms: string[]; hidden: string }[] = [
      { name: 'admin', role: Role.ADMIN, forms: MANAGE, hidden: '' },
      { name: 'lead editor', role: Role.EDITOR, agency: m.leadAgency.shortName, forms: MANAGE, hidden: '' },
      { name: 'partner editor', role: Role.EDITOR, agency: m.partners[0].agency.shortName, forms: EDIT, hidden: 'addPartner' },
      { name: 'other editor', role: Role.EDITOR, agency: other.shortName, forms: [], hidden: 'reportProgress' },
      { name: 'viewer', role: Role.VIEWER, agency: m.leadAgency.shortName, forms: [], hidden: 'reportProgress' },
    ];
    for (const r of roles) {
      const token = await server.newToken(r.role, r.agency, `Role check ${r.name}`);
      const page = await open(token);
      await goto(page, m);
      await page.locator('[data-fact="Status"]').waitFor();
      expect(await formNames(page), r.name).to.deep.equal([...r.forms].sort());
      const hidden = {
        addPartner: () => server.as(token).gql('mutation($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: SUPPORT) { id } }', { m: m.id, a: other.id }),
        reportProgress: () => server.as(token).gql('mutation($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 1 }) { id } }', { m: m.id }),
      }[r.hidden];
      if (hidden) expect(((await hidden()).errors ?? []).map((e) => e.extensions?.code), r.name).to.deep.equal(['FORBIDDEN']);
      await session!.context.close();
      session = undefined;
    }
    const after = await api(m.id);
    expect(after.partners.map((p) => p.agency.id)).not.to.include(other.id);
  });

  it('an admin cancels and reopens, changes the visibility, adds and removes a partner and a dependency, and sees a cycle refused', async () => {
    const [, m, y] = await candidates();
    const page = await open(server.adminToken);
    await goto(page, m);
    // Cancel with a reason, then reopen.
    const cancel = page.getByRole('form', { name: 'Cancel the milestone' });
    await cancel.getByLabel('Reason').fill('Merged into another milestone');
    await cancel.getByRole('button', { name: 'Cancel milestone' }).click();
    await page.locator('[data-fact="Status"] dd', { hasText: 'Cancelled' }).waitFor();
    expect((await api(m.id)).cancelledOn).to.equal(server.today);
    await page.getByRole('form', { name: 'Reopen' }).getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('form', { name: 'Cancel the milestone' }).waitFor();
    expect((await api(m.id)).cancelledOn).to.equal(null);
    // Visibility.
    const visibility = page.getByRole('form', { name: 'Change the visibility' });
    await visibility.getByLabel('Visibility').selectOption('PARTNERS');
    await visibility.getByRole('button', { name: 'Change' }).click();
    await page.locator('[data-fact="Visibility"] dd', { hasText: 'Partners' }).waitFor();
    expect((await api(m.id)).visibility).to.equal('PARTNERS');
    // A partner added with a role, then removed.
    const z = agencies.find((a) => a.id !== m.leadAgency.id && !m.partners.some((p) => p.agency.id === a.id))!;
    const add = page.getByRole('form', { name: 'Add a partner' });
    await add.getByLabel('Agency').selectOption(z.id);
    await add.getByLabel('Role').selectOption('CONSULTED');
    await add.getByRole('button', { name: 'Add partner' }).click();
    await page.locator('[data-fact="Partners"] dd', { hasText: `${z.shortName} (Consulted)` }).waitFor();
    expect((await api(m.id)).partners.map((p) => p.agency.id)).to.include(z.id);
    const remove = page.getByRole('form', { name: 'Remove a partner' });
    await remove.getByLabel('Partner').selectOption(z.id);
    await remove.getByRole('button', { name: 'Remove partner' }).click();
    await page.locator('[data-fact="Partners"] dd', { hasNotText: z.shortName }).waitFor();
    expect((await api(m.id)).partners.map((p) => p.agency.id)).not.to.include(z.id);
    // A dependency found by code.
    const dep = page.getByRole('form', { name: 'Add a dependency' });
    await dep.getByLabel('Find by code or title').fill(y.code);
    await dep.getByRole('button', { name: 'Find' }).click();
    await dep.locator(`option[value="${y.id}"]`).waitFor({ state: 'attached' });
    await dep.getByLabel('Depends on').selectOption(y.id);
    await dep.getByRole('button', { name: 'Add dependency' }).click();
    await page.getByRole('link', { name: new RegExp(`^${y.code} `) }).waitFor();
    expect((await api(m.id)).dependsOn.map((d) => d.id)).to.deep.equal([y.id]);
    // The reverse would close a cycle: refused beside the field with the server's message.
    const expectedRefusal = await server.gql('mutation($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: y.id, d: m.id });
    const message = expectedRefusal.errors![0].message;
    expect(message).to.contain('cycle');
    await goto(page, y);
    const back = page.getByRole('form', { name: 'Add a dependency' });
    await back.getByLabel('Find by code or title').fill(m.code);
    await back.getByRole('button', { name: 'Find' }).click();
    await back.locator(`option[value="${m.id}"]`).waitFor({ state: 'attached' });
    await back.getByLabel('Depends on').selectOption(m.id);
    await back.getByRole('button', { name: 'Add dependency' }).click();
    await back.locator('.field-error', { hasText: message }).waitFor();
    expect(await back.getByLabel('Depends on').getAttribute('aria-invalid')).to.equal('true');
    expect((await api(y.id)).dependsOn).to.deep.equal([]);
    // Removed again.
    await goto(page, m);
    const drop = page.getByRole('form', { name: 'Remove a dependency' });
    await drop.getByLabel('Dependency').selectOption(y.id);
    await drop.getByRole('button', { name: 'Remove dependency' }).click();
    await page.getByRole('form', { name: 'Remove a dependency' }).waitFor({ state: 'detached' });
    expect((await api(m.id)).dependsOn).to.deep.equal([]);
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id, first: 20) { nodes { action } } }', { id: m.id });
    expect(auditTrail.nodes.map((e) => e.action)).to.include.members(['cancelMilestone', 'reopenMilestone', 'updateMilestone', 'addPartner', 'removePartner', 'addDependency', 'removeDependency']);
  });

  it('a conflict lists what the other person changed, keeps the typed date, and submitting again completes it', async () => {
    const m = (await candidates())[3];
    const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const page = await open(await server.newToken(Role.EDITOR, m.leadAgency.shortName, 'Page editor'));
    await goto(page, m);
    const complete = page.getByRole('form', { name: 'Mark completed' });
    await complete.getByLabel('Completed on').fill(server.today);
    // Meanwhile a colleague moves the due date and reports progress through the API.
    const colleague = server.as(await server.newToken(Role.EDITOR, m.leadAgency.shortName, 'Colleague editor'));
    const newDue = day(m.dueDate, 45);
    await colleague.ok('mutation($id: ID!, $d: Date!) { moveDueDate(id: $id, newDueDate: $d, reason: "Agreed at the meeting") { id } }', { id: m.id, d: newDue });
    await colleague.ok('mutation($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 97 }) { id } }', { m: m.id });
    await complete.getByRole('button', { name: 'Complete' }).click();
    await page.locator('[data-fact="Due"] dd', { hasText: newDue }).waitFor();
    const again = page.getByRole('form', { name: 'Mark completed' });
    await again.getByRole('alert').getByText('submit again to apply yours').waitFor();
    const changes = await again.getByRole('list', { name: 'What changed meanwhile' }).getByRole('listitem').allTextContents();
    expect(changes).to.include(`Due: ${m.dueDate} → ${newDue}`);
    expect(changes.some((c) => c.startsWith('Progress: ') && c.includes('→ 97%'))).to.equal(true, changes.join('\n'));
    expect(changes.some((c) => c.startsWith('Latest progress update: ') && c.endsWith(': 97% by Colleague editor'))).to.equal(true, changes.join('\n'));
    expect(changes.some((c) => c.startsWith('Latest date move: ') && c.endsWith(`Due date to ${newDue} by Colleague editor`))).to.equal(true, changes.join('\n'));
    expect(await again.getByLabel('Completed on').inputValue()).to.equal(server.today);
    await again.getByRole('button', { name: 'Complete' }).click();
    await page.locator('[data-fact="Completed"] dd', { hasText: server.today }).waitFor();
    const after = await api(m.id);
    expect(after.completedOn).to.equal(server.today);
    expect(after.dueDate).to.equal(newDue);
  });
});
