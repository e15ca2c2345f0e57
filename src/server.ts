/** Wires database, services and GraphQL into a running HTTP server. */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DataSource } from 'typeorm';
import { Config } from './config';
import { openDatabase, StatementCounter } from './data-source';
import { AppServices, RequestContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { buildCairnSchema } from './graphql/schema';
import { PlanWriter } from './services/plan-writer';
import { WriteLock } from './services/write-lock';

export interface RunningServer {
  url: string;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export async function startServer(config: Config, statementCounter?: StatementCounter): Promise<RunningServer> {
  const dataSource = await openDatabase({ databasePath: config.databasePath, statementCounter });
  if (config.seedWhenEmpty) {
    const { seedSamplePlansIfEmpty } = await import('../seeds/load');
    await seedSamplePlansIfEmpty(dataSource, config.clock);
  }
  const services: AppServices = { dataSource, clock: config.clock, writer: new PlanWriter(dataSource, config.clock, new WriteLock()) };
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildCairnSchema(),
    formatError: formatError(config.exposeErrorDetails),
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    introspection: true,
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: config.port, host: config.host },
    context: async () => new RequestContext(services),
  });
  return {
    url: `${url.replace(/\/$/, '')}/graphql`,
    dataSource,
    async stop() {
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
