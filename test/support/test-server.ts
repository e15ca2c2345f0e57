/**
 * A real Cairn server for tests: real HTTP on a free port, a real SQLite file in a temp
 * folder, a fixed "today". Requests go over the network stack like any client's.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { fixedDateClock } from '../../src/domain/clock';
import { StatementCounter } from '../../src/data-source';
import { startServer } from '../../src/server';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

export interface TestServer {
  url: string;
  today: string;
  dataSource: DataSource;
  statements: StatementCounter;
  databasePath: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestServer(options: { today?: string; seed?: boolean } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-'));
  const databasePath = path.join(dir, 'cairn.sqlite');
  const today = options.today ?? '2026-11-28';
  const statements = new StatementCounter();
  const server = await startServer(
    { port: 0, host: '127.0.0.1', databasePath, seedWhenEmpty: options.seed ?? true, exposeErrorDetails: false, clock: fixedDateClock(today) },
    statements,
  );
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    url: server.url,
    today,
    dataSource: server.dataSource,
    statements,
    databasePath,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await gql<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fingerprint of every table's content, to prove that a rejected mutation changed nothing. */
export async function databaseFingerprint(dataSource: DataSource): Promise<string> {
  const tables = ['agency', 'plan', 'committee', 'committee_member', 'goal', 'milestone', 'milestone_partner', 'milestone_dependency', 'progress_update', 'due_date_change', 'audit_entry'];
  const parts: string[] = [];
  for (const table of tables) parts.push(table, JSON.stringify(await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)));
  return parts.join('\n');
}
