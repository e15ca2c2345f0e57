/** Wires database, services and GraphQL into a running HTTP server. */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { ErrorRequestHandler, Request } from 'express';
import { DataSource } from 'typeorm';
import { Config } from './config';
import { databaseOptionsOf, openDatabase, StatementCounter } from './data-source';
import { ANONYMOUS, Viewer } from './domain/access';
import { Clock, systemClock } from './domain/clock';
import { apolloServerOptions } from './graphql/apollo-options';
import { RequestContext } from './graphql/context';
import { apiInputChecks } from './graphql/input-checks';
import { createServices } from './services/app-services';
import { checkDocument } from './graphql/limits';
import { toGraphQLError } from './graphql/errors';
import { exportRoutes } from './http/exports';
import { Authenticator, bearerToken } from './services/auth';
import { forbidden, unauthenticated } from './services/errors';
import { Sessions } from './services/sessions';
import { SingleSignOn } from './services/single-sign-on';
import { cookieOf, isOwnOriginWrite, SESSION_COOKIE, signInRoutes } from './http/sign-in';
import { reportRoutes } from './http/reports';
import { webRoutes } from './http/web';
import { offloadHeavyReads, stringifyResult } from './worker/offload';
import { ReadPool } from './worker/read-pool';
import { ErrorCode } from './domain/refusal';

export interface StartOptions {
  /** Counts the SQL statements the main thread sends (tests and the bench). */
  statementCounter?: StatementCounter;
  /**
   * Loads the sample plans if the database holds no plan; run when CAIRN_SEED is on, once the
   * database is migrated and in the same turn (see `migrate`), so servers starting together load
   * them once. The caller passes it (main.ts: seeds/load.ts): the server does not reach outside src.
   */
  samplePlans?: (dataSource: DataSource, clock: Clock) => Promise<unknown>;
}

export interface RunningServer {
  /** Where this process listens for GraphQL. */
  url: string;
  /** Where clients reach Cairn (CAIRN_PUBLIC_URL, or the listening address), without /graphql. */
  publicUrl: string;
  dataSource: DataSource;
  /** The worker threads that run heavy queries, when offloading is on. */
  readPool: ReadPool | undefined;
  stop(): Promise<void>;
}

/** Body-parser failures (bad JSON, too large) as GraphQL-shaped JSON, never an HTML stack trace. */
function requestErrors(bodyLimit: number): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    // Every refused request is a 400, the body limit included (as for the other limits).
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? 400 : 500;
    const limit = error?.type === 'entity.too.large' ? { name: 'bodyBytes', max: bodyLimit, measured: Number(error.length) } : undefined;
    const message =
      error?.type === 'entity.parse.failed'
        ? 'The request body must be a JSON object, such as {"query": "{ plans { title } }"}.'
        : limit
          ? `The request body is ${limit.measured} bytes, over the limit of ${bodyLimit} (bodyBytes).`
          : status < 500
            ? 'The request could not be read.'
            : 'Internal server error.';
    if (status >= 500) console.error('Request error:', error);
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', ...(limit ? { limit } : {}) } }] });
  };
}

/**
 * Who the request acts for: a valid token's user, else a signed-in browser's, anonymous where
 * allowed, or UNAUTHENTICATED. A token wins over a session cookie. Calendar feeds and report pages
 * may carry a read-only token in `?token=` (calendar clients cannot send headers; a URL leaks more
 * easily than a header, so only read-only tokens go there). A browser sends its cookie with any
 * site's request, so a write on a session must come from Cairn's own origin (FORBIDDEN otherwise).
 */
async function viewerOf(req: Request, auth: { tokens: Authenticator; sessions: Sessions; publicUrl: () => string }, anonymousRead: boolean, tokenFromQuery = false): Promise<Viewer> {
  const queryToken = tokenFromQuery && typeof req.query.token === 'string' ? req.query.token : undefined;
  const token = queryToken ?? bearerToken(req.headers.authorization);
  if (token === null) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  if (token !== undefined) {
    const viewer = await auth.tokens.viewerFor(token, queryToken !== undefined);
    if (!viewer) throw unauthenticated(queryToken !== undefined ? 'A token in a URL must be a read-only token (npm run user -- token --user N --read-only) that is not revoked or expired.' : 'The token is unknown, revoked or expired.');
    return viewer;
  }
  const session = cookieOf(req, SESSION_COOKIE);
  if (session !== undefined) {
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isOwnOriginWrite(req, auth.publicUrl())) {
      throw forbidden("A signed-in browser's request must come from Cairn's own pages (its Origin header); scripts use a bearer token.");
    }
    const viewer = await auth.sessions.viewerFor(session);
    if (!viewer) throw unauthenticated('Your session has ended: sign in again.');
    return viewer;
  }
  if (anonymousRead) return ANONYMOUS;
  throw unauthenticated('Sign in: send "Authorization: Bearer <token>". This server does not allow anonymous reads.');
}

/** http://host:port of the listening address, the way a browser on this machine would write it. */
function listeningAddress(host: string | undefined, port: number): string {
  const name = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export async function startServer(config: Config, { statementCounter, samplePlans }: StartOptions = {}): Promise<RunningServer> {
  const database = databaseOptionsOf(config);
  const dataSource = await openDatabase({ ...database, statementCounter }, async (opened) => {
    if (config.seedWhenEmpty) {
      if (!samplePlans) throw new Error('CAIRN_SEED is on but the server was started without the sample plans to load; pass startServer its samplePlans, or set CAIRN_SEED=false.');
      await samplePlans(opened, config.clock);
    }
  });
  const services = createServices(dataSource, config.clock, apiInputChecks);
  // Workers open their own connections, so an in-memory database (one per connection) stays on
  // the main thread; so does any clock other than the system's or a fixed date (workers rebuild it).
  const workersCanRead = (database.databaseUrl !== undefined || database.databasePath !== ':memory:') && (config.clock === systemClock || config.clock.fixedToday !== undefined);
  const offloadCost = workersCanRead ? (config.offloadCost ?? 0) : 0;
  const readPool =
    offloadCost > 0
      ? await ReadPool.start(config.readWorkers ?? 1, {
          database,
          fixedToday: config.clock.fixedToday,
          limits: config.limits,
          exposeErrorDetails: config.exposeErrorDetails,
        })
      : undefined;
  let publicUrl = config.publicUrl ?? ''; // the listening address once known
  const auth = { tokens: new Authenticator(dataSource, config.clock), sessions: new Sessions(dataSource, config.clock, config.session), publicUrl: () => publicUrl };
  const singleSignOn = config.oidc ? new SingleSignOn(dataSource, config.clock, config.oidc) : undefined;
  const app = express();
  const httpServer = http.createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.headersTimeoutMs,
      // Node checks for slow clients every 30 s by default, so a short timeout would be overrun by
      // up to 30 s; checking ten times per headers timeout cuts a slow client within 10% of it.
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.headersTimeoutMs / 10)),
    },
    app,
  );
  const mainThreadPlugins = [ApolloServerPluginDrainHttpServer({ httpServer }), ...(readPool ? [offloadHeavyReads(readPool, offloadCost)] : [])];
  const apollo = new ApolloServer<RequestContext>({ ...(await apolloServerOptions(config, mainThreadPlugins)), stringifyResult });
  await apollo.start();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use((req, res, next) => {
    // Browsers remember to use HTTPS only from an answer that came over HTTPS; behind a TLS proxy,
    // that is known only when the proxy is trusted (CAIRN_TRUST_PROXY) to say so in X-Forwarded-Proto.
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (error) {
      console.error('Readiness check failed:', error);
      res.status(503).json({ status: 'unavailable', reason: 'The database is not reachable.' });
    }
  });
  const contextFor = async (req: Request, tokenFromQuery = false) =>
    new RequestContext(services, await viewerOf(req, auth, config.anonymousRead, tokenFromQuery), randomUUID(), config.limits);
  app.use(signInRoutes(singleSignOn, auth.sessions, auth.publicUrl));
  app.use(webRoutes()); // before /graphql: a browser's GET /graphql gets the IDE
  const graphqlContext = async ({ req }: { req: Request }) => {
    checkDocument(req.method === 'GET' ? req.query.query : req.body?.query, config.limits);
    try {
      return await contextFor(req);
    } catch (error) {
      throw toGraphQLError(error);
    }
  };
  app.use('/graphql', express.json({ limit: config.limits.bodyBytes }), expressMiddleware(apollo, { context: graphqlContext }));
  app.use(exportRoutes(contextFor, auth.publicUrl));
  app.use(reportRoutes(contextFor));
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  app.use(requestErrors(config.limits.bodyBytes));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const listening = listeningAddress(config.host, (httpServer.address() as AddressInfo).port);
  publicUrl ||= listening;
  return {
    url: `${listening}/graphql`,
    publicUrl,
    dataSource,
    readPool,
    async stop() {
      await apollo.stop(); // drains requests in flight, offloaded ones included
      await readPool?.stop();
      await dataSource.destroy();
    },
  };
}
