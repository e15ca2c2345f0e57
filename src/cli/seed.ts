/**
 * `npm run seed`: loads the sample plans into the configured database (migrating it first).
 * Refuses to load them twice unless `--force` is given.
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { databaseOptionsOf, describeDatabase, openDatabase } from '../data-source';
import { Plan } from '../entities';
import { seedSamplePlans } from '../../seeds/load';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDatabase(databaseOptionsOf(config));
  try {
    const existing = await dataSource.getRepository(Plan).count();
    if (existing > 0 && !process.argv.includes('--force')) {
      console.log(`${describeDatabase(databaseOptionsOf(config))} already holds ${existing} plan(s); nothing loaded. Use "npm run seed -- --force" to add the sample plans again.`);
      return;
    }
    const plans = await seedSamplePlans(dataSource, config.clock);
    console.log(`Loaded ${plans.map((p) => `"${p.title}"`).join(' and ')} into ${describeDatabase(databaseOptionsOf(config))}.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
