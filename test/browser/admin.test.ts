/**
 * The "Admin" and "My tokens" pages in a real Chromium against a real server: an admin invites,
 * changes a role, disables a person, issues and revokes tokens and changes a plan setting, each
 * checked against the API afterwards (the audit trail included); refusals stand beside their
 * field with what was typed kept; other roles get no admin link and, at the address, the
 * server's refusal instead of a form; anyone makes a read-only calendar token whose feed works
 * until it is revoked. No request leaves the server's origin, no page error.
 */
import { expect } from 'chai';
import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { axeViolations } from '../support/axe';
import { launchBrowser, openSession, screenshot, endSession, Session, skipWithoutChromium } from '../support/browser';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

interface Person {
  id: string;
  name: string;
  email: string | null;
  role: string;
  disabled: boolean;
  agency: { shortName: string } | null;
  tokens: { id: string; label: string; readOnly: boolean; active: boolean }[];
}

describe('Browser: the admin page and My tokens', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session | undefined;
  let plans: { first: string; current: string };
  let agencies: Record<string, string>;
  const origin = () => new URL(server.url).origin;
  const open = async (token: string, options: Parameters<typeof openSession>[1] = {}): Promise<Page> => {
    session = await openSession(browser, { token, today: server.today, ...options });
    return session.page;
  };
  const people = async () => (await server.ok<{ users: Person[] }>('{ users { id name email role disabled agency { shortName } tokens { id label readOnly active } } }')).users;
  const person = async (name: string) => (await people()).find((p) => p.name === name)!;
  /** The user a token signs in as, or the error code it gets. */
  const signedInAs = async (token: string) => {
    const result = await server.as(token).gql<{ viewer: { name: string; role: string } }>('{ viewer { name role } }');
    return result.errors ? String(result.errors[0].extensions?.code) : `${result.data!.viewer.name} (${result.data!.viewer.role})`;
  };
  const personItem = (page: Page, name: string) => page.locator('li.person', { has: page.locator('.person-name', { hasText: name }) });
  /** Opens a person's details on the admin page. */
  const details = async (page: Page, name: string) => {
    const item = personItem(page, name);
    if ((await item.locator('details').getAttribute('open')) === null) await item.locator('summary').click();
    return item;
  };

  before(async function () {
    skipWithoutChromium(this);
    server = await startTestServer();
    plans = await samplePlans(server);
    const { agencies: list } = await server.ok<{ agencies: { id: string; shortName: string }[] }>('{ agencies { id shortName } }');
    agencies = Object.fromEntries(list.map((a) => [a.shortName, a.id]));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async function () {
    const ended = session;
    session = undefined;
    await endSession(this, ended, 'admin', origin());
  });

  it('an admin invites a person (in the list and the audit trail after); a taken email is refused beside its field, keeping what was typed', async () => {
    const page = await open(server.adminToken);
    await page.goto(`${origin()}/dashboard?page=admin`);
    await page.getByRole('heading', { level: 2, name: 'Administration' }).waitFor();
    const invite = page.getByRole('form', { name: 'Invite a person' });
    await invite.getByLabel('Name').fill('Ana Ruiz');
    await invite.getByLabel('Email').fill('Ana.Ruiz@City.gov');
    await invite.getByLabel('Role').selectOption('EDITOR');
    await invite.getByLabel('Agency').selectOption(agencies.SFPD);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await personItem(page, 'Ana Ruiz').waitFor();
    expect(await personItem(page, 'Ana Ruiz').locator('.person-facts').textContent()).to.equal('ana.ruiz@city.gov · EDITOR, SFPD · Active · 0 active tokens');
    const ana = await person('Ana Ruiz');
    expect(ana).to.deep.include({ email: 'ana.ruiz@city.gov', role: 'EDITOR', disabled: false, agency: { shortName: 'SFPD' } });
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string; actor: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id) { nodes { action actor } } }', { id: ana.id });
    expect(auditTrail.nodes).to.deep.equal([{ action: 'inviteUser', actor: 'Test admin' }]);
    // The same address in another case: refused beside the email field; the form keeps what was typed; nobody is added.
    const count = (await people()).length;
    const again = page.getByRole('form', { name: 'Invite a person' });
    await again.getByLabel('Name').fill('Ana Ruiz Again');
    await again.getByLabel('Email').fill('ANA.RUIZ@city.gov');
    await again.getByRole('button', { name: 'Invite' }).click();
    const email = again.getByLabel('Email');
    await again.locator('.field-error', { hasText: 'Another user already has that email.' }).waitFor();
    expect(await email.getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator(`#${await email.getAttribute('aria-describedby')}`).textContent()).to.equal('Another user already has that email.');
    expect(await again.getByLabel('Name').inputValue()).to.equal('Ana Ruiz Again');
    expect(await email.inputValue()).to.equal('ANA.RUIZ@city.gov');
    expect((await people()).length).to.equal(count);
  });

  it('an admin changes a person\'s role, disables them (their token then gets UNAUTHENTICATED), issues a token shown once and revokes one', async () => {
    const token = await server.newToken(Role.VIEWER, undefined, 'Dana Diaz');
    expect(await signedInAs(token)).to.equal('Dana Diaz (VIEWER)');
    const page = await open(server.adminToken);
    await page.goto(`${origin()}/dashboard?page=admin`);
    // Role: VIEWER → EDITOR of DPH, effective on Dana's next request.
    let item = await details(page, 'Dana Diaz');
    const roleForm = item.getByRole('form', { name: 'Role and agency of Dana Diaz' });
    await roleForm.getByLabel('Role').selectOption('EDITOR');
    await roleForm.getByLabel('Agency').selectOption(agencies.DPH);
    await roleForm.getByRole('button', { name: 'Save' }).click();
    await personItem(page, 'Dana Diaz').locator('.person-facts', { hasText: 'EDITOR, DPH' }).waitFor();
    expect(await person('Dana Diaz')).to.deep.include({ role: 'EDITOR', agency: { shortName: 'DPH' } });
    expect(await signedInAs(token)).to.equal('Dana Diaz (EDITOR)');
    // An editor without an agency is refused beside the agency field.
    item = await details(page, 'Dana Diaz');
    const again = item.getByRole('form', { name: 'Role and agency of Dana Diaz' });
    await again.getByLabel('Agency').selectOption('');
    await again.getByRole('button', { name: 'Save' }).click();
    await again.locator('.field-error', { hasText: 'An editor belongs to an agency' }).waitFor();
    expect(await again.getByLabel('Agency').getAttribute('aria-invalid')).to.equal('true');
    expect((await person('Dana Diaz')).agency).to.deep.equal({ shortName: 'DPH' });
    // A token issued here is shown once and works; a redraw does not show it again.
    await again.getByRole('button', { name: 'Save' }).waitFor();
    const issue = item.getByRole('form', { name: 'Issue a token for Dana Diaz' });
    await issue.getByLabel('Label').fill('Reporting script');
    await issue.getByRole('button', { name: 'Issue token' }).click();
    const shown = personItem(page, 'Dana Diaz').locator('.new-token');
    await shown.waitFor();
    const issued = await shown.getByLabel('Token').inputValue();
    expect(await axeViolations(page), 'accessibility of the admin page, a person open, a token shown').to.deep.equal([]);
    expect(issued).to.match(/^cairn_/);
    expect(await signedInAs(issued)).to.equal('Dana Diaz (EDITOR)');
    const dana = await person('Dana Diaz');
    expect(dana.tokens.map((t) => ({ label: t.label, readOnly: t.readOnly, active: t.active }))).to.deep.include({ label: 'Reporting script', readOnly: false, active: true });
    await page.reload();
    await personItem(page, 'Dana Diaz').waitFor();
    expect(await page.locator('.new-token').count()).to.equal(0);
    expect(await page.content()).not.to.include(issued);
    // Revoking that token, after the confirmation, stops it at once.
    item = await details(page, 'Dana Diaz');
    await item.getByRole('button', { name: 'Revoke token “Reporting script”' }).click();
    await item.getByRole('form', { name: 'Revoke token “Reporting script”?' }).getByRole('button', { name: 'Revoke' }).click();
    await personItem(page, 'Dana Diaz').locator('.tokens li[data-active="false"]', { hasText: 'Reporting script' }).waitFor();
    expect(await signedInAs(issued)).to.equal('UNAUTHENTICATED');
    expect(await signedInAs(token)).to.equal('Dana Diaz (EDITOR)');
    // Disabling, after the confirmation: Dana's other token stops working.
    item = await details(page, 'Dana Diaz');
    await item.getByRole('button', { name: 'Disable Dana Diaz' }).click();
    await item.getByRole('form', { name: 'Disable Dana Diaz?' }).getByRole('button', { name: 'Disable', exact: true }).click();
    await page.locator('li.person[data-disabled="true"]', { has: page.locator('.person-name', { hasText: 'Dana Diaz' }) }).waitFor();
    expect((await person('Dana Diaz')).disabled).to.equal(true);
    expect(await signedInAs(token)).to.equal('UNAUTHENTICATED');
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id) { nodes { action } } }', { id: dana.id });
    expect(auditTrail.nodes.map((n) => n.action)).to.deep.equal(['disableUser', 'updateUser']);
  });

  it('an admin changes a plan setting (the API has it after); a refused one stands beside its field; a conflict keeps what was typed', async () => {
    type Settings = { atRiskThreshold: number; offTrackShare: number; updateCadenceDays: number; endDate: string; version: number };
    const setting = async () => (await server.ok<{ plan: Settings }>('query($id: ID!) { plan(id: $id) { atRiskThreshold offTrackShare updateCadenceDays endDate version } }', { id: plans.current })).plan;
    const before = await setting();
    const page = await open(server.adminToken);
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(plans.current)}&page=admin`);
    const form = page.getByRole('form', { name: 'Plan settings' });
    expect(await form.getByLabel('At risk when behind by (percentage points)').inputValue()).to.equal(String(before.atRiskThreshold));
    // A last day before the first is refused beside "Last day"; what was typed stays.
    await form.getByLabel('Last day').fill('2020-01-01');
    await form.getByLabel('At risk when behind by (percentage points)').fill('30');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.locator('.field-error', { hasText: 'cannot end' }).waitFor();
    expect(await axeViolations(page), 'accessibility of the admin page with a refused field').to.deep.equal([]);
    expect(await form.getByLabel('Last day').getAttribute('aria-invalid')).to.equal('true');
    expect(await form.getByLabel('At risk when behind by (percentage points)').inputValue()).to.equal('30');
    expect(await setting()).to.deep.equal(before);
    await form.getByLabel('Last day').fill(before.endDate);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[name="atRiskThreshold"][value="30"]').waitFor();
    expect(await setting()).to.deep.equal({ ...before, atRiskThreshold: 30, version: before.version + 1 });
    // Someone else changes the plan meanwhile: the save is a CONFLICT, the page shows their change and keeps ours as typed.
    const saved = page.getByRole('form', { name: 'Plan settings' });
    await saved.getByLabel('Update stale after (days)').fill('45');
    await server.ok('mutation($id: ID!) { updatePlan(id: $id, input: { offTrackShare: 15 }) { id } }', { id: plans.current });
    await saved.getByRole('button', { name: 'Save settings' }).click();
    const reloaded = page.getByRole('form', { name: 'Plan settings' });
    await reloaded.getByRole('alert').getByText('submit again to apply yours').waitFor();
    expect(await reloaded.getByLabel('Update stale after (days)').inputValue()).to.equal('45');
    expect(await reloaded.getByLabel('Off track when overdue share reaches (%)').inputValue()).to.equal('15');
    await reloaded.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[name="updateCadenceDays"][value="45"]').waitFor();
    expect(await setting()).to.deep.equal({ ...before, atRiskThreshold: 30, offTrackShare: 15, updateCadenceDays: 45, version: before.version + 3 });
    const { auditTrail } = await server.ok<{ auditTrail: { nodes: { action: string; actor: string }[] } }>('query($id: ID!) { auditTrail(entityId: $id, first: 3) { nodes { action actor } } }', { id: plans.current });
    expect(auditTrail.nodes).to.deep.equal([
      { action: 'updatePlan', actor: 'Test admin' },
      { action: 'updatePlan', actor: 'Test admin' },
      { action: 'updatePlan', actor: 'Test admin' },
    ]);
    const { atRiskThreshold, offTrackShare, updateCadenceDays } = before;
    await server.ok('mutation($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }', { id: plans.current, input: { atRiskThreshold, offTrackShare, updateCadenceDays } });
  });

  for (const role of [Role.EDITOR, Role.VIEWER]) {
    it(`a ${role.toLowerCase()} gets no Admin link, and the admin page at its address shows the server's FORBIDDEN, not a form`, async () => {
      const page = await open(await server.newToken(role, role === Role.EDITOR ? 'SFPD' : undefined));
      await page.goto(`${origin()}/dashboard`);
      await page.getByRole('link', { name: 'My tokens' }).waitFor();
      const links = await page.locator('#pages a').allTextContents();
      expect(links).to.include('My tokens');
      expect(links).not.to.include('Admin');
      await page.goto(`${origin()}/dashboard?page=admin`);
      await page.locator('.forbidden', { hasText: `This needs the ADMIN role; you are ${role}.` }).waitFor();
      expect(await page.locator('#view form').count()).to.equal(0);
      expect(await page.locator('#view input').count()).to.equal(0);
      expect(await axeViolations(page), 'accessibility of the refusal').to.deep.equal([]);
    });
  }

  it('the admin sees the Admin link', async () => {
    const page = await open(server.adminToken);
    await page.goto(`${origin()}/dashboard`);
    await page.getByRole('link', { name: 'Admin' }).waitFor();
    expect(await page.locator('#pages a').allTextContents()).to.include.members(['Plan', 'My tokens', 'Admin']);
  });

  it('a viewer makes a read-only calendar token in My tokens: the feed address works, the token writes nothing; revoked, the address fails', async () => {
    const page = await open(await server.newToken(Role.VIEWER, 'HSA', 'Vera Viewer'));
    await page.goto(`${origin()}/dashboard?plan=${encodeURIComponent(plans.current)}`);
    await page.getByRole('link', { name: 'My tokens' }).click();
    await page.getByRole('heading', { level: 2, name: 'My tokens' }).waitFor();
    // The token this browser signed in with is theirs too (made on the command line, without a label).
    expect(await page.locator('ul.tokens li .token-label').allTextContents()).to.deep.equal(['(no label)']);
    const create = page.getByRole('form', { name: 'New calendar token' });
    await create.getByLabel('Label (what it is for)').fill('Phone calendar');
    await create.getByLabel('Last day (optional)').fill('2027-06-30');
    await create.getByRole('button', { name: 'Create token' }).click();
    const box = page.locator('.new-token');
    await box.waitFor();
    // The heading of what was just made takes the focus, so the keyboard and screen readers start there.
    await page.locator('#h-new-token:focus').waitFor();
    const token = await box.getByLabel('Token').inputValue();
    await screenshot(page, 'my-tokens-new-token');
    expect(await axeViolations(page), 'accessibility of My tokens with a new token').to.deep.equal([]);
    const planFeed = await box.getByLabel(/^Milestones of .*FY2026/).inputValue();
    const agencyFeed = await box.getByLabel('Milestones HSA leads or partners on').inputValue();
    expect(planFeed).to.equal(`${origin()}/calendar/plan/${plans.current}.ics?token=${encodeURIComponent(token)}`);
    expect(agencyFeed).to.equal(`${origin()}/calendar/agency/${agencies.HSA}.ics?token=${encodeURIComponent(token)}`);
    // A calendar app fetches the address with nothing else: it is the plan's calendar.
    for (const url of [planFeed, agencyFeed]) {
      const response = await fetch(url);
      expect(response.status, url).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/calendar/);
      expect(await response.text()).to.match(/^BEGIN:VCALENDAR[\s\S]*END:VCALENDAR\s*$/);
    }
    // The token is read-only: a write with it is FORBIDDEN, and nothing changes.
    const write = await server.as(token).gql('mutation($id: ID!) { updatePlan(id: $id, input: { description: "Hijacked" }) { id } }', { id: plans.current });
    expect(write.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    const listed = page.locator('ul.tokens li', { hasText: 'Phone calendar' });
    expect(await listed.getAttribute('data-active')).to.equal('true');
    expect(await listed.locator('.token-facts').textContent()).to.match(/^Read-only · created .* · works until .* · Active$/);
    // Revoked, after the confirmation: the address stops working.
    await listed.getByRole('button', { name: 'Revoke token “Phone calendar”' }).click();
    const confirm = page.getByRole('form', { name: 'Revoke token “Phone calendar”?' });
    await confirm.getByText('stops working at once').waitFor();
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('ul.tokens li[data-active="false"]', { hasText: 'Phone calendar' }).waitFor();
    expect(await page.locator('.new-token').count()).to.equal(0);
    expect((await fetch(planFeed)).status).to.equal(401);
    expect((await person('Vera Viewer')).tokens.map((t) => ({ label: t.label, readOnly: t.readOnly, active: t.active }))).to.deep.include({ label: 'Phone calendar', readOnly: true, active: false });
  });

  it('both pages fit a phone: nothing wider than the screen', async () => {
    const page = await open(server.adminToken, { width: 390, height: 844 });
    await page.goto(`${origin()}/dashboard?page=admin`);
    await personItem(page, 'Test admin').waitFor();
    await details(page, 'Test admin');
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await screenshot(page, 'admin-phone');
    await page.goto(`${origin()}/dashboard?page=tokens`);
    await page.getByRole('form', { name: 'New calendar token' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
  });
});
