/**
 * A load generator, run as its own process (pinned away from the server): autocannon sends one
 * GraphQL query, with `$id` drawn at random (seeded) from a list when ids are given.
 * Argument: a JSON file of LoadOptions. Prints a LoadResult as JSON.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  token: string;
  query: string;
  ids?: string[];
  connections: number;
  durationS: number;
  /** Requests per second over all connections; unset means as fast as the server answers. */
  overallRate?: number;
  seed: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers: should all be 0. */
  failures: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadOptions;
  let state = options.seed >>> 0;
  const random = () => {
    // xorshift32: cheap, seeded, so every run asks for the same ids.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const ids = options.ids;
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: options.durationS,
    overallRate: options.overallRate,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: options.query }),
    requests: ids
      ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query: options.query, variables: { id: ids[Math.floor(random() * ids.length)] } }) }) }]
      : undefined,
  });
  const summary: LoadResult = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
  process.stdout.write(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
