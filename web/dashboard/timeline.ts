/**
 * The Gantt: milestones by goal, a bar from start to current due date coloured by status, a mark
 * at the baseline due date when it moved, and a line on the as-of date. Each goal is a collapsible
 * group whose milestones are fetched when it is first opened, so a plan of thousands of milestones
 * costs one request and a few rows per open group, not thousands of rows up front.
 */
import { Group, STATUSES, Status, TimelineMilestone } from './api';
import { h, words } from './dom';

/** Groups start open up to this many milestones in the plan; beyond it, the reader opens them. */
export const OPEN_UP_TO = 200;

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export interface TimelineOptions {
  start: string;
  end: string;
  asOf: string;
  goals: Group[];
  milestoneCount: number;
  load(goalId: string): Promise<TimelineMilestone[]>;
  href(milestoneId: string): string;
  onError(error: unknown): void;
}

export function timeline(options: TimelineOptions): HTMLElement {
  const first = day(options.start);
  const span = Math.max(1, day(options.end) - first);
  /** Position on the track, as a percentage clamped to the plan's span. */
  const at = (iso: string) => Math.max(0, Math.min(100, ((day(iso) - first) / span) * 100));

  const root = h('div', { class: 'timeline' });
  root.style.setProperty('--now', `${at(options.asOf)}%`);
  root.append(
    h('p', { class: 'legend' }, ...STATUSES.map((s) => h('span', {}, h('span', { class: `key status-${s}` }), words(s))), h('span', {}, h('span', { class: 'key baseline' }), 'Baseline due date'), h('span', {}, h('span', { class: 'key now' }), `As of ${options.asOf}`)),
    axis(options.start, options.end, at),
  );
  const open = options.milestoneCount <= OPEN_UP_TO;
  for (const goal of options.goals) {
    const rows = h('div', { class: 'tl-rows' });
    const group = h('details', { class: 'tl-group', 'data-key': goal.key, open }, h('summary', {}, h('span', {}, goal.label), h('span', { class: 'tl-count' }, `${goal.milestoneCount} milestones`)), rows);
    let loaded = false;
    const fill = () => {
      if (loaded || !group.open) return;
      loaded = true;
      rows.textContent = 'Loading…';
      options.load(goal.key).then(
        (milestones) => rows.replaceChildren(...milestones.map((m) => row(m, at, options.href(m.id)))),
        (error) => {
          loaded = false;
          rows.textContent = 'Could not load these milestones.';
          options.onError(error);
        },
      );
    };
    group.addEventListener('toggle', fill);
    root.append(group);
    fill();
  }
  return root;
}

function axis(start: string, end: string, at: (iso: string) => number): HTMLElement {
  const track = h('span', { class: 'tl-track tl-axis', 'aria-hidden': 'true' });
  for (let year = Number(start.slice(0, 4)) + 1; year <= Number(end.slice(0, 4)); year++) {
    const tick = h('span', { class: 'tick' }, String(year));
    tick.style.left = `${at(`${year}-01-01`)}%`;
    track.append(tick);
  }
  return h('div', { class: 'tl-row tl-head' }, h('span', { class: 'tl-label' }, 'Milestone'), track);
}

function row(m: TimelineMilestone, at: (iso: string) => number, href: string): HTMLElement {
  const bar = h('span', { class: `tl-bar status-${m.status}` });
  const from = at(m.startDate);
  bar.style.left = `${from}%`;
  bar.style.width = `${Math.max(0.6, at(m.dueDate) - from)}%`;
  const track = h('span', { class: 'tl-track', 'aria-hidden': 'true' }, bar);
  const moved = m.baselineDueDate !== m.dueDate;
  if (moved) {
    const baseline = h('span', { class: 'tl-baseline' });
    baseline.style.left = `${at(m.baselineDueDate)}%`;
    track.append(baseline);
  }
  const said = `: ${words(m.status as Status)}, ${m.startDate} to ${m.dueDate}${moved ? ` (baseline ${m.baselineDueDate})` : ''}, led by ${m.leadAgency.shortName}`;
  return h(
    'a',
    { class: 'tl-row', href, 'data-status': m.status, title: `${m.code} ${m.title}${said}` },
    h('span', { class: 'tl-label' }, h('b', {}, m.code), ' ', m.title, h('span', { class: 'visually-hidden' }, said)),
    track,
  );
}
