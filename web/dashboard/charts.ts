/** Bars and a trend line. Plain HTML bars and one hand-rolled SVG: simpler than a charting library. */
import { Group, HistoryPoint } from './api';
import { h, percent, svg, words } from './dom';

/** One bar per goal, the figure written next to it (the bar itself is decoration). */
export function goalBars(goals: Group[]): HTMLElement {
  return h(
    'ul',
    { class: 'bars' },
    ...goals.map((g) =>
      h(
        'li',
        { 'data-key': g.key },
        h('span', { class: 'bar-label' }, g.label),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, barFill(g.progress, g.health)),
        h('span', { class: 'bar-value' }, percent(g.progress)),
        h('span', { class: 'visually-hidden' }, `, health ${words(g.health ?? 'none')}`),
      ),
    ),
  );
}

function barFill(progress: number | null, health: string | null): HTMLElement {
  const fill = h('span', { class: `bar-fill health-${health ?? 'NONE'}` });
  fill.style.width = `${Math.max(0, Math.min(100, progress ?? 0))}%`;
  return fill;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** Actual against expected progress at each period end, with the same figures as a table. */
export function trendChart(points: HistoryPoint[]): HTMLElement {
  if (points.length === 0) return h('p', {}, 'No history before this date.');
  const x = (i: number) => PAD.left + (points.length === 1 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (points.length - 1));
  const y = (value: number) => PAD.top + ((100 - value) * (HEIGHT - PAD.top - PAD.bottom)) / 100;
  const line = (pick: (p: HistoryPoint) => number | null, cls: string) =>
    svg('polyline', {
      class: cls,
      points: points
        .map((p, i) => [i, pick(p)] as const)
        .filter(([, v]) => v !== null)
        .map(([i, v]) => `${x(i).toFixed(1)},${y(v!).toFixed(1)}`)
        .join(' '),
    });
  const grid = [0, 25, 50, 75, 100].map((v) =>
    svg('g', {}, svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v) }), svg('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${v}%`)),
  );
  // Label about six dates along the axis, however many points there are.
  const step = Math.max(1, Math.ceil(points.length / 6));
  const labelled = (i: number) => i % step === 0 || (i === points.length - 1 && i % step > step / 2);
  const dates = points.map((p, i) => (labelled(i) ? svg('text', { x: x(i), y: HEIGHT - 8, 'text-anchor': 'middle' }, p.date.slice(0, 7)) : null));
  const last = points[points.length - 1];
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': 'trend-title', class: 'trend' },
    svg('title', { id: 'trend-title' }, `Progress trend: ${percent(last.progress)} actual against ${percent(last.expectedProgress)} expected on ${last.date}.`),
    ...grid,
    line((p) => p.expectedProgress, 'expected'),
    line((p) => p.progress, 'actual'),
    ...dates,
  );
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Period end'), h('th', { scope: 'col' }, 'Progress'), h('th', { scope: 'col' }, 'Expected'))),
    h('tbody', {}, ...points.map((p) => h('tr', {}, h('td', {}, p.date), h('td', {}, percent(p.progress)), h('td', {}, percent(p.expectedProgress))))),
  );
  return h(
    'div',
    {},
    h('p', { class: 'legend' }, h('span', { class: 'key actual' }), 'Actual ', h('span', { class: 'key expected' }), 'Expected'),
    chart,
    h('details', {}, h('summary', {}, 'Trend as a table'), h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Trend table' }, table)),
  );
}
