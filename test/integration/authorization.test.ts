/**
 * Who may see and do what (docs/rules.md), table-driven over real HTTP: every mutation of the schema (the
 * 11 milestone mutations, recordMeasurement, and the admin-only ones) × each kind of caller ×
 * the caller's scope. A mutation added to the schema but not to the table fails the first test.
 *
 * - anonymous (no token; the server allows anonymous reads): UNAUTHENTICATED, nothing changed;
 * - VIEWER: FORBIDDEN for every mutation, nothing changed;
 * - EDITOR of an agency that neither leads nor partners on the milestone: FORBIDDEN for the
 *   11 milestone mutations, nothing changed;
 * - EDITOR of the lead agency: the 11 milestone mutations succeed, and the audit trail names the
 *   editor as actor; EDITOR of a partner agency: the same, except those that change who takes
 *   part (partners; visibility and lead through updateMilestone): FORBIDDEN, nothing changed;
 * - EDITOR of the indicator's agency: recordMeasurement succeeds; any other editor: FORBIDDEN;
 * - EDITOR: FORBIDDEN for the admin-only mutations;
 * - ADMIN: every mutation succeeds.
 *
 * Then tokens (wrong, malformed header, revoked, expired, disabled user: 401 UNAUTHENTICATED),
 * anonymous reads on and off, and the `user` command line end to end.
 *
 * Every target is built by the admin in `before` hooks on a fresh plan, so each success case has
 * its own milestone in the state the mutation needs (e.g. a completed one for reopenMilestone).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { fromGlobalId } from '../../src/entities/global-id';
import { RunningServer, startServer } from '../../src/server';
import { UserAdmin } from '../../src/services/auth';
import { freshDatabase, sql, TestDatabase } from '../support/database';
import { Client, databaseFingerprint, GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';
const REPO_ROOT = path.resolve(__dirname, '../../..');

type Vars = Record<string, unknown>;

/** A POST with full control over the Authorization header; returns the HTTP status too. */
async function post(url: string, query: string, authorization?: string, variables?: Vars): Promise<{ status: number; body: GraphQLResponse }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

function codesOf(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code));
}

function rowIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
}

/** What one milestone mutation needs: a milestone led by SFPD with partners HSI (SUPPORT) and APILO (CONSULTED). */
interface MilestoneTarget {
  id: string;
  version: number;
  /** Another milestone of the same plan, for (add|remove)Dependency. */
  otherId: string;
}

/** Ids of the fixture world every case refers to. */
interface World {
  planId: string;
  /** An indicator of SFPD (the lead editor's agency). */
  indicatorId: string;
  goalId: string;
  committeeId: string;
  agency: (shortName: string) => string;
  /** A fresh unique suffix for names and codes. */
  next: () => number;
}

interface MutationCase {
  name: string;
  /** Who may call it besides admins: editors of the milestone's lead or partner agencies, editors of the indicator's agency, or nobody. */
  scope: 'milestone' | 'indicator' | 'admin';
  query: string;
  /** Variables for a call on `target` (milestone cases) or on the world (admin-only cases). */
  variables: (w: World, target: MilestoneTarget) => Vars;
  /** The state a milestone must be in before the call can succeed. */
  prepare?: 'completed' | 'dependency';
  /** It changes who sees or edits the milestone: partners' editors may not call it, only the lead's. */
  leadOnly?: true;
}

const MUTATIONS: MutationCase[] = [
  // The 11 milestone mutations: editors of the lead or a partner agency may call them (the lead's alone for `leadOnly`).
  {
    name: 'updateMilestone',
    scope: 'milestone',
    query: 'mutation ($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, input: $input) { id title } }',
    variables: (w, t) => ({ id: t.id, input: { title: `Renamed milestone ${w.next()}` } }),
  },
  {
    name: 'reportProgress',
    scope: 'milestone',
    query: 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id percentComplete } }',
    variables: (_w, t) => ({ input: { milestoneId: t.id, percentComplete: 40, note: 'Check-in' } }),
  },
  {
    name: 'completeMilestone',
    scope: 'milestone',
    query: 'mutation ($id: ID!) { completeMilestone(id: $id) { id status } }',
    variables: (_w, t) => ({ id: t.id }),
  },
  {
    name: 'cancelMilestone',
    scope: 'milestone',
    query: 'mutation ($id: ID!, $reason: String!) { cancelMilestone(id: $id, reason: $reason) { id status } }',
    variables: (_w, t) => ({ id: t.id, reason: 'No longer needed' }),
  },
  {
    name: 'reopenMilestone',
    scope: 'milestone',
    query: 'mutation ($id: ID!) { reopenMilestone(id: $id) { id status } }',
    variables: (_w, t) => ({ id: t.id }),
    prepare: 'completed',
  },
  {
    name: 'moveDueDate',
    scope: 'milestone',
    query: 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveDueDate(id: $id, newDueDate: $d, reason: $reason) { id dueDate } }',
    variables: (_w, t) => ({ id: t.id, d: '2027-08-31', reason: 'Vendor delay' }),
  },
  {
    name: 'moveStartDate',
    scope: 'milestone',
    query: 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveStartDate(id: $id, newStartDate: $d, reason: $reason) { id startDate } }',
    variables: (_w, t) => ({ id: t.id, d: '2026-03-02', reason: 'Staff hired late' }),
  },
  {
    name: 'addPartner',
    scope: 'milestone',
    query: 'mutation ($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: SUPPORT) { id partners { agency { shortName } } } }',
    variables: (w, t) => ({ m: t.id, a: w.agency('FBI') }),
    leadOnly: true,
  },
  {
    name: 'removePartner',
    scope: 'milestone',
    query: 'mutation ($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id partners { agency { shortName } } } }',
    variables: (w, t) => ({ m: t.id, a: w.agency('APILO') }),
    leadOnly: true,
  },
  {
    name: 'addDependency',
    scope: 'milestone',
    query: 'mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id dependsOn { id } } }',
    variables: (_w, t) => ({ m: t.id, d: t.otherId }),
  },
  {
    name: 'removeDependency',
    scope: 'milestone',
    query: 'mutation ($m: ID!, $d: ID!) { removeDependency(milestoneId: $m, dependsOnId: $d) { id dependsOn { id } } }',
    variables: (_w, t) => ({ m: t.id, d: t.otherId }),
    prepare: 'dependency',
  },

  // Indicators: editors of the indicator's agency record measurements.
  {
    name: 'recordMeasurement',
    scope: 'indicator',
    query: 'mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
    variables: (w) => ({ input: { indicatorId: w.indicatorId, value: 12, note: 'Monthly count' } }),
  },

  // The admin-only mutations.
  {
    name: 'createAgency',
    scope: 'admin',
    query: 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }',
    variables: (w) => {
      const n = w.next();
      return { input: { name: `Authorization Test Agency ${n}`, shortName: `ATA${n}`, kind: 'OTHER', jurisdiction: 'CITY' } };
    },
  },
  {
    name: 'updateAgency',
    scope: 'admin',
    query: 'mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { id } }',
    variables: (w) => ({ id: w.agency('LSYS'), input: { name: `Legal Services for Youth ${w.next()}` } }),
  },
  {
    name: 'createPlan',
    scope: 'admin',
    query: 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }',
    variables: (w) => ({ input: { title: `Authorization plan ${w.next()}`, startDate: '2027-01-01', endDate: '2028-12-31' } }),
  },
  {
    name: 'updatePlan',
    scope: 'admin',
    query: 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }',
    variables: (w) => ({ id: w.planId, input: { description: `Changed ${w.next()}` } }),
  },
  {
    name: 'createCommittee',
    scope: 'admin',
    query: 'mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id } }',
    variables: (w) => ({ input: { planId: w.planId, name: `Committee ${w.next()}` } }),
  },
  {
    name: 'updateCommittee',
    scope: 'admin',
    query: 'mutation ($id: ID!, $input: UpdateCommitteeInput!) { updateCommittee(id: $id, input: $input) { id } }',
    variables: (w) => ({ id: w.committeeId, input: { description: `Changed ${w.next()}` } }),
  },
  {
    name: 'createGoal',
    scope: 'admin',
    query: 'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }',
    variables: (w) => {
      const n = w.next();
      return { input: { planId: w.planId, code: `AG${n}`, title: `Goal ${n}` } };
    },
  },
  {
    name: 'updateGoal',
    scope: 'admin',
    query: 'mutation ($id: ID!, $input: UpdateGoalInput!) { updateGoal(id: $id, input: $input) { id } }',
    variables: (w) => ({ id: w.goalId, input: { description: `Changed ${w.next()}` } }),
  },
  {
    name: 'createMilestone',
    scope: 'admin',
    query: 'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
    variables: (w) => {
      const n = w.next();
      return { input: { goalId: w.goalId, code: `AM${n}`, title: `Milestone ${n}`, leadAgencyId: w.agency('SFPD'), startDate: '2026-01-01', dueDate: '2027-06-30' } };
    },
  },
  {
    name: 'createIndicator',
    scope: 'admin',
    query: 'mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }',
    variables: (w) => ({ input: { planId: w.planId, agencyId: w.agency('SFPD'), name: `Indicator ${w.next()}`, unit: 'cases', baselineValue: 0, targetValue: 100, targetDate: '2027-06-30' } }),
  },
  {
    name: 'updateIndicator',
    scope: 'admin',
    query: 'mutation ($id: ID!, $input: UpdateIndicatorInput!) { updateIndicator(id: $id, input: $input) { id } }',
    variables: (w) => ({ id: w.indicatorId, input: { description: `Changed ${w.next()}` } }),
  },
  {
    name: 'deleteIndicator',
    scope: 'admin',
    query: 'mutation ($id: ID!) { deleteIndicator(id: $id) { id } }',
    variables: (w) => ({ id: w.indicatorId }),
  },
  {
    name: 'createMeeting',
    scope: 'admin',
    query: 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
    variables: (w) => ({ input: { planId: w.planId, date: '2027-03-15', title: `Extra meeting ${w.next()}` } }),
  },
  { name: 'publishAnnualReport', scope: 'admin', query: 'mutation ($p: ID!) { publishAnnualReport(planId: $p, year: 2027) { id } }', variables: (w) => ({ p: w.planId }) },
];

/** Mutations whose role × scope cases live in their own test file. */
const TESTED_ELSEWHERE: Record<string, string> = {
  importCsv: 'csv-import.test.ts: each row runs through the same writer methods, so the same scope checks',
  ...Object.fromEntries(
    ['inviteUser', 'updateUser', 'disableUser', 'enableUser', 'createToken', 'revokeToken', 'createMyToken', 'revokeMyToken'].map((name) => [name, 'people.test.ts: each caller (anonymous, viewer, editor, read-only token, admin) for each of the people and token mutations']),
  ),
};

const MILESTONE_MUTATIONS = MUTATIONS.filter((m) => m.scope === 'milestone');
const INDICATOR_MUTATIONS = MUTATIONS.filter((m) => m.scope === 'indicator');
const ADMIN_MUTATIONS = MUTATIONS.filter((m) => m.scope === 'admin');

describe('authorization: each mutation × role × scope', () => {
  let server: TestServer;
  let world: World;
  let fingerprint: () => Promise<string>;
  let anonymous: Client;
  let viewer: Client;
  /** EDITOR of DPH: neither leads nor partners on any fixture milestone. */
  let outsider: Client;
  let leadEditor: Client;
  let partnerEditor: Client;
  const LEAD_EDITOR = 'Lena Lead (SFPD editor)';
  const PARTNER_EDITOR = 'Pat Partner (HSI editor)';

  /** A milestone led by SFPD with partners HSI and APILO, in the state `prepare` asks for, plus a sibling. */
  async function milestoneTarget(prepare?: MutationCase['prepare']): Promise<MilestoneTarget> {
    const create = async (): Promise<{ id: string; version: number }> => {
      const n = world.next();
      const data = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id version } }', {
        input: {
          goalId: world.goalId,
          code: `T${n}`,
          title: `Target ${n}`,
          leadAgencyId: world.agency('SFPD'),
          partners: [
            { agencyId: world.agency('HSI'), role: 'SUPPORT' },
            { agencyId: world.agency('APILO'), role: 'CONSULTED' },
          ],
          startDate: '2026-01-01',
          dueDate: '2027-06-30',
        },
      });
      return data.createMilestone;
    };
    const target = await create();
    const other = await create();
    if (prepare === 'completed') await server.ok('mutation ($id: ID!) { completeMilestone(id: $id, completedOn: "2026-11-01") { id } }', { id: target.id });
    if (prepare === 'dependency') await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: target.id, d: other.id });
    const { milestone } = await server.ok('query ($id: ID!) { milestone(id: $id) { version } }', { id: target.id });
    return { id: target.id, version: milestone.version, otherId: other.id };
  }

  /** One target per milestone mutation that every refused caller aims at (nothing may change it). */
  const refusedTargets = new Map<string, MilestoneTarget>();

  before(async () => {
    server = await startTestServer({ today: TODAY, anonymousRead: true });
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const agencyIds = new Map<string, string>(agencies.map((a: { id: string; shortName: string }) => [a.shortName, a.id]));
    let n = 0;
    const plan = (await server.ok('mutation { createPlan(input: { title: "Authorization fixture plan", startDate: "2026-01-01", endDate: "2027-12-31" }) { id } }')).createPlan;
    const goal = (await server.ok('mutation ($p: ID!) { createGoal(input: { planId: $p, code: "AUTH", title: "Authorization goal" }) { id } }', { p: plan.id })).createGoal;
    const committee = (await server.ok('mutation ($p: ID!) { createCommittee(input: { planId: $p, name: "Authorization committee" }) { id } }', { p: plan.id })).createCommittee;
    const indicator = (
      await server.ok('mutation ($p: ID!, $a: ID!) { createIndicator(input: { planId: $p, agencyId: $a, name: "Cases referred", unit: "cases", baselineValue: 0, targetValue: 50, targetDate: "2027-06-30" }) { id } }', {
        p: plan.id,
        a: agencyIds.get('SFPD'),
      })
    ).createIndicator;
    world = {
      planId: plan.id,
      indicatorId: indicator.id,
      goalId: goal.id,
      committeeId: committee.id,
      agency: (shortName) => {
        const id = agencyIds.get(shortName);
        if (!id) throw new Error(`no agency ${shortName}`);
        return id;
      },
      next: () => ++n,
    };
    fingerprint = () => databaseFingerprint(server.dataSource);
    anonymous = server.as(null);
    viewer = server.as(await server.newToken(Role.VIEWER, undefined, 'Vera Viewer'));
    outsider = server.as(await server.newToken(Role.EDITOR, 'DPH', 'Otto Outsider (DPH editor)'));
    leadEditor = server.as(await server.newToken(Role.EDITOR, 'SFPD', LEAD_EDITOR));
    partnerEditor = server.as(await server.newToken(Role.EDITOR, 'HSI', PARTNER_EDITOR));
    for (const m of MILESTONE_MUTATIONS) refusedTargets.set(m.name, await milestoneTarget(m.prepare));
  });
  after(() => server.stop());

  const emptyTarget: MilestoneTarget = { id: '', version: 0, otherId: '' };

  /** Sends the mutation as `client`; expects one error with `code`, no data and an unchanged database. */
  async function expectRefused(client: Client, m: MutationCase, code: 'UNAUTHENTICATED' | 'FORBIDDEN', variables?: Vars): Promise<GraphQLResponse> {
    const vars = variables ?? m.variables(world, refusedTargets.get(m.name) ?? emptyTarget);
    const before = await fingerprint();
    const result = await client.gql(m.query, vars);
    expect(codesOf(result), JSON.stringify(result.errors)).to.deep.equal([code]);
    expect(result.data ?? null, 'no data').to.equal(null);
    expect(await fingerprint(), 'nothing changed').to.equal(before);
    return result;
  }

  it('every mutation in this table exists in the schema, with the 11 milestone and the contract\'s admin-only ones among them', async () => {
    const { __schema } = await server.ok('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = __schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names).to.include.members(MUTATIONS.map((m) => m.name));
    expect(MILESTONE_MUTATIONS).to.have.length(11);
    expect(ADMIN_MUTATIONS.map((m) => m.name)).to.include.members(['createAgency', 'updateAgency', 'createPlan', 'updatePlan', 'createCommittee', 'updateCommittee', 'createGoal', 'updateGoal', 'createMilestone']);
  });

  it('every mutation of the schema is in this table, so none escapes the role × scope checks', async () => {
    const { __schema } = await server.ok('{ __schema { mutationType { fields { name } } } }');
    const missing = __schema.mutationType.fields.map((f: { name: string }) => f.name).filter((name: string) => !MUTATIONS.some((m) => m.name === name) && !(name in TESTED_ELSEWHERE));
    expect(missing, 'add role × scope cases to MUTATIONS').to.deep.equal([]);
  });

  describe('anonymous (no token; anonymous reads allowed): UNAUTHENTICATED, nothing changed', () => {
    it('an anonymous read works and the viewer is anonymous', async () => {
      const data = await anonymous.ok('{ viewer { name role agency { shortName } } plans { title } }');
      expect(data.viewer).to.deep.equal({ name: 'anonymous', role: null, agency: null });
      expect(data.plans.length).to.be.greaterThan(0);
    });

    for (const m of MUTATIONS) {
      it(`${m.name}: UNAUTHENTICATED (HTTP 401), nothing changed`, async () => {
        const result = await expectRefused(anonymous, m, 'UNAUTHENTICATED');
        expect(result.errors![0].message).to.match(/sign in/i);
      });
    }

    it('the HTTP status of a refused anonymous mutation is 401', async () => {
      const m = MUTATIONS.find((c) => c.name === 'completeMilestone')!;
      const { status, body } = await post(server.url, m.query, undefined, m.variables(world, refusedTargets.get(m.name)!));
      expect(codesOf(body)).to.deep.equal(['UNAUTHENTICATED']);
      expect(status).to.equal(401);
    });
  });

  describe('VIEWER: FORBIDDEN for every mutation, nothing changed', () => {
    for (const m of MUTATIONS) {
      it(`${m.name}: FORBIDDEN, nothing changed`, async () => {
        const result = await expectRefused(viewer, m, 'FORBIDDEN');
        expect(result.errors![0].message).to.match(/VIEWER/);
      });
    }
  });

  describe('EDITOR of an agency that neither leads nor partners on the milestone: FORBIDDEN, nothing changed', () => {
    for (const m of MILESTONE_MUTATIONS) {
      it(`${m.name}: FORBIDDEN, nothing changed`, async () => {
        const result = await expectRefused(outsider, m, 'FORBIDDEN');
        expect(result.errors![0].message).to.match(/leads or partners on/);
      });
    }
  });

  describe('EDITOR of another agency than the indicator\'s: FORBIDDEN, nothing changed', () => {
    for (const m of INDICATOR_MUTATIONS) {
      for (const [who, client] of [
        ['an uninvolved agency (DPH)', () => outsider],
        ['HSI, which partners on milestones but does not own the indicator', () => partnerEditor],
      ] as const) {
        it(`${m.name} by an editor of ${who}: FORBIDDEN, nothing changed`, async () => {
          const result = await expectRefused(client(), m, 'FORBIDDEN');
          expect(result.errors![0].message).to.match(/indicator's agency/);
        });
      }
    }
  });

  describe('EDITOR: FORBIDDEN for the admin-only mutations, nothing changed', () => {
    for (const m of ADMIN_MUTATIONS) {
      for (const [who, client] of [
        ['the lead agency', () => leadEditor],
        ['an uninvolved agency', () => outsider],
      ] as const) {
        it(`${m.name} by an editor of ${who}: FORBIDDEN, nothing changed`, async () => {
          const result = await expectRefused(client(), m, 'FORBIDDEN');
          expect(result.errors![0].message).to.match(/ADMIN/);
        });
      }
    }

  });

  describe('visibility, partners and lead agency: changed by admins and editors of the lead agency, not by partners', () => {
    const UPDATE = MUTATIONS.find((c) => c.name === 'updateMilestone')!;
    const STATE = 'query ($id: ID!) { milestone(id: $id) { visibility leadAgency { shortName } partners { agency { shortName } } } }';

    async function restrictedTarget(): Promise<MilestoneTarget> {
      const target = await milestoneTarget();
      await server.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { visibility: PARTNERS }) { id } }', { id: target.id });
      return target;
    }

    for (const [name, input] of [
      ['make a PARTNERS milestone public', { visibility: 'PUBLIC' }],
      ['make it public together with an allowed change', { title: 'Opened up', visibility: 'PUBLIC' }],
      ['hand the lead to its own agency', { leadAgencyId: 'HSI' }],
      ['hand the lead to its own agency together with an allowed change', { title: 'Taken over', leadAgencyId: 'HSI' }],
    ] as const) {
      it(`an editor of a partner agency may not ${name} (FORBIDDEN, nothing changed)`, async () => {
        const target = await restrictedTarget();
        const variables = { id: target.id, input: 'leadAgencyId' in input ? { ...input, leadAgencyId: world.agency(input.leadAgencyId) } : input };
        const result = await expectRefused(partnerEditor, UPDATE, 'FORBIDDEN', variables);
        expect(result.errors![0].message).to.match(/Only admins and editors of its lead agency may change (the visibility of|which agency leads) T\d+\./);
      });
    }

    it('an editor of a partner agency may not restrict a public milestone to PARTNERS either (FORBIDDEN, nothing changed)', async () => {
      const target = await milestoneTarget();
      await expectRefused(partnerEditor, UPDATE, 'FORBIDDEN', { id: target.id, input: { visibility: 'PARTNERS' } });
    });

    it('an editor of a partner agency still edits other fields, sending the visibility and lead it already has', async () => {
      const target = await restrictedTarget();
      const data = await partnerEditor.ok('mutation ($id: ID!, $lead: ID!) { updateMilestone(id: $id, input: { title: "Partner\'s title", visibility: PARTNERS, leadAgencyId: $lead }) { title visibility } }', {
        id: target.id,
        lead: world.agency('SFPD'),
      });
      expect(data.updateMilestone).to.deep.equal({ title: "Partner's title", visibility: 'PARTNERS' });
    });

    for (const [who, client, actor] of [
      ['an editor of the lead agency', () => leadEditor, LEAD_EDITOR],
      ['an admin', () => server as Client, 'Test admin'],
    ] as const) {
      it(`${who} changes the visibility both ways and hands the lead to a partner, audited`, async () => {
        const target = await restrictedTarget();
        await client().ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { visibility: PUBLIC }) { id } }', { id: target.id });
        expect((await viewer.ok(STATE, { id: target.id })).milestone.visibility, 'a reader outside sees it now').to.equal('PUBLIC');
        await client().ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { visibility: PARTNERS }) { id } }', { id: target.id });
        const { updateMilestone } = await client().ok(`mutation ($id: ID!, $a: ID!) { updateMilestone(id: $id, input: { leadAgencyId: $a }) { leadAgency { shortName } partners { agency { shortName } } } }`, {
          id: target.id,
          a: world.agency('HSI'),
        });
        // The new lead is no longer also a partner.
        expect(updateMilestone).to.deep.equal({ leadAgency: { shortName: 'HSI' }, partners: [{ agency: { shortName: 'APILO' } }] });
        const trail = await sql(server.dataSource, "SELECT actor FROM audit_entry WHERE action = 'updateMilestone' AND entity_row_id = ?", [rowIdOf(target.id)]);
        expect(trail.map((e: { actor: string }) => e.actor)).to.deep.equal(['Test admin', actor, actor, actor]);
      });
    }
  });

  /** Runs a milestone mutation as `client` on a fresh target; expects success and an audit entry naming `actor`. */
  async function expectSucceeds(client: Client, m: MutationCase, actor: string): Promise<void> {
    const target = m.scope === 'milestone' ? await milestoneTarget(m.prepare) : emptyTarget;
    const [mark] = await sql(server.dataSource, 'SELECT COALESCE(MAX(id), 0) AS id FROM audit_entry');
    const result = await client.gql(m.query, m.variables(world, target));
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.data![m.name]).to.have.property('id');
    const entries: { action: string; actor: string; actor_user_id: number | null; entity_row_id: number }[] = await sql(server.dataSource, 
      'SELECT action, actor, actor_user_id, entity_row_id FROM audit_entry WHERE id > ? ORDER BY id',
      [Number(mark.id)],
    );
    expect(entries.length, 'audited').to.be.greaterThan(0);
    for (const entry of entries) expect(entry.actor).to.equal(actor);
    expect(entries.map((e) => e.action)).to.include(m.name);
    if (m.scope === 'milestone' && m.name !== 'reportProgress') {
      expect(entries.find((e) => e.action === m.name)!.entity_row_id).to.equal(rowIdOf(target.id));
    }
  }

  describe('EDITOR of the lead agency: the milestone mutations succeed, audited under the editor\'s name', () => {
    for (const m of MILESTONE_MUTATIONS) {
      it(`${m.name}: succeeds`, () => expectSucceeds(leadEditor, m, LEAD_EDITOR));
    }
  });

  describe('EDITOR of the indicator\'s agency: recording a measurement succeeds, audited under the editor\'s name', () => {
    for (const m of INDICATOR_MUTATIONS) {
      it(`${m.name}: succeeds`, () => expectSucceeds(leadEditor, m, LEAD_EDITOR));
    }
  });

  describe('EDITOR of a partner agency: the milestone mutations succeed, audited under the editor\'s name, except changing the partners', () => {
    for (const m of MILESTONE_MUTATIONS) {
      if (m.leadOnly) {
        it(`${m.name}: FORBIDDEN (only the lead agency decides who takes part), nothing changed`, async () => {
          const result = await expectRefused(partnerEditor, m, 'FORBIDDEN');
          expect(result.errors![0].message).to.match(/Only admins and editors of its lead agency may change the partners of T\d+\./);
        });
      } else {
        it(`${m.name}: succeeds`, () => expectSucceeds(partnerEditor, m, PARTNER_EDITOR));
      }
    }
  });

  describe('ADMIN: every mutation succeeds', () => {
    for (const m of MUTATIONS) {
      it(`${m.name}: succeeds`, () => expectSucceeds(server, m, 'Test admin'));
    }
  });

  describe('the audit trail names the editor who made a change', () => {
    it('auditTrail(entityId) of a milestone shows the editor as actor, and the progress update\'s author defaults to the editor', async () => {
      const target = await milestoneTarget();
      const { reportProgress } = await leadEditor.ok('mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 35 }) { author } }', { m: target.id });
      expect(reportProgress.author).to.equal(LEAD_EDITOR);
      await partnerEditor.ok('mutation ($m: ID!) { moveDueDate(id: $m, newDueDate: "2027-09-30", reason: "Waiting for data") { id } }', { m: target.id });
      const { auditTrail } = await leadEditor.ok('query ($id: ID!) { auditTrail(entityId: $id) { nodes { action actor } } }', { id: target.id });
      expect(auditTrail.nodes.slice(0, 2)).to.deep.equal([
        { action: 'moveDueDate', actor: PARTNER_EDITOR },
        { action: 'reportProgress', actor: LEAD_EDITOR },
      ]);
      const { milestone } = await server.ok('query ($id: ID!) { milestone(id: $id) { dueDateChanges { author } } }', { id: target.id });
      expect(milestone.dueDateChanges).to.deep.equal([{ author: PARTNER_EDITOR }]);
    });
  });

  describe('an editor\'s scope follows partnership changes', () => {
    it('after its agency is removed as partner, the editor is FORBIDDEN; once added back, allowed again', async () => {
      const target = await milestoneTarget();
      const report = MUTATIONS.find((c) => c.name === 'reportProgress')!;
      await server.ok('mutation ($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id } }', { m: target.id, a: world.agency('HSI') });
      await expectRefused(partnerEditor, report, 'FORBIDDEN', report.variables(world, target));
      await server.ok('mutation ($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: CONSULTED) { id } }', { m: target.id, a: world.agency('HSI') });
      expect(await partnerEditor.ok(report.query, report.variables(world, target))).to.have.nested.property('reportProgress.percentComplete', 40);
    });

    it('an editor whose agency only leads another milestone of the same goal is FORBIDDEN on this one', async () => {
      const target = await milestoneTarget();
      const { createMilestone } = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', {
        input: { goalId: world.goalId, code: `DPH${world.next()}`, title: 'DPH-led sibling', leadAgencyId: world.agency('DPH'), startDate: '2026-01-01', dueDate: '2027-06-30' },
      });
      expect(await outsider.ok('mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 5 }) { id } }', { m: createMilestone.id })).to.have.nested.property('reportProgress.id');
      const report = MUTATIONS.find((c) => c.name === 'reportProgress')!;
      await expectRefused(outsider, report, 'FORBIDDEN', report.variables(world, target));
    });
  });
});

describe('authentication: tokens and anonymous reads', () => {
  const READ = '{ viewer { name role agency { shortName } } plans { title } }';
  const WRITE = 'mutation { createAgency(input: { name: "Token Test Agency", shortName: "TTA", kind: OTHER, jurisdiction: CITY }) { id } }';

  for (const anonymousRead of [false, true]) {
    describe(`with anonymousRead ${anonymousRead}`, () => {
      let server: TestServer;
      let users: UserAdmin;
      before(async () => {
        server = await startTestServer({ today: TODAY, anonymousRead });
        users = new UserAdmin(server.dataSource, fixedDateClock(TODAY));
      });
      after(() => server.stop());

      /** A read and a write with this Authorization header: both 401 UNAUTHENTICATED, no data, nothing changed. */
      async function expectUnauthenticated(authorization: string | undefined): Promise<void> {
        const before = await databaseFingerprint(server.dataSource);
        for (const query of [READ, WRITE]) {
          const { status, body } = await post(server.url, query, authorization);
          expect(codesOf(body), `${query}: ${JSON.stringify(body)}`).to.deep.equal(['UNAUTHENTICATED']);
          expect(status, query).to.equal(401);
          expect(body.data ?? null).to.equal(null);
        }
        expect(await databaseFingerprint(server.dataSource)).to.equal(before);
      }

      if (anonymousRead) {
        it('a request without a token reads PUBLIC data as anonymous (viewer: anonymous, role null)', async () => {
          const { status, body } = await post(server.url, READ);
          expect(status).to.equal(200);
          expect(body.errors).to.equal(undefined);
          expect(body.data!.viewer).to.deep.equal({ name: 'anonymous', role: null, agency: null });
          expect(body.data!.plans.length).to.equal(2);
        });

        it('a request without a token may not write: 401 UNAUTHENTICATED, nothing changed', async () => {
          const before = await databaseFingerprint(server.dataSource);
          const { status, body } = await post(server.url, WRITE);
          expect(codesOf(body)).to.deep.equal(['UNAUTHENTICATED']);
          expect(status).to.equal(401);
          expect(await databaseFingerprint(server.dataSource)).to.equal(before);
        });
      } else {
        it('a request without a token is 401 UNAUTHENTICATED, even for reads', async () => {
          await expectUnauthenticated(undefined);
          const { body } = await post(server.url, '{ plans { title } }');
          expect(body.errors![0].message).to.match(/Bearer/);
        });

        it('an empty Authorization header counts as no token: 401 UNAUTHENTICATED', () => expectUnauthenticated(''));
      }

      it('a wrong token is 401 UNAUTHENTICATED (never read as anonymous)', () => expectUnauthenticated('Bearer cairn_thisTokenWasNeverIssued0000000000000000000'));

      it('a malformed Authorization header ("Basic abc") is 401 UNAUTHENTICATED', async () => {
        await expectUnauthenticated('Basic abc');
        const { body } = await post(server.url, READ, 'Basic abc');
        expect(body.errors![0].message).to.match(/Bearer <token>/);
      });

      it('"Bearer" with no token, and a token with spaces inside, are 401 UNAUTHENTICATED', async () => {
        await expectUnauthenticated('Bearer');
        await expectUnauthenticated(`Bearer ${server.adminToken} extra`);
      });

      it('the admin token, sent as "bearer <token>" (any case), works', async () => {
        const { status, body } = await post(server.url, READ, `bearer ${server.adminToken}`);
        expect(status).to.equal(200);
        expect(body.data!.viewer).to.deep.equal({ name: 'Test admin', role: 'ADMIN', agency: null });
      });

      it('a revoked token is 401 UNAUTHENTICATED; other tokens of the same user keep working', async () => {
        const user = await users.createUser('Rita Revoked', Role.EDITOR, 'SFPD');
        const first = await users.issueToken(user.rowId);
        const second = await users.issueToken(user.rowId);
        const before = await post(server.url, READ, `Bearer ${first.token}`);
        expect(before.body.data!.viewer).to.deep.equal({ name: 'Rita Revoked', role: 'EDITOR', agency: { shortName: 'SFPD' } });
        expect(await users.revokeToken(first.row.rowId)).to.equal(true);
        await expectUnauthenticated(`Bearer ${first.token}`);
        const other = await post(server.url, READ, `Bearer ${second.token}`);
        expect(other.status).to.equal(200);
        expect(other.body.data!.viewer.name).to.equal('Rita Revoked');
      });

      it('an expired token is 401 UNAUTHENTICATED; one expiring in the future works', async () => {
        const user = await users.createUser('Eddie Expired', Role.VIEWER);
        const expired = await users.issueToken(user.rowId, { expiresAt: '2020-01-01T00:00:00Z' });
        await expectUnauthenticated(`Bearer ${expired.token}`);
        const valid = await users.issueToken(user.rowId, { expiresAt: '2099-12-31' });
        const { status, body } = await post(server.url, READ, `Bearer ${valid.token}`);
        expect(status).to.equal(200);
        expect(body.data!.viewer).to.deep.equal({ name: 'Eddie Expired', role: 'VIEWER', agency: null });
      });

      it('the token of a disabled user is 401 UNAUTHENTICATED', async () => {
        const user = await users.createUser('Dora Disabled', Role.ADMIN);
        const { token } = await users.issueToken(user.rowId);
        expect((await post(server.url, READ, `Bearer ${token}`)).status).to.equal(200);
        expect(await users.disableUser(user.rowId)).to.equal(true);
        await expectUnauthenticated(`Bearer ${token}`);
      });

      it('viewer names the user, role and agency behind a valid token', async () => {
        const token = await server.newToken(Role.EDITOR, 'HSI', 'Hana HSI');
        const data = await server.as(token).ok(READ);
        expect(data.viewer).to.deep.equal({ name: 'Hana HSI', role: 'EDITOR', agency: { shortName: 'HSI' } });
      });
    });
  }
});

describe('the user command line: a token it creates works, and stops working once revoked', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let server: RunningServer | undefined;

  before(async () => {
    database = await freshDatabase();
    env = { ...process.env, ...database.env, CAIRN_TODAY: TODAY };
  });

  // Not execFileSync: while this process is blocked (a CLI can take seconds on a loaded machine),
  // its server's 5 s keep-alive timeout runs out unseen, and the next request goes out on the idle
  // connection just as the server closes it (ECONNRESET).
  function cli(script: 'user' | 'seed', args: string[] = []): Promise<string> {
    return new Promise((resolve, reject) =>
      execFile(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'cli', `${script}.js`), ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
  }

  after(async () => {
    await server?.stop();
    await database.drop();
  });

  it('seed, create an EDITOR of SFPD, use its token, revoke it', async () => {
    expect(await cli('seed')).to.match(/Loaded/);
    const created = await cli('user', ['create', '--name', 'CLI Editor', '--role', 'EDITOR', '--agency', 'SFPD']);
    expect(created).to.match(/Created user #\d+ CLI Editor \(EDITOR, SFPD\)/);
    const token = created
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^cairn_[A-Za-z0-9_-]+$/.test(line));
    expect(token, created).to.be.a('string');

    server = await startServer({
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      databasePath: database.options.databasePath,
      databaseUrl: database.options.databaseUrl,
      replicaUrls: [],
      seedWhenEmpty: false,
      exposeErrorDetails: false,
      anonymousRead: false,
      limits: DEFAULT_LIMITS,
      clock: fixedDateClock(TODAY),
      offloadCost: 0,
    });
    const READ = '{ viewer { name role agency { shortName } } plans { title } }';
    const ok = await post(server.url, READ, `Bearer ${token}`);
    expect(ok.status).to.equal(200);
    expect(ok.body.errors).to.equal(undefined);
    expect(ok.body.data!.viewer).to.deep.equal({ name: 'CLI Editor', role: 'EDITOR', agency: { shortName: 'SFPD' } });
    expect(ok.body.data!.plans).to.have.length(2);

    // The token acts with the editor's scope: an SFPD-led milestone yes, a DPH-led one no.
    const list = await post(server.url, '{ milestones(first: 100, filter: { search: "G4" }) { nodes { id code plan { startDate } leadAgency { shortName } completedOn cancelledOn } } }', `Bearer ${token}`);
    type Row = { id: string; code: string; plan: { startDate: string }; leadAgency: { shortName: string }; completedOn: string | null; cancelledOn: string | null };
    const rows: Row[] = list.body.data!.milestones.nodes;
    const open = rows.filter((m) => m.plan.startDate === '2025-07-01' && !m.completedOn && !m.cancelledOn);
    const sfpd = open.find((m) => m.leadAgency.shortName === 'SFPD')!;
    const dph = open.find((m) => m.leadAgency.shortName === 'DPH')!;
    expect(sfpd && dph, JSON.stringify(open)).to.not.equal(undefined);
    const REPORT = 'mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 50, note: "From the CLI user" }) { author } }';
    const allowed = await post(server.url, REPORT, `Bearer ${token}`, { m: sfpd.id });
    expect(allowed.body.errors, JSON.stringify(allowed.body.errors)).to.equal(undefined);
    expect(allowed.body.data!.reportProgress.author).to.equal('CLI Editor');
    const refused = await post(server.url, REPORT, `Bearer ${token}`, { m: dph.id });
    expect(codesOf(refused.body)).to.deep.equal(['FORBIDDEN']);

    // `list` shows the token's number (never the token); `revoke` ends it while the server runs.
    const listed = await cli('user', ['list']);
    expect(listed).to.not.contain(token!);
    const line = listed.split('\n').find((l) => l.includes('CLI Editor'));
    const tokenId = /tokens: #(\d+)/.exec(line ?? '')?.[1];
    expect(tokenId, listed).to.be.a('string');
    expect(await cli('user', ['revoke', '--token', tokenId!])).to.contain(`Revoked token #${tokenId}.`);
    const after = await post(server.url, READ, `Bearer ${token}`);
    expect(after.status).to.equal(401);
    expect(codesOf(after.body)).to.deep.equal(['UNAUTHENTICATED']);
    expect(await cli('user', ['revoke', '--token', tokenId!])).to.contain(`No active token #${tokenId}.`);
  });
});
