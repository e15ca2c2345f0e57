/**
 * Where the plans live. A target creates a database holding a synthetic plan of N milestones
 * with the real seed command, and says how Cairn and the baseline reach it. Only SQLite exists
 * today; PostgreSQL becomes a second target (DATABASE_URL and a `pg` row source for the
 * baseline) once Cairn's PostgreSQL support is merged.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromGlobalId } from '../src/entities/global-id';
import { PlanRowSource, sqlitePlanRows } from './baseline';
import { DIST } from './processes';

const run = promisify(execFile);

export interface PreparedPlan {
  milestones: number;
  /** Global ID, as clients send it. */
  planId: string;
  planRowId: number;
  /** An ADMIN token: every milestone is visible to it. */
  adminToken: string;
  /** Wall time of `seed --synthetic N`, in seconds (node start to exit). */
  seedSeconds: number;
  /** Environment that points Cairn at the database. */
  env: NodeJS.ProcessEnv;
  /** Arguments for bench/baseline-server.js. */
  baselineArgs: string[];
  /** The baseline's rows, read in the bench process itself. */
  rows: PlanRowSource;
}

export interface DatabaseTarget {
  name: string;
  prepare(milestones: number, seed: number, today: string): Promise<PreparedPlan>;
  cleanup(): void;
}

export function sqliteTarget(): DatabaseTarget {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
  return {
    name: 'SQLite (better-sqlite3, WAL, file in the OS temp folder)',
    async prepare(milestones, seed, today) {
      const env = { CAIRN_DB_PATH: path.join(dir, `plan-${milestones}.sqlite`) };
      const cliEnv = { ...process.env, ...env, CAIRN_TODAY: today };
      const started = performance.now();
      const seeded = run(process.execPath, [path.join(DIST, 'src/cli/seed.js'), '--synthetic', String(milestones), '--seed', String(seed)], { env: cliEnv, maxBuffer: 1 << 20 });
      seeded.child.stderr!.pipe(process.stderr); // the seed's progress bar
      const { stdout } = await seeded;
      const seedSeconds = (performance.now() - started) / 1000;
      const planId = /Plan id: (\S+)/.exec(stdout)![1];
      const token = (await run(process.execPath, [path.join(DIST, 'src/cli/user.js'), 'dev-token'], { env: cliEnv })).stdout.trim();
      return { milestones, planId, planRowId: fromGlobalId(planId)!.id, adminToken: token, seedSeconds, env, baselineArgs: [env.CAIRN_DB_PATH], rows: sqlitePlanRows(env.CAIRN_DB_PATH) };
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
