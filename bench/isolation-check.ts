/**
 * A quick check of issue 5 (isolation), not a benchmark harness: p50/p99 of cheap point queries
 * at a fixed rate, with 0, 1 and 2 loops of 10,000-milestone dashboards running alongside, with
 * offloading on and off. Each run starts the real server (dist/src/main.js) as its own process.
 *
 *   npm run build && node dist/bench/isolation-check.js [seconds per run, default 20] [point queries per second, default 100]
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/data-source';
import { fixedDateClock } from '../src/domain/clock';
import { Role } from '../src/domain/enums';
import { toGlobalId } from '../src/entities/global-id';
import { UserAdmin } from '../src/services/auth';
import { insertSyntheticPlan } from '../test/support/synthetic-plan';

interface Latency {
  p50: number;
  p99: number;
}
type Autocannon = (options: object) => Promise<{ latency: Latency; requests: { total: number }; non2xx: number; errors: number }>;
// autocannon ships no types; this is the one call used.
const autocannon = require('autocannon') as Autocannon;

const TODAY = '2026-11-28';
const PORT = 4391;
const URL = `http://127.0.0.1:${PORT}/graphql`;
const SECONDS = Number(process.argv[2] ?? 20);
const RATE = Number(process.argv[3] ?? 100);
const DASHBOARD = 'query ($id: ID!) { plan(id: $id) { goals { code milestones { code status progress statusReason leadAgency { shortName } } } } }';

async function prepare(databasePath: string): Promise<{ token: string; planId: string; milestoneId: string }> {
  const dataSource = await openDatabase({ databasePath });
  const planId = await insertSyntheticPlan(dataSource, 10_000, 'Bench');
  const users = new UserAdmin(dataSource, fixedDateClock(TODAY));
  const admin = await users.createUser('Bench admin', Role.ADMIN);
  const { token } = await users.issueToken(admin.rowId);
  const [row] = await dataSource.query('SELECT id FROM milestone ORDER BY id LIMIT 1');
  await dataSource.destroy();
  return { token, planId, milestoneId: toGlobalId('Milestone', row.id) };
}

async function startServer(databasePath: string, offloadCost: number): Promise<ChildProcess> {
  const env = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', CAIRN_DB_PATH: databasePath, CAIRN_SEED: 'false', CAIRN_TODAY: TODAY, CAIRN_OFFLOAD_COST: String(offloadCost) };
  const child = spawn(process.execPath, [path.resolve(__dirname, '../src/main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('serving GraphQL') && resolve());
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return child;
}

async function post(token: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(URL, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  await response.arrayBuffer(); // read, not parsed: parsing 1.5 MB here would stall this process's own timing
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

async function run(databasePath: string, offloadCost: number, loops: number, ids: Awaited<ReturnType<typeof prepare>>) {
  const server = await startServer(databasePath, offloadCost);
  try {
    await post(ids.token, DASHBOARD, { id: ids.planId }); // warm up both threads' caches
    let running = true;
    let dashboards = 0;
    let dashboardsFailed = 0; // e.g. past CAIRN_TIMEOUT_MS when everything runs on one thread
    const loop = async () => {
      while (running) {
        await post(ids.token, DASHBOARD, { id: ids.planId }).then(
          () => (dashboards += 1),
          () => (dashboardsFailed += 1),
        );
      }
    };
    const looping = Array.from({ length: loops }, loop);
    const result = await autocannon({
      url: URL,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ids.token}` },
      body: JSON.stringify({ query: 'query ($id: ID!) { milestone(id: $id) { status progress } }', variables: { id: ids.milestoneId } }),
      connections: 10,
      overallRate: RATE,
      duration: SECONDS,
    });
    running = false;
    await Promise.all(looping);
    return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, failed: result.non2xx + result.errors, dashboards, dashboardsFailed };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-isolation-'));
  const databasePath = path.join(dir, 'cairn.sqlite');
  const ids = await prepare(databasePath);
  console.log(`${os.cpus().length} CPUs, ${RATE} point queries/s for ${SECONDS} s per run; dashboard = 10,000 milestones`);
  console.log('offload  dashboards  p50 ms  p99 ms  point queries  failed  dashboards done (failed)');
  for (const offloadCost of [0, 2000]) {
    for (const loops of [0, 1, 2]) {
      const r = await run(databasePath, offloadCost, loops, ids);
      console.log(`${offloadCost ? 'on ' : 'off'}      ${loops}           ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.requests).padStart(13)}  ${String(r.failed).padStart(6)}  ${r.dashboards} (${r.dashboardsFailed})`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
