/**
 * The database a test runs on. Without DATABASE_URL: a fresh SQLite file in a temp folder. With
 * DATABASE_URL=postgres://…: a fresh PostgreSQL database on that server for each test server
 * (row ids start at 1 again, as the tests expect), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseOptions } from '../../src/data-source';

/** The PostgreSQL server the suite runs against, if any. */
export const POSTGRES_URL = process.env.DATABASE_URL || undefined;
export const onPostgres = POSTGRES_URL !== undefined;

export interface TestDatabase {
  options: DatabaseOptions;
  /** Environment that points a `node dist/src/main.js` or CLI child process at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function onServer<T>(work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (!POSTGRES_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-'));
    const databasePath = path.join(dir, 'cairn.sqlite');
    return { options: { databasePath }, env: { CAIRN_DB_PATH: databasePath }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `cairn_test_${randomBytes(6).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    options: { databasePath: ':memory:', databaseUrl: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Raw SQL written with `?` placeholders, run on either database. */
export function sql<T = any>(dataSource: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  let n = 0;
  const portable = dataSource.options.type === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return dataSource.query(portable, params);
}

/**
 * Problems in the stored data: SQLite's integrity and foreign-key checks; on PostgreSQL, which
 * enforces foreign keys on every write, a query of `pg_constraint` that every key is validated.
 */
export async function storageProblems(dataSource: DataSource): Promise<unknown[]> {
  if (dataSource.options.type === 'postgres') return sql(dataSource, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated");
  const [integrity] = await dataSource.query('PRAGMA integrity_check');
  return [...(integrity.integrity_check === 'ok' ? [] : [integrity]), ...(await dataSource.query('PRAGMA foreign_key_check'))];
}
