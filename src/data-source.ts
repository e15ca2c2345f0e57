import fs from 'node:fs';
import path from 'node:path';
import { AbstractLogger, DataSource, LoggerOptions, LogLevel, LogMessage, Migration, QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './entities/naming';

/** Counts the SQL statements sent, so tests can show that batching keeps the count flat. */
export class StatementCounter extends AbstractLogger {
  count = 0;

  logQuery(): void {
    this.count += 1;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {}
}

export interface DatabaseOptions {
  /** SQLite file, or ':memory:' (the embedded default). */
  databasePath: string;
  /** A postgres:// URL: PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** Read replicas (postgres:// URLs): TypeORM sends reads outside transactions to them. */
  replicaUrls?: string[];
  statementCounter?: StatementCounter;
}

let postgresTypesSet = false;

/**
 * node-postgres turns `date` columns into JS Dates at local midnight and 64-bit counts into
 * strings; Cairn's dates are ISO strings and its counts numbers, as on SQLite.
 */
function usePortableTypes(): void {
  if (postgresTypesSet) return;
  postgresTypesSet = true;
  // Loaded only when PostgreSQL is used, so the SQLite default needs nothing of pg.
  const { types } = require('pg') as typeof import('pg');
  types.setTypeParser(types.builtins.DATE, (value: string) => value);
  types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));
  types.setTypeParser(types.builtins.NUMERIC, (value: string) => Number(value));
}

export function createDataSource(options: DatabaseOptions): DataSource {
  const logging: LoggerOptions = options.statementCounter ? ['query'] : false;
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging,
    logger: options.statementCounter,
  };
  if (options.databaseUrl) {
    usePortableTypes();
    const replicas = options.replicaUrls ?? [];
    return new DataSource({
      type: 'postgres',
      ...(replicas.length ? { replication: { master: { url: options.databaseUrl }, slaves: replicas.map((url) => ({ url })) } } : { url: options.databaseUrl }),
      ...common,
    });
  }
  if (options.databasePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.databasePath)), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: options.databasePath,
    ...common,
    enableWAL: true,
    timeout: 5000,
  });
}

/** Where the data lives, for log lines: the SQLite file, or the PostgreSQL host and database (never the password). */
export function describeDatabase(options: DatabaseOptions): string {
  if (!options.databaseUrl) return options.databasePath;
  const url = new URL(options.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** The database settings of a loaded configuration. */
export function databaseOptionsOf(config: { databasePath: string; databaseUrl?: string; replicaUrls?: string[] }): DatabaseOptions {
  return { databasePath: config.databasePath, databaseUrl: config.databaseUrl, replicaUrls: config.replicaUrls };
}

/** Advisory-lock keys (two int4s: "cair" and a number) that Cairn's processes share on PostgreSQL. */
export const ADVISORY_LOCK = { namespace: 0x63616972, startup: 1, writes: 2 } as const;

/**
 * Applies the pending migrations. On PostgreSQL, Cairn processes starting together on one
 * database take turns under a session advisory lock, so each migration runs once; `andThen`
 * (loading the sample plans into an empty database) runs inside the same turn.
 */
export async function migrate(dataSource: DataSource, andThen?: (dataSource: DataSource) => Promise<void>): Promise<Migration[]> {
  const work = async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await andThen?.(dataSource);
    return applied;
  };
  if (dataSource.options.type !== 'postgres') return work();
  const session = dataSource.createQueryRunner('master');
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1, $2)', [ADVISORY_LOCK.namespace, ADVISORY_LOCK.startup]);
    try {
      return await work();
    } finally {
      await session.query('SELECT pg_advisory_unlock($1, $2)', [ADVISORY_LOCK.namespace, ADVISORY_LOCK.startup]);
    }
  } finally {
    await session.release();
  }
}

/** Opens the database and brings its schema up to date (see `migrate`). */
export async function openDatabase(options: DatabaseOptions, andThen?: (dataSource: DataSource) => Promise<void>): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await migrate(dataSource, andThen);
  return dataSource;
}
