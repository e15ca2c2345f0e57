/**
 * Heavy queries offloaded to worker threads (CAIRN_OFFLOAD_COST) answer exactly as on the main
 * thread: two real servers over identical databases, one offloading every query (threshold 1),
 * one none (0), get the same requests and must give byte-for-byte the same status and body.
 * Then: the deadline applies in the worker, a dead worker costs one request and is replaced,
 * and stopping the server ends the workers.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/domain/enums';
import { toGlobalId } from '../../src/entities/global-id';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';

interface Raw {
  status: number;
  contentType: string | null;
  text: string;
}

async function post(server: TestServer, token: string, query: string, variables?: Record<string, unknown>): Promise<Raw> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

function readmeQueries(): string[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.split('## Example queries')[1].split('\n## ')[0];
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const DASHBOARD = `query ($id: ID!) {
  plan(id: $id) { title health progress goals(all: true) { code health progress milestones { code status progress statusReason leadAgency { shortName } } } }
}`;

describe('Offloading heavy queries to worker threads', () => {
  describe('the same responses with offload forced (threshold 1) and disabled (0)', () => {
    let offloaded: TestServer;
    let inline: TestServer;
    /** The same kinds of viewers on both servers (fresh databases give them the same IDs). */
    const tokens: Record<string, [string, string]> = {};

    before(async () => {
      [offloaded, inline] = await Promise.all([startTestServer({ today: TODAY, offloadCost: 1 }), startTestServer({ today: TODAY, offloadCost: 0 })]);
      expect(offloaded.readPool, 'the offloading server has workers').to.not.equal(undefined);
      expect(inline.readPool).to.equal(undefined);
      tokens.admin = [offloaded.adminToken, inline.adminToken];
      for (const [label, role, agency] of [['viewer', Role.VIEWER, undefined], ['sfdaEditor', Role.EDITOR, 'SFDA'], ['sfpdEditor', Role.EDITOR, 'SFPD']] as const) {
        tokens[label] = [await offloaded.newToken(role, agency), await inline.newToken(role, agency)];
      }
    });

    after(() => Promise.all([offloaded?.stop(), inline?.stop()]));

    async function expectSame(who: string, query: string, variables?: Record<string, unknown>): Promise<Raw> {
      const a = await post(offloaded, tokens[who][0], query, variables);
      const b = await post(inline, tokens[who][1], query, variables);
      expect(a, `${who}: ${query}`).to.deep.equal(b);
      return a;
    }

    it('the README examples', async () => {
      const queries = readmeQueries();
      expect(queries).to.have.length(3);
      for (const query of queries) expect((await expectSame('admin', query)).text).to.not.include('"errors"');
    });

    it('a plan dashboard, plan → goals → milestones, for each kind of viewer', async () => {
      const { current, first } = await samplePlans(offloaded.as(offloaded.adminToken));
      for (const who of Object.keys(tokens)) {
        for (const id of [current, first]) expect(JSON.parse((await expectSame(who, DASHBOARD, { id })).text).data.plan.goals).to.not.be.empty;
      }
    });

    it('history: as of past dates', async () => {
      const { first } = await samplePlans(offloaded.as(offloaded.adminToken));
      const query = 'query ($id: ID!, $d: Date) { plan(id: $id) { progress(asOf: $d) health(asOf: $d) statusCounts(asOf: $d) { total OVERDUE AT_RISK COMPLETED } goals { code progress(asOf: $d) } } }';
      for (const d of ['2014-06-30', '2015-06-30', '2017-06-30']) await expectSame('viewer', query, { id: first, d });
    });

    it('errors: NOT_FOUND, FORBIDDEN, invalid input, variables that do not fit', async () => {
      const missing = await expectSame('admin', 'query ($id: ID!) { milestone(id: $id) { code status } }', { id: toGlobalId('Milestone', 99_999) });
      expect(JSON.parse(missing.text).errors[0].extensions.code).to.equal('NOT_FOUND');
      const { current } = await samplePlans(offloaded.as(offloaded.adminToken));
      const forbidden = await expectSame('viewer', 'query ($p: ID!) { auditTrail(planId: $p, first: 10) { nodes { action } } }', { p: current });
      expect(JSON.parse(forbidden.text).errors[0].extensions.code).to.equal('FORBIDDEN');
      const invalid = await expectSame('admin', '{ milestones(first: 100000) { totalCount } }');
      expect(JSON.parse(invalid.text).errors[0].extensions.code).to.equal('BAD_USER_INPUT');
      await expectSame('admin', 'query ($id: ID!) { plan(id: $id) { title } }', { id: 42 });
      await expectSame('admin', '{ plan(id: "nonsense") { title } }');
    });

    it('restricted (PARTNERS) milestones: outsiders do not see them, by list or by ID', async () => {
      const { milestones } = await offloaded.as(offloaded.adminToken).ok('{ milestones(filter: { visibility: PARTNERS }, first: 100) { nodes { id } } }');
      expect(milestones.nodes).to.not.be.empty;
      for (const who of ['sfdaEditor', 'sfpdEditor', 'viewer']) {
        await expectSame(who, '{ milestones(filter: { visibility: PARTNERS }, first: 100) { totalCount nodes { id code title leadAgency { shortName } } } }');
        for (const { id } of milestones.nodes.slice(0, 3)) {
          await expectSame(who, 'query ($id: ID!) { node(id: $id) { id ... on Milestone { code } } }', { id });
          await expectSame(who, 'query ($id: ID!) { milestone(id: $id) { code title } }', { id });
        }
      }
    });

    it('the heavy reads really ran in a worker: the main thread sent only the token lookup', async () => {
      const { current } = await samplePlans(offloaded.as(offloaded.adminToken));
      const count = async (server: TestServer) => {
        const before = server.statements.count;
        await post(server, server.adminToken, DASHBOARD, { id: current });
        return server.statements.count - before;
      };
      const [a, b] = [await count(offloaded), await count(inline)];
      expect(a, `${a} statements on the main thread offloaded, ${b} inline`).to.be.lessThan(b);
      expect(a).to.be.at.most(2);
    });

    // Was a bug until i11: an operation whose cost could not be measured (or was measured without its
    // introspection) ran unchecked; 20 copies of every type with its fields were served by a worker.
    it('refused operations never reach a worker: over a limit, with variables that do not fit, or invalid', async () => {
      const pool = offloaded.readPool!;
      const sent = pool.jobsSent;
      const typesWithFields = 'types { name fields { name description type { name kind } args { name description } } }';
      const refused: [string, Record<string, unknown>?][] = [
        [`{ __schema { ${Array.from({ length: 20 }, (_, i) => `t${i}: ${typesWithFields}`).join(' ')} } }`],
        ['{ plans { goals(all: true) { milestones { updates { milestone { updates { id } } } } } } }'],
        [['{ ...F0 }', ...Array.from({ length: 22 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`), 'fragment F22 on Query { __typename }'].join('\n')],
        ['query ($first: Int) { milestones(first: $first) { totalCount } }', { first: 'ten' }],
        ['{ plans { nope } }'],
      ];
      for (const [query, variables] of refused) expect((await expectSame('admin', query, variables)).status, query.slice(0, 80)).to.equal(400);
      expect(pool.jobsSent, 'jobs sent to a worker').to.equal(sent);
      await expectSame('admin', '{ __schema { types { name kind } } }');
      expect(pool.jobsSent, 'a query within the limits goes to a worker').to.equal(sent + 1);
    });

    it('mutations stay on the main thread, and offloaded reads see their writes at once', async () => {
      const { current } = await samplePlans(offloaded.as(offloaded.adminToken));
      const { plan } = await offloaded.as(offloaded.adminToken).ok('query ($id: ID!) { plan(id: $id) { goals { milestones { id completedOn cancelledOn } } } }', { id: current });
      const open = plan.goals.flatMap((g: { milestones: { id: string; completedOn: string | null; cancelledOn: string | null }[] }) => g.milestones).find((m: { completedOn: string | null; cancelledOn: string | null }) => !m.completedOn && !m.cancelledOn);
      const mutation = 'mutation ($id: ID!) { reportProgress(input: { milestoneId: $id, percentComplete: 55, note: "offload" }) { milestone { progress } } }';
      const before = offloaded.statements.count;
      const written = await offloaded.as(offloaded.adminToken).ok(mutation, { id: open.id });
      expect(offloaded.statements.count - before, 'the write ran on the main thread').to.be.greaterThan(2);
      expect(written.reportProgress.milestone.progress).to.equal(55);
      const read = await offloaded.as(offloaded.adminToken).ok('query ($id: ID!) { milestone(id: $id) { progress updates { note } } }', { id: open.id });
      expect(read.milestone.progress).to.equal(55);
      expect(read.milestone.updates.map((u: { note: string }) => u.note)).to.include('offload');
    });
  });

  describe('deadline, a dying worker, stopping', () => {
    let server: TestServer;
    let planId: string;

    before(async () => {
      server = await startTestServer({ today: TODAY, seed: false, offloadCost: 1 });
      planId = await insertSyntheticPlan(server.dataSource, syntheticPlan({ milestones: 2000, seed: 1, today: server.today }));
    });

    after(() => server?.stop());

    it('a worker that dies mid-query costs that request an INTERNAL_SERVER_ERROR (no stack trace); the next one succeeds', async () => {
      const pool = server.readPool!;
      const [worker] = pool.threads;
      const pending = post(server, server.adminToken, DASHBOARD, { id: planId });
      while (pool.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      await worker.terminate();
      const failed = await pending;
      expect(failed.status).to.equal(500);
      const body = JSON.parse(failed.text);
      expect(body.errors).to.have.length(1);
      expect(body.errors[0].message).to.equal('Internal server error.');
      expect(body.errors[0].extensions.code).to.equal('INTERNAL_SERVER_ERROR');
      expect(body.errors[0].extensions.requestId).to.be.a('string');
      expect(failed.text).to.not.match(/stack|read-worker|exit code/i);

      expect(pool.threads).to.have.length(1);
      expect(pool.threads[0]).to.not.equal(worker);
      const next = JSON.parse((await post(server, server.adminToken, DASHBOARD, { id: planId })).text);
      expect(next.errors).to.equal(undefined);
      expect(next.data.plan.goals.flatMap((g: { milestones: unknown[] }) => g.milestones)).to.have.length(2000);
    });

    it('stop() ends the workers', async () => {
      const local = await startTestServer({ today: TODAY, offloadCost: 1, readWorkers: 2 });
      const threads = local.readPool!.threads;
      expect(threads).to.have.length(2);
      const exits = threads.map((t) => new Promise((resolve) => t.once('exit', resolve)));
      await local.stop();
      await Promise.all(exits);
      expect(local.readPool!.threads).to.have.length(0);
    });
  });

  describe('the execution deadline applies in the worker', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ today: TODAY, offloadCost: 1, limits: { timeoutMs: 1 } });
    });
    after(() => server?.stop());

    it('a query past timeoutMs is stopped with the error naming timeoutMs', async () => {
      const [plan] = await server.dataSource.query('SELECT id FROM plan ORDER BY id DESC LIMIT 1');
      const r = await post(server, server.adminToken, DASHBOARD, { id: toGlobalId('Plan', plan.id) });
      expect(r.status, r.text).to.equal(400);
      const body = JSON.parse(r.text);
      expect(body.data ?? null).to.equal(null);
      const error = body.errors.find((e: { extensions?: { limit?: { name: string } } }) => e.extensions?.limit?.name === 'timeoutMs');
      expect(error, r.text).to.not.equal(undefined);
      expect(error.extensions.code).to.equal('BAD_USER_INPUT');
    });
  });
});
