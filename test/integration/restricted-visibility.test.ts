/**
 * PARTNERS visibility with no leak (docs/rules.md, "Who may see and do what"): a restricted milestone is
 * seen only by admins and members of its lead and partner agencies; for anyone else it does not
 * exist — not in lists, not through `node`, not in counts, roll-ups or the audit trail, and a
 * mutation aimed at it is NOT_FOUND exactly like one aimed at an ID that never existed.
 *
 * For one restricted milestone R of each sample plan, every viewer walks every read path
 * (plans, plan, goal tree, committees, goal, milestone, node, the milestones connection under
 * every filter and page by page, agency lists and roll-ups, dashboards with their lists and
 * breakdowns, progress histories, dependsOn/dependents, statusReason, forecast and history of the
 * milestones linked to R, audit trails). Then:
 *
 * - every list a viewer gets equals the admin's list minus the restricted milestones that viewer
 *   may not see, and every count (roll-ups, totalCount, dashboard groups, history points) equals
 *   the admin's count minus those same milestones;
 * - for viewers outside R's agencies, R's global ID, code and title appear in no response body,
 *   a milestone that depends on R looks exactly as it did before the link existed, and every
 *   probe that names R's ID answers exactly as for an ID that does not exist;
 * - insiders (editors of R's lead and partner agencies) and admins see R on those same paths.
 *
 * The seed links no restricted milestone to anything, so the admin adds, before the walk,
 * "R depends on U" and "D depends on R" (U and D public, both led by SFDA, whose editor is the
 * outsider who can edit them).
 */
import { expect } from 'chai';
import { Role } from '../../src/domain/enums';
import { toGlobalId } from '../../src/entities/global-id';
import { Client, databaseFingerprint, GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';
const NONEXISTENT = toGlobalId('Milestone', 987654);
const ALL_STATUSES = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED_LATE', 'COMPLETED', 'CANCELLED'];

type Vars = Record<string, unknown>;

interface Restricted {
  id: string;
  code: string;
  title: string;
  planId: string;
  lead: string;
  partners: { shortName: string; role: string }[];
}

interface Brief {
  id: string;
  code: string;
  title: string;
}

/** Who is asking: agency null for a viewer with no agency; role null for anonymous. */
interface ViewerSpec {
  label: string;
  role: Role | null;
  agency: string | null;
  client: Client;
}

/** One restricted milestone R, and the public milestones linked to it. */
interface ScenarioSpec {
  label: string;
  planStart: string;
  /** R. */
  code: string;
  /** Public, SFDA-led: R depends on it. */
  upstream: string;
  /** Public, SFDA-led: it depends on R. */
  dependent: string;
  /** Public, editable by SFDA, not linked to R. */
  editable: string;
  /** A due date within the plan, for moveDueDate probes. */
  moveTo: string;
  /** The last day of the burn-ups walked, and the date of a dated dashboard (R open and due within a year of it). */
  historyTo: string;
  /** Whether R, once linked, holds its dependent up (so insiders see a different status for it). */
  blocks: boolean;
}

const SCENARIOS: ScenarioSpec[] = [
  { label: 'current plan (FY2026–2029), R = G3.M4 (SFPD lead; FBI, HSI, USAO partners)', planStart: '2025-07-01', code: 'G3.M4', upstream: 'G3.M2', dependent: 'G3.M5', editable: 'G3.M3', moveTo: '2027-06-30', historyTo: '2027-03-31', blocks: true },
  { label: 'first plan (FY2014–2017), R = G3.2.M7 (HSI lead; SFPD, USAO partners)', planStart: '2013-07-01', code: 'G3.2.M7', upstream: 'G3.M5', dependent: 'G3.M6', editable: 'G3.M2', moveTo: '2016-12-31', historyTo: '2016-06-30', blocks: false },
];

const SC = 'total AT_RISK CANCELLED COMPLETED COMPLETED_LATE NOT_STARTED ON_TRACK OVERDUE';
const M = `id code title visibility status statusReason forecastCompletion leadAgency { shortName } partners { agency { shortName } role } dependsOn { id code title } dependents { id code title }`;
const AUDIT = 'nodes { id action actor entityId entityType changes { field before after } } pageInfo { hasNextPage }';

/** Everything one viewer got on one walk: raw bodies, lists of milestone IDs, and counts with the list that defines their members. */
interface Walk {
  bodies: string[];
  lists: Map<string, string[]>;
  /** Lists whose membership may legitimately differ beyond hidden milestones (status filters: a dependant's status depends on what it can see). */
  inexact: Set<string>;
  /** Lists that belong to one milestone (its dependsOn, its dependents): present only for viewers who see it. */
  owners: Map<string, string>;
  totals: Map<string, { total: number; members: string }>;
  /** Dashboard breakdowns: group (agency short name, goal or committee ID, status) → milestone count. */
  breakdowns: Map<string, Map<string, number>>;
  /** The list whose milestones each breakdown groups. */
  breakdownMembers: Map<string, string>;
  /** Where each milestone sits (from the goal tree): lead agency, goal; and each goal's parent and committee. */
  leadOf: Map<string, string>;
  goalOf: Map<string, string>;
  parentOf: Map<string, string | null>;
  committeeOfGoal: Map<string, string | null>;
  /** Responses to probes naming R's ID, with R's ID replaced by <ID>. */
  probes: Map<string, string>;
  /** The same probes naming an ID that does not exist, with that ID replaced by <ID>. */
  nonexistentProbes: Map<string, string>;
  /** R through milestone(id), null when NOT_FOUND. */
  r: Record<string, any> | null;
  dependent: Record<string, any>;
  upstream: Record<string, any>;
  rTrail: Record<string, any> | null;
}

function ids(nodes: { id: string }[]): string[] {
  return nodes.map((n) => n.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A code as a whole token: "G3.M4" but not "G3.M45" or "AG3.M4". */
function codePattern(code: string): RegExp {
  return new RegExp(`(?<![\\w.])${escapeRegExp(code)}(?![\\w]|\\.\\d)`);
}

describe('PARTNERS visibility: a restricted milestone does not exist for outsiders, on any path', () => {
  let server: TestServer;
  let restricted: Restricted[];
  let agencyId: (shortName: string) => string;
  let viewers: ViewerSpec[];
  let admin: ViewerSpec;
  let fingerprint: () => Promise<string>;

  function sees(viewer: ViewerSpec, milestoneId: string): boolean {
    const r = restricted.find((m) => m.id === milestoneId);
    if (!r || viewer.role === Role.ADMIN) return true;
    return viewer.agency !== null && (r.lead === viewer.agency || r.partners.some((p) => p.shortName === viewer.agency));
  }

  before(async () => {
    server = await startTestServer({ today: TODAY, anonymousRead: true });
    fingerprint = () => databaseFingerprint(server.dataSource);
    const data = await server.ok(`{
      agencies { id shortName }
      milestones(filter: { visibility: PARTNERS }, first: 100) { totalCount nodes { id code title plan { id } leadAgency { shortName } partners { agency { shortName } role } } }
    }`);
    const agencies = new Map<string, string>(data.agencies.map((a: { id: string; shortName: string }) => [a.shortName, a.id]));
    agencyId = (shortName) => agencies.get(shortName) ?? (() => { throw new Error(`no agency ${shortName}`); })();
    restricted = data.milestones.nodes.map((m: any) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      planId: m.plan.id,
      lead: m.leadAgency.shortName,
      partners: m.partners.map((p: any) => ({ shortName: p.agency.shortName, role: p.role })),
    }));
    expect(restricted.length, 'the sample plans have restricted milestones').to.be.greaterThan(1);
    expect(data.milestones.totalCount).to.equal(restricted.length);

    admin = { label: 'ADMIN', role: Role.ADMIN, agency: null, client: server };
    const editor = async (shortName: string): Promise<ViewerSpec> => ({
      label: `EDITOR of ${shortName}`,
      role: Role.EDITOR,
      agency: shortName,
      client: server.as(await server.newToken(Role.EDITOR, shortName, `Editor of ${shortName}`)),
    });
    viewers = [
      admin,
      await editor('SFPD'),
      await editor('HSI'),
      await editor('USAO'),
      await editor('FBI'),
      await editor('SFDA'),
      { label: 'VIEWER with no agency', role: Role.VIEWER, agency: null, client: server.as(await server.newToken(Role.VIEWER, undefined, 'Viewer without agency')) },
      { label: 'anonymous', role: null, agency: null, client: server.as(null) },
    ];
  });
  after(() => server.stop());

  it('the outsider editor (SFDA) and the viewers with no agency see no restricted milestone at all; the others see some', async () => {
    for (const v of viewers) {
      const { milestones } = await v.client.ok('{ milestones(filter: { visibility: PARTNERS }, first: 100) { totalCount nodes { id } } }');
      const expected = restricted.filter((r) => sees(v, r.id)).map((r) => r.id);
      expect(milestones.totalCount, v.label).to.equal(expected.length);
      expect(ids(milestones.nodes).sort(), v.label).to.deep.equal([...expected].sort());
    }
    const seen = (label: string) => restricted.filter((r) => sees(viewers.find((v) => v.label === label)!, r.id)).length;
    expect(seen('ADMIN')).to.equal(restricted.length);
    for (const insider of ['EDITOR of SFPD', 'EDITOR of HSI', 'EDITOR of USAO', 'EDITOR of FBI']) expect(seen(insider), insider).to.be.greaterThan(0);
    for (const outsider of ['EDITOR of SFDA', 'VIEWER with no agency', 'anonymous']) expect(seen(outsider), outsider).to.equal(0);
  });

  for (const spec of SCENARIOS) {
    describe(spec.label, () => {
      let planId: string;
      let r: Restricted;
      let rDue: string;
      let rGoalId: string;
      let rCommitteeId: string | null;
      let upstream: Brief;
      let dependent: Brief;
      let editable: Brief;
      /** R's status as the admin sees it (the status filters look for it). */
      let statusOfR: string;
      /** The admin's view of D before "D depends on R" existed. */
      let dependentBefore: Record<string, unknown>;
      let adminWalk: Walk;
      /** Every milestone, as the admin lists them (to tell a hidden code or title from a visible one). */
      let everyMilestone: Brief[];

      async function byCode(code: string): Promise<Brief> {
        const { milestones } = await server.ok('query ($p: ID!, $s: String!) { milestones(first: 100, filter: { planId: $p, search: $s }) { nodes { id code title } } }', { p: planId, s: code });
        const found = milestones.nodes.find((m: Brief) => m.code === code);
        if (!found) throw new Error(`no milestone ${code}`);
        return found;
      }

      const dView = () =>
        `query ($id: ID!) { milestone(id: $id) { status statusReason forecastCompletion dependsOn { id } dependents { id }
          progressHistory(from: "${spec.planStart}", to: "${spec.historyTo}", interval: QUARTER) { date progress expectedProgress statusCounts { ${SC} } } } }`;

      before(async () => {
        const { plans } = await server.ok('{ plans { id startDate } }');
        planId = plans.find((p: { startDate: string }) => p.startDate === spec.planStart).id;
        r = restricted.find((m) => m.planId === planId && m.code === spec.code)!;
        expect(r, `restricted ${spec.code}`).to.not.equal(undefined);
        [upstream, dependent, editable] = [await byCode(spec.upstream), await byCode(spec.dependent), await byCode(spec.editable)];
        dependentBefore = (await server.ok(dView(), { id: dependent.id })).milestone;
        await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: r.id, d: upstream.id });
        await server.ok('mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: dependent.id, d: r.id });
        const { milestone } = await server.ok('query ($id: ID!) { milestone(id: $id) { dueDate goal { id committee { id } } } }', { id: r.id });
        rDue = milestone.dueDate;
        rGoalId = milestone.goal.id;
        rCommitteeId = milestone.goal.committee?.id ?? null;
        statusOfR = (await server.ok('query ($id: ID!) { milestone(id: $id) { status } }', { id: r.id })).milestone.status;
        adminWalk = await walk(admin);
        everyMilestone = adminWalk.lists.get('conn:all')!.map((id) => {
          const brief = adminBriefs.get(id);
          if (!brief) throw new Error(`no brief for ${id}`);
          return brief;
        });
      });

      /** Codes and titles of every milestone the admin saw, by ID (filled by the admin's walk). */
      const adminBriefs = new Map<string, Brief>();

      /** Runs every read path as `viewer`. Probes that name R's ID are also sent with an ID that does not exist. */
      async function walk(viewer: ViewerSpec): Promise<Walk> {
        const w: Walk = { bodies: [], lists: new Map(), inexact: new Set(), owners: new Map(), totals: new Map(), breakdowns: new Map(), breakdownMembers: new Map(), leadOf: new Map(), goalOf: new Map(), parentOf: new Map(), committeeOfGoal: new Map(), probes: new Map(), nonexistentProbes: new Map(), r: null, dependent: {}, upstream: {}, rTrail: null };
        const client = viewer.client;
        const read = async (query: string, variables?: Vars): Promise<any> => {
          const result = await client.gql(query, variables);
          w.bodies.push(JSON.stringify(result));
          expect(result.errors, `${viewer.label}: ${query}\n${JSON.stringify(result.errors)}`).to.equal(undefined);
          return result.data;
        };
        const list = (key: string, nodes: Brief[], inexact = false): void => {
          w.lists.set(key, ids(nodes));
          if (inexact) w.inexact.add(key);
          if (viewer.role === Role.ADMIN) for (const n of nodes) if (n.code !== undefined) adminBriefs.set(n.id, n);
        };
        const total = (key: string, value: number, members: string): void => {
          w.totals.set(key, { total: value, members });
        };
        /** A probe naming R: recorded with R's ID masked, and repeated with a nonexistent ID. */
        const probe = async (key: string, query: string, variables: (id: string) => Vars): Promise<GraphQLResponse> => {
          const result = await client.gql(query, variables(r.id));
          const masked = JSON.stringify(result).split(r.id).join('<ID>');
          w.probes.set(key, masked);
          w.bodies.push(masked);
          const other = await client.gql(query, variables(NONEXISTENT));
          w.nonexistentProbes.set(key, JSON.stringify(other).split(NONEXISTENT).join('<ID>'));
          return result;
        };

        await read(`{ viewer { name role } plans { id title statusCounts { ${SC} } progress health } }`);

        // The plan's whole goal tree with every milestone and its links.
        const tree = (
          await read(
            `query ($p: ID!) { plan(id: $p) { id statusCounts { ${SC} } past: statusCounts(asOf: "${spec.planStart.slice(0, 4)}-12-31") { total } progress health
              goals(all: true) { id code committee { id } statusCounts { ${SC} } progress health milestones { ${M} } children { id } } } }`,
            { p: planId },
          )
        ).plan;
        const children = new Map<string, string[]>(tree.goals.map((g: any) => [g.id, ids(g.children)]));
        const direct = new Map<string, Brief[]>(tree.goals.map((g: any) => [g.id, g.milestones]));
        const deep = (goalId: string): Brief[] => [...(direct.get(goalId) ?? []), ...(children.get(goalId) ?? []).flatMap(deep)];
        list('tree:all', tree.goals.flatMap((g: any) => g.milestones));
        const rGoalCode: string = tree.goals.find((g: any) => g.id === rGoalId).code;
        total('plan', tree.statusCounts.total, 'tree:all');
        total('plan:past', tree.past.total, 'tree:all');
        for (const g of tree.goals) {
          w.committeeOfGoal.set(g.id, g.committee?.id ?? null);
          if (!w.parentOf.has(g.id)) w.parentOf.set(g.id, null);
          for (const child of g.children) w.parentOf.set(child.id, g.id);
          for (const m of g.milestones) {
            w.goalOf.set(m.id, g.id);
            w.leadOf.set(m.id, m.leadAgency.shortName);
          }
          list(`tree:goal:${g.code}:direct`, g.milestones);
          list(`tree:goal:${g.code}:deep`, deep(g.id));
          total(`tree:goal:${g.code}`, g.statusCounts.total, `tree:goal:${g.code}:deep`);
          for (const m of g.milestones) {
            list(`tree:${m.id}:dependsOn`, m.dependsOn);
            list(`tree:${m.id}:dependents`, m.dependents);
            w.owners.set(`tree:${m.id}:dependsOn`, m.id);
            w.owners.set(`tree:${m.id}:dependents`, m.id);
          }
        }

        // Committees and their roll-ups.
        const committees = (
          await read(
            `query ($p: ID!) { plan(id: $p) { committees { id name statusCounts { ${SC} } progress health members { shortName } goals { id code milestones { id code title } } } } }`,
            { p: planId },
          )
        ).plan.committees;
        for (const c of committees) {
          list(`committee:${c.name}:direct`, c.goals.flatMap((g: any) => g.milestones));
          list(`committee:${c.name}:deep`, c.goals.flatMap((g: any) => deep(g.id)));
          total(`committee:${c.name}`, c.statusCounts.total, `committee:${c.name}:deep`);
        }
        if (rCommitteeId) {
          const { committee } = await read(`query ($c: ID!) { committee(id: $c) { name statusCounts { ${SC} } progress health goals { milestones { ${M} } } } }`, { c: rCommitteeId });
          list('committee(id):direct', committee.goals.flatMap((g: any) => g.milestones));
          total('committee(id)', committee.statusCounts.total, `committee:${committee.name}:deep`);
        }

        // R's goal on its own.
        const { goal } = await read(`query ($g: ID!) { goal(id: $g) { code statusCounts { ${SC} } progress health milestones { ${M} } children { id code milestones { ${M} } } plan { id } } }`, { g: rGoalId });
        list('goal(id):direct', goal.milestones);
        list('goal(id):deep', [...goal.milestones, ...goal.children.flatMap((c: any) => c.milestones)]);
        total('goal(id)', goal.statusCounts.total, `tree:goal:${goal.code}:deep`);

        // Dashboards and burn-ups of the plan, R's goal, R's committee and R's lead agency.
        const DASH = `statusCounts { ${SC} } progress health
          atRisk { status milestone { id code title } } overdue { milestone { id code title } } staleUpdates { milestone { id code title } } upcoming(days: 366) { milestone { id code title } }
          byAgency: breakdown(by: AGENCY) { key label milestoneCount statusCounts { total } progress health overdueDays }
          byCommittee: breakdown(by: COMMITTEE) { key label milestoneCount statusCounts { total } progress health overdueDays }
          byGoal: breakdown(by: GOAL) { key label milestoneCount statusCounts { total } progress health overdueDays }
          byStatus: breakdown(by: STATUS) { key label milestoneCount statusCounts { total } progress health overdueDays }`;
        const HISTORY = `progressHistory(from: "${spec.planStart}", to: "${spec.historyTo}", interval: QUARTER) { date progress expectedProgress statusCounts { ${SC} } }`;
        const dashboards = await read(
          `query ($p: ID!, $g: ID!, $a: ID!) {
            plan(id: $p) { dashboard { ${DASH} } past: dashboard(asOf: "${spec.historyTo}") { statusCounts { total } upcoming(days: 366) { milestone { id code title } } } ${HISTORY} }
            goal(id: $g) { dashboard { ${DASH} } ${HISTORY} }
            agency(id: $a) { dashboard(role: ANY) { ${DASH} } planDashboard: dashboard(role: ANY, planId: $p) { statusCounts { total } upcoming(days: 366) { milestone { id code title } } } }
          }`,
          { p: planId, g: rGoalId, a: agencyId(r.lead) },
        );
        const dashboard = (key: string, d: any, members: string): void => {
          total(`dash:${key}`, d.statusCounts.total, members);
          if (d.atRisk) list(`dash:${key}:atRisk`, d.atRisk.map((x: any) => x.milestone), true);
          for (const part of ['overdue', 'staleUpdates', 'upcoming']) if (d[part]) list(`dash:${key}:${part}`, d[part].map((x: any) => x.milestone));
          for (const by of ['byAgency', 'byCommittee', 'byGoal', 'byStatus']) {
            if (!d[by]) continue;
            w.breakdownMembers.set(`${key}:${by}`, members);
            w.breakdowns.set(`${key}:${by}`, new Map(d[by].map((g: any) => [by === 'byAgency' ? g.label : g.key, g.milestoneCount])));
            for (const g of d[by]) expect(g.statusCounts.total, `${key}:${by}:${g.label}`).to.equal(g.milestoneCount);
            const sum = d[by].reduce((n: number, g: any) => n + g.milestoneCount, 0);
            if (by !== 'byGoal' || key === 'plan') expect(sum, `${viewer.label}: ${key} ${by} adds up`).to.equal(d.statusCounts.total);
          }
        };
        dashboard('plan', dashboards.plan.dashboard, 'tree:all');
        dashboard('plan:past', dashboards.plan.past, 'tree:all');
        dashboard('goal', dashboards.goal.dashboard, `tree:goal:${rGoalCode}:deep`);
        dashboard('agency', dashboards.agency.dashboard, `agency:${r.lead}:any`);
        dashboard('agency:plan', dashboards.agency.planDashboard, `agency:${r.lead}:anyPlan`);
        dashboards.plan.progressHistory.forEach((point: any) => total(`history:plan:${point.date}`, point.statusCounts.total, 'tree:all'));
        dashboards.goal.progressHistory.forEach((point: any) => total(`history:goal:${point.date}`, point.statusCounts.total, `tree:goal:${rGoalCode}:deep`));
        if (rCommitteeId) {
          const { committee } = await read(`query ($c: ID!) { committee(id: $c) { name dashboard { ${DASH} } ${HISTORY} } }`, { c: rCommitteeId });
          dashboard('committee', committee.dashboard, `committee:${committee.name}:deep`);
          committee.progressHistory.forEach((point: any) => total(`history:committee:${point.date}`, point.statusCounts.total, `committee:${committee.name}:deep`));
        }

        // R itself: milestone(id), node(id), its audit trail and its progress updates.
        const rResult = await probe('milestone(R)', `query ($id: ID!) { milestone(id: $id) { ${M} updates { id note } } }`, (id) => ({ id }));
        w.r = rResult.data?.milestone ?? null;
        const nodeResult = await probe('node(R)', 'query ($id: ID!) { node(id: $id) { id __typename ... on Milestone { code title } } }', (id) => ({ id }));
        expect(nodeResult.errors).to.equal(undefined);
        const trail = await probe('auditTrail(R)', `query ($id: ID!) { auditTrail(entityId: $id, first: 100) { ${AUDIT} } }`, (id) => ({ id }));
        w.rTrail = trail.data?.auditTrail ?? null;

        // The milestones linked to R, with what is computed from their links.
        const linked = await read(
          `query ($d: ID!, $u: ID!) { d: milestone(id: $d) { ${M} updates { note }
              progressHistory(from: "${spec.planStart}", to: "${spec.historyTo}", interval: QUARTER) { date progress expectedProgress statusCounts { ${SC} } } }
            u: milestone(id: $u) { ${M} } dNode: node(id: $d) { id ... on Milestone { dependsOn { id code title } } } }`,
          { d: dependent.id, u: upstream.id },
        );
        w.dependent = linked.d;
        w.upstream = linked.u;
        list('D.dependsOn', linked.d.dependsOn);
        list('D.dependents', linked.d.dependents);
        list('U.dependents', linked.u.dependents);
        list('U.dependsOn', linked.u.dependsOn);
        list('node(D).dependsOn', linked.dNode.dependsOn);
        for (const id of [dependent.id, upstream.id, rGoalId, planId]) {
          await read(`query ($id: ID!) { auditTrail(entityId: $id, first: 100) { ${AUDIT} } }`, { id });
        }
        const planTrail = await client.gql('query ($p: ID!) { auditTrail(planId: $p, first: 100) { nodes { id action entityId changes { field before after } } } }', { p: planId });
        w.bodies.push(JSON.stringify(planTrail));
        if (viewer.role !== Role.ADMIN) expect((planTrail.errors ?? []).map((e) => e.extensions?.code), viewer.label).to.deep.equal(['FORBIDDEN']);

        // The milestones connection, under every filter that could catch R.
        const filters: [string, Vars, boolean?][] = [
          ['plan', { planId }],
          ['goal', { goalId: rGoalId }],
          ['leadAny', { agencyId: agencyId(r.lead), agencyRole: 'ANY' }],
          ['leadLead', { agencyId: agencyId(r.lead) }],
          ['leadAnyPlan', { agencyId: agencyId(r.lead), agencyRole: 'ANY', planId }],
          ...r.partners.flatMap((p): [string, Vars][] => [
            [`partner:${p.shortName}:ANY`, { agencyId: agencyId(p.shortName), agencyRole: 'ANY', planId }],
            [`partner:${p.shortName}:PARTNER`, { agencyId: agencyId(p.shortName), agencyRole: 'PARTNER' }],
            [`partner:${p.shortName}:${p.role}`, { agencyId: agencyId(p.shortName), agencyRole: p.role, planId }],
          ]),
          ['allStatuses', { planId, status: ALL_STATUSES }],
          ['status', { planId, status: [statusOfR] }, true],
          ['statusAnyPlan', { status: [statusOfR], agencyId: agencyId(r.lead), agencyRole: 'ANY' }, true],
          ['due', { planId, dueFrom: rDue, dueTo: rDue }],
          ['searchCode', { search: r.code }],
          ['searchCodeLower', { search: r.code.toLowerCase() }],
          ['searchTitle', { search: r.title.split(' ').slice(1, 4).join(' ') }],
          ['searchTitleInPlan', { search: r.title.toUpperCase(), planId }],
          ['visibility', { visibility: 'PARTNERS' }],
          ['visibilityPlan', { visibility: 'PARTNERS', planId, goalId: rGoalId }],
          ...(rCommitteeId ? [['committee', { committeeId: rCommitteeId }] as [string, Vars]] : []),
        ];
        expect(filters.length).to.be.at.most(30);
        const selection = filters
          .map(([alias], i) => `f${i}: milestones(first: 100, filter: $f${i}) { totalCount pageInfo { hasNextPage } nodes { id code title } }`)
          .join('\n');
        const declarations = filters.map((_f, i) => `$f${i}: MilestoneFilter`).join(', ');
        const connections = await read(`query (${declarations}) { ${selection} }`, Object.fromEntries(filters.map(([, f], i) => [`f${i}`, f])));
        filters.forEach(([alias, , inexact], i) => {
          const page = connections[`f${i}`];
          expect(page.pageInfo.hasNextPage, `${alias} fits on one page`).to.equal(false);
          list(`conn:${alias}`, page.nodes, inexact);
          total(`conn:${alias}`, page.totalCount, `conn:${alias}`);
        });

        // Every milestone of every plan, page by page.
        const everything: Brief[] = [];
        let after: string | null = null;
        let allCount = -1;
        for (;;) {
          const page: any = (await read('query ($after: String) { milestones(first: 100, after: $after, orderBy: { field: CODE }) { totalCount pageInfo { hasNextPage endCursor } nodes { id code title } } }', { after })).milestones;
          everything.push(...page.nodes);
          allCount = page.totalCount;
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        list('conn:all', everything);
        total('conn:all', allCount, 'conn:all');

        // R's lead and partner agencies: their lists and roll-ups, by role and plan.
        for (const shortName of [r.lead, ...r.partners.map((p) => p.shortName)]) {
          const { agency } = await read(
            `query ($a: ID!, $p: ID!) { agency(id: $a) {
              lead: milestones { id code title } any: milestones(role: ANY) { id code title } partner: milestones(role: PARTNER) { id code title }
              anyPlan: milestones(role: ANY, planId: $p) { id code title }
              scLead: statusCounts { ${SC} } scAny: statusCounts(role: ANY) { ${SC} } scPartner: statusCounts(role: PARTNER) { total } scAnyPlan: statusCounts(role: ANY, planId: $p) { total }
              progressLead: progress progressAny: progress(role: ANY) progressAnyPlan: progress(role: ANY, planId: $p)
              healthLead: health healthAny: health(role: ANY) healthAnyPlan: health(role: ANY, planId: $p) } }`,
            { a: agencyId(shortName), p: planId },
          );
          for (const role of ['lead', 'any', 'partner', 'anyPlan']) list(`agency:${shortName}:${role}`, agency[role]);
          total(`agency:${shortName}:scLead`, agency.scLead.total, `agency:${shortName}:lead`);
          total(`agency:${shortName}:scAny`, agency.scAny.total, `agency:${shortName}:any`);
          total(`agency:${shortName}:scPartner`, agency.scPartner.total, `agency:${shortName}:partner`);
          total(`agency:${shortName}:scAnyPlan`, agency.scAnyPlan.total, `agency:${shortName}:anyPlan`);
        }
        await read(`{ agencies { shortName statusCounts(role: ANY) { total } progress(role: ANY) health(role: ANY) } }`);
        return w;
      }


      /** Every list and count of `w` against the admin's, minus what `viewer` may not see. */
      function expectConsistentWithAdmin(viewer: ViewerSpec, w: Walk): void {
        for (const [key, adminIds] of adminWalk.lists) {
          const got = w.lists.get(key);
          const expected = adminIds.filter((id) => sees(viewer, id));
          const owner = adminWalk.owners.get(key);
          if (owner !== undefined && !sees(viewer, owner)) {
            expect(got, `${viewer.label}: ${key} belongs to a milestone it may not see`).to.equal(undefined);
            continue;
          }
          if (got === undefined) expect.fail(`${viewer.label}: no list ${key}`);
          if (adminWalk.inexact.has(key)) {
            for (const id of got) expect(sees(viewer, id), `${viewer.label}: ${key} holds a milestone it may not see`).to.equal(true);
            continue;
          }
          expect([...got].sort(), `${viewer.label}: ${key}`).to.deep.equal([...expected].sort());
        }
        for (const [key, { total, members }] of adminWalk.totals) {
          const adminMembers = adminWalk.lists.get(members);
          expect(adminMembers, `members of ${key}`).to.not.equal(undefined);
          if (!adminWalk.inexact.has(members)) expect(total, `admin: ${key} counts its list`).to.equal(adminMembers!.length);
          const hidden = adminMembers!.filter((id) => !sees(viewer, id)).length;
          const got = w.totals.get(key)!.total;
          if (adminWalk.inexact.has(members)) {
            expect(got, `${viewer.label}: ${key}`).to.equal(w.lists.get(members)!.length);
          } else {
            expect(got, `${viewer.label}: ${key} = admin's ${total} − ${hidden} hidden`).to.equal(total - hidden);
          }
        }
      }

      /** The dashboard group a milestone falls in, from the admin's goal tree; undefined where this test does not model the grouping. */
      function groupOf(breakdown: string, milestoneId: string): string | undefined {
        const [scope, by] = [breakdown.slice(0, breakdown.lastIndexOf(':')), breakdown.slice(breakdown.lastIndexOf(':') + 1)];
        if (by === 'byAgency') return restricted.find((m) => m.id === milestoneId)?.lead ?? adminWalk.leadOf.get(milestoneId);
        if (scope.startsWith('agency')) return undefined;
        let goalId = adminWalk.goalOf.get(milestoneId);
        if (goalId === undefined) return undefined;
        if (by === 'byGoal') {
          if (scope !== 'plan') return undefined;
          while (adminWalk.parentOf.get(goalId) ?? null) goalId = adminWalk.parentOf.get(goalId)!;
          return goalId;
        }
        if (by === 'byCommittee') {
          for (let g: string | null = goalId; g; g = adminWalk.parentOf.get(g) ?? null) {
            const committee = adminWalk.committeeOfGoal.get(g);
            if (committee) return committee;
          }
          return 'none';
        }
        return undefined;
      }

      /** Each dashboard group counts the admin's milestones of that group minus those the viewer may not see. */
      function expectBreakdownsConsistent(viewer: ViewerSpec, w: Walk): void {
        for (const [breakdown, adminGroups] of adminWalk.breakdowns) {
          const got = w.breakdowns.get(breakdown)!;
          expect(got, `${viewer.label}: ${breakdown}`).to.not.equal(undefined);
          const hidden = adminWalk.lists.get(adminWalk.breakdownMembers.get(breakdown)!)!.filter((id) => !sees(viewer, id));
          const groups = hidden.map((id) => groupOf(breakdown, id));
          if (groups.some((g) => g === undefined)) continue;
          for (const [group, count] of adminGroups) {
            const expected = count - groups.filter((g) => g === group).length;
            expect(got.get(group) ?? 0, `${viewer.label}: ${breakdown} group ${group}`).to.equal(expected);
          }
          for (const group of got.keys()) expect(adminGroups.has(group), `${viewer.label}: ${breakdown} has a group the admin has not`).to.equal(true);
        }
      }

      /** R's ID, code and title — and those of every other milestone the viewer may not see — appear in no body. */
      function expectNoLeak(viewer: ViewerSpec, bodies: string[], aboutR = true): void {
        const visible = everyMilestone.filter((m) => sees(viewer, m.id));
        const visibleCodes = new Set(visible.map((m) => m.code));
        const visibleTitles = new Set(visible.map((m) => m.title));
        const text = bodies.join('\n');
        const hidden = restricted.filter((m) => !sees(viewer, m.id));
        if (aboutR) expect(hidden.map((m) => m.id), `${viewer.label} may not see R`).to.include(r.id);
        for (const m of hidden) {
          expect(text.includes(`"${m.id}"`), `${viewer.label}: ID of ${m.code} (${m.id}) appears`).to.equal(false);
          if (!visibleCodes.has(m.code)) expect(codePattern(m.code).test(text), `${viewer.label}: code ${m.code} appears`).to.equal(false);
          if (!visibleTitles.has(m.title)) expect(text.includes(m.title), `${viewer.label}: title "${m.title}" appears`).to.equal(false);
        }
        if (!aboutR) return;
        // R in particular: its code and title are not those of anything this viewer may see.
        expect(visibleCodes.has(r.code) || visibleTitles.has(r.title), 'R is distinguishable').to.equal(false);
        expect(codePattern(r.code).test(text), `${viewer.label}: R's code ${r.code}`).to.equal(false);
        expect(text.includes(r.title), `${viewer.label}: R's title`).to.equal(false);
        expect(text.includes(r.id), `${viewer.label}: R's ID`).to.equal(false);
      }

      it('the admin sees R on every path, linked to U and D, in every list and count', async () => {
        const w = adminWalk;
        expect(w.r).to.include({ id: r.id, code: r.code, title: r.title, visibility: 'PARTNERS' });
        expect(JSON.parse(w.probes.get('node(R)')!).data.node).to.deep.equal({ id: '<ID>', __typename: 'Milestone', code: r.code, title: r.title });
        for (const key of ['tree:all', `conn:plan`, 'conn:goal', 'conn:leadAny', 'conn:leadLead', 'conn:allStatuses', 'conn:status', 'conn:due', 'conn:searchCode', 'conn:searchCodeLower', 'conn:searchTitle', 'conn:searchTitleInPlan', 'conn:visibility', 'conn:visibilityPlan', 'conn:all', 'goal(id):deep', 'D.dependsOn', 'U.dependents', 'node(D).dependsOn', `agency:${r.lead}:lead`, `agency:${r.lead}:any`, `agency:${r.lead}:anyPlan`]) {
          expect(w.lists.get(key), key).to.include(r.id);
        }
        for (const p of r.partners) for (const key of [`conn:partner:${p.shortName}:ANY`, `conn:partner:${p.shortName}:PARTNER`, `conn:partner:${p.shortName}:${p.role}`, `agency:${p.shortName}:any`, `agency:${p.shortName}:partner`]) {
          expect(w.lists.get(key), key).to.include(r.id);
        }
        if (rCommitteeId) expect(w.lists.get('conn:committee')).to.include(r.id);
        expect(w.lists.get('dash:plan:past:upcoming'), 'dated dashboard lists R as upcoming').to.include(r.id);
        if (spec.blocks) for (const key of ['dash:plan:upcoming', 'dash:goal:upcoming', 'dash:agency:upcoming', 'dash:agency:plan:upcoming']) expect(w.lists.get(key), key).to.include(r.id);
        expect(w.breakdowns.get('plan:byAgency')!.get(r.lead), `R counts in ${r.lead}'s group`).to.be.greaterThan(0);
        // The leak detector sees R where it is allowed: in the admin's bodies.
        const text = w.bodies.join('\n');
        expect(text).to.contain(`"${r.id}"`).and.to.contain(r.title);
        expect(codePattern(r.code).test(text)).to.equal(true);
        expect(w.r!.dependsOn.map((m: Brief) => m.id)).to.deep.equal([upstream.id]);
        expect(w.r!.dependents.map((m: Brief) => m.id)).to.deep.equal([dependent.id]);
        expect(w.rTrail!.nodes.length).to.be.greaterThan(0);
        expect(w.r!.updates.length).to.be.greaterThan(0);
        if (spec.blocks) {
          expect(w.dependent.status).to.equal('AT_RISK');
          expect(w.dependent.statusReason).to.match(new RegExp(`depends on ${escapeRegExp(`${r.code} (${r.lead})`)}`, 'i'));
          expect(w.dependent.forecastCompletion > (dependentBefore.forecastCompletion as string), 'R delays D\'s forecast').to.equal(true);
        }
      });

      for (const label of ['EDITOR of SFPD', 'EDITOR of HSI', 'EDITOR of USAO', 'EDITOR of FBI', 'EDITOR of SFDA', 'VIEWER with no agency', 'anonymous']) {
        it(`${label}: every list and count is the admin's minus what it may not see; R shows exactly where its agencies take part`, async () => {
          const viewer = viewers.find((v) => v.label === label)!;
          const w = await walk(viewer);
          expectConsistentWithAdmin(viewer, w);
          expectBreakdownsConsistent(viewer, w);
          if (sees(viewer, r.id)) {
            // An insider: R is there, with its links.
            expect(w.r, `${label} sees R`).to.include({ id: r.id, code: r.code, title: r.title });
            expect(w.r!.dependsOn.map((m: Brief) => m.id)).to.deep.equal([upstream.id]);
            expect(w.r!.dependents.map((m: Brief) => m.id)).to.deep.equal([dependent.id]);
            expect(JSON.parse(w.probes.get('node(R)')!).data.node).to.include({ code: r.code });
            expect(w.rTrail!.nodes.length).to.be.greaterThan(0);
            for (const key of ['tree:all', 'conn:plan', 'conn:searchCode', 'conn:searchTitle', 'conn:all', 'D.dependsOn', 'U.dependents', `agency:${r.lead}:any`]) expect(w.lists.get(key), key).to.include(r.id);
            expect(ids(w.dependent.dependsOn)).to.include(r.id);
            if (spec.blocks) expect(w.dependent.statusReason).to.match(new RegExp(`depends on ${escapeRegExp(`${r.code} (${r.lead})`)}`, 'i'));
            // Whatever else it may not see stays hidden.
            expectNoLeak(viewer, w.bodies, false);
          } else {
            // An outsider: every probe naming R answers as for an ID that never existed.
            for (const [key, masked] of w.probes) expect(masked, `${label}: ${key} answers as for a nonexistent ID`).to.equal(w.nonexistentProbes.get(key));
            const codes = (key: string) => (JSON.parse(w.probes.get(key)!).errors ?? []).map((e: any) => e.extensions?.code);
            expect(codes('milestone(R)')).to.deep.equal(['NOT_FOUND']);
            expect(JSON.parse(w.probes.get('node(R)')!).data).to.deep.equal({ node: null });
            expect(codes('auditTrail(R)')).to.deep.equal(['NOT_FOUND']);
            // D and U look exactly as before D was linked to R.
            expect({
              status: w.dependent.status,
              statusReason: w.dependent.statusReason,
              forecastCompletion: w.dependent.forecastCompletion,
              progressHistory: w.dependent.progressHistory,
              dependsOn: ids(w.dependent.dependsOn),
              dependents: ids(w.dependent.dependents),
            }).to.deep.equal({ ...dependentBefore, dependsOn: ids(dependentBefore.dependsOn as Brief[]), dependents: ids(dependentBefore.dependents as Brief[]) });
            expect(ids(w.upstream.dependents)).to.not.include(r.id);
            expectNoLeak(viewer, w.bodies);
          }
        });
      }

      it('every outsider: mutations aimed at R answer exactly as for a nonexistent ID (NOT_FOUND for the editor, not FORBIDDEN), nothing changes, nothing leaks', async () => {
        /** [name, query, variables, the milestone acted on: R itself, or an SFDA-editable one (E or D)] */
        const probes: [string, string, (id: string) => Vars, ('R' | 'SFDA')?][] = [
          ['updateMilestone', 'mutation ($id: ID!) { updateMilestone(id: $id, input: { title: "Taken" }) { id code title } }', (id) => ({ id })],
          ['updateMilestone(lead)', 'mutation ($id: ID!, $a: ID!) { updateMilestone(id: $id, input: { leadAgencyId: $a }) { id code title } }', (id) => ({ id, a: agencyId('SFDA') })],
          ['reportProgress', 'mutation ($id: ID!) { reportProgress(input: { milestoneId: $id, percentComplete: 90 }) { id milestone { code title } } }', (id) => ({ id })],
          ['completeMilestone', 'mutation ($id: ID!) { completeMilestone(id: $id) { id code title } }', (id) => ({ id })],
          ['cancelMilestone', 'mutation ($id: ID!) { cancelMilestone(id: $id, reason: "Not ours") { id code title } }', (id) => ({ id })],
          ['reopenMilestone', 'mutation ($id: ID!) { reopenMilestone(id: $id) { id code title } }', (id) => ({ id })],
          ['moveDueDate', `mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "${spec.moveTo}", reason: "Probe") { id code title } }`, (id) => ({ id })],
          ['addPartner(self)', 'mutation ($id: ID!, $a: ID!) { addPartner(milestoneId: $id, agencyId: $a, role: SUPPORT) { id code title } }', (id) => ({ id, a: agencyId('SFDA') })],
          ['removePartner', 'mutation ($id: ID!, $a: ID!) { removePartner(milestoneId: $id, agencyId: $a) { id code title } }', (id) => ({ id, a: agencyId(r.partners[0].shortName) })],
          ['addDependency(R → U)', 'mutation ($id: ID!, $u: ID!) { addDependency(milestoneId: $id, dependsOnId: $u) { id code title } }', (id) => ({ id, u: upstream.id })],
          ['removeDependency(R → U)', 'mutation ($id: ID!, $u: ID!) { removeDependency(milestoneId: $id, dependsOnId: $u) { id code title } }', (id) => ({ id, u: upstream.id })],
          ['addDependency(E → R)', 'mutation ($e: ID!, $id: ID!) { addDependency(milestoneId: $e, dependsOnId: $id) { id dependsOn { id code title } } }', (id) => ({ id, e: editable.id }), 'SFDA'],
          ['addDependency(D → R)', 'mutation ($d: ID!, $id: ID!) { addDependency(milestoneId: $d, dependsOnId: $id) { id dependsOn { id code title } } }', (id) => ({ id, d: dependent.id }), 'SFDA'],
          ['removeDependency(D → R)', 'mutation ($d: ID!, $id: ID!) { removeDependency(milestoneId: $d, dependsOnId: $id) { id dependsOn { id code title } } }', (id) => ({ id, d: dependent.id }), 'SFDA'],
        ];
        const before = await fingerprint();
        for (const viewer of viewers.filter((v) => !sees(v, r.id))) {
          const bodies: string[] = [];
          for (const [name, query, variables, actsOn] of probes) {
            // An editor who may not change the public milestone acted on is refused for that (the same for R and for a nonexistent ID).
            const expectedCode =
              viewer.role === null ? 'UNAUTHENTICATED' : viewer.role === Role.VIEWER ? 'FORBIDDEN' : actsOn === 'SFDA' && viewer.agency !== 'SFDA' ? 'FORBIDDEN' : 'NOT_FOUND';
            const result = await viewer.client.gql(query, variables(r.id));
            const masked = JSON.stringify(result).split(r.id).join('<ID>');
            const other = JSON.stringify(await viewer.client.gql(query, variables(NONEXISTENT))).split(NONEXISTENT).join('<ID>');
            expect(masked, `${viewer.label}: ${name} answers as for a nonexistent ID`).to.equal(other);
            expect((result.errors ?? []).map((e) => e.extensions?.code), `${viewer.label}: ${name}`).to.deep.equal([expectedCode]);
            expect(result.data ?? null).to.equal(null);
            bodies.push(masked);
          }
          expectNoLeak(viewer, bodies);
        }
        expect(await fingerprint(), 'nothing changed').to.equal(before);
      });

      it('the outsider editor: a cycle through R is refused without naming R, and nothing changes', async () => {
        const outsider = viewers.find((v) => v.label === 'EDITOR of SFDA')!;
        const before = await fingerprint();
        // U is SFDA's; making U depend on D would close D → R → U → D.
        const result = await outsider.client.gql('mutation ($u: ID!, $d: ID!) { addDependency(milestoneId: $u, dependsOnId: $d) { id dependsOn { id code title } } }', { u: upstream.id, d: dependent.id });
        expect((result.errors ?? []).map((e) => e.extensions?.code)).to.deep.equal(['BAD_USER_INPUT']);
        const message = result.errors![0].message;
        expect(message).to.contain(upstream.code).and.to.contain(dependent.code).and.to.contain('cycle');
        expectNoLeak(outsider, [JSON.stringify(result)]);
        expect(await fingerprint()).to.equal(before);
        // The admin is told the whole cycle.
        const adminResult = await server.gql('mutation ($u: ID!, $d: ID!) { addDependency(milestoneId: $u, dependsOnId: $d) { id } }', { u: upstream.id, d: dependent.id });
        expect(adminResult.errors![0].message).to.contain(`${upstream.code} → ${dependent.code} → ${r.code} → ${upstream.code}`);
        expect(await fingerprint()).to.equal(before);
      });
      it('D\'s own trail records that D was made to depend on R, for the admin and insiders only', async () => {
        const DTRAIL = 'query ($id: ID!) { auditTrail(entityId: $id, first: 100) { nodes { action entityId changes { field before after } } } }';
        for (const viewer of viewers) {
          const { auditTrail } = await viewer.client.ok(DTRAIL, { id: dependent.id });
          const entry = auditTrail.nodes.find((e: any) => e.action === 'addDependency' && e.changes.some((c: any) => c.field === 'dependsOn' && c.after === r.code));
          if (sees(viewer, r.id)) {
            expect(entry, `${viewer.label}: D's trail has its addDependency onto R`).to.not.equal(undefined);
            expect(entry.entityId).to.equal(dependent.id);
          } else {
            expect(entry, viewer.label).to.equal(undefined);
            expectNoLeak(viewer, [JSON.stringify(auditTrail)]);
          }
        }
      });

      it('insiders may change R; what they do stays invisible to outsiders', async () => {
        const partner = viewers.find((v) => v.label === 'EDITOR of USAO')!;
        expect(sees(partner, r.id)).to.equal(true);
        const { updateMilestone } = await partner.client.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { description: "Insider note" }) { code description } }', { id: r.id });
        expect(updateMilestone).to.deep.equal({ code: r.code, description: 'Insider note' });
        const lead = viewers.find((v) => v.label === `EDITOR of ${r.lead}`)!;
        const { auditTrail } = await lead.client.ok('query ($id: ID!) { auditTrail(entityId: $id, first: 1) { nodes { action actor } } }', { id: r.id });
        expect(auditTrail.nodes).to.deep.equal([{ action: 'updateMilestone', actor: 'Editor of USAO' }]);
        for (const viewer of viewers.filter((v) => !sees(v, r.id))) {
          const bodies = [
            JSON.stringify(await viewer.client.gql('query ($d: ID!, $u: ID!) { d: auditTrail(entityId: $d, first: 100) { nodes { action changes { field before after } } } u: auditTrail(entityId: $u, first: 100) { nodes { action changes { field before after } } } }', { d: dependent.id, u: upstream.id })),
            JSON.stringify(await viewer.client.gql(`query ($p: ID!) { plan(id: $p) { progress goals(all: true) { milestones { ${M} } } } }`, { p: planId })),
          ];
          expect(bodies.join('\n')).to.not.contain('Insider note');
          expectNoLeak(viewer, bodies);
        }
      });

    });
  }

  describe('a milestone made PARTNERS after a public one was linked to it', () => {
    let q: Brief;
    let p: Brief;
    let outsiders: ViewerSpec[];

    before(async () => {
      const { plans } = await server.ok('{ plans { id startDate goals { id code } } }');
      const current = plans.find((x: { startDate: string }) => x.startDate === '2025-07-01');
      const goalId = current.goals.find((g: { code: string }) => g.code === 'G3').id;
      const create = async (input: Vars): Promise<Brief> =>
        (await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id code title } }', { input: { goalId, startDate: '2026-01-01', ...input } })).createMilestone;
      q = await create({ code: 'G3.M90', title: 'Quiet covert surveillance operation', leadAgencyId: agencyId('SFPD'), dueDate: '2027-01-31' });
      p = await create({ code: 'G3.M91', title: 'Public follow-up briefing', leadAgencyId: agencyId('SFDA'), dueDate: '2027-03-31', dependsOnIds: [q.id] });
      await server.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { visibility: PARTNERS }) { id } }', { id: q.id });
      restricted.push({ id: q.id, code: q.code, title: q.title, planId: current.id, lead: 'SFPD', partners: [] });
      outsiders = viewers.filter((v) => !sees(v, q.id));
      expect(outsiders.map((v) => v.label)).to.include('EDITOR of SFDA');
    });

    it('outsiders no longer see it: milestone(id) NOT_FOUND, node null, gone from the public milestone\'s dependsOn and from searches', async () => {
      for (const viewer of outsiders) {
        const result = await viewer.client.gql('query ($q: ID!, $p: ID!) { q: node(id: $q) { id } p: milestone(id: $p) { dependsOn { id code title } statusReason } s: milestones(filter: { search: "G3.M90" }) { totalCount } }', { q: q.id, p: p.id });
        expect(result.errors, viewer.label).to.equal(undefined);
        expect(result.data).to.deep.include({ q: null, s: { totalCount: 0 } });
        expect(result.data!.p.dependsOn).to.deep.equal([]);
        const text = JSON.stringify(result);
        expect(text).to.not.contain(q.id).and.to.not.contain(q.code).and.to.not.contain(q.title);
        const one = await viewer.client.gql('query ($q: ID!) { milestone(id: $q) { id } }', { q: q.id });
        expect((one.errors ?? []).map((e) => e.extensions?.code)).to.deep.equal(['NOT_FOUND']);
      }
    });
    it('the public milestone\'s audit trail does not name it to outsiders', async () => {
      for (const viewer of outsiders) {
        const result = await viewer.client.gql('query ($p: ID!) { auditTrail(entityId: $p, first: 100) { nodes { action entityId changes { field before after } } } }', { p: p.id });
        expect(result.errors, viewer.label).to.equal(undefined);
        const text = JSON.stringify(result);
        expect(text, `${viewer.label}: Q's code in P's trail`).to.not.match(codePattern(q.code));
        expect(text).to.not.contain(q.id).and.to.not.contain(q.title);
      }
      // The admin still sees the whole history of P.
      const { auditTrail } = await server.ok('query ($p: ID!) { auditTrail(entityId: $p, first: 100) { nodes { action changes { field after } } } }', { p: p.id });
      expect(JSON.stringify(auditTrail)).to.match(codePattern(q.code));
    });
  });
});

/**
 * Small numbers of a sensitive indicator (docs/rules.md, "Who may see and do what"): below the plan's
 * threshold (11) they reach only admins and members of the indicator's agency, and nothing they
 * could be worked out from (progress, with two of baseline, target and latest) reaches anyone
 * else — on every path: the query API and its history, the audit trail, the live annual report
 * (GraphQL, Markdown and HTML over HTTP) and published editions (computed for the public).
 *
 * First sample plan: "Survivors referred…" (HSA, sensitive): baseline 0, target 150; year-end
 * values 8 (FY2014), 41, 98, 139 (FY2017); HSA records a late 4 (2015-03-31). "Minors
 * re-trafficked" (HSA, sensitive, added here): baseline 40, target 5, 25 on 2016-06-30.
 */
describe('sensitive indicator values: below the threshold only for admins and the owning agency, on every path', () => {
  const SURVIVORS = 'Survivors referred to services through the city protocol';
  const MINORS = 'Minors re-trafficked';
  const YEARS = [2014, 2015, 2016, 2017];
  /** Year-end latest values of Survivors referred. */
  const SURVIVORS_LATEST: Record<number, number> = { 2014: 8, 2015: 41, 2016: 98, 2017: 139 };
  let server: TestServer;
  let planId: string;
  let indicatorIds: Record<string, string>;
  let measurementId: string;
  let readers: { label: string; insider: boolean; token: string | null; client: Client }[];

  /** One indicator row as some path shows it: a number, null for "none" and 'suppressed'. */
  type Cell = number | null | 'suppressed';
  interface Row {
    path: string;
    name: string;
    baseline: Cell;
    latest: Cell;
    target: Cell;
    progress: number | null;
  }
  const shown = (v: { value: number | null; suppressed: boolean } | null): Cell => (v === null ? null : v.suppressed ? 'suppressed' : v.value);
  const fromText = (cell: string): Cell => (cell === 'suppressed' ? 'suppressed' : cell === '—' ? null : Number(cell));
  const percent = (cell: string): number | null => (cell === '—' ? null : Number(cell.replace(/%$/, '')));

  function markdownRows(path: string, markdown: string): Row[] {
    return [SURVIVORS, MINORS].flatMap((name) => {
      const line = markdown.split('\n').find((l) => l.startsWith(`| ${name} (`));
      if (!line) return [];
      const [, , baseline, latest, , target, , progress] = line.slice(2, -2).split(' | ');
      return [{ path, name, baseline: fromText(baseline), latest: fromText(latest), target: fromText(target), progress: percent(progress) }];
    });
  }

  function htmlRows(path: string, html: string): Row[] {
    return [SURVIVORS, MINORS].flatMap((name) => {
      const row = html.match(new RegExp(`<tr><td>${name} \\(.*?</tr>`))?.[0];
      if (!row) return [];
      const [, , baseline, latest, , target, , progress] = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
      return [{ path, name, baseline: fromText(baseline), latest: fromText(latest), target: fromText(target), progress: percent(progress) }];
    });
  }

  const REPORT_ROWS = 'indicators { name baseline { value suppressed } latest { value suppressed } target { value suppressed } progress } markdown html';

  /** Every row of the two indicators that a reader gets, per year, from the live paths. */
  async function liveRows(reader: (typeof readers)[number], year: number): Promise<Row[]> {
    const asOf = `${year}-06-30`;
    const q = await reader.client.ok(
      `query ($planId: ID!, $asOf: Date!, $year: Int!, $s: ID!, $m: ID!) {
        plan(id: $planId) { indicators { name baseline { value suppressed } target { value suppressed } latest(asOf: $asOf) { value suppressed } progress(asOf: $asOf) } }
        s: indicator(id: $s) { name baseline { value suppressed } target { value suppressed } latest(asOf: $asOf) { value suppressed } progress(asOf: $asOf) }
        m: node(id: $m) { ... on Indicator { name baseline { value suppressed } target { value suppressed } latest(asOf: $asOf) { value suppressed } progress(asOf: $asOf) } }
        annualReport(planId: $planId, year: $year) { ${REPORT_ROWS} }
      }`,
      { planId, asOf, year, s: indicatorIds[SURVIVORS], m: indicatorIds[MINORS] },
    );
    const gql = (path: string, i: any): Row => ({ path, name: i.name, baseline: shown(i.baseline), latest: shown(i.latest), target: shown(i.target), progress: i.progress });
    const headers: Record<string, string> = reader.token ? { authorization: `Bearer ${reader.token}` } : {};
    const http = async (format: string) => {
      const response = await fetch(`${server.url.replace(/\/graphql$/, '')}/reports/${planId}/${year}.${format}`, { headers });
      expect(response.status, `${reader.label} ${year}.${format}`).to.equal(200);
      return response.text();
    };
    return [
      ...q.plan.indicators.filter((i: { name: string }) => i.name === SURVIVORS || i.name === MINORS).map((i: any) => gql('plan.indicators', i)),
      gql('indicator(id)', q.s),
      gql('node(id)', q.m),
      ...q.annualReport.indicators.filter((i: { name: string }) => i.name === SURVIVORS || i.name === MINORS).map((i: any) => gql('annualReport.indicators', i)),
      ...markdownRows('annualReport.markdown', q.annualReport.markdown),
      ...htmlRows('annualReport.html', q.annualReport.html),
      ...markdownRows(`GET /reports/…/${year}.md`, await http('md')),
      ...htmlRows(`GET /reports/…/${year}.html`, await http('html')),
    ];
  }

  /** What an outsider may see of a row in year N: suppressed small values, no progress. */
  function expectOutsiderRow(row: Row, year: number, label: string): void {
    const where = `${label}, ${year}, ${row.path}, ${row.name}`;
    if (row.name === SURVIVORS) {
      const latest = SURVIVORS_LATEST[year];
      expect({ baseline: row.baseline, latest: row.latest, target: row.target }, where).to.deep.equal({ baseline: 'suppressed', latest: latest < 11 ? 'suppressed' : latest, target: 150 });
    } else {
      expect({ baseline: row.baseline, target: row.target }, where).to.deep.equal({ baseline: 40, target: 'suppressed' });
      expect(row.latest, where).to.equal(year >= 2016 ? 25 : null);
    }
    expect(row.progress, `${where}: progress would give the suppressed value back`).to.equal(null);
  }

  before(async () => {
    server = await startTestServer({ today: TODAY, anonymousRead: true });
    const data = await server.ok('{ plans { id startDate indicators { id name } } agencies { id shortName } }');
    const plan = data.plans.find((p: { startDate: string }) => p.startDate === '2013-07-01');
    planId = plan.id;
    const hsa = data.agencies.find((a: { shortName: string }) => a.shortName === 'HSA').id;
    const hsaToken = await server.newToken(Role.EDITOR, 'HSA', 'Editor of HSA');
    const hsaEditor = server.as(hsaToken);
    const { createIndicator } = await server.ok('mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }', {
      input: { planId, agencyId: hsa, name: MINORS, unit: 'people', baselineValue: 40, targetValue: 5, targetDate: '2017-06-30', sensitive: true },
    });
    indicatorIds = { [SURVIVORS]: plan.indicators.find((i: { name: string }) => i.name === SURVIVORS).id, [MINORS]: createIndicator.id };
    const record = 'mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';
    await hsaEditor.ok(record, { input: { indicatorId: createIndicator.id, value: 25, measuredOn: '2016-06-30' } });
    measurementId = (await hsaEditor.ok(record, { input: { indicatorId: indicatorIds[SURVIVORS], value: 4, measuredOn: '2015-03-31' } })).recordMeasurement.id;
    for (const year of YEARS) await server.ok('mutation ($planId: ID!, $year: Int!) { publishAnnualReport(planId: $planId, year: $year) { id } }', { planId, year });
    const token = async (role: Role, agency?: string) => server.newToken(role, agency);
    const viewerToken = await token(Role.VIEWER);
    const sfpdToken = await token(Role.EDITOR, 'SFPD');
    readers = [
      { label: 'ADMIN', insider: true, token: server.adminToken, client: server },
      { label: 'EDITOR of HSA (the owning agency)', insider: true, token: hsaToken, client: hsaEditor },
      { label: 'EDITOR of SFPD', insider: false, token: sfpdToken, client: server.as(sfpdToken) },
      { label: 'VIEWER with no agency', insider: false, token: viewerToken, client: server.as(viewerToken) },
      { label: 'anonymous', insider: false, token: null, client: server.as(null) },
    ];
  });
  after(() => server.stop());

  it('the query API and the live annual report (GraphQL, Markdown, HTML, over HTTP): outsiders get no small value and no progress of these indicators; insiders get both', async () => {
    for (const reader of readers) {
      for (const year of YEARS) {
        const rows = await liveRows(reader, year);
        expect(rows.length, `${reader.label}: the two indicators on seven paths (one each on indicator(id) and node(id))`).to.equal(14);
        for (const row of rows) {
          const where = `${reader.label}, ${year}, ${row.path}, ${row.name}`;
          if (!reader.insider) expectOutsiderRow(row, year, reader.label);
          else if (row.name === SURVIVORS) {
            expect({ baseline: row.baseline, latest: row.latest, target: row.target }, where).to.deep.equal({ baseline: 0, latest: SURVIVORS_LATEST[year], target: 150 });
            expect(row.progress, where).to.be.closeTo((100 * SURVIVORS_LATEST[year]) / 150, 0.05);
          } else {
            expect({ baseline: row.baseline, target: row.target }, where).to.deep.equal({ baseline: 40, target: 5 });
            if (year >= 2016) expect(row.progress, where).to.be.closeTo((100 * 15) / 35, 0.05);
            else expect(row.progress, where).to.equal(null);
          }
        }
      }
    }
  });

  it('measurements (the history) and the audit trail of the indicator and of a measurement: small values only for insiders, marked suppressed for the others', async () => {
    const HISTORY = 'query ($id: ID!) { indicator(id: $id) { measurements { id measuredOn value suppressed } } }';
    const TRAIL = 'query ($id: ID!) { auditTrail(entityId: $id, first: 100) { nodes { action actor changes { field before after suppressed } } } }';
    for (const reader of readers) {
      const { indicator } = await reader.client.ok(HISTORY, { id: indicatorIds[SURVIVORS] });
      const values = indicator.measurements.map((m: { value: number | null }) => m.value);
      if (reader.insider) expect(values, reader.label).to.deep.equal([8, 19, 4, 41, 67, 98, 121, 139]);
      else expect(values, reader.label).to.deep.equal([null, 19, null, 41, 67, 98, 121, 139]);
      expect(indicator.measurements.map((m: { suppressed: boolean }) => m.suppressed), reader.label).to.deep.equal(values.map((v: number | null) => v === null));

      const measurement = (await reader.client.ok(TRAIL, { id: measurementId })).auditTrail.nodes;
      const value = measurement[0].changes.find((c: { field: string }) => c.field === 'value');
      expect(value, reader.label).to.deep.equal(reader.insider ? { field: 'value', before: null, after: 4, suppressed: false } : { field: 'value', before: null, after: null, suppressed: true });
      expect(measurement[0].actor, reader.label).to.equal(reader.token === null ? null : 'Editor of HSA');

      const created = (await reader.client.ok(TRAIL, { id: indicatorIds[MINORS] })).auditTrail.nodes.find((n: { action: string }) => n.action === 'createIndicator');
      const target = created.changes.find((c: { field: string }) => c.field === 'targetValue');
      expect(target, reader.label).to.deep.equal(reader.insider ? { field: 'targetValue', before: null, after: 5, suppressed: false } : { field: 'targetValue', before: null, after: null, suppressed: true });
      expect(created.changes.find((c: { field: string }) => c.field === 'baselineValue'), reader.label).to.deep.include({ after: 40, suppressed: false });
    }
  });

  it('published editions (GraphQL and HTTP) were computed for the public: every reader, the admin too, gets no small value and no progress of these indicators', async () => {
    for (const reader of readers) {
      const { publishedReports } = await reader.client.ok(`query ($planId: ID!) { publishedReports(planId: $planId) { year url markdown html figures { ${REPORT_ROWS} } } }`, { planId });
      expect(publishedReports.map((r: { year: number }) => r.year), reader.label).to.deep.equal(YEARS);
      const headers: Record<string, string> = reader.token ? { authorization: `Bearer ${reader.token}` } : {};
      for (const edition of publishedReports) {
        const get = async (path: string) => (await fetch(`${server.url.replace(/\/graphql$/, '')}${path}`, { headers })).text();
        const rows = [
          ...edition.figures.indicators.filter((i: { name: string }) => i.name === SURVIVORS || i.name === MINORS).map((i: any) => ({ path: 'figures', name: i.name, baseline: shown(i.baseline), latest: shown(i.latest), target: shown(i.target), progress: i.progress })),
          ...markdownRows('markdown', edition.markdown),
          ...markdownRows('figures.markdown', edition.figures.markdown),
          ...htmlRows('html', edition.html),
          ...markdownRows('GET edition .md', await get(edition.url.replace(/\.html$/, '.md'))),
          ...htmlRows('GET edition .html', await get(edition.url)),
        ];
        expect(rows.length, `${reader.label}, ${edition.year}`).to.equal(12);
        for (const row of rows) expectOutsiderRow(row, edition.year, `${reader.label} (published)`);
      }
    }
  });
});
