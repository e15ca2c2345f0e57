/**
 * Cairn as the bench runs it: a child process serving `startServer` exactly as src/main.ts
 * does (configuration from the environment), with a StatementCounter attached so the bench can
 * ask, over the IPC channel, how many SQL statements the server has sent so far.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { StatementCounter } from '../src/data-source';
import { startServer } from '../src/server';
import { seedSamplePlansIfEmpty } from '../seeds/load';

async function main(): Promise<void> {
  const counter = new StatementCounter();
  const server = await startServer(loadConfig(), { statementCounter: counter, samplePlans: seedSamplePlansIfEmpty });
  process.on('message', (message) => {
    if (message === 'statements') process.send!({ statements: counter.count });
  });
  process.on('SIGTERM', () => {
    server.stop().finally(() => process.exit(0));
  });
  process.send!({ url: server.url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
