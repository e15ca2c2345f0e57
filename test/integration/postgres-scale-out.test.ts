/**
 * Scale-out on PostgreSQL: two real Cairn processes (`node dist/src/main.js`) on one database,
 * as two hosts behind a load balancer would be. A write through either is read back through the
 * other at once, and optimistic concurrency holds across them: the version check is the UPDATE's
 * own WHERE clause, so the database decides, not a lock inside one process. The checks a write
 * makes before it writes (unique names, dependency cycles) hold across processes too, and so does
 * start-up: processes started together on an empty database migrate and seed it once.
 * Needs DATABASE_URL=postgres://…; skipped (with a message) without it.
 */
import { expect } from 'chai';
import { Client } from 'pg';
import { freshDatabase, onPostgres, TestDatabase } from '../support/database';
import { devToken, ServerProcess } from '../support/server-process';

const TODAY = '2026-11-28';

async function post(server: ServerProcess, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function ok(server: ServerProcess, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await post(server, token, query, variables);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe('scale-out: two Cairn processes on one PostgreSQL database', function () {
  this.timeout(120_000);
  let database: TestDatabase | undefined;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let token: string;

  before(async function () {
    if (!onPostgres) {
      console.log('      (skipped: PostgreSQL tests need DATABASE_URL=postgres://…; .ci/run sets it)');
      this.skip();
    }
    database = await freshDatabase();
    const env = { ...database.env, CAIRN_TODAY: TODAY };
    a = await ServerProcess.start(env); // migrates and loads the sample plans
    b = await ServerProcess.start({ ...env, CAIRN_SEED: 'false' });
    token = await devToken(env);
  });

  after(async () => {
    await Promise.all([a?.stop('SIGTERM'), b?.stop('SIGTERM')]);
    await database?.drop();
  });

  it('serves the same data from both', async () => {
    const query = '{ plans { id title goals { code milestones { code status progress } } } }';
    expect(await ok(b!, token, query)).to.deep.equal(await ok(a!, token, query));
  });

  it('a write through one process is read back through the other at once', async () => {
    const { createAgency } = await ok(a!, token, 'mutation { createAgency(input: { name: "Scale-out Agency", shortName: "SOA", kind: GOVERNMENT, jurisdiction: CITY }) { id } }');
    expect((await ok(b!, token, 'query ($id: ID!) { node(id: $id) { ... on Agency { name shortName } } }', { id: createAgency.id })).node).to.deep.equal({ name: 'Scale-out Agency', shortName: 'SOA' });

    const { plans } = await ok(a!, token, '{ plans { startDate goals { milestones { id completedOn cancelledOn } } } }');
    const current = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01');
    const open = current.goals.flatMap((g: { milestones: { id: string; completedOn: string | null; cancelledOn: string | null }[] }) => g.milestones).find((m: { completedOn: string | null; cancelledOn: string | null }) => !m.completedOn && !m.cancelledOn);
    await ok(b!, token, 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id } }', { input: { milestoneId: open.id, percentComplete: 97, note: 'reported through B' } });
    const read = await ok(a!, token, 'query ($id: ID!) { milestone(id: $id) { progress updates { note } } }', { id: open.id });
    expect(read.milestone.progress).to.equal(97);
    expect(read.milestone.updates.map((u: { note: string }) => u.note)).to.include('reported through B');
  });

  it('with DATABASE_REPLICA_URLS, reads go through the replica configuration and writes still land', async () => {
    // Here the "replica" is the primary itself: this shows the configuration path works end to end.
    const c = await ServerProcess.start({ ...database!.env, CAIRN_TODAY: TODAY, CAIRN_SEED: 'false', DATABASE_REPLICA_URLS: database!.options.databaseUrl! });
    try {
      const query = '{ plans { title goals { code } } }';
      expect(await ok(c, token, query)).to.deep.equal(await ok(a!, token, query));
      const { createAgency } = await ok(c, token, 'mutation { createAgency(input: { name: "Replica Agency", shortName: "RPA", kind: GOVERNMENT, jurisdiction: CITY }) { id } }');
      expect((await ok(a!, token, 'query ($id: ID!) { node(id: $id) { ... on Agency { shortName } } }', { id: createAgency.id })).node).to.deep.equal({ shortName: 'RPA' });
    } finally {
      await c.stop('SIGTERM');
    }
  });

  it('the checks before a write hold across processes: of 10 racing creates of one agency name, one wins, 9 are CONFLICT', async () => {
    const query = 'mutation ($name: String!) { createAgency(input: { name: $name, shortName: "RACE", kind: OTHER, jurisdiction: CITY }) { id } }';
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? b! : a!, token, query, { name: `Racing Agency ${i}` })));
    expect(results.filter((r) => !r.errors), JSON.stringify(results)).to.have.length(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').map((r) => r.errors[0].message)).to.have.length(9).and.to.satisfy((messages: string[]) => messages.every((m) => m.includes('this short name already exists') && !m.includes('RACE')));
  });

  it('dependency cycles are refused across processes: of A→B through one and B→A through the other, one wins', async () => {
    const { plans } = await ok(a!, token, '{ plans { goals { milestones { id dependsOn { id } dependents { id } } } } }');
    const free = plans[1].goals.flatMap((g: { milestones: { id: string; dependsOn: unknown[]; dependents: unknown[] }[] }) => g.milestones).filter((m: { dependsOn: unknown[]; dependents: unknown[] }) => m.dependsOn.length === 0 && m.dependents.length === 0);
    expect(free.length).to.be.at.least(6);
    const query = 'mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }';
    for (let pair = 0; pair + 1 < 6; pair += 2) {
      const [x, y] = [free[pair].id, free[pair + 1].id];
      const results = await Promise.all([post(a!, token, query, { m: x, d: y }), post(b!, token, query, { m: y, d: x })]);
      expect(results.filter((r) => !r.errors), JSON.stringify(results)).to.have.length(1);
      const refused = results.find((r) => r.errors)!;
      expect(refused.errors[0].extensions.code).to.equal('BAD_USER_INPUT');
      expect(refused.errors[0].message).to.match(/would make a cycle/);
    }
  });

  it('optimistic concurrency holds across processes: of 20 racing updates with one version, exactly one wins', async () => {
    const { plans } = await ok(a!, token, '{ plans { goals { milestones { id version title } } } }');
    const milestone = plans[0].goals[0].milestones[0];
    const query = 'mutation ($id: ID!, $title: String!, $v: Int) { updateMilestone(id: $id, input: { title: $title }, expectedVersion: $v) { version } }';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 ? b! : a!, token, query, { id: milestone.id, title: `Raced across processes ${i}`, v: milestone.version })),
    );
    const winners = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(winners, JSON.stringify(results)).to.have.length(1);
    expect(conflicts).to.have.length(19);
    for (const c of conflicts) expect(c.errors[0].extensions.currentVersion).to.equal(milestone.version + 1);

    const client = new Client({ connectionString: database!.options.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT COUNT(*)::int AS n FROM audit_entry WHERE action = 'updateMilestone' AND entity_row_id = (SELECT id FROM milestone WHERE title LIKE 'Raced across processes %')");
      expect(rows[0].n).to.equal(1);
    } finally {
      await client.end();
    }
  });
});

describe('scale-out: Cairn processes started together on one empty PostgreSQL database', function () {
  this.timeout(120_000);

  it('all come up; the schema is migrated and the sample plans are loaded once', async function () {
    if (!onPostgres) {
      console.log('      (skipped: PostgreSQL tests need DATABASE_URL=postgres://…; .ci/run sets it)');
      this.skip();
    }
    const database = await freshDatabase();
    const started = await Promise.allSettled(Array.from({ length: 3 }, () => ServerProcess.start({ ...database.env, CAIRN_TODAY: TODAY })));
    try {
      const failures = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
      expect(failures, failures.join('\n')).to.deep.equal([]);
      const client = new Client({ connectionString: database.options.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT title, COUNT(*)::int AS n FROM plan GROUP BY title ORDER BY title');
        expect(rows.length).to.be.at.least(1);
        expect(rows.filter((r) => r.n !== 1), JSON.stringify(rows)).to.deep.equal([]);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop('SIGTERM') : undefined)));
      await database.drop();
    }
  });
});
