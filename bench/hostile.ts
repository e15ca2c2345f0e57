/**
 * Figure g: how long Cairn takes to refuse hostile documents (each must be a 400 naming its limit)
 * against a plain `{ __typename }` on the same server, and how long GET /healthz sent alongside
 * each takes. The limits are the defaults, so the plan's size does not matter.
 */
import http from 'node:http';
import { startCairn } from './against-baseline';
import { post } from './processes';
import { HOSTILE, TYPENAME } from './queries';
import { PreparedPlan } from './targets';

export interface HostileRow {
  name: string;
  bytes: number;
  expectedLimit: string;
  /** Status and limit named by the first answer; the rest must be the same. */
  status: number;
  limit: string | null;
  answerMs: number[];
  healthzMs: number[];
}

export interface HostileFigure {
  milestones: number;
  runs: number;
  rows: HostileRow[];
}

function healthz(graphqlUrl: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) =>
    http
      .get(graphqlUrl.replace('/graphql', '/healthz'), { agent: false }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/healthz answered ${res.statusCode}`))));
      })
      .on('error', reject),
  );
}

export async function measureHostile(plan: PreparedPlan, options: { today: string; runs: number }): Promise<HostileFigure> {
  const cairn = await startCairn(plan, options.today);
  try {
    const documents = [{ name: '`{ __typename }` (plain, served)', query: TYPENAME, limit: '' }, ...HOSTILE];
    const rows: HostileRow[] = documents.map((d) => ({ name: d.name, bytes: Buffer.byteLength(JSON.stringify({ query: d.query })), expectedLimit: d.limit, status: 0, limit: null, answerMs: [], healthzMs: [] }));
    // One warm-up round, then the timed rounds; documents alternate within each round.
    for (let round = 0; round <= options.runs; round++) {
      for (const [i, document] of documents.entries()) {
        const [answer, healthzMs] = await Promise.all([post(cairn.url, { query: document.query }, plan.adminToken), healthz(cairn.url)]);
        const limit: string | null = JSON.parse(answer.body).errors?.[0]?.extensions?.limit?.name ?? null;
        const row = rows[i];
        if (round === 0) {
          Object.assign(row, { status: answer.status, limit });
          continue;
        }
        if (answer.status !== row.status || limit !== row.limit) throw new Error(`${document.name}: answered ${row.status} ${row.limit}, then ${answer.status} ${limit}`);
        row.answerMs.push(answer.ms);
        row.healthzMs.push(healthzMs);
      }
    }
    return { milestones: plan.milestones, runs: options.runs, rows };
  } finally {
    await cairn.stop();
  }
}
