/**
 * `npm run bench [-- --quick] [--sizes 1000,10000,100000] [--runs 5] [--postgres URL] [--out file]`
 *
 * Seeds synthetic plans of each size with the real seed command, measures figures a–g against
 * real Cairn servers (child processes) on SQLite, then figures a and d on PostgreSQL when a
 * server URL is given (--postgres, BENCH_DATABASE_URL or DATABASE_URL), and writes
 * bench/RESULTS.md (bench/RESULTS-quick.md with --quick). Not part of `npm test`. See bench/README.md.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareWithBaseline, statementCounts } from './against-baseline';
import { measureHostile } from './hostile';
import { measureIsolation } from './isolation';
import { measurePointQueries } from './point-queries';
import { DIST, PINNING } from './processes';
import { DASHBOARD, ROLLUPS } from './queries';
import { BenchResults, renderResults } from './results';
import { postgresServerVersion, PreparedPlan, postgresTarget, sqliteTarget } from './targets';

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      postgres: { type: 'string' },
      'postgres-sizes': { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string', default: '2026-11-28' },
      'max-request-s': { type: 'string', default: '300' },
    },
  });
  const quick = values.quick!;
  const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
  const runs = Number(values.runs ?? (quick ? 3 : 5));
  const seed = Number(values.seed);
  const today = values.today!;
  // A PostgreSQL server for the second target. DATABASE_URL is taken out of the environment the
  // children inherit: the SQLite servers must not see it.
  const postgresUrl = values.postgres ?? (process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined);
  delete process.env.DATABASE_URL;
  const postgresSizes = (values['postgres-sizes'] ?? '1000,10000').split(',').map(Number);
  const out = values.out ?? path.resolve(DIST, '..', 'bench', quick ? 'RESULTS-quick.md' : 'RESULTS.md');
  // Point queries and isolation run on the 10,000-milestone plan (or the size nearest below it).
  const pointSize = [...sizes].sort((a, b) => a - b).filter((n) => n <= 10_000).pop() ?? sizes[0];
  const loadSeconds = quick ? 3 : 10;
  const loadRuns = quick ? 1 : 3;
  const maxRequestMs = Number(values['max-request-s']) * 1000;

  // The bench itself is a client: keep it on the client core, off the servers' core.
  if (PINNING) execFileSync('taskset', ['-cp', String(PINNING.client), String(process.pid)], { stdio: 'ignore' });
  const started = performance.now();
  const target = sqliteTarget();
  const results: BenchResults = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    totalSeconds: 0,
    database: target.name,
    today,
    seed,
    runs,
    maxRequestSeconds: maxRequestMs / 1000,
    pinning: PINNING ? `servers on core ${PINNING.server}, the bench and load generators on core ${PINNING.client} (taskset)` : 'none (needs taskset and 2 cores)',
    loadAverageAtStart: os.loadavg(),
    seeds: [],
    dashboards: [],
    statements: [],
  };
  try {
    const plans = new Map<number, PreparedPlan>();
    for (const n of sizes) {
      log(`seeding a plan of ${n} milestones`);
      const plan = await target.prepare(n, seed, today);
      plans.set(n, plan);
      results.seeds.push({ milestones: n, seconds: plan.seedSeconds });
      log(`seeded in ${plan.seedSeconds.toFixed(1)} s`);
    }
    // Largest sizes last: a server that runs out of memory there leaves the other figures intact.
    for (const n of sizes) {
      log(`a/b: dashboard at ${n} milestones`);
      const comparison = await compareWithBaseline(plans.get(n)!, { query: DASHBOARD, baselinePath: '/dashboard', runs, slowMs: 20_000, maxRequestMs, today });
      results.dashboards.push(comparison);
      log(`GraphQL ${comparison.graphqlMs.map((ms) => ms.toFixed(0)).join(', ')} ms; baseline ${comparison.baselineMs.map((ms) => ms.toFixed(0)).join(', ')} ms${comparison.error ? `; ${comparison.error}` : ''}`);
      log(`b: statements at ${n} milestones (CAIRN_OFFLOAD_COST=0)`);
      results.statements.push(await statementCounts(plans.get(n)!, today, maxRequestMs));
      if (n === pointSize) {
        log(`d: point queries at ${n} milestones`);
        results.points = await measurePointQueries(plans.get(n)!, { today, runs: loadRuns, durationS: loadSeconds, connections: 10 });
        log(`e: isolation at ${n} milestones`);
        results.isolation = await measureIsolation(plans.get(n)!, { today, runs: loadRuns, durationS: loadSeconds, rate: 100, dashboardClients: 2 });
      }
    }
    const largest = Math.max(...sizes);
    log(`f: roll-ups at ${largest} milestones`);
    results.rollups = await compareWithBaseline(plans.get(largest)!, { query: ROLLUPS, baselinePath: '/rollups', runs, slowMs: 20_000, maxRequestMs, today });
    log(`g: hostile documents at ${sizes[0]} milestones`);
    results.hostile = await measureHostile(plans.get(sizes[0])!, { today, runs });
  } finally {
    await target.cleanup();
  }
  if (postgresUrl) await benchPostgres(results, postgresUrl, postgresSizes, { seed, today, runs, maxRequestMs, loadRuns, loadSeconds });
  results.totalSeconds = (performance.now() - started) / 1000;
  fs.writeFileSync(out, renderResults(results) + '\n');
  log(`wrote ${out} after ${(results.totalSeconds / 60).toFixed(1)} min`);
}

/** Figures a and d on PostgreSQL: dashboards against the baseline at each size, point queries at the largest up to 10,000. */
async function benchPostgres(
  results: BenchResults,
  url: string,
  sizes: number[],
  o: { seed: number; today: string; runs: number; maxRequestMs: number; loadRuns: number; loadSeconds: number },
): Promise<void> {
  const target = postgresTarget(url);
  const pointSize = [...sizes].sort((a, b) => a - b).filter((n) => n <= 10_000).pop() ?? sizes[0];
  results.postgres = { database: target.name, serverVersion: await postgresServerVersion(url), seeds: [], dashboards: [] };
  try {
    for (const n of sizes) {
      log(`PostgreSQL: seeding a plan of ${n} milestones`);
      const plan = await target.prepare(n, o.seed, o.today);
      results.postgres.seeds.push({ milestones: n, seconds: plan.seedSeconds });
      log(`PostgreSQL a: dashboard at ${n} milestones`);
      const comparison = await compareWithBaseline(plan, { query: DASHBOARD, baselinePath: '/dashboard', runs: o.runs, slowMs: 20_000, maxRequestMs: o.maxRequestMs, today: o.today });
      results.postgres.dashboards.push(comparison);
      log(`GraphQL ${comparison.graphqlMs.map((ms) => ms.toFixed(0)).join(', ')} ms; baseline ${comparison.baselineMs.map((ms) => ms.toFixed(0)).join(', ')} ms${comparison.error ? `; ${comparison.error}` : ''}`);
      if (n === pointSize) {
        log(`PostgreSQL d: point queries at ${n} milestones`);
        results.postgres.points = await measurePointQueries(plan, { today: o.today, runs: o.loadRuns, durationS: o.loadSeconds, connections: 10 });
      }
    }
  } finally {
    await target.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
