import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import http from 'node:http';
import ical from 'node-ical';
import { loadConfig } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { UserAdmin } from '../../src/services/auth';
import { fixedDateClock } from '../../src/domain/clock';
import { FORMULA_TITLES } from '../support/hostile-text';
import { startTestServer, TestServer } from '../support/test-server';

/** A GET that names its own Host (fetch cannot), as any client may. */
function getWithHeaders(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      })
      .on('error', reject);
  });
}

/** The URL of every event in a feed (node-ical gives `URL;VALUE=URI:…` as { params, val }). */
function eventUrls(feed: string): string[] {
  const events = Object.values(ical.sync.parseICS(feed)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
  return events.map((e) => (e.url as unknown as { val: string }).val);
}

// A host name no title uses (other tests here title milestones with evil.example links).
const HOSTILE_HOST = 'host-header.attacker.example';
const HOSTILE_HEADERS = { host: HOSTILE_HOST, 'x-forwarded-host': HOSTILE_HOST, 'x-forwarded-proto': 'https' };

describe('exports over HTTP: CSV of milestones and iCalendar feeds', () => {
  let server: TestServer;
  let base: string;
  let currentPlan: string;
  let sfpd: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    base = server.url.replace('/graphql', '');
    const data = await server.ok('{ plans { id startDate } agencies { id shortName } }');
    currentPlan = data.plans.find((p: { startDate: string }) => p.startDate === '2025-07-01').id;
    sfpd = data.agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
  });
  after(() => server.stop());

  const get = (path: string, token: string | null = server.adminToken) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('the CSV has the same milestones, order and computed fields as the milestones query with that filter', async () => {
    const response = await get(`/export/milestones.csv?planId=${currentPlan}&status=OVERDUE,AT_RISK&orderBy=STATUS&asOf=2026-11-28`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/csv');
    expect(response.headers.get('content-disposition')).to.contain('milestones.csv');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const api = await server.ok(
      `query ($p: ID!) { milestones(filter: { planId: $p, status: [OVERDUE, AT_RISK], asOf: "2026-11-28" }, orderBy: { field: STATUS }, first: 100) { nodes { code title status statusReason daysOverdue slipDays dueDate leadAgency { shortName } goal { code } } } }`,
      { p: currentPlan },
    );
    expect(rows.map((r) => r.code)).to.deep.equal(api.milestones.nodes.map((n: { code: string }) => n.code));
    rows.forEach((row, i) => {
      const n = api.milestones.nodes[i];
      expect(row).to.include({ title: n.title, status: n.status, statusReason: n.statusReason, daysOverdue: String(n.daysOverdue), slipDays: String(n.slipDays), dueDate: n.dueDate, leadAgency: n.leadAgency.shortName, goal: n.goal.code, asOf: '2026-11-28' });
    });
  });

  it('as of a past date, the CSV shows the past (no later completions)', async () => {
    const rows = parse(await (await get(`/export/milestones.csv?search=G3.1.M4&asOf=2015-06-30`)).text(), { columns: true }) as Record<string, string>[];
    const first = rows.find((r) => r.dueDate === '2015-05-29')!;
    expect(first).to.include({ status: 'OVERDUE', completedOn: '', daysOverdue: '32', progress: '85' });
  });

  it('exports follow visibility: an outsider gets no restricted milestone; a bad filter is a 400; no token is a 401', async () => {
    const outsider = await server.newToken(Role.EDITOR, 'DPH');
    const all = parse(await (await get(`/export/milestones.csv?planId=${currentPlan}`)).text(), { columns: true }) as Record<string, string>[];
    const theirs = parse(await (await get(`/export/milestones.csv?planId=${currentPlan}`, outsider)).text(), { columns: true }) as Record<string, string>[];
    const restricted = all.filter((r) => r.visibility === 'PARTNERS');
    expect(restricted.length).to.be.greaterThan(0);
    expect(theirs).to.have.length(all.length - restricted.length);
    expect(theirs.some((r) => r.visibility === 'PARTNERS')).to.equal(false);
    const bad = await get('/export/milestones.csv?status=LATE');
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).to.equal('BAD_USER_INPUT');
    expect((await get('/export/milestones.csv', null)).status).to.equal(401);
  });

  it('a CSV cell that a spreadsheet would run as a formula gets a leading apostrophe, in any column; numbers stay numbers', async () => {
    const agency = await server.ok('mutation { createAgency(input: { name: "Formula agency", shortName: "@FORMULA", kind: OTHER, jurisdiction: CITY }) { id } }');
    const { plan } = await server.ok('query ($p: ID!) { plan(id: $p) { goals { id code } } }', { p: currentPlan });
    const goalId = plan.goals.find((g: { code: string }) => g.code === 'G2').id;
    for (const [i, { title }] of FORMULA_TITLES.entries()) {
      const input = { goalId, code: `CSVF.${i}`, title, leadAgencyId: i === 0 ? agency.createAgency.id : sfpd, startDate: '2026-12-01', dueDate: '2027-06-30' };
      await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', { input });
    }
    const rows = parse(await (await get(`/export/milestones.csv?planId=${currentPlan}&search=CSVF.&orderBy=CODE`)).text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).to.deep.equal(FORMULA_TITLES.map((t) => t.cell));
    expect(rows[0].leadAgency).to.equal("'@FORMULA");
    // No cell of the whole plan's export starts a formula; Cairn's own negative numbers stay numbers.
    const cells = (parse(await (await get(`/export/milestones.csv?planId=${currentPlan}`)).text()) as string[][]).flat();
    const plainNumber = /^[+-]?\d+(\.\d+)?$/;
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !plainNumber.test(c))).to.deep.equal([]);
    expect(cells.some((c) => /^-\d+$/.test(c)), 'a negative number, as a number').to.equal(true);
  });

  it("an agency's iCalendar feed, with the token in the URL, parses back to one all-day event per milestone on its due date", async () => {
    const token = await server.newToken(Role.VIEWER, undefined, undefined, true);
    const response = await fetch(`${base}/calendar/agency/${sfpd}.ics?token=${token}`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/calendar');
    const events = Object.values(ical.sync.parseICS(await response.text())).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    const api = await server.as(token).ok(`query ($a: ID!) { milestones(filter: { agencyId: $a, agencyRole: ANY }, first: 100) { totalCount nodes { code dueDate } } }`, { a: sfpd });
    expect(events).to.have.length(api.milestones.totalCount);
    // Codes repeat across plans: compare (code, due date) pairs.
    const expected = api.milestones.nodes.map((n: { code: string; dueDate: string }) => `${n.code} ${n.dueDate}`).sort();
    const seen: string[] = [];
    for (const event of events) {
      const code = String(event.summary).split(' ')[0];
      expect(event.datetype).to.equal('date');
      const start = event.start as Date;
      const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
      seen.push(`${code} ${day}`);
    }
    expect(seen.sort()).to.deep.equal(expected);
  });

  it('only read-only tokens may travel in URLs, and a read-only token of an editor cannot change anything', async () => {
    const full = await server.newToken(Role.EDITOR, 'SFPD');
    const readOnly = await server.newToken(Role.EDITOR, 'SFPD', 'SFPD calendar', true);
    const refused = await fetch(`${base}/calendar/agency/${sfpd}.ics?token=${full}`);
    expect(refused.status).to.equal(401);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).to.contain('read-only');
    expect((await fetch(`${base}/calendar/agency/${sfpd}.ics?token=${readOnly}`)).status).to.equal(200);
    const viewer = await server.as(readOnly).ok('{ viewer { role agency { shortName } } }');
    expect(viewer.viewer).to.deep.equal({ role: 'VIEWER', agency: { shortName: 'SFPD' } });
    const write = await server.as(readOnly).gql('mutation ($a: ID!) { updateAgency(id: $a, input: { name: "Renamed" }) { id } }', { a: sfpd });
    expect(write.errors?.[0].extensions?.code).to.equal('FORBIDDEN');
  });

  it('feed URLs come from the public URL (here the listening address), never from the Host header a client sends', async () => {
    const token = await server.newToken(Role.VIEWER, undefined, undefined, true);
    for (const path of [`/calendar/plan/${currentPlan}.ics`, `/calendar/agency/${sfpd}.ics`]) {
      const { status, body } = await getWithHeaders(`${base}${path}?token=${token}`, HOSTILE_HEADERS);
      expect(status).to.equal(200);
      expect(body).to.not.contain(HOSTILE_HOST);
      const urls = eventUrls(body);
      expect(urls.length).to.be.greaterThan(0);
      expect(new Set(urls)).to.deep.equal(new Set([`${base}/graphql`]));
    }
  });

  it('a revoked calendar token stops working; the plan feed needs a token unless anonymous reads are on', async () => {
    const users = new UserAdmin(server.dataSource, fixedDateClock('2026-11-28'));
    const user = await users.createUser('Calendar reader', Role.VIEWER);
    const { token, row } = await users.issueToken(user.rowId, { label: 'calendar', readOnly: true });
    expect((await fetch(`${base}/calendar/plan/${currentPlan}.ics?token=${token}`)).status).to.equal(200);
    await users.revokeToken(row.rowId);
    expect((await fetch(`${base}/calendar/plan/${currentPlan}.ics?token=${token}`)).status).to.equal(401);
    expect((await fetch(`${base}/calendar/plan/${currentPlan}.ics`)).status).to.equal(401);
  });
});

describe('exports behind a proxy: CAIRN_PUBLIC_URL', () => {
  let server: TestServer;
  let base: string;
  before(async () => {
    server = await startTestServer({ settings: loadConfig({ CAIRN_PUBLIC_URL: 'https://plans.example.org/cairn/', CAIRN_TRUST_PROXY: 'loopback' }) });
    base = server.url.replace('/graphql', '');
  });
  after(() => server.stop());

  it("every event URL starts with it, whatever Host or X-Forwarded-* headers the request carries", async () => {
    const { plans } = await server.ok('{ plans { id } }');
    const token = await server.newToken(Role.VIEWER, undefined, undefined, true);
    for (const headers of [{}, HOSTILE_HEADERS]) {
      const { status, body } = await getWithHeaders(`${base}/calendar/plan/${plans[0].id}.ics?token=${token}`, headers);
      expect(status).to.equal(200);
      expect(body).to.not.contain(HOSTILE_HOST);
      const urls = eventUrls(body);
      expect(urls.length).to.be.greaterThan(0);
      expect(new Set(urls)).to.deep.equal(new Set(['https://plans.example.org/cairn/graphql']));
    }
  });
});
