/**
 * A worker thread that runs offloaded read-only queries (see read-pool.ts). It builds its Apollo
 * server from the same options as the main thread (graphql/apollo-options.ts) over its own
 * database connection, so a client gets the same response whichever thread answered.
 */
import 'reflect-metadata';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ApolloServer } from '@apollo/server';
import { createDataSource } from '../data-source';
import { fixedDateClock, systemClock } from '../domain/clock';
import { apolloServerOptions } from '../graphql/apollo-options';
import { RequestContext } from '../graphql/context';
import { apiInputChecks } from '../graphql/input-checks';
import { createServices } from '../services/app-services';
import { ReadJob, ReadResult, WorkerMessage, WorkerSetup } from './read-pool';

const setup = workerData as WorkerSetup;
const port = parentPort!;

// When the cores are all busy, the main thread's cheap requests should win: lower this thread's
// scheduling priority. On Linux the nice value is per thread (pid 0: the calling thread); elsewhere
// it would lower the whole server, so leave it.
if (process.platform === 'linux') os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);

async function start() {
  // No migrations: the main thread ran them before it started the workers. With WAL, this
  // connection reads the latest committed data at the start of each statement.
  const dataSource = createDataSource(setup.database);
  await dataSource.initialize();
  const services = createServices(dataSource, setup.fixedToday ? fixedDateClock(setup.fixedToday) : systemClock, apiInputChecks);
  const apollo = new ApolloServer<RequestContext>(await apolloServerOptions(setup));
  await apollo.start();
  return { services, apollo };
}

// A failure to start is thrown out of the worker: the pool sees it exit and logs the error.
const started = start();
started.then(() => port.postMessage({ ready: true } satisfies WorkerMessage));

port.on('message', async ({ id, job }: { id: number; job: ReadJob }) => {
  const { services, apollo } = await started;
  const contextValue = new RequestContext(services, job.viewer, job.requestId, setup.limits, job.startedAt);
  // The main thread already validated the operation; running Apollo's whole pipeline again here
  // (parse and validate are cheap next to execution) gives the exact status codes and errors.
  const response = await apollo.executeOperation({ query: job.query, variables: job.variables, operationName: job.operationName }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Incremental delivery is not offloaded.');
  const { data, errors, extensions } = response.body.singleResult;
  const result: ReadResult = {
    status: response.http.status,
    headers: [...response.http.headers],
    errors,
    extensions,
    // Serialised here, so the main thread sends it without walking a large result.
    dataJson: data === undefined ? undefined : JSON.stringify(data),
  };
  port.postMessage({ id, result } satisfies WorkerMessage);
});
