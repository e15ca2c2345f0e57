/**
 * Every mutation over real HTTP, on a real SQLite file with the sample plans and today fixed
 * at 2026-11-28: each returns what it changed, and afterwards the queries a plan owner relies
 * on (status, progress, roll-ups, history as of a past date) show the change; each success
 * writes its audit entry with the values before and after.
 *
 * Most tests build their own small plan through the API (fresh plan, goal, milestones) so
 * that every expected figure can be computed by hand from the domain rules (docs/rules.md).
 */
import { expect } from 'chai';
import { sql } from '../support/database';
import { Role } from '../../src/domain/enums';
import { fromGlobalId } from '../../src/entities/global-id';
import { databaseFingerprint, startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';
const YESTERDAY = '2026-11-27';

type Changes = Record<string, { before: unknown; after: unknown }>;

interface AuditRow {
  id: number;
  occurred_at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_row_id: number;
  plan_id: number | null;
  changes: Changes;
}

function rowIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
}

/** The highest audit_entry id so far: audit rows written after it belong to the next mutation. */
async function auditMark(server: TestServer): Promise<number> {
  const [row] = await sql(server.dataSource, 'SELECT COALESCE(MAX(id), 0) AS id FROM audit_entry');
  return Number(row.id);
}

async function auditSince(server: TestServer, mark: number): Promise<AuditRow[]> {
  const rows = await sql(server.dataSource, 'SELECT * FROM audit_entry WHERE id > ? ORDER BY id', [mark]);
  return rows.map((r: Omit<AuditRow, 'changes'> & { changes: string }) => ({ ...r, changes: JSON.parse(r.changes) as Changes }));
}

/** Exactly one audit row for `action` since `mark`, about the given entity; returns it. */
async function expectAudit(server: TestServer, mark: number, action: string, entityType: string, entityId: string, planId: string | null): Promise<AuditRow> {
  const rows = (await auditSince(server, mark)).filter((r) => r.action === action);
  expect(rows, `one ${action} audit entry`).to.have.length(1);
  const row = rows[0];
  expect(row).to.include({ actor: 'Test admin', entity_type: entityType, entity_row_id: rowIdOf(entityId), plan_id: planId === null ? null : rowIdOf(planId) });
  expect(Number.isNaN(Date.parse(row.occurred_at)), 'occurred_at is an instant').to.equal(false);
  return row;
}

interface Created {
  id: string;
  code: string;
  version: number;
}

/** Builds what a test needs through the API; codes and titles are unique per server. */
class Fixtures {
  private n = 0;
  private agencyIds: Map<string, string> | undefined;

  constructor(private readonly server: TestServer) {}

  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  async agency(shortName: string): Promise<string> {
    if (!this.agencyIds) {
      const data = await this.server.ok('{ agencies { id shortName } }');
      this.agencyIds = new Map(data.agencies.map((a: { id: string; shortName: string }) => [a.shortName, a.id]));
    }
    const id = this.agencyIds.get(shortName);
    if (!id) throw new Error(`no agency ${shortName}`);
    return id;
  }

  /** A plan from 2026-01-01 to 2027-12-31 (America/Los_Angeles, at-risk threshold 25). */
  async plan(input: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const data = await this.server.ok('mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id version } }', {
      input: { title: this.next('Test plan '), startDate: '2026-01-01', endDate: '2027-12-31', ...input },
    });
    return data.createPlan;
  }

  async goal(planId: string, input: Record<string, unknown> = {}): Promise<Created> {
    const code = this.next('T');
    const data = await this.server.ok('mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id code version } }', {
      input: { planId, code, title: `Goal ${code}`, ...input },
    });
    return data.createGoal;
  }

  /** A milestone led by SFPD, from 2026-01-01 to 2027-01-01 unless told otherwise. */
  async milestone(goalId: string, input: Record<string, unknown> = {}): Promise<Created> {
    const code = this.next('M');
    const data = await this.server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id code version } }', {
      input: { goalId, code, title: `Milestone ${code}`, leadAgencyId: await this.agency('SFPD'), startDate: '2026-01-01', dueDate: '2027-01-01', ...input },
    });
    return data.createMilestone;
  }

  async report(milestoneId: string, percentComplete: number, reportedOn?: string): Promise<void> {
    await this.server.ok('mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id } }', { input: { milestoneId, percentComplete, reportedOn } });
  }

  async committee(planId: string, input: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const data = await this.server.ok('mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id version } }', {
      input: { planId, name: this.next('Committee '), ...input },
    });
    return data.createCommittee;
  }
}

/** One server for the enclosing describe, and fixtures bound to it. */
function withServer(): { server: () => TestServer; f: () => Fixtures } {
  let server: TestServer;
  let fixtures: Fixtures;
  before(async () => {
    server = await startTestServer({ today: TODAY });
    fixtures = new Fixtures(server);
  });
  after(() => server.stop());
  return { server: () => server, f: () => fixtures };
}

describe('mutations over HTTP: agencies', () => {
  const ctx = withServer();

  it('createAgency: the new agency is listed, loads by id and through node, leads nothing yet, and is audited', async () => {
    const server = ctx.server();
    const mark = await auditMark(server);
    const input = { name: 'Bay Area Legal Aid', shortName: 'BALA', kind: 'COMMUNITY_ORGANIZATION', jurisdiction: 'NONPROFIT' };
    const { createAgency: created } = await server.ok('mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name shortName kind jurisdiction version } }', { input });
    expect(created).to.deep.include({ ...input, version: 1 });

    const data = await server.ok(
      `query ($id: ID!) {
        agencies { shortName }
        agency(id: $id) { name shortName kind jurisdiction milestones { code } progress health statusCounts { total } }
        node(id: $id) { __typename ... on Agency { shortName } }
      }`,
      { id: created.id },
    );
    const shortNames = data.agencies.map((a: { shortName: string }) => a.shortName);
    expect(shortNames).to.include('BALA');
    expect(shortNames, 'agencies are listed by short name').to.deep.equal([...shortNames].sort());
    expect(data.agency).to.deep.equal({ ...input, milestones: [], progress: null, health: null, statusCounts: { total: 0 } });
    expect(data.node).to.deep.equal({ __typename: 'Agency', shortName: 'BALA' });

    const audit = await expectAudit(server, mark, 'createAgency', 'Agency', created.id, null);
    expect(audit.changes).to.deep.include({ name: { before: null, after: 'Bay Area Legal Aid' }, shortName: { before: null, after: 'BALA' }, kind: { before: null, after: 'COMMUNITY_ORGANIZATION' } });
  });

  it('updateAgency: changes only the given fields, bumps the version, and audits exactly what changed', async () => {
    const server = ctx.server();
    const { createAgency: agency } = await server.ok('mutation { createAgency(input: { name: "Court Appointed Special Advocates", shortName: "CASA", kind: OTHER, jurisdiction: NONPROFIT }) { id version } }');
    const mark = await auditMark(server);
    const { updateAgency: updated } = await server.ok(
      'mutation ($id: ID!) { updateAgency(id: $id, expectedVersion: 1, input: { name: "CASA of San Francisco", kind: SOCIAL_SERVICES }) { id name shortName kind jurisdiction version } }',
      { id: agency.id },
    );
    expect(updated).to.deep.equal({ id: agency.id, name: 'CASA of San Francisco', shortName: 'CASA', kind: 'SOCIAL_SERVICES', jurisdiction: 'NONPROFIT', version: 2 });

    const { agency: reread } = await server.ok('query ($id: ID!) { agency(id: $id) { name shortName kind version } }', { id: agency.id });
    expect(reread).to.deep.equal({ name: 'CASA of San Francisco', shortName: 'CASA', kind: 'SOCIAL_SERVICES', version: 2 });

    const audit = await expectAudit(server, mark, 'updateAgency', 'Agency', agency.id, null);
    expect(audit.changes).to.deep.equal({
      name: { before: 'Court Appointed Special Advocates', after: 'CASA of San Francisco' },
      kind: { before: 'OTHER', after: 'SOCIAL_SERVICES' },
    });
  });
});

describe('mutations over HTTP: plans', () => {
  const ctx = withServer();

  it('createPlan: defaults applied, listed first (newest first), nothing to measure yet, audited', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const mark = await auditMark(server);
    const input = {
      title: 'Regional Anti-Trafficking Plan 2026–2028',
      description: 'A test plan',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      timeZone: 'America/New_York',
      fiscalYearStartMonth: 1,
      staffAgencyId: await f.agency('DOSW'),
    };
    const { createPlan: plan } = await server.ok(
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) {
        id title description startDate endDate timeZone fiscalYearStartMonth atRiskThreshold updateCadenceDays offTrackShare suppressionThreshold version staffAgency { shortName } } }`,
      { input },
    );
    const { staffAgencyId: _staff, ...fields } = input;
    expect(plan).to.deep.include({ ...fields, atRiskThreshold: 25, updateCadenceDays: 61, offTrackShare: 10, suppressionThreshold: 11, version: 1 });
    expect(plan.staffAgency).to.deep.equal({ shortName: 'DOSW' });

    const data = await server.ok(
      'query ($id: ID!) { plans { id } plan(id: $id) { title goals { code } committees { name } progress health statusCounts { total } } }',
      { id: plan.id },
    );
    expect(data.plans[0].id, 'the plan starting latest comes first').to.equal(plan.id);
    expect(data.plan).to.deep.equal({ title: input.title, goals: [], committees: [], progress: null, health: null, statusCounts: { total: 0 } });

    const audit = await expectAudit(server, mark, 'createPlan', 'Plan', plan.id, plan.id);
    expect(audit.changes).to.deep.include({ title: { before: null, after: input.title }, timeZone: { before: null, after: 'America/New_York' }, endDate: { before: null, after: '2028-12-31' } });
  });

  it('createPlan: optional fields given as null get their defaults, as when left out', async () => {
    const server = ctx.server();
    const input = { title: 'Plan with nulls', startDate: '2026-01-01', endDate: '2026-12-31', description: null, timeZone: null, fiscalYearStartMonth: null, staffAgencyId: null, atRiskThreshold: null, updateCadenceDays: null, offTrackShare: null, suppressionThreshold: null };
    const { createPlan: plan } = await server.ok(
      'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { description timeZone fiscalYearStartMonth staffAgency { id } atRiskThreshold updateCadenceDays offTrackShare suppressionThreshold } }',
      { input },
    );
    expect(plan).to.deep.equal({ description: '', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 7, staffAgency: null, atRiskThreshold: 25, updateCadenceDays: 61, offTrackShare: 10, suppressionThreshold: 11 });
  });

  it('updatePlan: new settings take effect in the status rules (a lower atRiskThreshold flags a milestone)', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    // 2026-01-01 … 2027-01-01 (365 days); on 2026-11-28 (day 331) expected = 100 × 331 / 365 ≈ 90.7%.
    const m = await f.milestone(goal.id);
    await f.report(m.id, 70, TODAY);
    const STATUS = 'query ($id: ID!) { milestone(id: $id) { status statusReason expectedProgress } }';
    const before = (await server.ok(STATUS, { id: m.id })).milestone;
    expect(before.expectedProgress).to.equal(90.68); // 100 × 331 / 365 = 90.684…
    expect(before.status, 'a gap of 20.7 points is under the default threshold of 25').to.equal('ON_TRACK');

    const { plan: original } = await server.ok('query ($id: ID!) { plan(id: $id) { title } }', { id: plan.id });
    const mark = await auditMark(server);
    const { updatePlan: updated } = await server.ok(
      'mutation ($id: ID!) { updatePlan(id: $id, expectedVersion: 1, input: { title: "Renamed plan", atRiskThreshold: 20, endDate: "2028-06-30" }) { id title atRiskThreshold startDate endDate updateCadenceDays version } }',
      { id: plan.id },
    );
    expect(updated).to.deep.equal({ id: plan.id, title: 'Renamed plan', atRiskThreshold: 20, startDate: '2026-01-01', endDate: '2028-06-30', updateCadenceDays: 61, version: 2 });

    const after = (await server.ok(STATUS, { id: m.id })).milestone;
    expect(after.status).to.equal('AT_RISK');
    expect(after.statusReason).to.equal('Expected 90.68% by 2026-11-28, reported 70%.');
    const { plan: reread } = await server.ok('query ($id: ID!) { plan(id: $id) { title atRiskThreshold endDate version health } }', { id: plan.id });
    expect(reread).to.deep.equal({ title: 'Renamed plan', atRiskThreshold: 20, endDate: '2028-06-30', version: 2, health: 'AT_RISK' });

    const audit = await expectAudit(server, mark, 'updatePlan', 'Plan', plan.id, plan.id);
    expect(audit.changes).to.deep.equal({
      title: { before: original.title, after: 'Renamed plan' },
      atRiskThreshold: { before: 25, after: 20 },
      endDate: { before: '2027-12-31', after: '2028-06-30' },
    });
  });
});

describe('mutations over HTTP: offTrackShare grades health', () => {
  const ctx = withServer();

  it('createPlan takes it, updatePlan changes it (audited), and health and healthReason follow it at the exact boundary', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan({ offTrackShare: 30 });
    const goal = await f.goal(plan.id);
    // One of four milestones OVERDUE (25%), the others on track.
    await f.milestone(goal.id, { startDate: '2026-01-01', dueDate: '2026-06-30' });
    for (let i = 0; i < 3; i++) await f.report((await f.milestone(goal.id)).id, 95, TODAY);
    const HEALTH = `query ($id: ID!) { plan(id: $id) { offTrackShare health healthReason dashboard { health healthReason byCommittee: breakdown(by: COMMITTEE) { key health healthReason } }
      goals { health healthReason } } }`;
    const read = async () => (await server.ok(HEALTH, { id: plan.id })).plan;

    let p = await read();
    expect(p).to.deep.include({ offTrackShare: 30, health: 'AT_RISK', healthReason: '1 of 4 milestones (25%) is overdue, under the 30% that makes a plan off track.' });
    expect(p.dashboard).to.deep.include({ health: 'AT_RISK', healthReason: p.healthReason });
    expect(p.goals[0]).to.deep.include({ health: 'AT_RISK', healthReason: '1 of 4 milestones (25%) is overdue, under the 30% that makes a goal off track.' });

    const mark = await auditMark(server);
    const { updatePlan } = await server.ok('mutation ($id: ID!) { updatePlan(id: $id, input: { offTrackShare: 25 }) { offTrackShare version } }', { id: plan.id });
    expect(updatePlan).to.deep.equal({ offTrackShare: 25, version: 2 });
    const audit = await expectAudit(server, mark, 'updatePlan', 'Plan', plan.id, plan.id);
    expect(audit.changes).to.deep.equal({ offTrackShare: { before: 30, after: 25 } });
    p = await read();
    expect(p).to.deep.include({ health: 'OFF_TRACK', healthReason: '1 of 4 milestones (25%) is overdue, at least the 25% that makes a plan off track.' });
    expect(p.dashboard.health).to.equal('OFF_TRACK');
    expect(p.dashboard.byCommittee, 'a group is judged by the plan\'s share too').to.deep.equal([
      { key: 'none', health: 'OFF_TRACK', healthReason: '1 of 4 milestones (25%) is overdue, at least the 25% that makes a group off track.' },
    ]);

    await server.ok('mutation ($id: ID!) { updatePlan(id: $id, input: { offTrackShare: 26 }) { id } }', { id: plan.id });
    expect((await read()).health).to.equal('AT_RISK');
  });

  for (const [name, query, input] of [
    ['createPlan offTrackShare 0', 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', { title: 'Share 0', startDate: '2026-01-01', endDate: '2026-12-31', offTrackShare: 0 }],
    ['createPlan offTrackShare 101', 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', { title: 'Share 101', startDate: '2026-01-01', endDate: '2026-12-31', offTrackShare: 101 }],
    ['updatePlan offTrackShare 0', 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }', { offTrackShare: 0 }],
    ['updatePlan offTrackShare -5', 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }', { offTrackShare: -5 }],
    ['updatePlan offTrackShare 101', 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }', { offTrackShare: 101 }],
  ] as const) {
    it(`${name}: BAD_USER_INPUT naming the field and the range, nothing changed`, async () => {
      const server = ctx.server();
      const plan = await ctx.f().plan();
      const before = await databaseFingerprint(server.dataSource);
      const result = await server.gql(query, { id: plan.id, input });
      expect(result.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
      expect(result.errors?.[0].message).to.contain('offTrackShare').and.to.contain('between 1 and 100');
      expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    });
  }

  it('1 and 100 are accepted', async () => {
    const server = ctx.server();
    const plan = await ctx.f().plan({ offTrackShare: 1 });
    const { updatePlan } = await server.ok('mutation ($id: ID!) { updatePlan(id: $id, input: { offTrackShare: 100 }) { offTrackShare } }', { id: plan.id });
    expect(updatePlan.offTrackShare).to.equal(100);
  });
});

describe('mutations over HTTP: committees', () => {
  const ctx = withServer();

  it('createCommittee: chair and members (by short name, each once), listed on its plan, audited with its members', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const [sfpd, hsa, sfda] = [await f.agency('SFPD'), await f.agency('HSA'), await f.agency('SFDA')];
    const mark = await auditMark(server);
    const { createCommittee: committee } = await server.ok(
      `mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) {
        id name description version chair { shortName } members { shortName } plan { id } goals { code } progress } }`,
      { input: { planId: plan.id, name: 'Labor Trafficking', description: 'Labor cases and outreach', chairAgencyId: sfda, memberAgencyIds: [sfpd, hsa, sfda, sfpd] } },
    );
    expect(committee).to.deep.include({ name: 'Labor Trafficking', description: 'Labor cases and outreach', version: 1, chair: { shortName: 'SFDA' }, plan: { id: plan.id }, goals: [], progress: null });
    expect(committee.members).to.deep.equal([{ shortName: 'HSA' }, { shortName: 'SFDA' }, { shortName: 'SFPD' }]);

    const { plan: reread } = await server.ok('query ($id: ID!) { plan(id: $id) { committees { id name members { shortName } } } }', { id: plan.id });
    expect(reread.committees).to.deep.equal([{ id: committee.id, name: 'Labor Trafficking', members: [{ shortName: 'HSA' }, { shortName: 'SFDA' }, { shortName: 'SFPD' }] }]);

    const audit = await expectAudit(server, mark, 'createCommittee', 'Committee', committee.id, plan.id);
    expect(audit.changes).to.deep.include({ name: { before: null, after: 'Labor Trafficking' }, chairAgencyId: { before: null, after: rowIdOf(sfda) } });
    const members = await expectAudit(server, mark, 'setCommitteeMembers', 'Committee', committee.id, plan.id);
    expect(members.changes).to.deep.equal({ memberAgencyIds: { before: [], after: [sfpd, hsa, sfda].map(rowIdOf).sort((a, b) => a - b) } });
  });

  it('updateCommittee: renames, changes the chair and replaces the members', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const [sfpd, hsa, dph, sji] = [await f.agency('SFPD'), await f.agency('HSA'), await f.agency('DPH'), await f.agency('SJI')];
    const committee = await f.committee(plan.id, { name: 'Health', chairAgencyId: sfpd, memberAgencyIds: [sfpd, hsa] });
    const mark = await auditMark(server);
    const { updateCommittee: updated } = await server.ok(
      'mutation ($id: ID!, $input: UpdateCommitteeInput!) { updateCommittee(id: $id, expectedVersion: 1, input: $input) { id name version chair { shortName } members { shortName } } }',
      { id: committee.id, input: { name: 'Health and Outreach', chairAgencyId: dph, memberAgencyIds: [sji, dph] } },
    );
    expect(updated).to.deep.equal({ id: committee.id, name: 'Health and Outreach', version: 2, chair: { shortName: 'DPH' }, members: [{ shortName: 'DPH' }, { shortName: 'SJI' }] });

    const { committee: reread } = await server.ok('query ($id: ID!) { committee(id: $id) { name chair { shortName } members { shortName } } }', { id: committee.id });
    expect(reread).to.deep.equal({ name: 'Health and Outreach', chair: { shortName: 'DPH' }, members: [{ shortName: 'DPH' }, { shortName: 'SJI' }] });

    const audit = await expectAudit(server, mark, 'updateCommittee', 'Committee', committee.id, plan.id);
    expect(audit.changes).to.deep.include({ name: { before: 'Health', after: 'Health and Outreach' }, chairAgencyId: { before: rowIdOf(sfpd), after: rowIdOf(dph) } });
    const members = await expectAudit(server, mark, 'setCommitteeMembers', 'Committee', committee.id, plan.id);
    const sorted = (ids: string[]) => ids.map(rowIdOf).sort((a, b) => a - b);
    expect(members.changes).to.deep.equal({ memberAgencyIds: { before: sorted([sfpd, hsa]), after: sorted([dph, sji]) } });
  });
});

describe('mutations over HTTP: goals', () => {
  const ctx = withServer();

  it('createGoal: a top-level goal and a goal nested under it; the nested goal rolls up into its parent and the plan', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const committee = await f.committee(plan.id, { name: 'Youth' });
    const mark = await auditMark(server);
    const GOAL = 'id code title description weight position version leadAgency { shortName } committee { name } parent { code } plan { id }';
    const { createGoal: top } = await server.ok(`mutation ($input: CreateGoalInput!) { createGoal(input: $input) { ${GOAL} } }`, {
      input: { planId: plan.id, code: 'G1', title: 'Protect youth', description: 'Prevention in schools', leadAgencyId: await f.agency('DCYF'), committeeId: committee.id, weight: 2 },
    });
    expect(top).to.deep.include({ code: 'G1', title: 'Protect youth', description: 'Prevention in schools', weight: 2, position: 0, version: 1, leadAgency: { shortName: 'DCYF' }, committee: { name: 'Youth' }, parent: null, plan: { id: plan.id } });
    await expectAudit(server, mark, 'createGoal', 'Goal', top.id, plan.id);

    const nestedMark = await auditMark(server);
    const { createGoal: nested } = await server.ok(`mutation ($input: CreateGoalInput!) { createGoal(input: $input) { ${GOAL} } }`, {
      input: { planId: plan.id, parentId: top.id, code: 'G1.1', title: 'School outreach' },
    });
    expect(nested).to.deep.include({ code: 'G1.1', weight: 1, position: 0, description: '', leadAgency: null, committee: null, parent: { code: 'G1' } });
    const audit = await expectAudit(server, nestedMark, 'createGoal', 'Goal', nested.id, plan.id);
    expect(audit.changes).to.deep.include({ code: { before: null, after: 'G1.1' }, parentId: { before: null, after: rowIdOf(top.id) } });

    // A milestone in the nested goal only: it is all there is to measure, at every level.
    const m = await f.milestone(nested.id);
    await f.report(m.id, 40, '2026-11-01');
    const data = await server.ok(
      `query ($plan: ID!, $top: ID!, $committee: ID!) {
        plan(id: $plan) { goals { code children { code } } all: goals(all: true) { code } progress statusCounts { total } }
        goal(id: $top) { children { code parent { code } } milestones { code } progress statusCounts { total } }
        committee(id: $committee) { goals { code } progress }
      }`,
      { plan: plan.id, top: top.id, committee: committee.id },
    );
    expect(data.plan.goals).to.deep.equal([{ code: 'G1', children: [{ code: 'G1.1' }] }]);
    expect(data.plan.all.map((g: { code: string }) => g.code)).to.have.members(['G1', 'G1.1']);
    expect(data.goal).to.deep.equal({ children: [{ code: 'G1.1', parent: { code: 'G1' } }], milestones: [], progress: 40, statusCounts: { total: 1 } });
    expect(data.plan.progress).to.equal(40);
    expect(data.plan.statusCounts.total).to.equal(1);
    expect(data.committee).to.deep.equal({ goals: [{ code: 'G1' }], progress: 40 });
  });

  it('updateGoal: new title and weight; the plan roll-up uses the new weight; re-nesting moves it under another goal', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const a = await f.goal(plan.id);
    const b = await f.goal(plan.id);
    const ma = await f.milestone(a.id);
    const mb = await f.milestone(b.id);
    await f.report(ma.id, 20, '2026-11-01');
    await f.report(mb.id, 80, '2026-11-01');
    const PROGRESS = 'query ($id: ID!) { plan(id: $id) { progress goals { code weight } } }';
    expect((await server.ok(PROGRESS, { id: plan.id })).plan.progress, '(20 + 80) / 2').to.equal(50);

    const mark = await auditMark(server);
    const { updateGoal: updated } = await server.ok(
      'mutation ($id: ID!) { updateGoal(id: $id, expectedVersion: 1, input: { title: "Weighted goal", weight: 3 }) { id code title weight version } }',
      { id: b.id },
    );
    expect(updated).to.deep.equal({ id: b.id, code: b.code, title: 'Weighted goal', weight: 3, version: 2 });
    expect((await server.ok(PROGRESS, { id: plan.id })).plan.progress, '(1 × 20 + 3 × 80) / 4').to.equal(65);
    const audit = await expectAudit(server, mark, 'updateGoal', 'Goal', b.id, plan.id);
    expect(audit.changes).to.deep.equal({ title: { before: `Goal ${b.code}`, after: 'Weighted goal' }, weight: { before: 1, after: 3 } });

    await server.ok('mutation ($id: ID!, $parent: ID!) { updateGoal(id: $id, input: { parentId: $parent }) { id } }', { id: b.id, parent: a.id });
    const data = await server.ok('query ($plan: ID!, $a: ID!) { plan(id: $plan) { goals { code } progress } goal(id: $a) { children { code } progress } }', { plan: plan.id, a: a.id });
    expect(data.plan.goals).to.deep.equal([{ code: a.code }]);
    expect(data.goal.children).to.deep.equal([{ code: b.code }]);
    // a's direct milestone (weight 1, 20%) and its child goal b (weight 3, 80%).
    expect(data.goal.progress).to.equal(65);
    expect(data.plan.progress).to.equal(65);
  });
});

describe('mutations over HTTP: milestones', () => {
  const ctx = withServer();

  it('createMilestone: due date is the baseline, defaults, partners and dependencies; listed in its goal, searchable, audited', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const upstream = await f.milestone(goal.id, { dueDate: '2026-12-31' });
    const [hsa, dph, sji] = [await f.agency('HSA'), await f.agency('DPH'), await f.agency('SJI')];
    const mark = await auditMark(server);
    const { createMilestone: m } = await server.ok(
      `mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) {
        id code title description startDate dueDate baselineDueDate weight visibility position version slipDays status progress
        leadAgency { shortName } partners { agency { shortName } role } dependsOn { code } updates { id } dueDateChanges { id } goal { id } plan { id } } }`,
      {
        input: {
          goalId: goal.id,
          code: 'G1.M2',
          title: 'Open a drop-in clinic',
          description: 'Weekly clinic hours',
          leadAgencyId: hsa,
          startDate: '2027-01-04',
          dueDate: '2027-06-30',
          partners: [{ agencyId: sji, role: 'CONSULTED' }, { agencyId: dph, role: 'SUPPORT' }],
          dependsOnIds: [upstream.id],
        },
      },
    );
    expect(m).to.deep.include({
      code: 'G1.M2',
      title: 'Open a drop-in clinic',
      description: 'Weekly clinic hours',
      startDate: '2027-01-04',
      dueDate: '2027-06-30',
      baselineDueDate: '2027-06-30',
      weight: 1,
      visibility: 'PUBLIC',
      position: 0,
      version: 1,
      slipDays: 0,
      status: 'NOT_STARTED',
      progress: 0,
      leadAgency: { shortName: 'HSA' },
      dependsOn: [{ code: upstream.code }],
      updates: [],
      dueDateChanges: [],
      goal: { id: goal.id },
      plan: { id: plan.id },
    });
    expect(m.partners).to.deep.equal([{ agency: { shortName: 'DPH' }, role: 'SUPPORT' }, { agency: { shortName: 'SJI' }, role: 'CONSULTED' }]);

    const data = await server.ok(
      `query ($goal: ID!, $up: ID!, $plan: ID!, $dph: ID!) {
        goal(id: $goal) { milestones { code } }
        milestone(id: $up) { dependents { code } }
        milestones(filter: { planId: $plan, search: "g1.m2" }) { totalCount nodes { id } }
        agency(id: $dph) { milestones(planId: $plan, role: PARTNER) { code } }
        plan(id: $plan) { statusCounts { total NOT_STARTED } }
      }`,
      { goal: goal.id, up: upstream.id, plan: plan.id, dph },
    );
    expect(data.goal.milestones.map((x: { code: string }) => x.code)).to.have.members([upstream.code, 'G1.M2']);
    expect(data.milestone.dependents).to.deep.equal([{ code: 'G1.M2' }]);
    expect(data.milestones).to.deep.equal({ totalCount: 1, nodes: [{ id: m.id }] });
    expect(data.agency.milestones).to.deep.equal([{ code: 'G1.M2' }]);
    expect(data.plan.statusCounts.total).to.equal(2);

    const audit = await expectAudit(server, mark, 'createMilestone', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.include({
      code: { before: null, after: 'G1.M2' },
      dueDate: { before: null, after: '2027-06-30' },
      baselineDueDate: { before: null, after: '2027-06-30' },
      leadAgencyId: { before: null, after: rowIdOf(hsa) },
    });
    const rows = await auditSince(server, mark);
    expect(rows.filter((r) => r.action === 'addPartner').map((r) => r.changes.partner.after)).to.have.members(['SJI (CONSULTED)', 'DPH (SUPPORT)']);
    expect(rows.filter((r) => r.action === 'addDependency').map((r) => r.changes)).to.deep.equal([{ dependsOn: { before: null, after: upstream.code } }]);
  });

  it('createMilestone and createGoal: optional fields given as null get their defaults, as when left out', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const { createGoal: goal } = await server.ok('mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id weight position description parent { id } committee { id } leadAgency { id } } }', {
      input: { planId: plan.id, code: 'N1', title: 'Nulls', weight: null, position: null, description: null, parentId: null, committeeId: null, leadAgencyId: null },
    });
    expect(goal).to.deep.include({ weight: 1, position: 0, description: '', parent: null, committee: null, leadAgency: null });
    const { createMilestone: m } = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { weight visibility position description partners { role } dependsOn { id } } }', {
      input: { goalId: goal.id, code: 'N1.M1', title: 'Nulls', leadAgencyId: await f.agency('SFPD'), startDate: '2026-02-01', dueDate: '2026-12-31', weight: null, visibility: null, position: null, description: null, partners: null, dependsOnIds: null },
    });
    expect(m).to.deep.equal({ weight: 1, visibility: 'PUBLIC', position: 0, description: '', partners: [], dependsOn: [] });
  });

  it('updateMilestone: title, weight, lead, goal and position change; the start and due dates and the baseline do not', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const a = await f.goal(plan.id);
    const b = await f.goal(plan.id);
    const [hsa, sfda] = [await f.agency('HSA'), await f.agency('SFDA')];
    const m = await f.milestone(a.id, { partners: [{ agencyId: hsa, role: 'SUPPORT' }, { agencyId: sfda, role: 'CONSULTED' }] });
    const mark = await auditMark(server);
    const { updateMilestone: updated } = await server.ok(
      `mutation ($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: 1, input: $input) {
        id code title description startDate dueDate baselineDueDate weight position version leadAgency { shortName } partners { agency { shortName } } goal { id } } }`,
      { id: m.id, input: { title: 'Renamed milestone', description: 'Now with a description', weight: 2.5, position: 3, leadAgencyId: hsa, goalId: b.id } },
    );
    expect(updated).to.deep.equal({
      id: m.id,
      code: m.code,
      title: 'Renamed milestone',
      description: 'Now with a description',
      startDate: '2026-01-01',
      dueDate: '2027-01-01',
      baselineDueDate: '2027-01-01',
      weight: 2.5,
      position: 3,
      version: 2,
      leadAgency: { shortName: 'HSA' },
      // The new lead is no longer also a partner.
      partners: [{ agency: { shortName: 'SFDA' } }],
      goal: { id: b.id },
    });
    const data = await server.ok(
      'query ($a: ID!, $b: ID!, $hsa: ID!, $plan: ID!) { a: goal(id: $a) { milestones { code } } b: goal(id: $b) { milestones { code weight } } agency(id: $hsa) { milestones(planId: $plan) { code } } }',
      { a: a.id, b: b.id, hsa, plan: plan.id },
    );
    expect(data.a.milestones).to.deep.equal([]);
    expect(data.b.milestones).to.deep.equal([{ code: m.code, weight: 2.5 }]);
    expect(data.agency.milestones).to.deep.equal([{ code: m.code }]);

    const audit = await expectAudit(server, mark, 'updateMilestone', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({
      title: { before: `Milestone ${m.code}`, after: 'Renamed milestone' },
      description: { before: '', after: 'Now with a description' },
      weight: { before: 1, after: 2.5 },
      position: { before: 0, after: 3 },
      leadAgencyId: { before: rowIdOf(await f.agency('SFPD')), after: rowIdOf(hsa) },
      goalId: { before: rowIdOf(a.id), after: rowIdOf(b.id) },
    });
  });

  it('updateMilestone cannot move the start date silently: the field is not in its input (BAD_USER_INPUT), nothing changed', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const m = await f.milestone((await f.goal(plan.id)).id);
    const before = await databaseFingerprint(server.dataSource);
    const result = await server.gql('mutation ($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, input: $input) { startDate } }', { id: m.id, input: { startDate: '2026-03-01' } });
    expect(result.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    expect(result.errors?.[0].message).to.contain('"startDate" is not defined');
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
  });

  it('updateMilestone: a new code is what search and codes show from then on', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id);
    const { updateMilestone: updated } = await server.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { code: "X.RENAMED", visibility: PARTNERS }) { code visibility version } }', { id: m.id });
    expect(updated).to.deep.equal({ code: 'X.RENAMED', visibility: 'PARTNERS', version: 2 });
    const { milestones } = await server.ok('query ($plan: ID!) { milestones(filter: { planId: $plan, search: "renamed" }) { nodes { id code } } }', { plan: plan.id });
    expect(milestones.nodes).to.deep.equal([{ id: m.id, code: 'X.RENAMED' }]);
  });
});

describe('mutations over HTTP: progress, completion, cancellation, reopening', () => {
  const ctx = withServer();

  it('reportProgress: progress, status and lastUpdatedOn follow the latest check-in; earlier check-ins are kept unchanged', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    // 2026-01-01 … 2027-01-01: expected on 2026-11-28 ≈ 90.7%; on 2026-07-01 (day 181) ≈ 49.6%.
    const m = await f.milestone(goal.id);
    const REPORT = 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id percentComplete reportedOn note author createdAt milestone { id code } } }';
    const MILESTONE = `query ($id: ID!) { milestone(id: $id) {
      progress status lastUpdatedOn updates { id percentComplete reportedOn note author createdAt }
      then: progress(asOf: "2026-07-01") thenStatus: status(asOf: "2026-07-01") updatesThen: updates(asOf: "2026-07-01") { reportedOn } } }`;

    let mark = await auditMark(server);
    const first = (await server.ok(REPORT, { input: { milestoneId: m.id, percentComplete: 20, reportedOn: '2026-06-01', note: 'Kick-off held' } })).reportProgress;
    expect(first).to.deep.include({ percentComplete: 20, reportedOn: '2026-06-01', note: 'Kick-off held', author: 'Test admin', milestone: { id: m.id, code: m.code } });
    const audit = await expectAudit(server, mark, 'reportProgress', 'ProgressUpdate', first.id, plan.id);
    expect(audit.changes).to.deep.include({ percentComplete: { before: null, after: 20 }, reportedOn: { before: null, after: '2026-06-01' }, milestoneId: { before: null, after: rowIdOf(m.id) } });

    let after = (await server.ok(MILESTONE, { id: m.id })).milestone;
    expect(after).to.deep.include({ progress: 20, status: 'AT_RISK', lastUpdatedOn: '2026-06-01' });
    expect(after.updates).to.have.length(1);
    const firstAsRead = after.updates[0];
    expect(firstAsRead).to.deep.include({ id: first.id, percentComplete: 20, reportedOn: '2026-06-01', note: 'Kick-off held', author: 'Test admin' });

    // Today's check-in, with no date: today.
    mark = await auditMark(server);
    const second = (await server.ok(REPORT, { input: { milestoneId: m.id, percentComplete: 80 } })).reportProgress;
    expect(second).to.deep.include({ percentComplete: 80, reportedOn: TODAY, note: '', author: 'Test admin' });
    await expectAudit(server, mark, 'reportProgress', 'ProgressUpdate', second.id, plan.id);

    after = (await server.ok(MILESTONE, { id: m.id })).milestone;
    expect(after).to.deep.include({ progress: 80, status: 'ON_TRACK', lastUpdatedOn: TODAY, then: 20, thenStatus: 'AT_RISK' });
    expect(after.updates).to.have.length(2);
    expect(after.updates[0], 'the earlier check-in is unchanged').to.deep.equal(firstAsRead);
    expect(after.updatesThen).to.deep.equal([{ reportedOn: '2026-06-01' }]);

    // A late-filed check-in for an earlier date fills in history without overriding today's figure.
    await f.report(m.id, 50, '2026-09-01');
    after = (await server.ok(`query ($id: ID!) { milestone(id: $id) { progress lastUpdatedOn sept: progress(asOf: "2026-10-01") updates { reportedOn percentComplete } } }`, { id: m.id })).milestone;
    expect(after).to.deep.include({ progress: 80, lastUpdatedOn: TODAY, sept: 50 });
    expect(after.updates, 'oldest first').to.deep.equal([
      { reportedOn: '2026-06-01', percentComplete: 20 },
      { reportedOn: '2026-09-01', percentComplete: 50 },
      { reportedOn: TODAY, percentComplete: 80 },
    ]);
    const { goal: g } = await server.ok('query ($id: ID!) { goal(id: $id) { progress } }', { id: goal.id });
    expect(g.progress).to.equal(80);
  });

  it('reportProgress: the author is always the signed-in user; naming anyone else is refused (BAD_USER_INPUT), nothing recorded', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const m = await f.milestone((await f.goal((await f.plan()).id)).id);
    const editor = server.as(await server.newToken(Role.EDITOR, 'SFPD', 'Sam SFPD editor'));
    const before = await databaseFingerprint(server.dataSource);
    for (const forged of [
      { query: 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { author } }', variables: { input: { milestoneId: m.id, percentComplete: 30, author: 'Test admin' } }, code: 'BAD_USER_INPUT' },
      { query: 'mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 30, author: "Test admin" }) { author } }', variables: { m: m.id }, code: 'GRAPHQL_VALIDATION_FAILED' },
    ]) {
      const result = await editor.gql(forged.query, forged.variables);
      expect(result.data ?? null).to.equal(null);
      expect(result.errors?.[0].message).to.contain('"author" is not defined');
      expect(result.errors?.[0].extensions?.code).to.equal(forged.code);
    }
    expect(await databaseFingerprint(server.dataSource), 'nothing recorded').to.equal(before);
    const { reportProgress } = await editor.ok('mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 30 }) { author } }', { m: m.id });
    expect(reportProgress.author).to.equal('Sam SFPD editor');
    const { milestone } = await server.ok('query ($id: ID!) { milestone(id: $id) { updates { author } } }', { id: m.id });
    expect(milestone.updates).to.deep.equal([{ author: 'Sam SFPD editor' }]);
  });

  it('completeMilestone after the due date: COMPLETED_LATE with daysOverdue; before the completion date it was not completed', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id, { dueDate: '2026-06-30' });
    await f.report(m.id, 60, '2026-06-15');
    const mark = await auditMark(server);
    const { completeMilestone: done } = await server.ok(
      'mutation ($id: ID!) { completeMilestone(id: $id, completedOn: "2026-07-10", expectedVersion: 1) { id version completedOn status daysOverdue daysRemaining progress statusReason forecastCompletion } }',
      { id: m.id },
    );
    expect(done).to.deep.include({ version: 2, completedOn: '2026-07-10', status: 'COMPLETED_LATE', daysOverdue: 10, daysRemaining: 0, progress: 100, forecastCompletion: '2026-07-10' });
    expect(done.statusReason).to.equal('Completed on 2026-07-10, 10 days after its due date 2026-06-30.');

    const { milestone: past } = await server.ok(
      `query ($id: ID!) { milestone(id: $id) {
        completedOn(asOf: "2026-07-09") status(asOf: "2026-07-09") progress(asOf: "2026-07-09") daysOverdue(asOf: "2026-07-09")
        onTheDay: status(asOf: "2026-07-10") } }`,
      { id: m.id },
    );
    expect(past).to.deep.equal({ completedOn: null, status: 'OVERDUE', progress: 60, daysOverdue: 9, onTheDay: 'COMPLETED_LATE' });
    const { goal: g } = await server.ok('query ($id: ID!) { goal(id: $id) { progress health statusCounts { COMPLETED_LATE total } } }', { id: goal.id });
    expect(g).to.deep.equal({ progress: 100, health: 'COMPLETED', statusCounts: { COMPLETED_LATE: 1, total: 1 } });

    const audit = await expectAudit(server, mark, 'completeMilestone', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({ completedOn: { before: null, after: '2026-07-10' } });
  });

  it('completeMilestone without a date completes it today; on time it is COMPLETED', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id);
    const { completeMilestone: done } = await server.ok('mutation ($id: ID!) { completeMilestone(id: $id) { completedOn status daysOverdue progress statusReason yesterday: completedOn(asOf: "2026-11-27") } }', { id: m.id });
    expect(done).to.deep.include({ completedOn: TODAY, status: 'COMPLETED', daysOverdue: 0, progress: 100, yesterday: null });
    expect(done.statusReason).to.equal('Completed on 2026-11-28, 34 days before its due date 2027-01-01.');
  });

  /** A plan with one goal of three milestones (weights 1, 2, 1) reported at 40%, 70% and 10%. */
  async function threeMilestones(): Promise<{ plan: string; goal: string; a: Created; b: Created; c: Created }> {
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const a = await f.milestone(goal.id, { dueDate: '2027-06-30' });
    const b = await f.milestone(goal.id, { dueDate: '2027-06-30', weight: 2 });
    const c = await f.milestone(goal.id, { dueDate: '2027-06-30' });
    await f.report(a.id, 40, '2026-11-01');
    await f.report(b.id, 70, '2026-11-01');
    await f.report(c.id, 10, '2026-11-01');
    return { plan: plan.id, goal: goal.id, a, b, c };
  }

  const ROLLUP = `query ($goal: ID!, $plan: ID!, $sfpd: ID!) {
    goal(id: $goal) { progress yesterday: progress(asOf: "2026-11-27") statusCounts { CANCELLED total } }
    plan(id: $plan) { progress }
    agency(id: $sfpd) { progress(planId: $plan) }
  }`;

  it('cancelMilestone: CANCELLED with its reason, and it leaves the progress roll-ups (goal, plan, agency)', async () => {
    const server = ctx.server();
    const { plan, goal, c } = await threeMilestones();
    const sfpd = await ctx.f().agency('SFPD');
    const before = await server.ok(ROLLUP, { goal, plan, sfpd });
    // (1 × 40 + 2 × 70 + 1 × 10) / 4 = 47.5
    expect(before.goal).to.deep.equal({ progress: 47.5, yesterday: 47.5, statusCounts: { CANCELLED: 0, total: 3 } });
    expect(before.plan.progress).to.equal(47.5);
    expect(before.agency.progress).to.equal(47.5);

    const mark = await auditMark(server);
    const { cancelMilestone: cancelled } = await server.ok(
      `mutation ($id: ID!) { cancelMilestone(id: $id, reason: "  Funding withdrawn by the state ", expectedVersion: 1) {
        version status cancelledOn cancelReason statusReason forecastCompletion
        yesterday: status(asOf: "2026-11-27") cancelledYesterday: cancelledOn(asOf: "2026-11-27") } }`,
      { id: c.id },
    );
    expect(cancelled).to.deep.include({ version: 2, status: 'CANCELLED', cancelledOn: TODAY, cancelReason: 'Funding withdrawn by the state', forecastCompletion: null, cancelledYesterday: null });
    expect(cancelled.yesterday).to.not.equal('CANCELLED');
    expect(cancelled.statusReason).to.equal('Cancelled on 2026-11-28: Funding withdrawn by the state.');

    const after = await server.ok(ROLLUP, { goal, plan, sfpd });
    // (1 × 40 + 2 × 70) / 3 = 60; yesterday it still counted.
    expect(after.goal).to.deep.equal({ progress: 60, yesterday: 47.5, statusCounts: { CANCELLED: 1, total: 3 } });
    expect(after.plan.progress).to.equal(60);
    expect(after.agency.progress).to.equal(60);

    const audit = await expectAudit(server, mark, 'cancelMilestone', 'Milestone', c.id, plan);
    expect(audit.changes).to.deep.equal({ cancelledOn: { before: null, after: TODAY }, cancelReason: { before: null, after: 'Funding withdrawn by the state' } });
  });

  it('reopenMilestone: a cancelled milestone counts again; a completed one goes back to its reported progress', async () => {
    const server = ctx.server();
    const { plan, goal, a, c } = await threeMilestones();
    const sfpd = await ctx.f().agency('SFPD');
    const STATE = 'query ($id: ID!) { milestone(id: $id) { status progress completedOn cancelledOn cancelReason version } }';
    const cBefore = (await server.ok(STATE, { id: c.id })).milestone;
    await server.ok('mutation ($id: ID!) { cancelMilestone(id: $id, reason: "No longer needed") { id } }', { id: c.id });

    let mark = await auditMark(server);
    const { reopenMilestone: reopened } = await server.ok('mutation ($id: ID!) { reopenMilestone(id: $id, expectedVersion: 2) { status progress completedOn cancelledOn cancelReason version } }', { id: c.id });
    expect(reopened).to.deep.equal({ ...cBefore, version: 3 });
    expect(reopened.status).to.not.equal('CANCELLED');
    const rollup = await server.ok(ROLLUP, { goal, plan, sfpd });
    expect(rollup.goal.progress).to.equal(47.5);
    expect(rollup.goal.statusCounts).to.deep.equal({ CANCELLED: 0, total: 3 });
    let audit = await expectAudit(server, mark, 'reopenMilestone', 'Milestone', c.id, plan);
    expect(audit.changes).to.deep.equal({ cancelledOn: { before: TODAY, after: null }, cancelReason: { before: 'No longer needed', after: null } });

    await server.ok('mutation ($id: ID!) { completeMilestone(id: $id, completedOn: "2026-11-20") { id } }', { id: a.id });
    expect((await server.ok(ROLLUP, { goal, plan, sfpd })).goal.progress, '(100 + 140 + 10) / 4').to.equal(62.5);
    mark = await auditMark(server);
    const { reopenMilestone: undone } = await server.ok('mutation ($id: ID!) { reopenMilestone(id: $id) { status progress completedOn version } }', { id: a.id });
    expect(undone).to.deep.include({ progress: 40, completedOn: null, version: 3 });
    expect(undone.status).to.not.match(/COMPLETED/);
    expect((await server.ok(ROLLUP, { goal, plan, sfpd })).goal.progress).to.equal(47.5);
    audit = await expectAudit(server, mark, 'reopenMilestone', 'Milestone', a.id, plan);
    expect(audit.changes).to.deep.equal({ completedOn: { before: '2026-11-20', after: null } });
  });
});

describe('mutations over HTTP: moveDueDate', () => {
  const ctx = withServer();

  it('moves the due date: baseline kept, slipDays, a recorded change with its reason, and the past keeps the old date', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    // Due 2026-10-31, 80% reported: 28 days overdue today.
    const m = await f.milestone(goal.id, { dueDate: '2026-10-31' });
    await f.report(m.id, 80, '2026-11-20');
    expect((await server.ok('query ($id: ID!) { milestone(id: $id) { status daysOverdue } }', { id: m.id })).milestone).to.deep.equal({ status: 'OVERDUE', daysOverdue: 28 });

    const mark = await auditMark(server);
    const { moveDueDate: moved } = await server.ok(
      `mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-03-31", reason: "Waiting for the state data release", expectedVersion: 1) {
        version dueDate baselineDueDate slipDays status daysOverdue
        dueDateChanges { changedOn fromDate toDate reason author }
        oldDue: dueDate(asOf: "${YESTERDAY}") oldSlip: slipDays(asOf: "${YESTERDAY}") oldStatus: status(asOf: "${YESTERDAY}") } }`,
      { id: m.id },
    );
    expect(moved).to.deep.include({ version: 2, dueDate: '2027-03-31', baselineDueDate: '2026-10-31', slipDays: 151, daysOverdue: 0, oldDue: '2026-10-31', oldSlip: 0, oldStatus: 'OVERDUE' });
    // 2026-01-01 … 2027-03-31 (454 days), day 331: expected ≈ 72.9%, reported 80%.
    expect(moved.status).to.equal('ON_TRACK');
    expect(moved.dueDateChanges).to.deep.equal([{ changedOn: TODAY, fromDate: '2026-10-31', toDate: '2027-03-31', reason: 'Waiting for the state data release', author: 'Test admin' }]);

    const { milestones } = await server.ok('query ($plan: ID!) { milestones(filter: { planId: $plan, status: [OVERDUE], asOf: "2026-11-27" }) { nodes { id } } }', { plan: plan.id });
    expect(milestones.nodes, 'yesterday it was overdue, judged by the deadline of the time').to.deep.equal([{ id: m.id }]);

    const audit = await expectAudit(server, mark, 'moveDueDate', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({ dueDate: { before: '2026-10-31', after: '2027-03-31' }, reason: { before: null, after: 'Waiting for the state data release' } });

    // A second move (earlier again) is recorded too; the baseline still does not move.
    const { moveDueDate: again } = await server.ok('mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-01-31", reason: "Data arrived early") { dueDate baselineDueDate slipDays dueDateChanges { fromDate toDate reason } } }', { id: m.id });
    expect(again).to.deep.include({ dueDate: '2027-01-31', baselineDueDate: '2026-10-31', slipDays: 92 });
    expect(again.dueDateChanges.map((c: { fromDate: string; toDate: string }) => `${c.fromDate}→${c.toDate}`)).to.deep.equal(['2026-10-31→2027-03-31', '2027-03-31→2027-01-31']);
  });
});

describe('mutations over HTTP: partners and dependencies', () => {
  const ctx = withServer();

  const AGENCY_MILESTONES = `query ($agency: ID!, $plan: ID!) { agency(id: $agency) {
    lead: milestones(planId: $plan, role: LEAD) { code } partner: milestones(planId: $plan, role: PARTNER) { code }
    support: milestones(planId: $plan, role: SUPPORT) { code } consulted: milestones(planId: $plan, role: CONSULTED) { code }
    progress(planId: $plan, role: PARTNER) } }`;

  it('addPartner: the agency shows among the partners and in its own partner milestones; calling again changes its role', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id);
    await f.report(m.id, 35, '2026-11-01');
    const sfda = await f.agency('SFDA');

    let mark = await auditMark(server);
    const ADD = 'mutation ($m: ID!, $a: ID!, $role: PartnerRole!) { addPartner(milestoneId: $m, agencyId: $a, role: $role) { id partners { agency { shortName } role } } }';
    const { addPartner: added } = await server.ok(ADD, { m: m.id, a: sfda, role: 'SUPPORT' });
    expect(added).to.deep.equal({ id: m.id, partners: [{ agency: { shortName: 'SFDA' }, role: 'SUPPORT' }] });
    let view = (await server.ok(AGENCY_MILESTONES, { agency: sfda, plan: plan.id })).agency;
    expect(view).to.deep.equal({ lead: [], partner: [{ code: m.code }], support: [{ code: m.code }], consulted: [], progress: 35 });
    let audit = await expectAudit(server, mark, 'addPartner', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({ partner: { before: null, after: 'SFDA (SUPPORT)' } });

    mark = await auditMark(server);
    const { addPartner: changed } = await server.ok(ADD, { m: m.id, a: sfda, role: 'CONSULTED' });
    expect(changed.partners).to.deep.equal([{ agency: { shortName: 'SFDA' }, role: 'CONSULTED' }]);
    view = (await server.ok(AGENCY_MILESTONES, { agency: sfda, plan: plan.id })).agency;
    expect(view).to.deep.include({ support: [], consulted: [{ code: m.code }] });
    audit = await expectAudit(server, mark, 'addPartner', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({ partner: { before: 'SFDA (SUPPORT)', after: 'SFDA (CONSULTED)' } });
  });

  it('removePartner: the agency is no longer a partner, nor counted in its partner roll-up', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const [sfda, hsa] = [await f.agency('SFDA'), await f.agency('HSA')];
    const m = await f.milestone(goal.id, { partners: [{ agencyId: sfda, role: 'SUPPORT' }, { agencyId: hsa, role: 'CONSULTED' }] });
    const mark = await auditMark(server);
    const { removePartner: removed } = await server.ok('mutation ($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id partners { agency { shortName } role } } }', { m: m.id, a: sfda });
    expect(removed).to.deep.equal({ id: m.id, partners: [{ agency: { shortName: 'HSA' }, role: 'CONSULTED' }] });
    const view = (await server.ok(AGENCY_MILESTONES, { agency: sfda, plan: plan.id })).agency;
    expect(view).to.deep.equal({ lead: [], partner: [], support: [], consulted: [], progress: null });
    const audit = await expectAudit(server, mark, 'removePartner', 'Milestone', m.id, plan.id);
    expect(audit.changes).to.deep.equal({ partner: { before: 'SFDA (SUPPORT)', after: null } });
  });

  /** Upstream A is 28 days overdue (due 2026-10-31, no progress); B starts 2027-01-04 (NOT_STARTED). */
  async function overdueUpstream(): Promise<{ plan: string; a: Created; b: Created }> {
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const a = await f.milestone(goal.id, { dueDate: '2026-10-31' });
    const b = await f.milestone(goal.id, { startDate: '2027-01-04', dueDate: '2027-06-30' });
    return { plan: plan.id, a, b };
  }

  const DEPENDENT = `query ($id: ID!) { milestone(id: $id) { status statusReason dependsOn { code } before: status(asOf: "2026-10-30") } }`;

  it('addDependency on an overdue milestone: the dependent becomes AT_RISK, its statusReason naming the upstream code', async () => {
    const server = ctx.server();
    const { plan, a, b } = await overdueUpstream();
    expect((await server.ok(DEPENDENT, { id: b.id })).milestone.status).to.equal('NOT_STARTED');
    const mark = await auditMark(server);
    const { addDependency: linked } = await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id status statusReason dependsOn { code } } }', { m: b.id, d: a.id });
    expect(linked).to.deep.include({ id: b.id, status: 'AT_RISK', dependsOn: [{ code: a.code }] });
    expect(linked.statusReason).to.equal(`Depends on ${a.code} (SFPD), which is 28 days overdue.`);

    const data = await server.ok(`query ($a: ID!, $b: ID!) { a: milestone(id: $a) { status dependents { code } } b: milestone(id: $b) { before: status(asOf: "2026-10-30") } }`, { a: a.id, b: b.id });
    expect(data.a).to.deep.equal({ status: 'OVERDUE', dependents: [{ code: b.code }] });
    expect(data.b.before, 'on 2026-10-30 the upstream was not overdue yet').to.equal('NOT_STARTED');
    const audit = await expectAudit(server, mark, 'addDependency', 'Milestone', b.id, plan);
    expect(audit.changes).to.deep.equal({ dependsOn: { before: null, after: a.code } });
  });

  it('addDependency on the sample plan: a milestone that depends on the overdue G4.M4 is AT_RISK because of it', async () => {
    const server = ctx.server();
    const { plans } = await server.ok('{ plans { id startDate } }');
    const current = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01').id;
    const FIND = 'query ($plan: ID!, $code: String!) { milestones(filter: { planId: $plan, search: $code }) { nodes { id code status daysOverdue leadAgency { shortName } } } }';
    const find = async (code: string) => (await server.ok(FIND, { plan: current, code })).milestones.nodes.find((n: { code: string }) => n.code === code);
    const upstream = await find('G4.M4');
    const dependent = await find('G4.M5');
    expect(upstream.status).to.equal('OVERDUE');
    expect(dependent.status).to.equal('NOT_STARTED');
    const { addDependency: linked } = await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { status statusReason } }', { m: dependent.id, d: upstream.id });
    expect(linked.status).to.equal('AT_RISK');
    expect(linked.statusReason).to.equal(`Depends on G4.M4 (${upstream.leadAgency.shortName}), which is ${upstream.daysOverdue} days overdue.`);
  });

  it('removeDependency: the dependent is no longer held up', async () => {
    const server = ctx.server();
    const { plan, a, b } = await overdueUpstream();
    await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: b.id, d: a.id });
    expect((await server.ok(DEPENDENT, { id: b.id })).milestone.status).to.equal('AT_RISK');
    const mark = await auditMark(server);
    const { removeDependency: unlinked } = await server.ok('mutation ($m: ID!, $d: ID!) { removeDependency(milestoneId: $m, dependsOnId: $d) { id status dependsOn { code } } }', { m: b.id, d: a.id });
    expect(unlinked).to.deep.equal({ id: b.id, status: 'NOT_STARTED', dependsOn: [] });
    const { milestone: upstream } = await server.ok('query ($id: ID!) { milestone(id: $id) { dependents { code } } }', { id: a.id });
    expect(upstream.dependents).to.deep.equal([]);
    const audit = await expectAudit(server, mark, 'removeDependency', 'Milestone', b.id, plan);
    expect(audit.changes).to.deep.equal({ dependsOn: { before: a.code, after: null } });
  });
});

describe('mutations over HTTP: expectedVersion (optimistic concurrency)', () => {
  const ctx = withServer();

  /**
   * Each case: set up an entity, let "someone else" change it (so the version the user read is
   * stale), then the user's mutation with that stale version. `fields` selects the version.
   */
  interface Case {
    mutation: string;
    /** Returns the id, the version the user read, and the version after someone else's change. */
    setup: (f: Fixtures, server: TestServer) => Promise<{ id: string; read: number; current: number }>;
    /** The user's mutation, with $id and $v. */
    query: string;
  }

  const touchMilestone = (server: TestServer, id: string) => server.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { description: "edited elsewhere" }) { version } }', { id });

  async function milestoneCase(f: Fixtures, server: TestServer, complete = false) {
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id);
    let read = m.version;
    if (complete) read = (await server.ok('mutation ($id: ID!) { completeMilestone(id: $id) { version } }', { id: m.id })).completeMilestone.version;
    const current = (await touchMilestone(server, m.id)).updateMilestone.version;
    return { id: m.id, read, current };
  }

  const cases: Case[] = [
    {
      mutation: 'updateAgency',
      setup: async (f, server) => {
        const { createAgency: a } = await server.ok(`mutation { createAgency(input: { name: "${f.next('Agency ')}", shortName: "${f.next('AG')}", kind: OTHER, jurisdiction: CITY }) { id version } }`);
        const current = (await server.ok('mutation ($id: ID!) { updateAgency(id: $id, input: { kind: HEALTH }) { version } }', { id: a.id })).updateAgency.version;
        return { id: a.id, read: a.version, current };
      },
      query: 'mutation ($id: ID!, $v: Int) { updateAgency(id: $id, expectedVersion: $v, input: { jurisdiction: STATE }) { version } }',
    },
    {
      mutation: 'updatePlan',
      setup: async (f, server) => {
        const plan = await f.plan();
        const current = (await server.ok('mutation ($id: ID!) { updatePlan(id: $id, input: { description: "edited elsewhere" }) { version } }', { id: plan.id })).updatePlan.version;
        return { id: plan.id, read: plan.version, current };
      },
      query: 'mutation ($id: ID!, $v: Int) { updatePlan(id: $id, expectedVersion: $v, input: { atRiskThreshold: 30 }) { version } }',
    },
    {
      mutation: 'updateCommittee',
      setup: async (f, server) => {
        const plan = await f.plan();
        const c = await f.committee(plan.id);
        const current = (await server.ok('mutation ($id: ID!) { updateCommittee(id: $id, input: { description: "edited elsewhere" }) { version } }', { id: c.id })).updateCommittee.version;
        return { id: c.id, read: c.version, current };
      },
      query: 'mutation ($id: ID!, $v: Int) { updateCommittee(id: $id, expectedVersion: $v, input: { name: "Mine" }) { version } }',
    },
    {
      mutation: 'updateGoal',
      setup: async (f, server) => {
        const plan = await f.plan();
        const g = await f.goal(plan.id);
        const current = (await server.ok('mutation ($id: ID!) { updateGoal(id: $id, input: { description: "edited elsewhere" }) { version } }', { id: g.id })).updateGoal.version;
        return { id: g.id, read: g.version, current };
      },
      query: 'mutation ($id: ID!, $v: Int) { updateGoal(id: $id, expectedVersion: $v, input: { weight: 4 }) { version } }',
    },
    { mutation: 'updateMilestone', setup: (f, server) => milestoneCase(f, server), query: 'mutation ($id: ID!, $v: Int) { updateMilestone(id: $id, expectedVersion: $v, input: { title: "Mine" }) { version } }' },
    { mutation: 'completeMilestone', setup: (f, server) => milestoneCase(f, server), query: 'mutation ($id: ID!, $v: Int) { completeMilestone(id: $id, expectedVersion: $v) { version } }' },
    { mutation: 'cancelMilestone', setup: (f, server) => milestoneCase(f, server), query: 'mutation ($id: ID!, $v: Int) { cancelMilestone(id: $id, reason: "Dropped", expectedVersion: $v) { version } }' },
    { mutation: 'reopenMilestone', setup: (f, server) => milestoneCase(f, server, true), query: 'mutation ($id: ID!, $v: Int) { reopenMilestone(id: $id, expectedVersion: $v) { version } }' },
    {
      mutation: 'moveDueDate',
      setup: (f, server) => milestoneCase(f, server),
      query: 'mutation ($id: ID!, $v: Int) { moveDueDate(id: $id, newDueDate: "2027-02-01", reason: "Slipped", expectedVersion: $v) { version dueDateChanges { reason } } }',
    },
    {
      mutation: 'moveStartDate',
      setup: (f, server) => milestoneCase(f, server),
      query: 'mutation ($id: ID!, $v: Int) { moveStartDate(id: $id, newStartDate: "2026-02-01", reason: "Started late", expectedVersion: $v) { version dateChanges { reason } } }',
    },
  ];

  for (const c of cases) {
    it(`${c.mutation}: a stale expectedVersion is a CONFLICT naming the current version, and changes nothing; the current one succeeds`, async () => {
      const server = ctx.server();
      const { id, read, current } = await c.setup(ctx.f(), server);
      expect(current).to.be.greaterThan(read);
      const before = await databaseFingerprint(server.dataSource);
      const stale = await server.gql(c.query, { id, v: read });
      expect(stale.data ?? null).to.equal(null);
      expect(stale.errors).to.have.length(1);
      const error = stale.errors![0];
      expect(error.extensions).to.deep.include({ code: 'CONFLICT', currentVersion: current });
      expect(error.message).to.contain('changed by someone else').and.to.contain(`now version ${current}`).and.to.contain('Reload');
      expect(error.extensions).to.not.have.property('stacktrace');
      expect(await databaseFingerprint(server.dataSource), 'nothing changed, not even the audit trail').to.equal(before);

      const mark = await auditMark(server);
      const ok = await server.ok(c.query, { id, v: current });
      expect(ok[c.mutation].version).to.equal(current + 1);
      expect((await auditSince(server, mark)).map((r) => r.action)).to.include(c.mutation);
    });
  }

  it('two editors saving at once from the same version: exactly one wins, the other gets a CONFLICT', async () => {
    const server = ctx.server();
    const f = ctx.f();
    const plan = await f.plan();
    const goal = await f.goal(plan.id);
    const m = await f.milestone(goal.id);
    const mark = await auditMark(server);
    const SAVE = 'mutation ($id: ID!, $title: String!) { updateMilestone(id: $id, expectedVersion: 1, input: { title: $title }) { title version } }';
    const results = await Promise.all(['Title from editor A', 'Title from editor B'].map((title) => server.gql(SAVE, { id: m.id, title })));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).to.have.length(1);
    expect(losers).to.have.length(1);
    expect(losers[0].errors![0].extensions).to.deep.include({ code: 'CONFLICT', currentVersion: 2 });
    const { milestone } = await server.ok('query ($id: ID!) { milestone(id: $id) { title version } }', { id: m.id });
    expect(milestone).to.deep.equal(winners[0].data.updateMilestone);
    expect(milestone.version).to.equal(2);
    expect((await auditSince(server, mark)).map((r) => r.action)).to.deep.equal(['updateMilestone']);
  });

  it('expectedVersion: null (an optional variable left unset) means no check, as when it is left out', async () => {
    const server = ctx.server();
    const { id, current } = await milestoneCase(ctx.f(), server);
    const result = await server.gql('mutation ($id: ID!, $v: Int) { completeMilestone(id: $id, expectedVersion: $v) { status version } }', { id, v: null });
    expect(result.errors).to.equal(undefined);
    expect(result.data.completeMilestone).to.deep.equal({ status: 'COMPLETED', version: current + 1 });
  });

  it('without expectedVersion, the last writer wins (no CONFLICT)', async () => {
    const server = ctx.server();
    const { id, current } = await milestoneCase(ctx.f(), server);
    const { updateMilestone } = await server.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { title: "Last writer" }) { title version } }', { id });
    expect(updateMilestone).to.deep.equal({ title: 'Last writer', version: current + 1 });
  });
});
