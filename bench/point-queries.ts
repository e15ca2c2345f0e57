/**
 * Figure d: requests per second of one milestone's status (random ids from the plan) against
 * `{ __typename }` on the same server, same connections and duration. Server on one core,
 * autocannon in its own process on another. Runs alternate; medians are reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toGlobalId } from '../src/entities/global-id';
import { startCairn } from './against-baseline';
import { LoadOptions, LoadResult } from './load';
import { PINNING, post, runScript, Service } from './processes';
import { MILESTONE_STATUS, TYPENAME } from './queries';
import { PreparedPlan } from './targets';

/** Runs autocannon in a child process on the client core. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `cairn-bench-load-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(options));
  try {
    return await runScript<LoadResult>('bench/load.js', [file], { core: PINNING?.client });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The plan's milestone ids, checked to answer with a status (an error would be a cheap 200). */
export async function milestoneIds(plan: PreparedPlan, cairn: Service): Promise<string[]> {
  const ids = (await plan.rows(plan.planRowId)).milestones.map((m) => toGlobalId('Milestone', m.id));
  const answer = JSON.parse((await post(cairn.url, { query: MILESTONE_STATUS, variables: { id: ids[0] } }, plan.adminToken)).body);
  if (!answer.data?.milestone?.status) throw new Error(`milestone(id) does not answer: ${JSON.stringify(answer)}`);
  return ids;
}

export interface PointQueryFigure {
  milestones: number;
  runs: number;
  connections: number;
  durationS: number;
  status: LoadResult[];
  typename: LoadResult[];
}

export async function measurePointQueries(plan: PreparedPlan, options: { today: string; runs: number; durationS: number; connections: number }): Promise<PointQueryFigure> {
  const cairn = await startCairn(plan, options.today);
  try {
    const ids = await milestoneIds(plan, cairn);
    const base = { url: cairn.url, token: plan.adminToken, connections: options.connections, seed: 1 };
    // A short warm-up of each, so the JIT has compiled both paths before anything is timed.
    await load({ ...base, query: TYPENAME, durationS: 2 });
    await load({ ...base, query: MILESTONE_STATUS, ids, durationS: 2 });
    const figure: PointQueryFigure = { milestones: plan.milestones, runs: options.runs, connections: options.connections, durationS: options.durationS, status: [], typename: [] };
    for (let i = 0; i < options.runs; i++) {
      figure.typename.push(await load({ ...base, query: TYPENAME, durationS: options.durationS }));
      figure.status.push(await load({ ...base, query: MILESTONE_STATUS, ids, durationS: options.durationS, seed: i + 1 }));
    }
    return figure;
  } finally {
    await cairn.stop();
  }
}
