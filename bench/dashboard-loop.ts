/**
 * Background dashboards for the isolation figure: `concurrency` clients each request the
 * dashboard again as soon as the last one answered, until SIGTERM; then prints how many completed.
 * Arguments: Cairn's URL, a token, the plan's global ID, the concurrency.
 */
import { post } from './processes';
import { DASHBOARD } from './queries';
import { median } from './stats';

const [url, token, planId, concurrency] = process.argv.slice(2);
const times: number[] = [];

async function client(): Promise<void> {
  for (;;) times.push((await post(url, { query: DASHBOARD, variables: { id: planId } }, token)).ms);
}

process.on('SIGTERM', () => {
  process.stdout.write(JSON.stringify({ completed: times.length, medianMs: median(times) }));
  process.exit(0);
});
for (let i = 0; i < Number(concurrency); i++) client().catch((error) => {
  console.error(error);
  process.exit(1);
});
