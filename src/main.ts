import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { databaseOptionsOf, describeDatabase } from './data-source';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Cairn is serving GraphQL at ${server.url} (database: ${describeDatabase(databaseOptionsOf(config))})`);
  console.log(`Dashboard: ${server.url.replace(/\/graphql$/, '/dashboard')} · GraphQL IDE: open ${server.url} in a browser`);
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
