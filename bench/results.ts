/** Writes bench/RESULTS.md: the machine, the versions, and one table per figure with its target. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Comparison, StatementCounts } from './against-baseline';
import { HostileFigure } from './hostile';
import { IsolationFigure } from './isolation';
import { LoadResult } from './load';
import { PointQueryFigure } from './point-queries';
import { DIST } from './processes';
import { logLogSlope, median } from './stats';

export interface BenchResults {
  command: string;
  startedAt: string;
  totalSeconds: number;
  database: string;
  today: string;
  seed: number;
  runs: number;
  maxRequestSeconds: number;
  pinning: string;
  loadAverageAtStart: number[];
  seeds: { milestones: number; seconds: number }[];
  dashboards: Comparison[];
  statements: StatementCounts[];
  points?: PointQueryFigure;
  isolation?: IsolationFigure;
  rollups?: Comparison;
  hostile?: HostileFigure;
  /** Figures a and d on PostgreSQL; absent when no server URL was given. */
  postgres?: { database: string; serverVersion: string; seeds: { milestones: number; seconds: number }[]; dashboards: Comparison[]; points?: PointQueryFigure };
}

/**
 * The headline figures before the performance work, hard-coded: historical measurements from
 * bench/RESULTS-before.md (committed in 3e0a25e, measured at Cairn commit 179fc6f with the
 * harness of a41c599). Figures that were invalid then say so.
 */
const BEFORE = {
  dashboardRatio10k: '3.0×',
  dashboardStatements: '10',
  milestoneStatements: '8, 12',
  slope: '1.04 (1k–10k; 1.41 over 1k–100k, 100k answers differed)',
  rss100k: '4207 MB',
  pointRatio: '0.35 (380 / 1083 req/s)',
  isolationRatio: 'no p99 under load (0 of 1000 completed)',
  rollupRatio: '(1.6×, answers differed)',
  dashboard10k: '7.80 s',
  dashboard100k: '462.34 s (answers differed)',
};

const ROOT = path.resolve(DIST, '..');
const PACKAGES = ['@apollo/server', 'express', 'type-graphql', 'graphql', 'typeorm', 'better-sqlite3', 'pg', 'dataloader', 'luxon', 'autocannon'];

function machine(): string[] {
  const cpus = os.cpus();
  const release = fs.existsSync('/etc/os-release') ? /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  let commit = 'unknown';
  try {
    commit = `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : ''}`;
  } catch {
    // not a git checkout
  }
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const versions = PACKAGES.map((name) => `${name} ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`);
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${release ?? os.type()} (kernel ${os.release()}, ${os.arch()})`,
    `- Node ${process.version}, SQLite ${sqlite}; ${versions.join(', ')}`,
    `- Cairn commit ${commit}`,
  ];
}

function time(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function num(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function verdict(ok: boolean | null): string {
  return ok === null ? 'n/a' : ok ? 'pass' : '**FAIL**';
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function valid(c: Comparison): boolean {
  return !c.error && c.difference === null;
}

function equality(c: Comparison): string {
  if (c.error) return `failed: ${c.error}`;
  return c.difference === null ? 'baseline JSON deep-equals GraphQL data' : `**answers differ** (${c.difference}): ratio invalid`;
}

/** How many samples the medians are of; a single cold one when a request took over 20 s. */
function runsNote(c: Comparison, runs: number): string {
  const note = (n: number) => (n === 1 && runs > 1 ? '1 (cold: over 20 s, not repeated)' : String(n));
  return `GraphQL ${note(c.graphqlMs.length)}, baseline ${note(c.baselineMs.length)}`;
}

function loadMedians(results: LoadResult[]) {
  return {
    rps: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50Ms)),
    p99: median(results.map((r) => r.p99Ms)),
    failures: results.reduce((n, r) => n + r.failures, 0),
  };
}

function ratioText(c: Comparison | undefined): string {
  if (!c) return '—';
  if (valid(c)) return `${num(c.ratio)}×`;
  return Number.isFinite(c.ratio) ? `(${num(c.ratio)}×, not comparable: ${c.error ? 'failed' : 'answers differ'})` : `— (${c.error ?? c.difference})`;
}

/** Slope over the sizes whose answer equalled the baseline's. */
function dashboardSlope(dashboards: Comparison[]): { sizes: number[]; slope: number } {
  const points = dashboards.filter(valid).map((c) => ({ x: c.milestones, y: median(c.graphqlMs) }));
  return { sizes: points.map((p) => p.x), slope: points.length >= 2 ? logLogSlope(points) : NaN };
}

function pointRatio(p: PointQueryFigure) {
  const status = loadMedians(p.status);
  const typename = loadMedians(p.typename);
  return { status, typename, ratio: status.rps / typename.rps };
}

function isolationRatio(e: IsolationFigure): number {
  const answered = (results: LoadResult[]) => results.every((x) => x.requests > 0);
  return answered(e.alone) && answered(e.withDashboards) ? loadMedians(e.withDashboards).p99 / loadMedians(e.alone).p99 : NaN;
}

/** Before (hard-coded above) and after (this run), one row per headline figure. */
function beforeAndAfter(r: BenchResults): string[] {
  const at = (n: number) => r.dashboards.find((c) => c.milestones === n);
  const dashboardTime = (n: number) => {
    const c = at(n);
    if (!c || c.graphqlMs.length === 0) return c?.error ? `failed (${c.error})` : '—';
    return `${time(median(c.graphqlMs))}${valid(c) ? '' : ' (answers differ)'}`;
  };
  const distinct = (lists: number[][]) => [...new Set(lists.flat())].join(', ') || '—';
  const slope = dashboardSlope(r.dashboards);
  const rss = at(100_000);
  const points = r.points ? pointRatio(r.points) : undefined;
  const isolation = r.isolation ? isolationRatio(r.isolation) : NaN;
  const rows = [
    ['a. Dashboard ratio to the baseline at 10k', '≤ 3×', BEFORE.dashboardRatio10k, ratioText(at(10_000))],
    ['b. SQL statements per dashboard', '≤ 6', BEFORE.dashboardStatements, distinct(r.statements.map((s) => s.dashboard))],
    ['b. SQL statements per milestone(id) { status progress }', '≤ 2', BEFORE.milestoneStatements, distinct(r.statements.map((s) => s.single))],
    ['c. Slope of log(dashboard time) over log(N)', '≤ 1.15', BEFORE.slope, Number.isFinite(slope.slope) ? `${num(slope.slope)} (${slope.sizes.join(', ')})` : '—'],
    ['c. Peak RSS of the server at 100k', '≤ 512 MB', BEFORE.rss100k, rss && Number.isFinite(rss.serverPeakRssMb) ? `${rss.serverPeakRssMb.toFixed(0)} MB` : '—'],
    ['d. Point-query req/s ratio, status / __typename', '≥ 0.8', BEFORE.pointRatio, points ? `${num(points.ratio)} (${num(points.status.rps, 0)} / ${num(points.typename.rps, 0)} req/s)` : '—'],
    ['e. Isolation p99 ratio, with dashboards / alone', '≤ 2', BEFORE.isolationRatio, r.isolation ? (Number.isFinite(isolation) ? num(isolation, 1) : 'no p99 under load') : '—'],
    ['f. Roll-up ratio to the baseline at the largest size', '≤ 1.5×', BEFORE.rollupRatio, ratioText(r.rollups)],
    ['Dashboard time at 10k (GraphQL, median)', '—', BEFORE.dashboard10k, dashboardTime(10_000)],
    ['Dashboard time at 100k (GraphQL, median)', '—', BEFORE.dashboard100k, dashboardTime(100_000)],
  ];
  return [
    '## Before and after',
    '',
    'SQLite. Before: bench/RESULTS-before.md (Cairn 179fc6f, before the performance work). After: this run. The sections below have the details.',
    '',
    ...table(['Figure', 'Target', 'Before', 'After'], rows),
    '',
  ];
}

/** Figure g: each hostile document's answer time beside the plain query's, and /healthz sent alongside. */
function hostileSection(g: HostileFigure): string[] {
  const plain = median(g.rows[0].answerMs);
  const refusedAsExpected = (row: HostileFigure['rows'][number]) => row.status === 400 && row.limit === row.expectedLimit;
  const hostile = g.rows.slice(1);
  const slowest = Math.max(...hostile.map((row) => median(row.answerMs)));
  const slowestHealthz = Math.max(...g.rows.map((row) => median(row.healthzMs)));
  return [
    '## g. Hostile documents',
    '',
    `Default limits, plan of ${g.milestones} milestones; each document sent ${g.runs} times after one warm-up, documents alternating, with GET /healthz sent alongside each request. ` +
      'Times are medians from sending to the last byte of the answer; "× plain" divides by the plain query\'s median.',
    '',
    ...table(
      ['Document', 'Request bytes', 'Answer', 'Answered in', '× plain', '/healthz alongside', 'Check'],
      g.rows.map((row, i) => [
        row.name,
        String(row.bytes),
        `${row.status}${row.limit ? ` (${row.limit})` : ''}`,
        time(median(row.answerMs)),
        i === 0 ? '1' : num(median(row.answerMs) / plain, 1),
        time(median(row.healthzMs)),
        i === 0 ? verdict(row.status === 200) : refusedAsExpected(row) ? 'refused by its limit' : `expected 400 (${row.expectedLimit})`,
      ]),
    ),
    '',
    ...table(
      ['Figure', 'Target', 'Measured', 'Result'],
      [
        ['Every hostile document refused by its limit', 'all', `${hostile.filter(refusedAsExpected).length} of ${hostile.length}`, verdict(hostile.every(refusedAsExpected))],
        ['Slowest refusal (median)', 'milliseconds (< 1 s)', time(slowest), verdict(slowest < 1000)],
        ['Slowest /healthz alongside (median)', 'milliseconds (< 1 s)', time(slowestHealthz), verdict(slowestHealthz < 1000)],
      ],
    ),
    '',
  ];
}

/** Figures a and d on PostgreSQL beside SQLite's, or how to get them. */
function postgresSection(r: BenchResults): string[] {
  const lines = ['## PostgreSQL beside SQLite (figures a and d)', ''];
  const pg = r.postgres;
  if (!pg) {
    return [
      ...lines,
      'Not measured in this run: no PostgreSQL server was given. Pass one with `npm run bench -- --postgres postgres://user@host:5432/postgres` ' +
        '(or set BENCH_DATABASE_URL or DATABASE_URL); the bench then creates, seeds and drops a database `cairn_bench_<N>` per plan size.',
      '',
    ];
  }
  lines.push(
    `- Database: ${pg.database}; PostgreSQL ${pg.serverVersion}. The PostgreSQL server's own processes are not pinned: they share both cores with the bench, the load generators and Cairn.`,
    `- Seeding (same seed command, DATABASE_URL): ${pg.seeds.map((s) => `${s.milestones}: ${s.seconds.toFixed(1)} s`).join('; ')}`,
    '- The PostgreSQL baseline is the SQLite one with its seven statements sent through node-postgres (named prepared statements, one connection) instead of better-sqlite3: same SQL, same src/domain rules, same JSON.',
    '- Same method as on SQLite: medians after one warm-up, requests alternating, offload at its default.',
    '',
    ...table(
      ['Milestones', 'SQLite GraphQL', 'SQLite baseline (HTTP)', 'SQLite ratio', 'PostgreSQL GraphQL', 'PostgreSQL baseline (HTTP)', 'PostgreSQL baseline (in-process)', 'PostgreSQL ratio', 'PostgreSQL check'],
      pg.dashboards.map((c) => {
        const sqlite = r.dashboards.find((d) => d.milestones === c.milestones);
        return [
          String(c.milestones),
          sqlite ? time(median(sqlite.graphqlMs)) : '—',
          sqlite ? time(median(sqlite.baselineMs)) : '—',
          ratioText(sqlite),
          time(median(c.graphqlMs)),
          time(median(c.baselineMs)),
          time(median(c.inProcessMs)),
          ratioText(c),
          equality(c),
        ];
      }),
    ),
    '',
  );
  if (pg.points) {
    const row = (name: string, p: PointQueryFigure | undefined) => {
      if (!p) return [name, '—', '—', '—', '—', '—', '—', '—', '—'];
      const { status, typename, ratio } = pointRatio(p);
      return [name, String(p.milestones), num(status.rps, 0), `${status.p50} / ${status.p99} ms`, num(typename.rps, 0), `${typename.p50} / ${typename.p99} ms`, num(ratio), verdict(ratio >= 0.8), String(status.failures + typename.failures)];
    };
    lines.push(
      `Point queries as in figure d (${pg.points.connections} connections, ${pg.points.durationS} s per run, ${pg.points.runs} runs of each, medians):`,
      '',
      ...table(
        ['Database', 'Milestones', '`milestone(id) { status progress }` req/s', 'p50 / p99', '`{ __typename }` req/s', 'p50 / p99', 'Ratio (target ≥ 0.8)', 'Result', 'Failures'],
        [row('SQLite', r.points), row('PostgreSQL', pg.points)],
      ),
      '',
    );
  }
  return lines;
}

export function renderResults(r: BenchResults): string {
  const lines: string[] = [
    '# Cairn benchmark results',
    '',
    `Written by \`${r.command}\` on ${r.startedAt}; the whole run took ${(r.totalSeconds / 60).toFixed(1)} min. See bench/README.md for what each figure means.`,
    '',
    ...beforeAndAfter(r),
    '## Machine and versions',
    '',
    ...machine(),
    `- Database: ${r.database}`,
    `- Load average when the run started: ${r.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')} (other work on the machine adds noise)`,
    `- Pinning: ${r.pinning}`,
    '',
    `Plans: \`seed --synthetic N --seed ${r.seed}\`, judged on CAIRN_TODAY=${r.today}, read with an ADMIN token (every milestone visible). ` +
      `Times are medians of ${r.runs} runs after one warm-up request, except where a table says otherwise; ratios are of medians measured in the same run, requests alternating. ` +
      `The bench waits at most ${r.maxRequestSeconds} s for one GraphQL answer (--max-request-s); a slower one shows as failed. ` +
      'Timed servers (figures a, c, d, e, f) run with worker-thread offload at its default (CAIRN_OFFLOAD_COST 2000, CAIRN_READ_WORKERS one fewer than the cores); ' +
      'the server that counts statements (figure b) runs with CAIRN_OFFLOAD_COST=0, since the counter sees only the main thread\'s connection.',
    '',
    '## Seeding',
    '',
    ...table(
      ['Milestones', 'seed --synthetic N (wall time)', 'Target'],
      r.seeds.map((s) => [String(s.milestones), `${s.seconds.toFixed(1)} s`, s.milestones === 100_000 ? `< 60 s: ${verdict(s.seconds < 60)}` : '—']),
    ),
    '',
    '## a. Dashboard against the baseline',
    '',
    'GraphQL `plan(id) { goals(all: true) { code title milestones { code title status progress statusReason leadAgency { shortName } } } }` over HTTP, ' +
      'against the baseline (raw better-sqlite3 statements + the same src/domain rules + JSON) behind a minimal node:http server, both servers on the same core. ' +
      'The ratio is GraphQL / baseline over HTTP, the fair comparison; the in-process baseline (no HTTP) is for reference.',
    '',
    ...table(
      ['Milestones', 'GraphQL', 'Baseline (HTTP)', 'Baseline (in-process)', 'Ratio', 'Target', 'Result', 'Runs', 'Response', 'Check'],
      r.dashboards.map((c) => {
        const target = c.milestones === 10_000 ? '≤ 3× (stretch 2×)' : '—';
        return [
          String(c.milestones),
          time(median(c.graphqlMs)),
          time(median(c.baselineMs)),
          time(median(c.inProcessMs)),
          valid(c) ? `${num(c.ratio)}×` : Number.isFinite(c.ratio) ? `(${num(c.ratio)}×, not comparable)` : '—',
          target,
          c.milestones === 10_000 ? verdict(valid(c) && c.ratio <= 3) + (valid(c) && c.ratio <= 2 ? ' (stretch met)' : '') : '—',
          runsNote(c, r.runs),
          `${(c.responseBytes / 2 ** 20).toFixed(1)} MiB`,
          equality(c),
        ];
      }),
    ),
    '',
    '## b. SQL statements per request',
    '',
    'Counted by the server\'s StatementCounter (src/data-source.ts), asked over IPC before and after each request, on a server with CAIRN_OFFLOAD_COST=0 ' +
      '(everything on the main thread, whose connection the counter watches); they include the statements that look up the bearer token, counted alone as `{ __typename }` with the token. Two dashboard requests per size.',
    '',
    ...table(
      ['Milestones', 'Token lookup (`{ __typename }`)', 'Dashboard (each request)', 'Target', 'Result', 'milestone(id) { status progress } (5 milestones)', 'Target', 'Result'],
      r.statements.map((c) => {
        const all = r.statements.flatMap((d) => d.dashboard);
        const failed = c.error ? ` (failed: ${c.error})` : '';
        return [
          String(c.milestones),
          Number.isFinite(c.token) ? String(c.token) : '—',
          (c.dashboard.length ? [...new Set(c.dashboard)].join(', ') : '—') + failed,
          '≤ 6 and constant',
          c.dashboard.length ? verdict(Math.max(...c.dashboard) <= 6 && new Set(all).size === 1) : 'n/a',
          c.single.join(', ') || '—',
          '≤ 2',
          c.single.length ? verdict(Math.max(...c.single) <= 2) : 'n/a',
        ];
      }),
    ),
    '',
  ];

  const points = r.dashboards.filter(valid).map((c) => ({ x: c.milestones, y: median(c.graphqlMs) }));
  const slope = points.length >= 2 ? logLogSlope(points) : NaN;
  // Sizes whose answer differed from the baseline still have a time; their slope is shown apart.
  const timed = r.dashboards.filter((c) => c.graphqlMs.length > 0).map((c) => ({ x: c.milestones, y: median(c.graphqlMs) }));
  const timedSlope = timed.length > points.length && timed.length >= 2 ? logLogSlope(timed) : NaN;
  const largest = r.dashboards[r.dashboards.length - 1];
  lines.push(
    '## c. Scaling and memory',
    '',
    ...table(
      ['Figure', 'Target', 'Measured', 'Result', 'Notes'],
      [
        [
          `Slope of log(GraphQL dashboard time) over log(N), least squares over ${points.map((p) => p.x).join(', ')}`,
          '≤ 1.15',
          num(slope),
          points.length >= 3 ? verdict(slope <= 1.15) : 'n/a',
          points.length < r.dashboards.length
            ? `sizes whose dashboard failed or answered differently are left out${Number.isFinite(timedSlope) ? `; over every timed size (${timed.map((p) => p.x).join(', ')}) it is ${num(timedSlope)}` : ''}`
            : '1 = linear',
        ],
        ...r.dashboards.map((c) => [
          `Peak RSS of the Cairn server process (VmHWM) after the dashboards at ${c.milestones}`,
          c === largest && c.milestones === 100_000 ? '≤ 512 MB' : '—',
          Number.isFinite(c.serverPeakRssMb) ? `${c.serverPeakRssMb.toFixed(0)} MB` : 'server died',
          c === largest && c.milestones === 100_000 ? verdict(Number.isFinite(c.serverPeakRssMb) && c.serverPeakRssMb <= 512) : '—',
          `baseline server: ${c.baselinePeakRssMb.toFixed(0)} MB`,
        ]),
      ],
    ),
    '',
  );

  if (r.points) {
    const p = r.points;
    const status = loadMedians(p.status);
    const typename = loadMedians(p.typename);
    const ratio = status.rps / typename.rps;
    lines.push(
      '## d. Point queries',
      '',
      `autocannon (own process${r.pinning.startsWith('server') ? ', on the client core' : ''}), ${p.connections} connections, ${p.durationS} s per run, ${p.runs} runs of each, alternating, after a 2 s warm-up of each; plan of ${p.milestones} milestones, random ids (seeded).`,
      '',
      ...table(
        ['Query', 'Requests/s', 'p50', 'p99', 'Failures'],
        [
          ['`milestone(id) { status progress }`', num(status.rps, 0), `${status.p50} ms`, `${status.p99} ms`, String(status.failures)],
          ['`{ __typename }`', num(typename.rps, 0), `${typename.p50} ms`, `${typename.p99} ms`, String(typename.failures)],
        ],
      ),
      '',
      ...table(['Figure', 'Target', 'Measured', 'Result'], [['Requests/s ratio, status / __typename', '≥ 0.8', num(ratio), verdict(ratio >= 0.8)]]),
      '',
    );
  }

  if (r.isolation) {
    const e = r.isolation;
    const alone = loadMedians(e.alone);
    const loaded = loadMedians(e.withDashboards);
    const expected = e.rate * e.durationS;
    // Latency percentiles are over completed requests only: with none completed there is no p99, only a failure.
    const answered = (results: LoadResult[]) => results.every((x) => x.requests > 0);
    const ratio = answered(e.alone) && answered(e.withDashboards) ? loaded.p99 / alone.p99 : NaN;
    const p99 = (m: ReturnType<typeof loadMedians>, results: LoadResult[]) => (answered(results) ? `${m.p99} ms` : `none completed in ${e.durationS} s`);
    lines.push(
      '## e. Isolation',
      '',
      `Point queries (\`milestone(id) { status progress }\`, random ids) at a fixed ${e.rate} requests/s (autocannon overallRate, 10 connections, latencies corrected for coordinated omission), ${e.durationS} s per run, ${e.runs} runs; ` +
        `alone, then while ${e.dashboardClients} other clients request the dashboard of the same ${e.milestones}-milestone plan back to back.`,
      '',
      ...table(
        ['Condition', 'p50', 'p99', 'Completed / sent at the rate, per run', 'Failures (errors, timeouts > 10 s, non-2xx)', 'Dashboards completed meanwhile'],
        [
          ['alone', `${alone.p50} ms`, p99(alone, e.alone), e.alone.map((x) => `${x.requests}/${expected}`).join(', '), String(alone.failures), '—'],
          [`with ${e.dashboardClients} dashboard clients`, `${loaded.p50} ms`, p99(loaded, e.withDashboards), e.withDashboards.map((x) => `${x.requests}/${expected}`).join(', '), String(loaded.failures), e.dashboardsCompleted.join(', ')],
        ],
      ),
      '',
      ...table(['Figure', 'Target', 'Measured', 'Result'], [['p99 ratio, with dashboards / alone', '≤ 2', Number.isFinite(ratio) ? num(ratio, 1) : 'no p99 under load', verdict(Number.isFinite(ratio) && ratio <= 2)]]),
      '',
    );
  }

  if (r.rollups) {
    const f = r.rollups;
    lines.push(
      '## f. Roll-ups',
      '',
      `GraphQL \`plan(id) { progress health statusCounts { … } dashboard { breakdown(by: GOAL) { key label milestoneCount progress health overdueDays statusCounts { … } } } }\` at ${f.milestones} milestones, ` +
        'against the baseline (raw SQL, the same domain roll-up and breakdown functions, JSON) over HTTP.',
      '',
      ...table(
        ['Milestones', 'GraphQL', 'Baseline (HTTP)', 'Baseline (in-process)', 'Ratio', 'Target', 'Result', 'Runs', 'Server peak RSS', 'Check'],
        [
          [
            String(f.milestones),
            time(median(f.graphqlMs)),
            time(median(f.baselineMs)),
            time(median(f.inProcessMs)),
            valid(f) ? `${num(f.ratio)}×` : Number.isFinite(f.ratio) ? `(${num(f.ratio)}×, not comparable)` : '—',
            '≤ 1.5×',
            verdict(valid(f) && f.ratio <= 1.5),
            runsNote(f, r.runs),
            Number.isFinite(f.serverPeakRssMb) ? `${f.serverPeakRssMb.toFixed(0)} MB` : 'server died',
            equality(f),
          ],
        ],
      ),
      '',
    );
  }
  if (r.hostile) lines.push(...hostileSection(r.hostile));
  lines.push(...postgresSection(r));
  return lines.join('\n');
}
