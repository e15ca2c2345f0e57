/**
 * Concurrent writers over real HTTP against one real SQLite file (WAL on).
 *
 * a. Optimistic concurrency: N requests that all carry the same `expectedVersion` race for one
 *    entity; exactly one wins, the others get CONFLICT naming the version that won, and the
 *    audit trail records one change.
 * b. A burst of 200 mixed mutations, some deliberately invalid, fired at once: every request is
 *    answered, only the invalid ones fail (with the expected code, never an internal error),
 *    every acknowledged write can be read back, the audit trail grew by exactly the successes,
 *    and the database file passes `PRAGMA integrity_check`.
 */
import { expect } from 'chai';
import { sql, storageProblems } from '../support/database';
import { fromGlobalId } from '../../src/entities/global-id';
import { GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';
const N = 20;

interface Answer<T = any> {
  status: number;
  body: GraphQLResponse<T>;
}

/** One POST to /graphql as the test admin; resolves with the status and parsed body, or rejects if there was no JSON answer. */
async function post<T = any>(server: TestServer, query: string, variables: Record<string, unknown>): Promise<Answer<T>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphQLResponse<T>;
  try {
    body = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`HTTP ${response.status}: not JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, body };
}

function rowIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function auditCounts(server: TestServer): Promise<Map<string, number>> {
  const rows: { action: string; n: number }[] = await sql(server.dataSource, 'SELECT action, COUNT(*) AS n FROM audit_entry GROUP BY action');
  return new Map(rows.map((r) => [r.action, Number(r.n)]));
}

const TRAIL = 'query ($id: ID!) { auditTrail(entityId: $id, first: 100) { nodes { action entityType entityId changes { field before after } } } }';

describe('concurrency over HTTP', () => {
  let server: TestServer;
  let planId: string;
  let sfpd: string;
  let seq = 0;
  const next = (prefix: string) => `${prefix}${++seq}`;

  async function newGoal(code = next('CG-SETUP-')): Promise<{ id: string; version: number }> {
    const data = await server.ok('mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id version } }', { input: { planId, code, title: `Goal ${code}` } });
    return data.createGoal;
  }

  async function newMilestone(goalId: string): Promise<{ id: string; version: number }> {
    const code = next('CM-SETUP-');
    const data = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id version } }', {
      input: { goalId, code, title: `Milestone ${code}`, leadAgencyId: sfpd, startDate: '2026-01-01', dueDate: '2027-01-01' },
    });
    return data.createMilestone;
  }

  before(async () => {
    server = await startTestServer({ today: TODAY });
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    sfpd = agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
    const { createPlan } = await server.ok('mutation { createPlan(input: { title: "Concurrency plan", startDate: "2026-01-01", endDate: "2027-12-31" }) { id } }');
    planId = createPlan.id;
  });

  after(() => server?.stop());

  /** Runs N racing requests that all expect version `v`; checks one winner and N-1 CONFLICTs naming v+1. Returns the winner's index and data. */
  async function race(field: string, requests: { query: string; variables: Record<string, unknown> }[], v: number): Promise<{ winner: number; data: any }> {
    const answers = await Promise.all(requests.map((r) => post(server, r.query, r.variables)));
    const winners = answers.map((a, i) => ({ a, i })).filter(({ a }) => !a.body.errors?.length && a.body.data?.[field]);
    expect(winners, `exactly one ${field} wins; answers: ${JSON.stringify(answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'ok'))}`).to.have.length(1);
    const losers = answers.filter((_a, i) => i !== winners[0].i);
    expect(losers).to.have.length(N - 1);
    for (const loser of losers) {
      expect(loser.body.errors, JSON.stringify(loser.body)).to.have.length(1);
      expect(loser.body.errors![0].extensions).to.include({ code: 'CONFLICT', currentVersion: v + 1 });
      expect(loser.body.data ?? null, 'a loser returns no data').to.equal(null);
    }
    return { winner: winners[0].i, data: winners[0].a.body.data![field] };
  }

  describe('optimistic concurrency: N requests with the same expectedVersion', () => {
    it(`updateMilestone: of ${N} racing title changes exactly one wins, the rest are CONFLICT with currentVersion v+1, one audit entry`, async () => {
      const goal = await newGoal();
      const milestone = await newMilestone(goal.id);
      const { milestone: before } = await server.ok('query ($id: ID!) { milestone(id: $id) { version title } }', { id: milestone.id });
      const v = before.version;
      const titles = Array.from({ length: N }, (_, i) => `Raced title ${i}`);
      const query = 'mutation ($id: ID!, $title: String!, $v: Int) { updateMilestone(id: $id, input: { title: $title }, expectedVersion: $v) { id title version } }';
      const { winner, data } = await race(
        'updateMilestone',
        titles.map((title) => ({ query, variables: { id: milestone.id, title, v } })),
        v,
      );
      expect(data).to.deep.equal({ id: milestone.id, title: titles[winner], version: v + 1 });

      const { milestone: after } = await server.ok('query ($id: ID!) { milestone(id: $id) { version title } }', { id: milestone.id });
      expect(after).to.deep.equal({ version: v + 1, title: titles[winner] });

      const trail = (await server.ok(TRAIL, { id: milestone.id })).auditTrail.nodes.filter((e: { action: string }) => e.action === 'updateMilestone');
      expect(trail).to.have.length(1);
      expect(trail[0].changes).to.deep.equal([{ field: 'title', before: before.title, after: titles[winner] }]);
      const [row] = await sql(server.dataSource, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'updateMilestone' AND entity_type = 'Milestone' AND entity_row_id = ?", [rowIdOf(milestone.id)]);
      expect(Number(row.n)).to.equal(1);
    });

    it(`updateGoal: of ${N} racing title changes exactly one wins, the rest are CONFLICT with currentVersion v+1, one audit entry`, async () => {
      const goal = await newGoal();
      const { goal: before } = await server.ok('query ($id: ID!) { goal(id: $id) { version title } }', { id: goal.id });
      const v = before.version;
      const titles = Array.from({ length: N }, (_, i) => `Raced goal title ${i}`);
      const query = 'mutation ($id: ID!, $title: String!, $v: Int) { updateGoal(id: $id, input: { title: $title }, expectedVersion: $v) { id title version } }';
      const { winner, data } = await race(
        'updateGoal',
        titles.map((title) => ({ query, variables: { id: goal.id, title, v } })),
        v,
      );
      expect(data).to.deep.equal({ id: goal.id, title: titles[winner], version: v + 1 });

      const { goal: after } = await server.ok('query ($id: ID!) { goal(id: $id) { version title } }', { id: goal.id });
      expect(after).to.deep.equal({ version: v + 1, title: titles[winner] });

      const trail = (await server.ok(TRAIL, { id: goal.id })).auditTrail.nodes.filter((e: { action: string }) => e.action === 'updateGoal');
      expect(trail).to.have.length(1);
      expect(trail[0].changes).to.deep.equal([{ field: 'title', before: before.title, after: titles[winner] }]);
      const [row] = await sql(server.dataSource, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'updateGoal' AND entity_type = 'Goal' AND entity_row_id = ?", [rowIdOf(goal.id)]);
      expect(Number(row.n)).to.equal(1);
    });

    it(`moveDueDate: of ${N} racing moves exactly one wins; the losers leave no due-date change and no audit entry behind`, async () => {
      const goal = await newGoal();
      const milestone = await newMilestone(goal.id);
      const v = milestone.version;
      const dates = Array.from({ length: N }, (_, i) => addDays('2027-02-01', i));
      const query = 'mutation ($id: ID!, $d: Date!, $v: Int) { moveDueDate(id: $id, newDueDate: $d, reason: "Raced move", expectedVersion: $v) { id dueDate baselineDueDate version } }';
      const { winner, data } = await race(
        'moveDueDate',
        dates.map((d) => ({ query, variables: { id: milestone.id, d, v } })),
        v,
      );
      expect(data).to.deep.equal({ id: milestone.id, dueDate: dates[winner], baselineDueDate: '2027-01-01', version: v + 1 });

      const { milestone: after } = await server.ok('query ($id: ID!) { milestone(id: $id) { version dueDate dueDateChanges { fromDate toDate reason } } }', { id: milestone.id });
      expect(after).to.deep.equal({ version: v + 1, dueDate: dates[winner], dueDateChanges: [{ fromDate: '2027-01-01', toDate: dates[winner], reason: 'Raced move' }] });
      const [changes] = await sql(server.dataSource, 'SELECT COUNT(*) AS n FROM date_change WHERE milestone_id = ?', [rowIdOf(milestone.id)]);
      expect(Number(changes.n), 'date_change rows').to.equal(1);

      const trail = (await server.ok(TRAIL, { id: milestone.id })).auditTrail.nodes.filter((e: { action: string }) => e.action === 'moveDueDate');
      expect(trail).to.have.length(1);
      const [row] = await sql(server.dataSource, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'moveDueDate' AND entity_row_id = ?", [rowIdOf(milestone.id)]);
      expect(Number(row.n)).to.equal(1);
    });

    it(`without expectedVersion, ${N} racing updates all succeed, one after another: versions v+1 … v+${N}, the last one's title stays, ${N} audit entries`, async () => {
      const goal = await newGoal();
      const milestone = await newMilestone(goal.id);
      const v = milestone.version;
      const query = 'mutation ($id: ID!, $title: String!) { updateMilestone(id: $id, input: { title: $title }) { title version } }';
      const answers = await Promise.all(Array.from({ length: N }, (_, i) => post(server, query, { id: milestone.id, title: `Unchecked title ${i}` })));
      for (const a of answers) expect(a.body.errors, JSON.stringify(a.body.errors)).to.equal(undefined);
      const results = answers.map((a) => a.body.data.updateMilestone as { title: string; version: number });
      expect(results.map((r) => r.version).sort((x, y) => x - y)).to.deep.equal(Array.from({ length: N }, (_, i) => v + 1 + i));
      const last = results.find((r) => r.version === v + N)!;
      const { milestone: after } = await server.ok('query ($id: ID!) { milestone(id: $id) { version title } }', { id: milestone.id });
      expect(after).to.deep.equal({ version: v + N, title: last.title });
      const [row] = await sql(server.dataSource, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'updateMilestone' AND entity_row_id = ?", [rowIdOf(milestone.id)]);
      expect(Number(row.n)).to.equal(N);
    });
  });

  describe('a mutation whose write runs past timeoutMs', () => {
    let slow: TestServer;
    before(async () => {
      slow = await startTestServer({ today: TODAY, limits: { timeoutMs: 50 } });
    });
    after(() => slow?.stop());

    // The commit is slowed (150 ms, in-process) past timeoutMs (50 ms) to make the race deterministic.
    it('a request refused for taking too long has written nothing (an error means no write)', async () => {
      const ds = slow.dataSource as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
      const original = ds.transaction;
      ds.transaction = async (...args: unknown[]) => {
        const result = await original.apply(slow.dataSource, args);
        await new Promise((resolve) => setTimeout(resolve, 150));
        return result;
      };
      try {
        const answer = await post(slow, 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name } }', {
          input: { name: 'Slow Write Agency', shortName: 'SLOW', kind: 'OTHER', jurisdiction: 'CITY' },
        });
        const [{ n }] = await sql(slow.dataSource, "SELECT COUNT(*) AS n FROM agency WHERE name = 'Slow Write Agency'");
        if (answer.body.errors?.length) expect(Number(n), `refused with ${JSON.stringify(answer.body.errors)}, yet written`).to.equal(0);
        else expect(Number(n), 'acknowledged and written').to.equal(1);
      } finally {
        ds.transaction = original;
      }
    });
  });

  describe('SQLite under 200 concurrent mixed mutations', () => {
    type Expected = 'ok' | 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
    interface Op {
      label: string;
      /** The audit action a success writes (one entry each). */
      action: string;
      query: string;
      variables: Record<string, unknown>;
      expected: Expected;
      /** The mutation field in `data`. */
      field: string;
    }

    const REPORT = 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id percentComplete reportedOn milestone { id } } }';
    const UPDATE_TITLE = 'mutation ($id: ID!, $title: String!, $v: Int) { updateMilestone(id: $id, input: { title: $title }, expectedVersion: $v) { id title version } }';
    const CREATE_AGENCY = 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name shortName version } }';
    const ADD_PARTNER = 'mutation ($m: ID!, $a: ID!, $role: PartnerRole!) { addPartner(milestoneId: $m, agencyId: $a, role: $role) { id } }';
    const REMOVE_PARTNER = 'mutation ($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id } }';
    const CREATE_GOAL = 'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id code title version } }';
    const MOVE = 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveDueDate(id: $id, newDueDate: $d, reason: $reason) { id dueDate version } }';

    it('every request is answered, only the deliberately invalid ones fail, every acknowledged write is there, the audit grew by the successes, integrity_check is ok', async function () {
      this.timeout(120_000);
      // Setup, sequentially: one goal, 20 milestones led by SFPD, four other agencies, 20 partner links to remove later.
      const baseGoal = await newGoal('C0');
      const milestones: { id: string; version: number }[] = [];
      for (let i = 0; i < 20; i++) milestones.push(await newMilestone(baseGoal.id));
      const { agencies } = await server.ok('{ agencies { id shortName } }');
      const others: string[] = agencies.filter((a: { shortName: string }) => a.shortName !== 'SFPD').map((a: { id: string }) => a.id);
      expect(others.length, 'seeded agencies besides SFPD').to.be.at.least(4);
      const removable: { m: string; a: string }[] = [];
      for (let i = 15; i < 20; i++) {
        for (let j = 0; j < 4; j++) {
          await server.ok(ADD_PARTNER, { m: milestones[i].id, a: others[j], role: 'CONSULTED' });
          removable.push({ m: milestones[i].id, a: others[j] });
        }
      }
      await server.ok(CREATE_AGENCY, { input: { name: 'Concurrency Existing Agency', shortName: 'CEXIST', kind: 'OTHER', jurisdiction: 'CITY' } });

      const ops: Op[] = [];
      // 50 progress reports on milestones 0–9, dates increasing with the index, all on or before today.
      for (let k = 0; k < 50; k++) {
        ops.push({
          label: `report ${k}`,
          action: 'reportProgress',
          field: 'reportProgress',
          query: REPORT,
          variables: { input: { milestoneId: milestones[k % 10].id, percentComplete: k, reportedOn: addDays('2026-01-01', k * 6), note: `burst ${k}` } },
          expected: 'ok',
        });
      }
      // 30 title changes on milestones 10–14 (six racing per milestone, no expectedVersion: all must succeed).
      for (let k = 0; k < 30; k++) {
        ops.push({ label: `title ${k}`, action: 'updateMilestone', field: 'updateMilestone', query: UPDATE_TITLE, variables: { id: milestones[10 + (k % 5)].id, title: `Burst title ${k}` }, expected: 'ok' });
      }
      // 30 new agencies, unique names.
      for (let k = 0; k < 30; k++) {
        ops.push({
          label: `agency ${k}`,
          action: 'createAgency',
          field: 'createAgency',
          query: CREATE_AGENCY,
          variables: { input: { name: `Concurrent Agency ${k}`, shortName: `CONC${k}`, kind: 'COMMUNITY_ORGANIZATION', jurisdiction: 'NONPROFIT' } },
          expected: 'ok',
        });
      }
      // 20 new partner links (milestones 0–9 × two agencies), 20 removals of the links made above.
      const added: { m: string; a: string }[] = [];
      for (let i = 0; i < 10; i++) {
        for (let j = 0; j < 2; j++) {
          added.push({ m: milestones[i].id, a: others[j] });
          ops.push({ label: `addPartner ${i}/${j}`, action: 'addPartner', field: 'addPartner', query: ADD_PARTNER, variables: { m: milestones[i].id, a: others[j], role: 'SUPPORT' }, expected: 'ok' });
        }
      }
      for (const [k, link] of removable.entries()) {
        ops.push({ label: `removePartner ${k}`, action: 'removePartner', field: 'removePartner', query: REMOVE_PARTNER, variables: link, expected: 'ok' });
      }
      // 25 new goals, unique codes.
      for (let k = 0; k < 25; k++) {
        ops.push({ label: `goal ${k}`, action: 'createGoal', field: 'createGoal', query: CREATE_GOAL, variables: { input: { planId, code: `CG${k}`, title: `Burst goal ${k}` } }, expected: 'ok' });
      }
      // 15 due-date moves on milestones 5–9 (three each), all to distinct dates.
      for (let k = 0; k < 15; k++) {
        ops.push({ label: `move ${k}`, action: 'moveDueDate', field: 'moveDueDate', query: MOVE, variables: { id: milestones[5 + (k % 5)].id, d: addDays('2027-02-01', k), reason: `Burst move ${k}` }, expected: 'ok' });
      }
      // 10 deliberately invalid.
      const invalid: Omit<Op, 'action'>[] = [
        { label: 'percent 150', field: 'reportProgress', query: REPORT, variables: { input: { milestoneId: milestones[0].id, percentComplete: 150 } }, expected: 'BAD_USER_INPUT' },
        { label: 'percent -1', field: 'reportProgress', query: REPORT, variables: { input: { milestoneId: milestones[1].id, percentComplete: -1 } }, expected: 'BAD_USER_INPUT' },
        { label: 'report in the future', field: 'reportProgress', query: REPORT, variables: { input: { milestoneId: milestones[2].id, percentComplete: 10, reportedOn: '2026-12-25' } }, expected: 'BAD_USER_INPUT' },
        { label: 'duplicate goal code', field: 'createGoal', query: CREATE_GOAL, variables: { input: { planId, code: 'C0', title: 'Duplicate' } }, expected: 'CONFLICT' },
        { label: 'duplicate goal code again', field: 'createGoal', query: CREATE_GOAL, variables: { input: { planId, code: 'C0', title: 'Duplicate again' } }, expected: 'CONFLICT' },
        {
          label: 'duplicate agency name',
          field: 'createAgency',
          query: CREATE_AGENCY,
          variables: { input: { name: 'Concurrency Existing Agency', shortName: 'CEXIST2', kind: 'OTHER', jurisdiction: 'CITY' } },
          expected: 'CONFLICT',
        },
        { label: 'stale expectedVersion', field: 'updateMilestone', query: UPDATE_TITLE, variables: { id: milestones[16].id, title: 'Never', v: 999 }, expected: 'CONFLICT' },
        { label: 'blank reason', field: 'moveDueDate', query: MOVE, variables: { id: milestones[16].id, d: '2027-03-01', reason: '   ' }, expected: 'BAD_USER_INPUT' },
        { label: 'lead as partner', field: 'addPartner', query: ADD_PARTNER, variables: { m: milestones[17].id, a: sfpd, role: 'SUPPORT' }, expected: 'BAD_USER_INPUT' },
        { label: 'remove a non-partner', field: 'removePartner', query: REMOVE_PARTNER, variables: { m: milestones[18].id, a: others[5] ?? sfpd }, expected: 'NOT_FOUND' },
      ];
      for (const op of invalid) ops.push({ ...op, action: '(none)' });
      expect(ops).to.have.length(200);

      const auditBefore = await auditCounts(server);
      const [{ n: auditTotalBefore }] = await sql(server.dataSource, 'SELECT COUNT(*) AS n FROM audit_entry');
      const order = shuffled(ops, 20261128);
      const started = Date.now();
      const settled = await Promise.allSettled(order.map((op) => post(server, op.query, op.variables)));
      const elapsed = Date.now() - started;

      // Every request got a JSON answer.
      const unanswered = settled.map((s, i) => ({ s, op: order[i] })).filter(({ s }) => s.status === 'rejected');
      expect(unanswered.map(({ s, op }) => `${op.label}: ${(s as PromiseRejectedResult).reason}`), 'unanswered requests').to.deep.equal([]);
      const answers = settled.map((s) => (s as PromiseFulfilledResult<Answer>).value);

      // Only the invalid ones failed, each with its expected code; nothing internal.
      const outcome = (a: Answer): string => (a.body.errors?.length ? String(a.body.errors[0].extensions?.code) : a.body.data ? 'ok' : 'no data');
      const surprises = order.map((op, i) => ({ op, got: outcome(answers[i]), body: answers[i].body })).filter(({ op, got }) => got !== op.expected);
      expect(
        surprises.map(({ op, got, body }) => `${op.label}: expected ${op.expected}, got ${got} ${JSON.stringify(body.errors ?? [])}`),
        'unexpected outcomes',
      ).to.deep.equal([]);
      expect(answers.filter((a) => JSON.stringify(a.body).includes('INTERNAL_SERVER_ERROR'))).to.deep.equal([]);
      const okCount = order.filter((op) => op.expected === 'ok').length;
      const rejected = order.length - okCount;
      console.log(`      200 concurrent mutations: ${okCount} ok, ${rejected} rejected as intended, in ${elapsed} ms`);

      const dataOf = (label: string): any => {
        const i = order.findIndex((op) => op.label === label);
        return answers[i].body.data![order[i].field];
      };

      // Every acknowledged write is there.
      // Progress reports: each returned update exists with its figure and date.
      const reported = new Map<string, { id: string; percentComplete: number; reportedOn: string }[]>();
      for (let k = 0; k < 50; k++) {
        const data = dataOf(`report ${k}`);
        expect(data).to.deep.include({ percentComplete: k, reportedOn: addDays('2026-01-01', k * 6) });
        const m = data.milestone.id as string;
        reported.set(m, [...(reported.get(m) ?? []), { id: data.id, percentComplete: k, reportedOn: addDays('2026-01-01', k * 6) }]);
      }
      const MILESTONE_STATE = 'query ($id: ID!) { milestone(id: $id) { title version dueDate updates { id percentComplete reportedOn } partners { agency { id } role } dueDateChanges { toDate reason } } }';
      const state = new Map<string, any>();
      for (const m of milestones) state.set(m.id, (await server.ok(MILESTONE_STATE, { id: m.id })).milestone);
      for (const [m, updates] of reported) {
        const byDate = (x: { reportedOn: string }, y: { reportedOn: string }) => x.reportedOn.localeCompare(y.reportedOn);
        expect(state.get(m).updates, 'progress updates of a milestone').to.deep.equal([...updates].sort(byDate));
      }
      // Titles: per milestone the answers carry distinct consecutive versions, and the highest one's title stayed.
      for (let i = 10; i < 15; i++) {
        const mine = Array.from({ length: 30 }, (_, k) => k)
          .filter((k) => k % 5 === i - 10)
          .map((k) => dataOf(`title ${k}`) as { id: string; title: string; version: number });
        const v0 = milestones[i].version;
        expect(mine.map((r) => r.version).sort((x, y) => x - y)).to.deep.equal(mine.map((_r, j) => v0 + 1 + j));
        const last = mine.reduce((x, y) => (y.version > x.version ? y : x));
        expect({ title: state.get(milestones[i].id).title, version: state.get(milestones[i].id).version }).to.deep.equal({ title: last.title, version: last.version });
      }
      // Due-date moves: three each, consecutive versions, the highest one's date in effect, three recorded changes.
      for (let i = 5; i < 10; i++) {
        const mine = Array.from({ length: 15 }, (_, k) => k).filter((k) => k % 5 === i - 5);
        const results = mine.map((k) => dataOf(`move ${k}`) as { id: string; dueDate: string; version: number });
        const v0 = milestones[i].version;
        expect(results.map((r) => r.version).sort((x, y) => x - y)).to.deep.equal([v0 + 1, v0 + 2, v0 + 3]);
        const last = results.reduce((x, y) => (y.version > x.version ? y : x));
        const s = state.get(milestones[i].id);
        expect({ dueDate: s.dueDate, version: s.version }).to.deep.equal({ dueDate: last.dueDate, version: last.version });
        expect(s.dueDateChanges.map((c: { toDate: string; reason: string }) => `${c.toDate} ${c.reason}`).sort()).to.deep.equal(mine.map((k) => `${addDays('2027-02-01', k)} Burst move ${k}`).sort());
      }
      // Partners: the added links are there as SUPPORT, the removed ones are gone.
      for (const link of added) {
        expect(state.get(link.m).partners, 'added partner').to.deep.include({ agency: { id: link.a }, role: 'SUPPORT' });
      }
      for (let i = 15; i < 20; i++) expect(state.get(milestones[i].id).partners, 'removed partners').to.deep.equal([]);
      // Agencies and goals: each one created is listed, with what was sent.
      const { agencies: after } = await server.ok('{ agencies { id name shortName } }');
      const agencyById = new Map(after.map((a: { id: string }) => [a.id, a]));
      for (let k = 0; k < 30; k++) {
        const created = dataOf(`agency ${k}`);
        expect(agencyById.get(created.id)).to.deep.equal({ id: created.id, name: `Concurrent Agency ${k}`, shortName: `CONC${k}` });
      }
      expect(after.filter((a: { name: string }) => a.name === 'Concurrency Existing Agency')).to.have.length(1);
      const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { goals(all: true) { id code title } } }', { id: planId });
      const goalById = new Map(plan.goals.map((g: { id: string }) => [g.id, g]));
      for (let k = 0; k < 25; k++) {
        const created = dataOf(`goal ${k}`);
        expect(goalById.get(created.id)).to.deep.equal({ id: created.id, code: `CG${k}`, title: `Burst goal ${k}` });
      }
      expect(plan.goals.filter((g: { code: string }) => g.code === 'C0')).to.have.length(1);

      // The audit trail grew by exactly one entry per success, per action.
      const auditAfter = await auditCounts(server);
      const expectedGrowth = new Map<string, number>();
      for (const op of ops) if (op.expected === 'ok') expectedGrowth.set(op.action, (expectedGrowth.get(op.action) ?? 0) + 1);
      const growth = Object.fromEntries([...new Set([...auditBefore.keys(), ...auditAfter.keys()])].map((a) => [a, (auditAfter.get(a) ?? 0) - (auditBefore.get(a) ?? 0)]).filter(([, n]) => n !== 0));
      expect(growth).to.deep.equal(Object.fromEntries(expectedGrowth));
      const [{ n: auditTotalAfter }] = await sql(server.dataSource, 'SELECT COUNT(*) AS n FROM audit_entry');
      expect(Number(auditTotalAfter) - Number(auditTotalBefore)).to.equal(okCount);

      // The stored data is sound.
      expect(await storageProblems(server.dataSource)).to.deep.equal([]);
    });
  });
});
