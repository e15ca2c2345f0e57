/**
 * Abuse limits over real HTTP: page size, query depth, aliases, field count, estimated cost
 * (variables included), request body size and execution time — each at its default and at a
 * small configured value. Over a limit the answer is HTTP 400 whose message names the limit and
 * the measured value, with `extensions.limit = { name, max, measured }`; a refused request
 * changes nothing (every table fingerprinted before and after).
 */
import { expect } from 'chai';
import { sql } from '../support/database';
import { getIntrospectionQuery } from 'graphql';
import { DEFAULT_LIMITS, Limits, loadConfig } from '../../src/config';
import { toGlobalId } from '../../src/entities/global-id';
import { databaseFingerprint, startTestServer, TestServer } from '../support/test-server';

type Vars = Record<string, unknown>;

interface RawResponse {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

/** POSTs as the admin, returning status, raw text and parsed body. */
async function post(server: TestServer, payload: string | { query: string; variables?: Vars }): Promise<RawResponse> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` }, body });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

/** The response is a 400 refusal naming the limit, its maximum and the measured value, with no data. */
function expectRefused(r: RawResponse, name: keyof Limits, max: number, measured?: number): number {
  expect(r.status, r.text).to.equal(400);
  expect(r.body.data ?? null, 'no data').to.equal(null);
  expect(r.body.errors, r.text).to.be.an('array').with.length.greaterThan(0);
  const error = r.body.errors!.find((e) => e.extensions?.limit) ?? r.body.errors![0];
  expect(error.extensions?.code, r.text).to.equal('BAD_USER_INPUT');
  const limit = error.extensions?.limit as { name: string; max: number; measured: number };
  expect(limit, r.text).to.be.an('object');
  expect(limit.name).to.equal(name);
  expect(limit.max).to.equal(max);
  if (measured !== undefined) expect(limit.measured).to.equal(measured);
  expect(limit.measured).to.be.greaterThan(max);
  expect(error.message).to.contain(`(${name})`);
  expect(error.message).to.contain(String(limit.measured));
  expect(error.message).to.contain(String(max));
  expect(r.text).to.not.match(/stacktrace/i);
  return limit.measured;
}

function expectOk(r: RawResponse): any {
  expect(r.status, r.text).to.equal(200);
  expect(r.body.errors, r.text).to.equal(undefined);
  return r.body.data;
}

/** `{ milestones(first: 1) { nodes { goal { parent { … { id } } } } } }`: depth 4 + parents. */
const parentChain = (parents: number): string => `{ milestones(first: 1) { nodes { goal { ${'parent { '.repeat(parents)}id${' }'.repeat(parents)} } } } }`;

/** `{ a0: plans { id } … }` with n aliases. */
const aliasedPlans = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: plans { id }`).join(' ')} }`;

/** Every scalar of a milestone without required arguments, plus its goal's and lead agency's: 45 fields. */
const MILESTONE_FRAGMENT = `fragment M on Milestone {
  baselineDueDate cancelReason cancelledOn code completedOn createdAt daysOverdue daysRemaining description dueDate
  expectedProgress forecastCompletion id lastUpdatedOn position progress slipDays startDate status statusReason
  title updateStale updatedAt version visibility weight
  goal { id code title description position weight version createdAt updatedAt }
  leadAgency { id name shortName kind jurisdiction version }
}`;
const FRAGMENT_FIELDS = 26 + 10 + 7;
/** k aliased pages of one milestone each, every one spread with the fragment: k × (2 + 43) fields. */
const manyFields = (k: number): string => `{ ${Array.from({ length: k }, (_, i) => `m${i}: milestones(first: 1) { nodes { ...M } }`).join(' ')} }\n${MILESTONE_FRAGMENT}`;

/** `{ ...F0 }` where each of F0…F(n−1) spreads the next twice and Fn is `{ __typename }`: 2^n fields in about 50·n bytes. */
const doubledSpreads = (n: number): string =>
  ['{ ...F0 }', ...Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`), `fragment F${n} on Query { __typename }`].join('\n');

/** `__type(name: "Query") { p0: name … }`: n aliases inside introspection. */
const typeAliases = (n: number): string => `__type(name: "Query") { ${Array.from({ length: n }, (_, i) => `p${i}: name`).join(' ')} }`;

/** Over the cost limit by itself: 1 + plans 5 × (1 + goals 20 × (1 + milestones 20 × (1 + updates 10 × (1 + (1 + 10 × 1))))). */
const COSTLY = '{ plans { goals(all: true) { milestones { updates { milestone { updates { id } } } } } } }';
const COSTLY_COST = 1 + 5 * (1 + 20 * (1 + 20 * (1 + 10 * (1 + (1 + 10 * 1)))));

/** Sends a request and, while it is in flight, GET /healthz: both must answer (a blocked event loop holds /healthz until mocha's timeout). */
async function withHealthz(server: TestServer, send: () => Promise<RawResponse>): Promise<RawResponse> {
  const pending = send();
  const health = await fetch(server.url.replace('/graphql', '/healthz'));
  expect(health.status).to.equal(200);
  expect(await health.json()).to.deep.equal({ status: 'ok' });
  return pending;
}

/** The same as `post`, as a GET with the query in the URL. */
async function get(server: TestServer, query: string): Promise<RawResponse> {
  const url = `${server.url}?query=${encodeURIComponent(query)}`;
  const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${server.adminToken}`, 'apollo-require-preflight': 'true' } });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const HEAVY = '{ plans { title goals(all: true) { code milestones { code status statusReason progress expectedProgress forecastCompletion dependsOn { code status } } } } }';

describe('abuse limits over HTTP: each refused with a 400 naming the limit and the measured value', function () {
  this.timeout(120_000);

  describe('at the default limits', () => {
    let server: TestServer;
    let planId: string;

    before(async () => {
      server = await startTestServer({ today: '2026-11-28' });
      const { plans } = await server.ok('{ plans { id startDate } }');
      planId = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01').id;
    });
    after(() => server.stop());

    it('the defaults are those documented in the README', () => {
      expect(DEFAULT_LIMITS).to.deep.equal({ bodyBytes: 1_048_576, tokens: 3_000, depth: 15, cost: 50_000, aliases: 30, fields: 1_000, overlaps: 1_000, timeoutMs: 15_000 });
    });

    describe('page size (first: 1–100)', () => {
      const MILESTONES = 'query ($first: Int) { milestones(first: $first) { totalCount nodes { id } } }';
      const TRAIL = 'query ($planId: ID, $first: Int) { auditTrail(planId: $planId, first: $first) { nodes { id } pageInfo { hasNextPage } } }';

      for (const first of [0, 101, -1]) {
        it(`milestones(first: ${first}) → BAD_USER_INPUT naming the range`, async () => {
          for (const r of [await post(server, { query: MILESTONES, variables: { first } }), await post(server, { query: `{ milestones(first: ${first}) { totalCount } }` })]) {
            expect(r.body.data ?? null).to.equal(null);
            expect(r.body.errors?.[0].extensions?.code, r.text).to.equal('BAD_USER_INPUT');
            expect(r.body.errors?.[0].message).to.contain('between 1 and 100').and.to.contain(`got ${first}`);
            expect(r.status).to.be.lessThan(500);
          }
        });

        it(`auditTrail(first: ${first}) → BAD_USER_INPUT naming the range`, async () => {
          for (const r of [await post(server, { query: TRAIL, variables: { planId, first } }), await post(server, { query: `{ auditTrail(planId: "${planId}", first: ${first}) { nodes { id } } }` })]) {
            expect(r.body.data ?? null).to.equal(null);
            expect(r.body.errors?.[0].extensions?.code, r.text).to.equal('BAD_USER_INPUT');
            expect(r.body.errors?.[0].message).to.contain('between 1 and 100').and.to.contain(`got ${first}`);
          }
        });
      }

      it('first: 100 is served, and no page is longer than 100 nor than asked', async () => {
        const data = expectOk(await post(server, { query: MILESTONES, variables: { first: 100 } }));
        expect(data.milestones.totalCount).to.be.greaterThan(0);
        expect(data.milestones.nodes).to.have.length(Math.min(100, data.milestones.totalCount));
        const trail = expectOk(await post(server, { query: TRAIL, variables: { planId, first: 100 } }));
        expect(trail.auditTrail.nodes.length).to.be.within(1, 100);
        const small = expectOk(await post(server, { query: TRAIL, variables: { planId, first: 1 } }));
        expect(small.auditTrail.nodes).to.have.length(1);
      });

      it('without first, a page holds 50', async () => {
        const data = expectOk(await post(server, { query: '{ milestones { totalCount nodes { id } } }' }));
        expect(data.milestones.nodes).to.have.length(Math.min(50, data.milestones.totalCount));
      });
    });

    describe('query depth (15)', () => {
      it('depth 15 is served; depth 16 is refused with depth measured 16', async () => {
        expectOk(await post(server, { query: parentChain(11) }));
        expectRefused(await post(server, { query: parentChain(12) }), 'depth', 15, 16);
      });

      it('plan { goals { milestones { dependsOn { dependsOn { … } } } } } nested too deep is refused', async () => {
        const chain = (n: number) => `${'dependsOn { '.repeat(n)}code${' }'.repeat(n)}`;
        const query = `query ($id: ID!) { plan(id: $id) { goals { milestones { ${chain(13)} } } } }`;
        const r = await post(server, { query, variables: { id: planId } });
        expectRefused(r, 'depth', 15, 17);
        expect(r.body.errors![0].message).to.equal('The query depth is 17, over the limit of 15 (depth).');
      });

      it('fragments and inline fragments do not hide depth', async () => {
        const viaFragments = `query ($id: ID!) { plan(id: $id) { ...G } }
          fragment G on Plan { goals { milestones { ...D } } }
          fragment D on Milestone { dependsOn { ... on Milestone { ${'dependsOn { '.repeat(11)}code${' }'.repeat(11)} } } }`;
        expectRefused(await post(server, { query: viaFragments, variables: { id: planId } }), 'depth', 15, 16);
      });
    });

    describe('aliases (30)', () => {
      it('30 aliases are served; 31 are refused with aliases measured 31', async () => {
        const data = expectOk(await post(server, { query: aliasedPlans(30) }));
        expect(Object.keys(data)).to.have.length(30);
        expectRefused(await post(server, { query: aliasedPlans(31) }), 'aliases', 30, 31);
      });
      it('aliases on __typename count too', async () => {
        const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
        expectRefused(await post(server, { query }), 'aliases', 30, 31);
      });
    });

    describe('field count (1000)', () => {
      it('about 1000 fields are served; over 1000 (through fragments) are refused with the exact count', async () => {
        const k = Math.floor(DEFAULT_LIMITS.fields / (2 + FRAGMENT_FIELDS)); // 22 × 45 = 990
        const data = expectOk(await post(server, { query: manyFields(k) }));
        expect(Object.keys(data)).to.have.length(k);
        expectRefused(await post(server, { query: manyFields(k + 1) }), 'fields', 1000, (k + 1) * (2 + FRAGMENT_FIELDS));
      });
    });

    describe('estimated cost (50,000), variables included', () => {
      const QUERY = `query ($first: Int) { milestones(first: $first) { nodes { goal { plan { goals(all: true) { milestones { updates { id } } } } } } } }`;

      it('a page of 10 is served; the same query with $first = 100 is refused (the variable counts)', async () => {
        const data = expectOk(await post(server, { query: QUERY, variables: { first: 10 } }));
        expect(data.milestones.nodes).to.have.length(10);
        const measured = expectRefused(await post(server, { query: QUERY, variables: { first: 100 } }), 'cost', 50_000);
        const inline = expectRefused(await post(server, { query: QUERY.replace('query ($first: Int) ', '').replace('$first', '100') }), 'cost', 50_000);
        expect(inline, 'a literal and a variable cost the same').to.equal(measured);
      });

      it('lists are multiplied by their typical sizes: plans × goals × milestones × updates', async () => {
        // 1 + plans 5 × (1 + goals 20 × (1 + milestones 20 × (1 + updates 10 × (milestone 1 + (updates 1 + 10 × id 1)))))
        const r = await post(server, { query: '{ plans { goals(all: true) { milestones { updates { milestone { updates { id } } } } } } }' });
        expectRefused(r, 'cost', 50_000, 1 + 5 * (1 + 20 * (1 + 20 * (1 + 10 * (1 + (1 + 10 * 1))))));
      });
      it('a negative page size cannot offset the cost of a sibling', async () => {
        const heavy = 'plans { goals(all: true) { milestones { updates { milestone { updates { id } } } } } }';
        expectRefused(await post(server, { query: `{ ${heavy} x: milestones(first: -1000000) { totalCount } }` }), 'cost', 50_000);
      });
    });

    describe('request body (1 MiB)', () => {
      it('a body over 1 MiB is refused with BAD_REQUEST and the limit; one just under is served', async () => {
        const query = '{ __typename }';
        const padding = (bytes: number) => JSON.stringify({ query: `${query}\n#${'x'.repeat(bytes)}` });
        const under = padding(DEFAULT_LIMITS.bodyBytes - 100);
        expect(Buffer.byteLength(under)).to.be.lessThan(DEFAULT_LIMITS.bodyBytes);
        expectOk(await post(server, under));
        const over = padding(DEFAULT_LIMITS.bodyBytes);
        const r = await post(server, over);
        expect(r.status).to.be.within(400, 499);
        expect(r.body.errors?.[0].extensions).to.deep.equal({ code: 'BAD_REQUEST', limit: { name: 'bodyBytes', max: DEFAULT_LIMITS.bodyBytes, measured: Buffer.byteLength(over) } });
        expect(r.body.errors?.[0].message).to.contain('(bodyBytes)').and.to.contain(String(Buffer.byteLength(over)));
      });
    });

    describe('execution time (15 s)', () => {
      it('the query that times out at 1 ms is served at the default', async () => {
        const data = expectOk(await post(server, { query: HEAVY }));
        expect(data.plans.length).to.be.greaterThan(0);
      });
      it('a history over an absurd range is refused at once, without blocking other requests', async () => {
        const started = Date.now();
        const pending = post(server, { query: `query ($id: ID!) { plan(id: $id) { progressHistory(from: "0001-01-01", to: "9999-12-31", interval: WEEK) { date } } }`, variables: { id: planId } });
        const health = await fetch(server.url.replace('/graphql', '/healthz'));
        expect(health.status).to.equal(200);
        expect(Date.now() - started, '/healthz answered promptly').to.be.lessThan(1000);
        const r = await pending;
        expect(r.body.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
        expect(Date.now() - started).to.be.lessThan(2000);
      });
    });

    describe('introspection', () => {
      it("graphql's getIntrospectionQuery() passes the default limits", async () => {
        const data = expectOk(await post(server, { query: getIntrospectionQuery() }));
        expect(data.__schema.types.length).to.be.greaterThan(20);
        expect(data.__schema.queryType.name).to.equal('Query');
        expect(data.__schema.mutationType.name).to.equal('Mutation');
      });

      it('the fullest introspection query passes too', async () => {
        const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
        expect(expectOk(await post(server, { query })).__schema.types.length).to.be.greaterThan(20);
      });
    });

    // Were bugs until i11: spreads were expanded without memo before any limit applied (F0…F22 took seconds, /healthz
    // waited, F0…F39 never finished); nothing inside __schema/__type was counted; a document over 10,000 nodes made
    // graphql-query-complexity throw, and the cost went unchecked; graphql-js validated any document, however slow.
    describe('hostile documents: refused before they are validated, /healthz answering meanwhile', function () {
      this.timeout(20_000);

      it('nested fragment spreads (F0…F22, F0…F39, F0…F199, each spreading the next twice) are refused naming fields', async () => {
        expectRefused(await withHealthz(server, () => post(server, { query: doubledSpreads(22) })), 'fields', 1000, 2 ** 22);
        expectRefused(await withHealthz(server, () => post(server, { query: doubledSpreads(39) })), 'fields', 1000, 2 ** 39);
        // Counts stop at the largest exact number rather than overflow, and then say so.
        const r = await withHealthz(server, () => post(server, { query: doubledSpreads(199) }));
        expectRefused(r, 'fields', 1000, Number.MAX_SAFE_INTEGER);
        expect(r.body.errors![0].message).to.equal(`The number of fields is at least ${Number.MAX_SAFE_INTEGER}, over the limit of 1000 (fields).`);
      });

      it('the same by GET, with the document in the URL', async () => {
        expectRefused(await withHealthz(server, () => get(server, doubledSpreads(39))), 'fields', 1000, 2 ** 39);
      });

      it('a body of about 1 MiB of tokens is refused naming tokens, counted only up to the limit', async () => {
        const query = `{ ${'__typename '.repeat(95_000)}}`;
        expect(Buffer.byteLength(JSON.stringify({ query }))).to.be.within(1_000_000, DEFAULT_LIMITS.bodyBytes);
        const r = await withHealthz(server, () => post(server, { query }));
        expectRefused(r, 'tokens', 3000, 3001);
        expect(r.body.errors![0].message).to.equal('The number of tokens is at least 3001, over the limit of 3000 (tokens).');
      });

      it('padding a costly query with 10,000 __type aliases is refused (tokens here; cost with the token limit raised, below)', async () => {
        expectRefused(await post(server, { query: COSTLY }), 'cost', 50_000, COSTLY_COST);
        expectRefused(await withHealthz(server, () => post(server, { query: `{ ${COSTLY.slice(1, -1)} ${typeAliases(10_000)} }` })), 'tokens', 3000, 3001);
      });

      it('aliases inside __type and __schema count: 31 are refused naming aliases, 12,000 naming tokens', async () => {
        expectRefused(await post(server, { query: `{ ${typeAliases(31)} }` }), 'aliases', 30, 31);
        expectRefused(await post(server, { query: `{ __schema { ${Array.from({ length: 31 }, (_, i) => `d${i}: description`).join(' ')} } }` }), 'aliases', 30, 31);
        expectRefused(await withHealthz(server, () => post(server, { query: `{ ${typeAliases(12_000)} }` })), 'tokens', 3000, 3001);
      });

      it('introspection costs what it answers: 20 aliased copies of every type with its fields are refused naming cost', async () => {
        const copy = 'types { name fields { name description type { name kind } args { name description } } }';
        expectOk(await post(server, { query: `{ __schema { ${copy} } }` }));
        const query = `{ __schema { ${Array.from({ length: 20 }, (_, i) => `t${i}: ${copy}`).join(' ')} } }`;
        expectRefused(await withHealthz(server, () => post(server, { query })), 'cost', 50_000, 50_001);
      });

      it('introspection is as deep as the limit allows: 15 levels of ofType are refused naming depth', async () => {
        const ofTypes = (n: number) => `{ __type(name: "Query") { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } }`;
        expect(expectOk(await post(server, { query: ofTypes(13) })).__type.ofType).to.equal(null);
        expectRefused(await post(server, { query: ofTypes(14) }), 'depth', 15, 16);
      });

      it('one field selected again and again (validation compares every pair) is refused naming overlaps', async () => {
        const typenames = (n: number) => `{ ${'__typename '.repeat(n)}}`;
        expectOk(await post(server, { query: typenames(45) })); // 45 × 44 / 2 = 990 pairs
        expectRefused(await post(server, { query: typenames(46) }), 'overlaps', 1000, (46 * 45) / 2);
        // Under a repeated field, what it selects overlaps too: 249 × 248 / 2 pairs of `plans`, as many of `plans.id`.
        expectRefused(await withHealthz(server, () => post(server, { query: `{ ${'plans { id } '.repeat(249)}}` })), 'overlaps', 1000, 249 * 248);
        // Through fragments: the same field in three fragments spread together is three selections of it.
        const data = expectOk(await post(server, { query: '{ plans { ...A ...B ...C } } fragment A on Plan { id title } fragment B on Plan { id } fragment C on Plan { id }' }));
        expect(data.plans[0].id).to.be.a('string');
        const spreads = (n: number) => `{ plans { ${Array.from({ length: n }, (_, i) => `...P${i}`).join(' ')} } } ${Array.from({ length: n }, (_, i) => `fragment P${i} on Plan { id }`).join(' ')}`;
        expectRefused(await post(server, { query: spreads(46) }), 'overlaps', 1000, (46 * 45) / 2);
      });

      it('an unused fragment is measured too (validation works through every definition)', async () => {
        expectRefused(await post(server, { query: `{ __typename }\n${doubledSpreads(39).replace('{ ...F0 }', '')}` }), 'fields', 1000, 2 ** 39);
      });
    });

    it('none of the refused requests above changed anything, and the server still answers', async () => {
      const before = await databaseFingerprint(server.dataSource);
      for (const query of [parentChain(12), aliasedPlans(31), manyFields(23)]) expect((await post(server, { query })).status).to.equal(400);
      expect(await databaseFingerprint(server.dataSource)).to.equal(before);
      expect(await server.ok('{ __typename }')).to.deep.equal({ __typename: 'Query' });
    });
  });

  describe('at small configured limits', () => {
    const LIMITS = { depth: 8, aliases: 2, fields: 12, cost: 300, bodyBytes: 4096 };
    let server: TestServer;
    let milestoneId: string;

    /** A valid check-in that, as itself, would be accepted (the control at the end proves it). */
    const report = (selection: string, note = 'Limits test') => ({
      query: `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) ${selection} }`,
      variables: { input: { milestoneId, percentComplete: 42, note } },
    });

    before(async () => {
      server = await startTestServer({ today: '2026-11-28', limits: LIMITS });
      const { plans } = await server.ok('{ plans { id startDate } }');
      const current = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01').id;
      const data = await server.ok('query ($p: ID!) { milestones(first: 5, filter: { planId: $p, search: "G4.M6" }) { nodes { id code } } }', { p: current });
      milestoneId = data.milestones.nodes.find((m: { code: string }) => m.code === 'G4.M6').id;
    });
    after(() => server.stop());

    /** Sends a request that must be refused by `name`, and proves it changed nothing. */
    async function refusedUnchanged(payload: string | { query: string; variables?: Vars }, name: keyof Limits, measured?: number): Promise<RawResponse> {
      const before = await databaseFingerprint(server.dataSource);
      const r = await post(server, payload);
      if (name !== 'bodyBytes') expectRefused(r, name, LIMITS[name as keyof typeof LIMITS], measured);
      expect(await databaseFingerprint(server.dataSource), 'nothing changed').to.equal(before);
      return r;
    }

    it('depth 8: depth 8 is served, depth 9 refused — a mutation nested too deep is not run', async () => {
      expectOk(await post(server, { query: parentChain(4) }));
      expectRefused(await post(server, { query: parentChain(5) }), 'depth', 8, 9);
      await refusedUnchanged(report(`{ milestone { goal { ${'parent { '.repeat(6)}id${' }'.repeat(6)} } } }`), 'depth', 10);
    });

    it('aliases 2: two are served, three refused (nested aliases count) — a mutation with three is not run', async () => {
      expectOk(await post(server, { query: '{ a: milestones(first: 1) { n: nodes { id } } }' }));
      expectRefused(await post(server, { query: '{ a: milestones(first: 1) { n: nodes { i: id } } }' }), 'aliases', 2, 3);
      await refusedUnchanged(report('{ a: id b: note c: percentComplete }'), 'aliases', 3);
    });

    it('fields 12: twelve are served, thirteen refused — a mutation selecting thirteen is not run', async () => {
      const fields = ['id', 'code', 'title', 'status', 'progress', 'startDate', 'dueDate', 'weight', 'version', 'position'];
      expectOk(await post(server, { query: `{ milestones(first: 1) { totalCount nodes { ${fields.slice(0, 9).join(' ')} } } }` }));
      expectRefused(await post(server, { query: `{ milestones(first: 1) { totalCount nodes { ${fields.join(' ')} } } }` }), 'fields', 12, 13);
      await refusedUnchanged(report('{ id note author reportedOn percentComplete createdAt milestone { id code title status progress } }'), 'fields', 13);
    });

    it('cost 300: the same query passes with $first = 10 and is refused with $first = 100 (variables count)', async () => {
      const query = 'query ($first: Int) { milestones(first: $first) { nodes { dependsOn { dependents { id } } } } }';
      const data = expectOk(await post(server, { query, variables: { first: 10 } }));
      expect(data.milestones.nodes).to.have.length(10);
      const measured = expectRefused(await post(server, { query, variables: { first: 100 } }), 'cost', 300);
      expect(measured).to.be.greaterThan(10 * 30);
      // A page: 1 + first × (nodes 1 + id 1 + code 1).
      const page = 'query ($first: Int) { milestones(first: $first) { nodes { id code } } }';
      expectRefused(await post(server, { query: page, variables: { first: 100 } }), 'cost', 300, 301);
      expectOk(await post(server, { query: page, variables: { first: 99 } }));
    });

    it('cost 300: a mutation whose selection is too expensive is not run', async () => {
      await refusedUnchanged(report('{ milestone { plan { goals(all: true) { milestones { id } } } } }'), 'cost', 1 + (1 + (1 + (1 + 20 * (1 + 20 * 1)))));
    });

    // Was a bug until 2985402: commit 624e059 had pasted "complexity: listCost(TYPICAL_SIZE.dependencies)," inside the
    // descriptions of dependsOn and dependents, so each counted 1 and this query was estimated 61 and served.
    it('dependency lists are multiplied by their typical size (3)', async () => {
      const r = await post(server, { query: '{ milestones(first: 10) { nodes { dependsOn { dependents { dependsOn { dependents { id } } } } } } }' });
      expectRefused(r, 'cost', 300, 1 + 10 * (1 + (1 + 3 * (1 + 3 * (1 + 3 * (1 + 3 * 1))))));
    });

    it('bodyBytes 4096: a body over it is refused with BAD_REQUEST naming the limit and the size; a mutation that big is not run', async () => {
      const payload = JSON.stringify(report('{ id }', 'n'.repeat(5000)));
      const r = await refusedUnchanged(payload, 'bodyBytes');
      expect(r.status).to.be.within(400, 499);
      expect(r.body.errors).to.have.length(1);
      expect(r.body.errors![0].extensions).to.deep.equal({ code: 'BAD_REQUEST', limit: { name: 'bodyBytes', max: 4096, measured: Buffer.byteLength(payload) } });
      expect(r.body.errors![0].message).to.equal(`The request body is ${Buffer.byteLength(payload)} bytes, over the limit of 4096 (bodyBytes).`);
      expectOk(await post(server, JSON.stringify({ query: `{ __typename }\n#${'x'.repeat(4000)}` })));
    });
    it('bodyBytes: the refusal is HTTP 400 like every other limit', async () => {
      const r = await post(server, JSON.stringify(report('{ id }', 'n'.repeat(5000))));
      expect(r.status).to.equal(400);
    });

    // Was a bug until i11: the __schema and __type subtrees were not measured at all, so these were served.
    it('introspection counts like any other query: refused by depth, aliases, fields and cost alike', async () => {
      expectRefused(await post(server, { query: getIntrospectionQuery() }), 'depth', 8, 15);
      expectRefused(await post(server, { query: '{ __type(name: "Query") { a: name b: name c: name } }' }), 'aliases', 2, 3);
      expectRefused(await post(server, { query: '{ __schema { queryType { name kind description fields { name description args { name } type { name kind } } } } }' }), 'fields', 12, 13);
      // An introspection field costs what it answers: __schema 1 + types 1 + a name per type is served…
      const types = expectOk(await post(server, { query: '{ __schema { types { name } } }' })).__schema.types.length;
      expect(2 + types).to.be.at.most(300);
      // …four fields per type are not. Counting stops once past the limit, so the measure is a lower bound.
      expect(2 + 4 * types).to.be.greaterThan(300);
      const r = await post(server, { query: '{ __schema { types { name kind description specifiedByURL } } }' });
      expectRefused(r, 'cost', 300, 301);
      expect(r.body.errors![0].message).to.equal('The estimated query cost is at least 301, over the limit of 300 (cost).');
    });

    it('the control: the same check-in, within the limits, is accepted and changes the database', async () => {
      const before = await databaseFingerprint(server.dataSource);
      const data = expectOk(await post(server, report('{ id percentComplete }')));
      expect(data.reportProgress.percentComplete).to.equal(42);
      expect(await databaseFingerprint(server.dataSource)).to.not.equal(before);
    });
  });

  describe('with the token limit raised, the other limits still hold on large documents', () => {
    const LIMITS = { tokens: 1_000_000, aliases: 10_000, fields: 100_000 };
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ today: '2026-11-28', limits: LIMITS });
    });
    after(() => server.stop());

    // Was a bug until i11: over 10,000 nodes getComplexity threw, the error was swallowed and the query was served.
    it('a costly query padded with 10,000 __type aliases is refused naming its cost, the padding included', async function () {
      this.timeout(20_000);
      expect(Object.keys(expectOk(await post(server, { query: `{ ${typeAliases(10_000)} }` })).__type)).to.have.length(10_000);
      const r = await withHealthz(server, () => post(server, { query: `{ ${COSTLY.slice(1, -1)} ${typeAliases(10_000)} }` }));
      expectRefused(r, 'cost', 50_000, COSTLY_COST + 1 + 10_000);
    });

    it('12,000 aliases inside __type or __schema are refused naming aliases', async function () {
      this.timeout(20_000);
      expectRefused(await withHealthz(server, () => post(server, { query: `{ ${typeAliases(12_000)} }` })), 'aliases', 10_000, 12_000);
      const schemaAliases = `{ __schema { ${Array.from({ length: 12_000 }, (_, i) => `d${i}: description`).join(' ')} } }`;
      expectRefused(await withHealthz(server, () => post(server, { query: schemaAliases })), 'aliases', 10_000, 12_000);
    });
  });

  describe('at a configured token limit of 20', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ today: '2026-11-28', limits: { tokens: 20 } });
    });
    after(() => server.stop());

    it('20 tokens are served, 21 refused; comments do not count', async () => {
      const query = '{ plans { id title startDate endDate createdAt description goals { id code title weight position version } } }'; // 20 tokens
      expect(expectOk(await post(server, { query })).plans.length).to.be.greaterThan(0);
      expectOk(await post(server, { query: `# ${'a comment '.repeat(100)}\n${query}` }));
      expectRefused(await post(server, { query: query.replace('version', 'version createdAt') }), 'tokens', 20, 21);
    });

    it('CAIRN_MAX_TOKENS and CAIRN_MAX_OVERLAPS set these limits', () => {
      expect(loadConfig({ CAIRN_MAX_TOKENS: '20', CAIRN_MAX_OVERLAPS: '7' }).limits).to.include({ tokens: 20, overlaps: 7 });
    });
  });

  describe('execution time at a configured timeoutMs of 1', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ today: '2026-11-28', limits: { timeoutMs: 1 } });
    });
    after(() => server.stop());

    it('a query that runs longer than 1 ms across its resolvers is stopped with an error naming timeoutMs', async () => {
      const before = await databaseFingerprint(server.dataSource);
      const r = await post(server, { query: HEAVY });
      expect(r.status, r.text).to.equal(400);
      expect(r.body.data ?? null).to.equal(null);
      const error = r.body.errors!.find((e) => e.extensions?.limit?.name === 'timeoutMs');
      expect(error, r.text).to.not.equal(undefined);
      expect(error!.extensions!.code).to.equal('BAD_USER_INPUT');
      expect(error!.extensions!.limit.max).to.equal(1);
      expect(error!.extensions!.limit.measured).to.be.greaterThan(1);
      expect(error!.message).to.match(/^The execution time in milliseconds is \d+, over the limit of 1 \(timeoutMs\)\.$/);
      expect(r.text).to.not.match(/stacktrace/i);
      expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    });

    // Was a bug until 729d801: the deadline was checked before every resolver, also under a mutation that had
    // committed, so the client got 400 timeoutMs and data: null although the write had happened (20 of 30 runs).
    it('a mutation is stopped only before it runs: one that has written is answered with its data', async () => {
      const rows: { id: number }[] = await sql(server.dataSource, 'SELECT id FROM milestone WHERE completed_on IS NULL AND cancelled_on IS NULL ORDER BY id DESC LIMIT 1');
      const id = toGlobalId('Milestone', rows[0].id);
      const query = 'mutation ($id: ID!, $n: String) { reportProgress(input: { milestoneId: $id, percentComplete: 50, note: $n }) { id milestone { plan { goals(all: true) { milestones { statusReason } } } } } }';
      for (let i = 0; i < 20; i++) {
        const before = await databaseFingerprint(server.dataSource);
        const r = await post(server, { query, variables: { id, n: `run ${i}` } });
        const changed = (await databaseFingerprint(server.dataSource)) !== before;
        if (changed) {
          expect(r.status, `run ${i} wrote, so it must answer with its data: ${r.text.slice(0, 300)}`).to.equal(200);
          expect(r.body.data?.reportProgress?.id, r.text.slice(0, 300)).to.be.a('string');
        } else {
          expect(r.body.errors?.[0].extensions?.limit?.name, r.text.slice(0, 300)).to.equal('timeoutMs');
          expect(r.body.errors?.[0].path).to.deep.equal(['reportProgress']);
        }
      }
    });
  });
});
