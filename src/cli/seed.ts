/**
 * `npm run seed`: loads the sample plans into the configured database (migrating it first).
 * Refuses to load them twice unless `--force` is given.
 *
 * `npm run seed -- --synthetic N [--seed S]` adds a synthetic plan of N milestones instead
 * (seeds/synthetic-plan.ts), arranged around today (CAIRN_TODAY), and prints its global ID.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { databaseOptionsOf, describeDatabase, openDatabase } from '../data-source';
import { Plan } from '../entities';
import { seedSamplePlans } from '../../seeds/load';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';
import { exitOnError } from './exit-on-error';
import { progressBar } from './progress-bar';

function wholeNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${raw}".`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: 'boolean' }, synthetic: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const config = loadConfig();
  const dataSource = await openDatabase(databaseOptionsOf(config));
  try {
    if (values.synthetic !== undefined) {
      const startedAt = Date.now();
      const data = syntheticPlan({ milestones: wholeNumber('synthetic', values.synthetic), seed: wholeNumber('seed', values.seed!), today: config.clock.today('America/Los_Angeles') });
      const bar = progressBar('Inserting');
      const id = await insertSyntheticPlan(dataSource, data, bar.update);
      bar.finish();
      console.log(`Loaded "${data.plan.title}" into ${describeDatabase(databaseOptionsOf(config))} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
      console.log(`Plan id: ${id}`);
      return;
    }
    const existing = await dataSource.getRepository(Plan).count();
    if (existing > 0 && !values.force) {
      console.log(`${describeDatabase(databaseOptionsOf(config))} already holds ${existing} plan(s); nothing loaded. Use "npm run seed -- --force" to add the sample plans again.`);
      return;
    }
    const plans = await seedSamplePlans(dataSource, config.clock);
    console.log(`Loaded ${plans.map((p) => `"${p.title}"`).join(' and ')} into ${describeDatabase(databaseOptionsOf(config))}.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch(exitOnError);
