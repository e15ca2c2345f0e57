/**
 * Sends heavy read-only operations to the worker threads of a ReadPool, so the main event loop
 * stays free for the cheap requests. The decision is made after validation, from the estimated
 * cost that the operation limits measured; mutations always run here, on the main thread.
 */
import { ApolloServerPlugin, GraphQLResponse, HeaderMap } from '@apollo/server';
import { FormattedExecutionResult } from 'graphql';
import { RequestContext } from '../graphql/context';
import { ReadPool, ReadResult } from './read-pool';

/**
 * A worker's data, still as JSON text. Parsing it here only for Apollo to serialise it again
 * would block the event loop for as long as the result is large, which offloading is meant to
 * avoid; so the response carries a stand-in object and stringifyResult splices the text in.
 */
const offloadedData = new WeakMap<object, string>();

/** Apollo's serialisation (`stringifyResult` option), with offloaded data sent as it came. */
export function stringifyResult(result: FormattedExecutionResult): string {
  const dataJson = result.data ? offloadedData.get(result.data) : undefined;
  if (dataJson === undefined) return JSON.stringify(result) + '\n'; // what Apollo does by default
  // Same fields, same order as Apollo's: errors, data, extensions.
  const fields = [result.errors && `"errors":${JSON.stringify(result.errors)}`, `"data":${dataJson}`, result.extensions && `"extensions":${JSON.stringify(result.extensions)}`];
  return `{${fields.filter(Boolean).join(',')}}\n`;
}

function responseFrom(result: ReadResult): GraphQLResponse {
  let data: Record<string, unknown> | undefined;
  if (result.dataJson !== undefined) {
    data = {};
    offloadedData.set(data, result.dataJson);
  }
  return {
    http: { status: result.status, headers: new HeaderMap(result.headers) },
    body: { kind: 'single', singleResult: { errors: result.errors, data, extensions: result.extensions } },
  };
}

/** A query whose estimated cost is above `minCost` runs in the pool. */
export function offloadHeavyReads(pool: ReadPool, minCost: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // Apollo runs every didResolveOperation hook (operationLimits sets the cost) before this one.
        async responseForOperation({ contextValue, operation, request, source }) {
          const cost = contextValue.estimatedCost;
          if (operation.operation !== 'query' || cost === undefined || cost <= minCost || !pool.available) return null;
          try {
            return responseFrom(
              await pool.run({
                query: source,
                variables: request.variables,
                operationName: request.operationName,
                viewer: contextValue.viewer,
                requestId: contextValue.requestId,
                startedAt: contextValue.startedAt,
              }),
            );
          } catch (error) {
            // The worker died (it is being replaced); the client gets what any internal error gives.
            console.error(`[request ${contextValue.requestId}] Internal error:`, error);
            return {
              http: { status: 500, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } },
            };
          }
        },
      };
    },
  };
}
