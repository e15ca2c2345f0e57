/**
 * The Apollo server options that shape a GraphQL response: schema, operation limits, error
 * formatting and logging. The main thread (server.ts) and every read worker (worker/read-worker.ts)
 * build their Apollo server from these, so a client gets the same response whichever thread answered.
 */
import { ApolloServerOptionsWithSchema, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Config } from '../config';
import { RequestContext } from './context';
import { errorHandling, formatError } from './errors';
import { operationLimits } from './limits';
import { buildCairnSchema } from './schema';

/** `plugins` are added after Cairn's own (a thread's own duties: draining its HTTP server, offloading). */
export async function apolloServerOptions(
  settings: Pick<Config, 'limits' | 'exposeErrorDetails'>,
  plugins: ApolloServerPlugin<RequestContext>[] = [],
): Promise<ApolloServerOptionsWithSchema<RequestContext>> {
  return {
    schema: await buildCairnSchema(),
    formatError: formatError(settings.exposeErrorDetails),
    includeStacktraceInErrorResponses: settings.exposeErrorDetails,
    introspection: true,
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), operationLimits(settings.limits), errorHandling, ...plugins],
  };
}
