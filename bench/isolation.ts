/**
 * Figure e: p99 latency of point queries at a fixed rate, alone and while dashboards of the
 * same plan run back to back from another client. Both clients run on the client core.
 */
import { startCairn } from './against-baseline';
import { LoadResult } from './load';
import { milestoneIds, load } from './point-queries';
import { PINNING, post, Service, startBackground } from './processes';
import { MILESTONE_STATUS, TYPENAME } from './queries';
import { PreparedPlan } from './targets';

export interface IsolationFigure {
  milestones: number;
  runs: number;
  rate: number;
  durationS: number;
  dashboardClients: number;
  alone: LoadResult[];
  withDashboards: LoadResult[];
  /** Dashboards completed during each loaded run. */
  dashboardsCompleted: number[];
}

/** Waits until the main thread is free again: `{ __typename }` answers fast (dashboard-loop has already waited for its dashboards). */
async function idle(cairn: Service, token: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await post(cairn.url, { query: TYPENAME }, token)).ms > 50 && Date.now() < deadline);
}

export async function measureIsolation(
  plan: PreparedPlan,
  options: { today: string; runs: number; durationS: number; rate: number; dashboardClients: number },
): Promise<IsolationFigure> {
  const cairn = await startCairn(plan, options.today);
  try {
    const ids = await milestoneIds(plan, cairn);
    const points = { url: cairn.url, token: plan.adminToken, query: MILESTONE_STATUS, ids, connections: 10, durationS: options.durationS, overallRate: options.rate };
    const figure: IsolationFigure = { ...options, milestones: plan.milestones, alone: [], withDashboards: [], dashboardsCompleted: [] };
    await load({ ...points, durationS: 2, seed: 99 }); // warm-up
    for (let i = 0; i < options.runs; i++) {
      figure.alone.push(await load({ ...points, seed: i + 1 }));
      const dashboards = startBackground<{ completed: number }>('bench/dashboard-loop.js', [cairn.url, plan.adminToken, plan.planId, String(options.dashboardClients)], { core: PINNING?.client });
      await new Promise((resolve) => setTimeout(resolve, 1000)); // let the first dashboards start
      figure.withDashboards.push(await load({ ...points, seed: i + 1 }));
      figure.dashboardsCompleted.push((await dashboards.stop()).completed);
      await idle(cairn, plan.adminToken);
    }
    return figure;
  } finally {
    await cairn.stop();
  }
}
