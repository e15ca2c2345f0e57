/** The plan's milestones that match the filters in the address. */
import * as api from '../api';
import { navigate, showError, visiblePlan } from '../app';
import { h, percent, words } from '../dom';
import { NO_FILTERS, ROLE_LABELS, ROLES, State, urlOf } from '../state';

/** The agencies, for the filter; read once. */
let agencyList: Promise<{ id: string; shortName: string; name: string }[]> | null = null;

/** The plan's milestones that match the filters in the address, a page of 100 at a time. */
export async function listView(state: State, planId: string): Promise<HTMLElement> {
  const plan = visiblePlan(planId);
  agencyList ??= api.agencies();
  const query: api.MilestoneQuery = { planId, asOf: state.asOf, status: state.status, agencyId: state.agency, agencyRole: state.role, committeeId: state.committee, goalId: state.goal, search: state.q };
  const [agencies, facets, first] = await Promise.all([agencyList, api.planFacets(planId), api.milestonePage(query, null)]);
  const select = (name: string, label: string, value: string, options: [string, string][]) =>
    h('label', {}, `${label} `, h('select', { name }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    select('status', 'Status', state.status ?? '', [['', 'Any'], ...api.STATUSES.map((s): [string, string] => [s, words(s)])]),
    select('agency', 'Agency', state.agency ?? '', [['', 'Any'], ...agencies.map((a): [string, string] => [a.id, a.shortName])]),
    select('role', 'Role', state.role, ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])),
    select('committee', 'Committee', state.committee ?? '', [['', 'Any'], ...facets.committees.map((c): [string, string] => [c.id, c.name])]),
    select('goal', 'Goal', state.goal ?? '', [['', 'Any'], ...facets.goals.map((g): [string, string] => [g.id, `${g.code} ${g.title}`])]),
    h('label', {}, 'Text ', h('input', { type: 'search', name: 'q', value: state.q ?? '' })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    navigate({ ...state, status: text('status') as api.Status | null, agency: text('agency'), role: (text('role') ?? 'LEAD') as api.AgencyRole, committee: text('committee'), goal: text('goal'), q: text('q') });
  });
  const row = (m: api.MilestonePage['nodes'][number]) =>
    h(
      'tr',
      { 'data-code': m.code },
      h('th', { scope: 'row' }, h('a', { href: urlOf({ ...state, milestone: m.id }) }, `${m.code} ${m.title}`)),
      h('td', { class: `status-${m.status}` }, words(m.status)),
      h('td', {}, m.dueDate),
      h('td', {}, percent(m.progress)),
      h('td', {}, m.leadAgency.shortName),
      h('td', { class: 'reason' }, m.statusReason),
    );
  const body = h('tbody', {}, ...first.nodes.map(row));
  const more = h('button', { type: 'button' }, 'Show more');
  let cursor = first.pageInfo.endCursor;
  more.hidden = !first.pageInfo.hasNextPage;
  more.addEventListener('click', () => {
    api.milestonePage(query, cursor).then((page) => {
      body.append(...page.nodes.map(row));
      cursor = page.pageInfo.endCursor;
      more.hidden = !page.pageInfo.hasNextPage;
    }, showError);
  });
  const head = ['Milestone', 'Status', 'Due', 'Progress', 'Lead', 'Why'];
  return h(
    'div',
    { class: 'milestone-list' },
    h('p', {}, h('a', { href: urlOf({ ...state, ...NO_FILTERS }) }, `← ${plan.title}`)),
    h('h2', {}, `Milestones of ${plan.title}`),
    form,
    h('p', { role: 'status', 'data-count': first.totalCount }, `${first.totalCount} milestone${first.totalCount === 1 ? '' : 's'} as of ${state.asOf}, by due date.`),
    h(
      'div',
      { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Matching milestones' },
      h('table', {}, h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))), body),
    ),
    more,
  );
}
