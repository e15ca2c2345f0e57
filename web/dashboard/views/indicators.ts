/**
 * The front page's measures beyond milestones: the plan's indicators against their targets, and
 * the roll-up per committee. Loaded after the rest of the page, in one request of their own.
 */
import * as api from '../api';
import { IndicatorRow, planMeasures, Shown } from '../api-indicators';
import { section } from '../app';
import { h, percent, words } from '../dom';
import { NO_FILTERS, State, urlOf } from '../state';
import './measures.css';

const SUPPRESSED = 'Suppressed';

function shown(value: Shown): string {
  return value.suppressed ? SUPPRESSED : value.value === null ? '–' : String(value.value);
}

/** A cell that says "Suppressed" in words (never a number), pointing at the note that explains it. */
function valueCell(value: Shown | null, empty: string): HTMLElement {
  if (value === null) return h('td', {}, empty);
  return value.suppressed ? h('td', { class: 'suppressed', 'aria-describedby': 'suppressed-note' }, SUPPRESSED) : h('td', {}, shown(value));
}

function progressCell(i: IndicatorRow): HTMLElement {
  if (i.progress !== null) {
    const fill = h('span');
    fill.style.width = `${Math.max(0, Math.min(100, i.progress))}%`;
    return h('td', { class: 'progress' }, h('span', { class: 'meter', 'aria-hidden': 'true' }, fill), percent(i.progress));
  }
  // Progress is withheld when the baseline, the target or the latest value is (two of them and it would give the third).
  if (i.baseline.suppressed || i.target.suppressed || i.latest?.suppressed) return h('td', { class: 'suppressed', 'aria-describedby': 'suppressed-note' }, SUPPRESSED);
  return h('td', {}, i.latest === null ? 'No measurement yet' : '–');
}

function indicatorTable(indicators: IndicatorRow[], asOf: string, threshold: number): HTMLElement {
  if (indicators.length === 0) return h('p', {}, 'This plan has no indicators.');
  const head = ['Indicator', 'Agency', 'Baseline', 'Latest', 'Measured on', 'Target', 'Target date', 'Progress'];
  const anySuppressed = indicators.some((i) => i.baseline.suppressed || i.target.suppressed || i.latest?.suppressed);
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Indicators table' },
      h(
        'table',
        { class: 'indicators' },
        h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...indicators.map((i) =>
            h(
              'tr',
              { 'data-id': i.id },
              h('th', { scope: 'row' }, i.name, h('span', { class: 'hint' }, ` ${i.unit}, to ${i.direction === 'INCREASE' ? 'increase' : 'decrease'}${i.goal ? `, goal ${i.goal.code}` : ''}`)),
              h('td', {}, h('abbr', { title: i.agency.name }, i.agency.shortName)),
              valueCell(i.baseline, '–'),
              valueCell(i.latest, 'No measurement yet'),
              h('td', {}, i.latest?.measuredOn ?? '–'),
              valueCell(i.target, '–'),
              h('td', {}, i.targetDate),
              progressCell(i),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'hint' }, `Latest value measured on or before ${asOf}; progress is how far it has moved from the baseline to the target.`),
    anySuppressed
      ? h('p', { class: 'hint', id: 'suppressed-note' }, `Suppressed: a survivor or victim count below ${threshold} is shown only to the owning agency and to administrators, so that nobody can be identified; progress is withheld too when it would give such a count away.`)
      : '',
  );
}

function committeeTable(groups: api.Group[], state: State): HTMLElement {
  if (groups.length === 0) return h('p', {}, 'This plan has no committees.');
  const head = ['Committee', 'Milestones', 'Progress', 'Health', 'Overdue', 'At risk', 'On track', 'Completed', 'Days overdue'];
  return h(
    'div',
    { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Committees table' },
    h(
      'table',
      { class: 'committees' },
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...groups.map((g) =>
          h(
            'tr',
            { 'data-key': g.key },
            // "No committee" is not a committee: its milestones have no list of their own.
            h('th', { scope: 'row' }, g.key === 'none' ? g.label : h('a', { href: urlOf({ ...state, ...NO_FILTERS, committee: g.key }) }, g.label)),
            h('td', {}, g.milestoneCount),
            h('td', {}, percent(g.progress)),
            h('td', {}, g.health ? words(g.health) : '–'),
            h('td', {}, g.statusCounts.OVERDUE),
            h('td', {}, g.statusCounts.AT_RISK),
            h('td', {}, g.statusCounts.ON_TRACK),
            h('td', {}, g.statusCounts.COMPLETED + g.statusCounts.COMPLETED_LATE),
            h('td', {}, g.overdueDays),
          ),
        ),
      ),
    ),
  );
}

/** The "By committee" and "Indicators" sections of a plan's front page, filled when their data arrives. */
export function measuresSections(state: State, planId: string): HTMLElement[] {
  const committees = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading the committees…'));
  const indicators = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading the indicators…'));
  planMeasures(planId, state.asOf).then(
    (data) => {
      committees.replaceChildren(data ? committeeTable(data.committees, state) : h('p', {}, 'This plan is not visible to you.'));
      indicators.replaceChildren(data ? indicatorTable(data.indicators, state.asOf, data.suppressionThreshold) : '');
    },
    (error) => {
      const message = `could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      committees.replaceChildren(h('p', {}, `The committees ${message}`));
      indicators.replaceChildren(h('p', {}, `The indicators ${message}`));
    },
  ).finally(() => {
    committees.removeAttribute('aria-busy');
    indicators.removeAttribute('aria-busy');
  });
  return [section('By committee', 'h-committees', committees), section('Indicators', 'h-indicators', indicators)];
}
