/** Writes bench/RESULTS.md: the machine, the versions, and one table per figure with its target. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Comparison } from './against-baseline';
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
  singleStatements: { milestones: number; counts: number[] }[];
  points?: PointQueryFigure;
  isolation?: IsolationFigure;
  rollups?: Comparison;
}

const ROOT = path.resolve(DIST, '..');
const PACKAGES = ['@apollo/server', 'express', 'type-graphql', 'graphql', 'typeorm', 'better-sqlite3', 'dataloader', 'luxon', 'autocannon'];

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

export function renderResults(r: BenchResults): string {
  const lines: string[] = [
    '# Cairn benchmark results',
    '',
    `Written by \`${r.command}\` on ${r.startedAt}; the whole run took ${(r.totalSeconds / 60).toFixed(1)} min. See bench/README.md for what each figure means.`,
    '',
    '## Machine and versions',
    '',
    ...machine(),
    `- Database: ${r.database}`,
    `- Load average when the run started: ${r.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')} (other work on the machine adds noise)`,
    `- Pinning: ${r.pinning}`,
    '',
    `Plans: \`seed --synthetic N --seed ${r.seed}\`, judged on CAIRN_TODAY=${r.today}, read with an ADMIN token (every milestone visible). ` +
      `Times are medians of ${r.runs} runs after one warm-up request, except where a table says otherwise; ratios are of medians measured in the same run, requests alternating. ` +
      `The bench waits at most ${r.maxRequestSeconds} s for one GraphQL answer (--max-request-s); a slower one shows as failed.`,
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
    'Counted by the server\'s StatementCounter (src/data-source.ts), asked over IPC before and after each request; they include the 2 statements that look up the bearer token and its user.',
    '',
    ...table(
      ['Milestones', 'Dashboard (each request)', 'Target', 'Result', 'milestone(id) { status progress } (5 milestones)', 'Target', 'Result'],
      r.dashboards.map((c) => {
        const single = r.singleStatements.find((s) => s.milestones === c.milestones)?.counts ?? [];
        const all = r.dashboards.flatMap((d) => d.statements);
        return [
          String(c.milestones),
          c.statements.length ? [...new Set(c.statements)].join(', ') : '—',
          '≤ 6 and constant',
          c.statements.length ? verdict(Math.max(...c.statements) <= 6 && new Set(all).size === 1) : 'n/a',
          single.join(', ') || '—',
          '≤ 2',
          single.length ? verdict(Math.max(...single) <= 2) : 'n/a',
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
  return lines.join('\n');
}
