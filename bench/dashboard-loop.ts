/**
 * Background dashboards for the isolation figure: `concurrency` clients each request the
 * dashboard again as soon as the last one answered, until SIGTERM; then each waits for the
 * dashboard it has in flight (so the server is idle again when this process ends: with
 * dashboards offloaded to worker threads, a fast `{ __typename }` no longer says so) and it
 * prints how many had completed when SIGTERM came.
 * Arguments: Cairn's URL, a token, the plan's global ID, the concurrency.
 */
import { post } from './processes';
import { DASHBOARD } from './queries';
import { median } from './stats';

const [url, token, planId, concurrency] = process.argv.slice(2);
const times: number[] = [];
let stopping = false;

async function client(): Promise<void> {
  while (!stopping) times.push((await post(url, { query: DASHBOARD, variables: { id: planId } }, token)).ms);
}

const clients = Array.from({ length: Number(concurrency) }, () => client());
Promise.all(clients).catch((error) => {
  console.error(error);
  process.exit(1);
});

process.on('SIGTERM', async () => {
  const completed = times.length;
  stopping = true;
  await Promise.all(clients);
  process.stdout.write(JSON.stringify({ completed, medianMs: median(times.slice(0, completed)) }));
  process.exit(0);
});
