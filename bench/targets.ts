/**
 * Where the plans live. A target creates a database holding a synthetic plan of N milestones
 * with the real seed command, and says how Cairn and the baseline reach it: a SQLite file, or
 * a database `cairn_bench_<N>` on a PostgreSQL server (DATABASE_URL), dropped at the end.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromGlobalId } from '../src/entities/global-id';
import { PlanRowSource, postgresPlanRows, sqlitePlanRows } from './baseline';
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
  cleanup(): Promise<void>;
}

/** Seeds the database `env` points at with the real seed command, and gets an ADMIN token. */
async function seedPlan(env: NodeJS.ProcessEnv, milestones: number, seed: number, today: string) {
  const cliEnv = { ...process.env, ...env, CAIRN_TODAY: today };
  const started = performance.now();
  const seeded = run(process.execPath, [path.join(DIST, 'src/cli/seed.js'), '--synthetic', String(milestones), '--seed', String(seed)], { env: cliEnv, maxBuffer: 1 << 20 });
  seeded.child.stderr!.pipe(process.stderr); // the seed's progress bar
  const { stdout } = await seeded;
  const seedSeconds = (performance.now() - started) / 1000;
  const planId = /Plan id: (\S+)/.exec(stdout)![1];
  const adminToken = (await run(process.execPath, [path.join(DIST, 'src/cli/user.js'), 'dev-token'], { env: cliEnv })).stdout.trim();
  return { milestones, planId, planRowId: fromGlobalId(planId)!.id, adminToken, seedSeconds, env };
}

export function sqliteTarget(): DatabaseTarget {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
  return {
    name: 'SQLite (better-sqlite3, WAL, file in the OS temp folder)',
    async prepare(milestones, seed, today) {
      const file = path.join(dir, `plan-${milestones}.sqlite`);
      const seeded = await seedPlan({ CAIRN_DB_PATH: file }, milestones, seed, today);
      return { ...seeded, baselineArgs: [file], rows: sqlitePlanRows(file) };
    },
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the PostgreSQL server (the database named in `serverUrl`) and returns its rows. */
async function onServer(serverUrl: string, statement: string): Promise<Record<string, string>[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/** The server's version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
export async function postgresServerVersion(serverUrl: string): Promise<string> {
  return (await onServer(serverUrl, 'SHOW server_version'))[0].server_version;
}

/** A database `cairn_bench_<N>` per plan size on the server of `serverUrl`, dropped by cleanup(). */
export function postgresTarget(serverUrl: string): DatabaseTarget {
  const created: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const where = new URL(serverUrl);
  return {
    name: `PostgreSQL (node-postgres, server at ${where.hostname}:${where.port || 5432}, one database per plan size)`,
    async prepare(milestones, seed, today) {
      const name = `cairn_bench_${milestones}`;
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await onServer(serverUrl, `CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const seeded = await seedPlan({ DATABASE_URL: url.toString() }, milestones, seed, today);
      const rows = postgresPlanRows(url.toString());
      closers.push(rows.close);
      return { ...seeded, baselineArgs: [url.toString()], rows };
    },
    async cleanup() {
      for (const close of closers) await close();
      for (const name of created) await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
