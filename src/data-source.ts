import fs from 'node:fs';
import path from 'node:path';
import { AbstractLogger, DataSource, LogLevel, LogMessage, QueryRunner } from 'typeorm';
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
  /** SQLite file, or ':memory:'. */
  databasePath: string;
  statementCounter?: StatementCounter;
}

export function createDataSource(options: DatabaseOptions): DataSource {
  if (options.databasePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.databasePath)), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: options.databasePath,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    logging: options.statementCounter ? ['query'] : false,
    logger: options.statementCounter,
  });
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
