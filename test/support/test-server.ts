/**
 * A real Cairn server for tests: real HTTP on a free port, a real SQLite file in a temp
 * folder, a fixed "today". Requests go over the network stack like any client's.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Config, DEFAULT_LIMITS, Limits, loadConfig } from '../../src/config';
import { StatementCounter } from '../../src/data-source';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { startServer } from '../../src/server';
import { seedSamplePlansIfEmpty } from '../../seeds/load';
import { ReadPool } from '../../src/worker/read-pool';
import { UserAdmin } from '../../src/services/auth';
import { freshDatabase, sql, TestDatabase } from './database';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

/** A client of the test server acting with one token (or none). */
export interface Client {
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface TestServer extends Client {
  url: string;
  /** The admin token that `gql` and `ok` use. */
  adminToken: string;
  today: string;
  dataSource: DataSource;
  statements: StatementCounter;
  /** Where it keeps its data (a SQLite file, or a PostgreSQL database when DATABASE_URL is set). */
  database: TestDatabase;
  /** The worker threads of offloaded queries (only with `offloadCost`). */
  readPool: ReadPool | undefined;
  /** A new user with a token, e.g. an EDITOR of SFPD. */
  newToken(role: Role, agencyShortName?: string, name?: string, readOnly?: boolean): Promise<string>;
  /** A client that sends this token, or no token at all (null). */
  as(token: string | null): Client;
  stop(): Promise<void>;
}

/**
 * `offloadCost` sends queries above that estimated cost to worker threads; off by default, so
 * that everything runs on the main thread where the StatementCounter sees it. `settings` sets
 * others (public URL, trust proxy, timeouts…); the rest are the defaults of an empty environment.
 */
export async function startTestServer(
  options: { today?: string; seed?: boolean; anonymousRead?: boolean; limits?: Partial<Limits>; offloadCost?: number; readWorkers?: number; settings?: Partial<Config> } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const today = options.today ?? '2026-11-28';
  const statements = new StatementCounter();
  const server = await startServer(
    {
      ...loadConfig({}),
      ...options.settings,
      port: 0,
      host: '127.0.0.1',
      databasePath: database.options.databasePath,
      databaseUrl: database.options.databaseUrl,
      replicaUrls: [],
      seedWhenEmpty: options.seed ?? true,
      exposeErrorDetails: false,
      anonymousRead: options.anonymousRead ?? false,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      clock: fixedDateClock(today),
      offloadCost: options.offloadCost ?? 0,
      readWorkers: options.readWorkers ?? 1,
    },
    { statementCounter: statements, samplePlans: seedSamplePlansIfEmpty },
  );
  const users = new UserAdmin(server.dataSource, fixedDateClock(today));
  const newToken = async (role: Role, agencyShortName?: string, name?: string, readOnly = false): Promise<string> => {
    const user = await users.createUser(name ?? `Test ${role.toLowerCase()}${agencyShortName ? ` of ${agencyShortName}` : ''}`, role, agencyShortName);
    return (await users.issueToken(user.rowId, { readOnly })).token;
  };
  const as = (token: string | null): Client => {
    const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphQLResponse<T>;
    };
    return {
      gql,
      async ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
        const result = await gql<T>(query, variables);
        if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
        return result.data as T;
      },
    };
  };
  const adminToken = await newToken(Role.ADMIN, undefined, 'Test admin');
  const admin = as(adminToken);
  return {
    url: server.url,
    today,
    dataSource: server.dataSource,
    statements,
    database,
    readPool: server.readPool,
    adminToken,
    gql: admin.gql,
    ok: admin.ok,
    newToken,
    as,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

/** A fingerprint of every table's content, to prove that a rejected mutation changed nothing. */
export async function databaseFingerprint(dataSource: DataSource): Promise<string> {
  const tables = ['app_user', 'api_token', 'agency', 'plan', 'committee', 'committee_member', 'goal', 'milestone', 'milestone_partner', 'milestone_dependency', 'progress_update', 'date_change', 'indicator', 'indicator_measurement', 'meeting', 'published_report', 'audit_entry'];
  const parts: string[] = [];
  for (const table of tables) parts.push(table, JSON.stringify(await sql(dataSource, `SELECT * FROM ${table} ORDER BY 1, 2`)));
  return parts.join('\n');
}

/** The global IDs of the two sample plans: the finished first plan and the current one. */
export async function samplePlans(client: Client): Promise<{ first: string; current: string }> {
  const { plans } = await client.ok<{ plans: { id: string; startDate: string }[] }>('{ plans { id startDate } }');
  const byStart = (date: string) => plans.find((p) => p.startDate === date)!.id;
  return { first: byStart('2013-07-01'), current: byStart('2025-07-01') };
}
