/** Wires database, services and GraphQL into a running HTTP server. */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { ErrorRequestHandler } from 'express';
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

/** Body-parser failures (bad JSON, too large) as GraphQL-shaped JSON, never an HTML stack trace. */
const requestErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    error?.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : error?.type === 'entity.too.large'
        ? `The request body is larger than the limit of ${error.limit} bytes.`
        : status < 500
          ? 'The request could not be read.'
          : 'Internal server error.';
  if (status >= 500) console.error('Request error:', error);
  res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
};

export async function startServer(config: Config, statementCounter?: StatementCounter): Promise<RunningServer> {
  const dataSource = await openDatabase({ databasePath: config.databasePath, statementCounter });
  if (config.seedWhenEmpty) {
    const { seedSamplePlansIfEmpty } = await import('../seeds/load');
    await seedSamplePlansIfEmpty(dataSource, config.clock);
  }
  const services: AppServices = { dataSource, clock: config.clock, writer: new PlanWriter(dataSource, config.clock, new WriteLock()) };
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildCairnSchema(),
    formatError: formatError(config.exposeErrorDetails),
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.disable('x-powered-by');
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => new RequestContext(services) }));
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(requestErrors);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost'}:${port}/graphql`,
    dataSource,
    async stop() {
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
