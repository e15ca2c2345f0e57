import 'reflect-metadata';
import { loadConfig } from './config';
import { databaseOptionsOf, describeDatabase } from './data-source';
import { exitOnError } from './cli/exit-on-error';
import { startServer } from './server';
import { seedSamplePlansIfEmpty } from '../seeds/load';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config, { samplePlans: seedSamplePlansIfEmpty });
  console.log(`Cairn is serving GraphQL at ${server.url} (database: ${describeDatabase(databaseOptionsOf(config))})`);
  console.log(`Dashboard: ${server.publicUrl}/dashboard · GraphQL IDE: open ${server.publicUrl}/graphql in a browser`);
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(exitOnError);
