/**
 * Figures a, c and f (and b's statement counts): one GraphQL query against a real Cairn server over HTTP, and the
 * hand-written baseline computing the same JSON, behind a minimal node:http server (the fair
 * comparison: both pay for HTTP and serialisation) and in the bench process (no HTTP, for
 * reference). Requests alternate between the two so both see the same machine; the
 * baseline's answer must deep-equal GraphQL's `data`, or the ratio means nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { fixedDateClock } from '../src/domain/clock';
import { toGlobalId } from '../src/entities/global-id';
import { dashboardData, rollupData } from './baseline';
import { PINNING, post, Service, startService } from './processes';
import { DASHBOARD, MILESTONE_STATUS, TYPENAME } from './queries';
import { median } from './stats';
import { PreparedPlan } from './targets';

export interface Comparison {
  milestones: number;
  graphqlMs: number[];
  baselineMs: number[];
  inProcessMs: number[];
  /** GraphQL median / baseline (HTTP) median. */
  ratio: number;
  /** null when equal, else where the two answers first differ. */
  difference: string | null;
  responseBytes: number;
  serverPeakRssMb: number;
  baselinePeakRssMb: number;
  /** Set when the server failed (e.g. ran out of heap): the figures above are then partial. */
  error?: string;
}

export interface CompareOptions {
  query: string;
  /** bench/baseline-server.js path for the same answer. */
  baselinePath: '/dashboard' | '/rollups';
  runs: number;
  /** A first request slower than this is the only one: repeating it would blow the time budget. */
  slowMs: number;
  /**
   * The longest the bench waits for one GraphQL answer, so the largest plans fit in the time
   * budget. Client-side: CAIRN_TIMEOUT_MS is checked as resolvers start, and a dashboard's
   * resolvers all start early, so it does not bound a dashboard.
   */
  maxRequestMs: number;
  today: string;
}

/** Node options of `npm start` (package.json), which the bench's Cairn runs with too. */
const START_NODE_OPTIONS = ['--max-semi-space-size=64'];

/**
 * Cairn as the bench serves it: the real startServer, production mode, no seeding, a fixed today,
 * Node options as `npm start`, heavy queries offloaded to worker threads as by default
 * (CAIRN_OFFLOAD_COST, CAIRN_READ_WORKERS unset) unless `env` says otherwise.
 */
export function startCairn(plan: PreparedPlan, today: string, nodeOptions: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Service> {
  return startService('bench/server.js', [], {
    core: PINNING?.server,
    nodeOptions: [...START_NODE_OPTIONS, ...nodeOptions],
    env: {
      ...plan.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      CAIRN_SEED: 'false',
      CAIRN_TODAY: today,
      NODE_ENV: 'production',
      // The default 15 s limit would refuse the largest plans; the bench wants their time.
      CAIRN_TIMEOUT_MS: '3600000',
    },
  });
}

/** Where two JSON values first differ, as a path; null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return `${path}: differs`;
}

export async function compareWithBaseline(plan: PreparedPlan, options: CompareOptions): Promise<Comparison> {
  const clock = fixedDateClock(options.today);
  const result: Comparison = {
    milestones: plan.milestones,
    graphqlMs: [],
    baselineMs: [],
    inProcessMs: [],
    ratio: NaN,
    difference: 'not compared',
    responseBytes: 0,
    serverPeakRssMb: NaN,
    baselinePeakRssMb: NaN,
  };
  const cairn = await startCairn(plan, options.today);
  const baseline = await startService('bench/baseline-server.js', plan.baselineArgs, { core: PINNING?.server, env: { CAIRN_TODAY: options.today } });
  const variables = { id: plan.planId };
  const graphql = async () => {
    const answer = await post(cairn.url, { query: options.query, variables }, plan.adminToken, options.maxRequestMs);
    if (answer.status !== 200) throw new Error(`GraphQL answered HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer;
  };
  const direct = () => post(`${baseline.url}${options.baselinePath}`, { planId: plan.planRowId });
  try {
    // First pair: warms both up and checks that they answer the same (baseline first: it always answers).
    const reference = await direct();
    const repeatBaseline = reference.ms <= options.slowMs;
    if (!repeatBaseline) result.baselineMs.push(reference.ms);
    const first = await graphql();
    const parsed = JSON.parse(first.body);
    result.responseBytes = Buffer.byteLength(first.body);
    result.difference = parsed.errors ? `GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 300)}` : firstDifference(parsed.data, JSON.parse(reference.body).data);
    // A first answer slower than slowMs is kept as the only sample (cold, but within the budget).
    const repeatGraphql = first.ms <= options.slowMs;
    if (!repeatGraphql) result.graphqlMs.push(first.ms);
    for (let i = 0; i < options.runs; i++) {
      if (repeatGraphql) result.graphqlMs.push((await graphql()).ms);
      if (repeatBaseline) result.baselineMs.push((await direct()).ms);
    }
    // In-process: rows, rules and JSON, without HTTP.
    const compute = options.baselinePath === '/dashboard' ? dashboardData : rollupData;
    for (let i = 0; i < (repeatBaseline ? options.runs : 1); i++) {
      const started = performance.now();
      JSON.stringify({ data: compute(await plan.rows(plan.planRowId), clock) });
      result.inProcessMs.push(performance.now() - started);
    }
    result.ratio = median(result.graphqlMs) / median(result.baselineMs);
  } catch (error) {
    result.error = `${error instanceof Error ? error.message : error}${cairn.exited() ? ` (server: ${cairn.exited()})` : ''}`;
  }
  result.serverPeakRssMb = cairn.exited() ? NaN : cairn.peakRssMb();
  result.baselinePeakRssMb = baseline.peakRssMb();
  await cairn.stop();
  await baseline.stop();
  return result;
}

export interface StatementCounts {
  milestones: number;
  /** Statements of `{ __typename }` with the token: the token lookup alone. */
  token: number;
  /** Statements of each of two dashboard requests. */
  dashboard: number[];
  /** Statements of `milestone(id) { status progress }`, for milestones spread over the plan. */
  single: number[];
  error?: string;
}

/**
 * Figure b: SQL statements per request, counted by the server's StatementCounter. The counter
 * sees the main thread's connection only, so this server runs everything there
 * (CAIRN_OFFLOAD_COST=0): an offloaded query's statements would go uncounted.
 */
export async function statementCounts(plan: PreparedPlan, today: string, maxRequestMs: number, count = 5): Promise<StatementCounts> {
  const cairn = await startCairn(plan, today, [], { CAIRN_OFFLOAD_COST: '0' });
  const result: StatementCounts = { milestones: plan.milestones, token: NaN, dashboard: [], single: [] };
  const counted = async (query: string, variables: Record<string, string>) => {
    const before = (await cairn.ask<{ statements: number }>('statements')).statements;
    const answer = JSON.parse((await post(cairn.url, { query, variables }, plan.adminToken, maxRequestMs)).body);
    if (answer.errors || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    return (await cairn.ask<{ statements: number }>('statements')).statements - before;
  };
  try {
    result.token = await counted(TYPENAME, {});
    for (let i = 0; i < 2; i++) result.dashboard.push(await counted(DASHBOARD, { id: plan.planId }));
    const rows = await plan.rows(plan.planRowId);
    for (let i = 0; i < count; i++) {
      const milestone = rows.milestones[Math.floor(((i + 0.5) * rows.milestones.length) / count)];
      result.single.push(await counted(MILESTONE_STATUS, { id: toGlobalId('Milestone', milestone.id) }));
    }
  } catch (error) {
    result.error = `${error instanceof Error ? error.message : error}${cairn.exited() ? ` (server: ${cairn.exited()})` : ''}`;
  } finally {
    await cairn.stop();
  }
  return result;
}
