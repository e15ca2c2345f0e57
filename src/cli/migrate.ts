/** `npm run migrate`: brings the configured database's schema up to date. */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { createDataSource, databaseOptionsOf, describeDatabase, migrate } from '../data-source';
import { exitOnError } from './exit-on-error';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(databaseOptionsOf(config));
  await dataSource.initialize();
  const applied = await migrate(dataSource);
  console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')} to ${describeDatabase(databaseOptionsOf(config))}.` : `${describeDatabase(databaseOptionsOf(config))} is up to date.`);
  await dataSource.destroy();
}

main().catch(exitOnError);
