/**
 * `npm run bench:profile [-- --query dashboard|rollups --milestones 10000 --requests 5]`: where a
 * dashboard's (or the roll-ups') time goes. Runs Cairn (bench/server.js) under `node --cpu-prof`
 * with every query on the main thread (CAIRN_OFFLOAD_COST=0: the profile covers that thread),
 * sends the query on a synthetic plan a few times, stops the server (which writes the profile) and
 * writes bench/PROFILE.md (bench/PROFILE-rollups.md): the top functions by self time, and self
 * time per package.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCairn } from './against-baseline';
import { DIST, post } from './processes';
import { DASHBOARD, ROLLUPS } from './queries';
import { median } from './stats';
import { sqliteTarget } from './targets';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame belongs to: an npm package, Cairn's own code, Node itself, or V8 (GC, idle). */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/dist\/(src\/[^/]+)/.exec(url);
  return own ? `cairn ${own[1]}` : url;
}

function summarise(profile: CpuProfile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (frame: CpuProfile['nodes'][number]['callFrame']) => {
    const file = frame.url.includes('node_modules/') ? frame.url.replace(/^.*node_modules\//, '') : frame.url.replace(/^.*\/dist\//, 'dist/').replace(/^file:\/\//, '');
    return `\`${frame.functionName || '(anonymous)'}\` ${file ? `${file}:${frame.lineNumber + 1}` : ''}`;
  };
  const ownMs = new Map<string, number>();
  const selfMs = new Map<string, number>();
  const packageMs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!;
    const ms = profile.timeDeltas[i] / 1000;
    if (frame.functionName === '(idle)') return; // waiting for the client, not work
    total += ms;
    const key = label(frame);
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    const who = owner(frame.url, frame.functionName);
    packageMs.set(who, (packageMs.get(who) ?? 0) + ms);
    // Inclusive time of Cairn's own functions: each counted once per sample it is on the stack of.
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node)!;
      if (/\/dist\/src\//.test(f.url)) seen.add(label(f));
    }
    for (const key of seen) ownMs.set(key, (ownMs.get(key) ?? 0) + ms);
  });
  const rows = (map: Map<string, number>, limit: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, ms]) => `| ${key} | ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% |`);
  return [
    `Busy (non-idle) time sampled: ${(total / 1000).toFixed(1)} s.`,
    '',
    '### Self time by package',
    '',
    '| Package | Self ms | Share |',
    '|---|---|---|',
    ...rows(packageMs, 15),
    '',
    '### Cairn\'s own functions by inclusive time (everything they call, libraries included)',
    '',
    '| Function | Inclusive ms | Share |',
    '|---|---|---|',
    ...rows(ownMs, 20),
    '',
    `### Top ${top} functions by self time`,
    '',
    '| Function | Self ms | Share |',
    '|---|---|---|',
    ...rows(selfMs, top),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { query: { type: 'string', default: 'dashboard' }, milestones: { type: 'string', default: '10000' }, requests: { type: 'string', default: '5' }, today: { type: 'string', default: '2026-11-28' } },
  });
  const queries: Record<string, { text: string; name: string; title: string; file: string }> = {
    dashboard: { text: DASHBOARD, name: 'DASHBOARD', title: "the dashboard's", file: 'PROFILE.md' },
    rollups: { text: ROLLUPS, name: 'ROLLUPS', title: "the roll-ups'", file: 'PROFILE-rollups.md' },
  };
  const query = queries[values.query!];
  if (!query) throw new Error(`--query must be one of ${Object.keys(queries).join(', ')}`);
  const milestones = Number(values.milestones);
  const target = sqliteTarget();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-profile-'));
  try {
    const plan = await target.prepare(milestones, 1, values.today!);
    const cairn = await startCairn(plan, values.today!, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], { CAIRN_OFFLOAD_COST: '0' });
    const times: number[] = [];
    for (let i = 0; i < Number(values.requests); i++) times.push((await post(cairn.url, { query: query.text, variables: { id: plan.planId } }, plan.adminToken)).ms);
    await cairn.stop();
    const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('The server wrote no profile.');
    const lines = [
      `# Where ${query.title} time goes`,
      '',
      `Written by \`npm run bench:profile -- --query ${values.query} --milestones ${milestones} --requests ${values.requests}\` on ${new Date().toISOString().slice(0, 16)}Z: ` +
        `Cairn under \`node --cpu-prof\`, ${values.requests} requests (bench/queries.ts ${query.name}) on a ${milestones}-milestone synthetic plan, all on the main thread, ` +
        `each taking ${times.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s (median ${(median(times) / 1000).toFixed(1)} s; profiling slows them). Server start-up is included.`,
      '',
      ...summarise(JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')), 30),
    ];
    const out = path.resolve(DIST, '..', 'bench', query.file);
    fs.writeFileSync(out, lines.join('\n') + '\n');
    process.stderr.write(`wrote ${out}\n`);
  } finally {
    await target.cleanup();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
