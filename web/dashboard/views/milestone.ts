/** One milestone: its facts, history and, for those who may edit it, the check-in. */
import * as api from '../api';
import { section } from '../app';
import { h, percent, words } from '../dom';
import { actionForm, field, optionalDate, text } from '../forms';
import { State, urlOf } from '../state';

/** What an editor of the milestone does before a meeting: report progress, complete it, move its due date. */
function checkIn(m: api.MilestoneDetail): HTMLElement {
  return section(
    'Check-in',
    'h-check-in',
    h('p', { class: 'hint' }, 'Dates left empty mean today in the plan\'s time zone. Every change is recorded in the audit trail.'),
    h(
      'div',
      { class: 'actions' },
      actionForm('Report progress', 'Report', [
        field('Percent complete', h('input', { type: 'number', name: 'percentComplete', min: 0, max: 100, step: 0.01, required: true, value: m.progress })),
        field('Note', h('textarea', { name: 'note', rows: 2 })),
        field('Reported on', h('input', { type: 'date', name: 'reportedOn' })),
      ], (data) => api.reportProgress(m.id, Number(text(data, 'percentComplete')), text(data, 'note'), optionalDate(data, 'reportedOn'))),
      actionForm('Mark completed', 'Complete', [field('Completed on', h('input', { type: 'date', name: 'completedOn' }))], (data) =>
        api.completeMilestone(m.id, optionalDate(data, 'completedOn'), m.version),
      ),
      actionForm('Move the due date', 'Move', [
        field('New due date', h('input', { type: 'date', name: 'newDueDate', required: true })),
        field('Reason', h('input', { type: 'text', name: 'reason', required: true })),
      ], (data) => api.moveDueDate(m.id, text(data, 'newDueDate'), text(data, 'reason'), m.version)),
    ),
  );
}

export async function milestoneView(state: State, id: string): Promise<HTMLElement> {
  const m = await api.milestone(id, state.asOf);
  if (!m) throw new Error('This milestone does not exist or is not visible to you.');
  const back = h('a', { href: urlOf({ ...state, plan: m.plan.id, milestone: null }) }, `← ${m.plan.title}`);
  const facts: [string, string][] = [
    ['Status', words(m.status)],
    ['Why', m.statusReason],
    ['Progress', `${percent(m.progress)} (expected ${percent(m.expectedProgress)})`],
    ['Goal', `${m.goal.code} ${m.goal.title}`],
    ['Lead agency', `${m.leadAgency.name} (${m.leadAgency.shortName})`],
    ['Partners', m.partners.map((p) => `${p.agency.shortName} (${words(p.role)})`).join(', ') || 'None'],
    ['Start', m.startDate],
    ['Due', m.dueDate],
    ['Baseline due', `${m.baselineDueDate}${m.slipDays ? ` (moved ${m.slipDays} days)` : ''}`],
    ['Completed', m.completedOn ?? '–'],
    ['Forecast completion', m.forecastCompletion ?? '–'],
    ['Visibility', words(m.visibility)],
  ];
  const table = (caption: string, head: string[], rows: string[][]) =>
    rows.length === 0
      ? h('p', {}, `${caption}: none.`)
      : h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c)))))));
  return h(
    'article',
    { class: 'milestone', 'data-id': m.id },
    h('p', {}, back),
    h('h2', {}, `${m.code} ${m.title}`),
    m.description ? h('p', {}, m.description) : '',
    h('dl', { class: 'facts' }, ...facts.map(([k, v]) => h('div', { 'data-fact': k }, h('dt', {}, k), h('dd', {}, v)))),
    m.viewerCanEdit && !m.completedOn && !m.cancelledOn ? checkIn(m) : '',
    table('Date moves', ['Decided', 'Date', 'From', 'To', 'Reason'], m.dateChanges.map((c) => [c.changedOn, words(c.which), c.fromDate, c.toDate, c.reason])),
    table('Progress updates', ['Reported', 'Complete', 'Note', 'By'], m.updates.map((u) => [u.reportedOn, percent(u.percentComplete), u.note, u.author ?? '—'])),
    h('h3', {}, 'Depends on'),
    m.dependsOn.length === 0 ? h('p', {}, 'Nothing.') : h('ul', {}, ...m.dependsOn.map((d) => h('li', {}, h('a', { href: urlOf({ ...state, milestone: d.id }) }, `${d.code} ${d.title}`), ` — ${words(d.status)}`))),
  );
}
