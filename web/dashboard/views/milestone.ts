/** One milestone: its facts, history and, for those who may edit it, the check-in. */
import * as api from '../api';
import * as owner from '../api-milestone';
import { section } from '../app';
import { h, percent, words } from '../dom';
import { actionForm, ActionOptions, field, optionalDate, text } from '../forms';
import '../milestone.css';
import { State, urlOf } from '../state';

/** What an editor of the milestone does before a meeting: report progress, complete it, move its due date. */
function checkIn(m: api.MilestoneDetail, options: ActionOptions): HTMLElement {
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
      ], (data) => api.reportProgress(m.id, Number(text(data, 'percentComplete')), text(data, 'note'), optionalDate(data, 'reportedOn')), options),
      actionForm('Mark completed', 'Complete', [field('Completed on', h('input', { type: 'date', name: 'completedOn' }))], (data) =>
        api.completeMilestone(m.id, optionalDate(data, 'completedOn'), m.version), options,
      ),
      actionForm('Move the due date', 'Move', [
        field('New due date', h('input', { type: 'date', name: 'newDueDate', required: true })),
        field('Reason', h('input', { type: 'text', name: 'reason', required: true })),
      ], (data) => api.moveDueDate(m.id, text(data, 'newDueDate'), text(data, 'reason'), m.version), options),
    ),
  );
}

const select = (name: string, label: string, choices: [string, string][], required = true): HTMLElement =>
  field(label, h('select', { name, required }, ...choices.map(([value, text]) => h('option', { value }, text))));

/**
 * The actions that change the milestone itself. Cancelling, reopening, dependencies and the start
 * date follow `viewerCanEdit` (the server lets editors of partner agencies do them too); visibility
 * and partners follow `viewerCanManage` (admins and editors of the lead agency only).
 */
function ownerActions(m: api.MilestoneDetail, o: owner.MilestoneOwnership, agencies: { id: string; shortName: string; name: string }[], planId: string, options: ActionOptions): HTMLElement {
  const finished = Boolean(m.completedOn || m.cancelledOn);
  const forms: HTMLElement[] = [];
  if (finished) {
    forms.push(actionForm('Reopen', 'Reopen', [h('p', { class: 'hint' }, 'Undoes the completion or cancellation.')], () => owner.reopenMilestone(m.id, m.version), options));
  } else {
    forms.push(
      actionForm('Cancel the milestone', 'Cancel milestone', [
        field('Reason', h('input', { type: 'text', name: 'reason', required: true })),
        field('Cancelled on', h('input', { type: 'date', name: 'cancelledOn' })),
      ], (data) => owner.cancelMilestone(m.id, text(data, 'reason'), optionalDate(data, 'cancelledOn'), m.version), options),
      actionForm('Move the start date', 'Move', [
        field('New start date', h('input', { type: 'date', name: 'newStartDate', required: true })),
        field('Reason', h('input', { type: 'text', name: 'reason', required: true })),
      ], (data) => owner.moveStartDate(m.id, text(data, 'newStartDate'), text(data, 'reason'), m.version), options),
    );
  }
  const candidates = h('select', { name: 'dependsOnId', required: true });
  const fill = async (search: string): Promise<void> => {
    const found = (await owner.searchMilestones(planId, search)).filter((c) => c.id !== m.id && !o.dependsOn.some((d) => d.id === c.id));
    candidates.replaceChildren(...found.map((c) => h('option', { value: c.id }, `${c.code} ${c.title}`)));
    if (found.length === 0) candidates.append(h('option', { value: '' }, 'No matching milestone'));
  };
  void fill('');
  const search = h('input', { type: 'search', name: 'search' });
  const find = h('button', { type: 'button' }, 'Find');
  find.addEventListener('click', () => void fill(search.value.trim()));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void fill(search.value.trim());
    }
  });
  forms.push(actionForm('Add a dependency', 'Add dependency', [field('Find by code or title', search), find, field('Depends on', candidates)], (data) => owner.addDependency(m.id, text(data, 'dependsOnId'))));
  if (o.dependsOn.length) {
    forms.push(actionForm('Remove a dependency', 'Remove dependency', [select('dependsOnId', 'Dependency', o.dependsOn.map((d) => [d.id, `${d.code} ${d.title}`]))], (data) => owner.removeDependency(m.id, text(data, 'dependsOnId'))));
  }
  if (o.viewerCanManage) {
    forms.push(
      actionForm('Change the visibility', 'Change', [select('visibility', 'Visibility', [['PUBLIC', 'Public'], ['PARTNERS', 'Partners only']])], (data) => owner.setVisibility(m.id, text(data, 'visibility'), m.version), options),
      actionForm('Add a partner', 'Add partner', [
        select('agencyId', 'Agency', agencies.filter((a) => !o.partners.some((p) => p.agency.id === a.id)).map((a) => [a.id, `${a.shortName} — ${a.name}`])),
        select('role', 'Role', [['SUPPORT', 'Support'], ['CONSULTED', 'Consulted']]),
      ], (data) => owner.addPartner(m.id, text(data, 'agencyId'), text(data, 'role'))),
    );
    if (o.partners.length) {
      forms.push(actionForm('Remove a partner', 'Remove partner', [select('agencyId', 'Partner', o.partners.map((p) => [p.agency.id, `${p.agency.shortName} (${words(p.role)})`]))], (data) => owner.removePartner(m.id, text(data, 'agencyId'))));
    }
  }
  const visibility = forms.find((f) => f.getAttribute('aria-label') === 'Change the visibility')?.querySelector('select');
  if (visibility) {
    visibility.value = m.visibility;
    for (const option of visibility.options) option.defaultSelected = option.value === m.visibility;
  }
  return section('Manage', 'h-manage', h('p', { class: 'hint' }, 'Changes to the milestone itself; each is recorded in the audit trail.'), h('div', { class: 'actions' }, ...forms));
}

/** The newest of a list by its recording time, as "date: what, by whom". */
function newest<T extends { createdAt: string; author: string | null }>(rows: T[], show: (row: T) => string): string {
  const row = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return row ? `${show(row)}${row.author ? ` by ${row.author}` : ''}` : '–';
}

export async function milestoneView(state: State, id: string): Promise<HTMLElement> {
  const [m, o] = await Promise.all([api.milestone(id, state.asOf), owner.ownership(id)]);
  if (!m || !o) throw new Error('This milestone does not exist or is not visible to you.');
  const agencies = o.viewerCanManage ? await api.agencies() : [];
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
  const snapshot = (): Record<string, string> => ({
    ...Object.fromEntries(facts),
    'Latest progress update': newest(o.updates, (u) => `${u.reportedOn}: ${percent(u.percentComplete)}`),
    'Latest date move': newest(o.dateChanges, (c) => `${words(c.which)} to ${c.toDate}`),
  });
  const options: ActionOptions = { snapshot };
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
    m.viewerCanEdit && !m.completedOn && !m.cancelledOn ? checkIn(m, options) : '',
    m.viewerCanEdit ? ownerActions(m, o, agencies, m.plan.id, options) : '',
    table('Date moves', ['Decided', 'Date', 'From', 'To', 'Reason'], m.dateChanges.map((c) => [c.changedOn, words(c.which), c.fromDate, c.toDate, c.reason])),
    table('Progress updates', ['Reported', 'Complete', 'Note', 'By'], m.updates.map((u) => [u.reportedOn, percent(u.percentComplete), u.note, u.author ?? '—'])),
    h('h3', {}, 'Depends on'),
    m.dependsOn.length === 0 ? h('p', {}, 'Nothing.') : h('ul', {}, ...m.dependsOn.map((d) => h('li', {}, h('a', { href: urlOf({ ...state, milestone: d.id }) }, `${d.code} ${d.title}`), ` — ${words(d.status)}`))),
  );
}
