/**
 * The plan dashboard at /dashboard: the state lives in the address (?plan=…&asOf=…&milestone=…,
 * and the filters of a milestone list: status, agency, role, q)
 * so every view can be bookmarked and shared; the data comes from the public GraphQL API with
 * the viewer's token, so it shows exactly what that viewer may see.
 */
import './dashboard.css';
import { ApiError, download } from '../shared/graphql';
import { HOW_TO_SIGN_IN, storedToken, storeToken } from '../shared/token';
import * as api from './api';
import { goalBars, trendChart } from './charts';
import { h, percent, words } from './dom';
import { timeline } from './timeline';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const view = $<HTMLElement>('view');
const alertBox = $<HTMLElement>('alert');
const planSelect = $<HTMLSelectElement>('plan');
const asOfInput = $<HTMLInputElement>('as-of');
const signInForm = $<HTMLFormElement>('sign-in');
const tokenInput = $<HTMLInputElement>('token');
const signedIn = $<HTMLElement>('signed-in');

/** Today on this computer's calendar: the default "as of", sent explicitly so figures and the today line agree. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Filters {
  status: api.Status | null;
  agency: string | null;
  role: api.AgencyRole;
  q: string | null;
}

interface State extends Filters {
  plan: string | null;
  asOf: string;
  milestone: string | null;
}

const NO_FILTERS: Filters = { status: null, agency: null, role: 'LEAD', q: null };
/** The agency roles a list filters by, as the filter names them. */
const ROLE_LABELS: Record<api.AgencyRole, string> = { LEAD: 'Leads', PARTNER: 'Partners on', ANY: 'Leads or partners on' };
const ROLES = Object.keys(ROLE_LABELS) as api.AgencyRole[];

function stateFromUrl(): State {
  const q = new URLSearchParams(location.search);
  const asOf = q.get('asOf');
  const status = q.get('status') as api.Status | null;
  const role = q.get('role') as api.AgencyRole | null;
  return {
    plan: q.get('plan'),
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : localToday(),
    milestone: q.get('milestone'),
    status: status && api.STATUSES.includes(status) ? status : null,
    agency: q.get('agency') || null,
    role: role && ROLES.includes(role) ? role : 'LEAD',
    q: q.get('q')?.trim() || null,
  };
}

function urlOf(state: State): string {
  const q = new URLSearchParams();
  if (state.plan) q.set('plan', state.plan);
  if (state.asOf !== localToday()) q.set('asOf', state.asOf);
  if (state.milestone) q.set('milestone', state.milestone);
  if (state.status) q.set('status', state.status);
  if (state.agency) q.set('agency', state.agency);
  if (state.agency && state.role !== 'LEAD') q.set('role', state.role);
  if (state.q) q.set('q', state.q);
  return `/dashboard${q.size ? `?${q}` : ''}`;
}

function filtered(state: State): boolean {
  return Boolean(state.status || state.agency || state.q);
}

/** The plans the viewer may see, loaded once per sign-in. */
let plans: api.PlanSummary[] = [];

function showError(error: unknown): void {
  const unauthenticated = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
  if (unauthenticated) {
    // A stored token the server turns away (revoked, expired) is forgotten, so the form is back.
    const rejected = storedToken() !== null;
    storeToken(null);
    plans = [];
    showViewer(null);
    const told = `${rejected ? `${error.message} ` : ''}${HOW_TO_SIGN_IN}`;
    alertBox.textContent = told;
    void singleSignOn.then((sso) => {
      if (sso && alertBox.textContent === told) alertBox.textContent = `Choose “Sign in with single sign-on” at the top, or use a token. ${told}`;
    });
  } else {
    alertBox.textContent = error instanceof Error ? error.message : String(error);
  }
  alertBox.hidden = false;
  if (unauthenticated) tokenInput.focus();
}

/** Whether this server offers single sign-on (GET /auth/status), asked once; an older server without the route: tokens only. */
const singleSignOn: Promise<boolean> = fetch('/auth/status')
  .then((response) => response.json() as Promise<{ singleSignOn: boolean }>)
  .then((status) => status.singleSignOn === true, () => false);

/** Signed in by a stored token, or by a single sign-on session (a cookie the page cannot see, so the viewer tells). */
function showViewer(viewer: api.Viewer | null): void {
  const token = storedToken();
  const session = !token && viewer !== null && viewer.role !== null;
  signInForm.hidden = Boolean(token) || session;
  signedIn.hidden = !token && !session;
  $<HTMLElement>('viewer').textContent = viewer ? `Signed in as ${viewer.name}${viewer.role ? ` (${viewer.role})` : ''}` : 'Signed in';
}

/** The plan running on the date, else the latest to start. */
function defaultPlan(asOf: string): string | null {
  const running = plans.find((p) => p.startDate <= asOf && asOf <= p.endDate);
  return (running ?? [...plans].sort((a, b) => b.startDate.localeCompare(a.startDate))[0])?.id ?? null;
}

/** Counts renders, so that an answer arriving after the reader has moved on is dropped. */
let latest = 0;

async function render(): Promise<void> {
  const ticket = ++latest;
  const state = stateFromUrl();
  alertBox.hidden = true;
  asOfInput.value = state.asOf;
  try {
    if (plans.length === 0) {
      const data = await api.plans();
      plans = data.plans;
      showViewer(data.viewer);
      planSelect.replaceChildren(...plans.map((p) => h('option', { value: p.id }, p.title)));
    }
    state.plan ??= defaultPlan(state.asOf);
    if (!state.plan) {
      view.replaceChildren(h('p', {}, 'There is no plan to show yet.'));
      return;
    }
    planSelect.value = state.plan;
    view.setAttribute('aria-busy', 'true');
    const content = state.milestone ? await milestoneView(state, state.milestone) : filtered(state) ? await listView(state, state.plan) : await planView(state, state.plan);
    if (ticket !== latest) return;
    view.replaceChildren(content);
    const heading = view.querySelector('h2')?.textContent ?? 'Plan';
    document.title = `${heading} — Cairn dashboard`;
    $<HTMLElement>('status').textContent = `Showing ${heading} as of ${state.asOf}.`;
  } catch (error) {
    if (ticket !== latest) return;
    view.replaceChildren();
    showError(error);
  } finally {
    if (ticket === latest) view.removeAttribute('aria-busy');
  }
}

function navigate(state: State): void {
  history.pushState(null, '', urlOf(state));
  void render();
}

function section(title: string, id: string, ...content: (Node | string)[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h3', { id }, title), ...content);
}

/** Each status card opens the list of the plan's milestones in that status. */
function counts(statusCounts: api.StatusCounts, state: State): HTMLElement {
  return h(
    'ul',
    { class: 'counts' },
    ...api.STATUSES.map((s) =>
      h('li', { class: `count status-${s}`, 'data-status': s }, h('a', { href: urlOf({ ...state, ...NO_FILTERS, status: s }) }, h('span', { class: 'count-value' }, statusCounts[s]), h('span', {}, words(s)))),
    ),
    h('li', { class: 'count', 'data-status': 'total' }, h('span', { class: 'count-value' }, statusCounts.total), h('span', {}, 'Total')),
  );
}

/** Lists show this many milestones at first; a large plan can have hundreds overdue. */
const LIST_FIRST = 15;

function milestoneList(items: api.OnDate[], state: State, empty: string): HTMLElement {
  if (items.length === 0) return h('p', {}, empty);
  const item = (i: api.OnDate) =>
    h(
      'li',
      { 'data-code': i.milestone.code },
      h('a', { href: urlOf({ ...state, milestone: i.milestone.id }) }, h('b', {}, i.milestone.code), ' ', i.milestone.title),
      h('span', { class: 'reason' }, i.statusReason),
      h('span', { class: 'agency' }, `Lead: ${i.milestone.leadAgency.name} (${i.milestone.leadAgency.shortName})`),
    );
  const list = h('ul', { class: 'list' }, ...items.slice(0, LIST_FIRST).map(item));
  if (items.length <= LIST_FIRST) return list;
  const more = h('button', { type: 'button' }, `Show all ${items.length}`);
  more.addEventListener('click', () => {
    list.append(...items.slice(LIST_FIRST).map(item));
    more.remove();
    (list.children[LIST_FIRST].querySelector('a') as HTMLElement).focus();
  });
  return h('div', {}, list, more);
}

function agencyTable(groups: api.Group[], state: State): HTMLElement {
  const head = ['Agency', 'Milestones', 'Progress', 'Health', 'Overdue', 'At risk', 'On track', 'Completed', 'Days overdue'];
  return h(
    'div',
    { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Agencies table' },
    h(
      'table',
      { class: 'agencies' },
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...groups.map((g) =>
          h(
            'tr',
            { 'data-key': g.key },
            h('th', { scope: 'row' }, h('a', { href: urlOf({ ...state, ...NO_FILTERS, agency: g.key }) }, g.label)),
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

/** Reporting year N of a date (fiscal years are named after the year they end in). */
function reportingYear(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return startMonth > 1 && Number(date.slice(5, 7)) >= startMonth ? year + 1 : year;
}

/**
 * The exports fetch with the token in a header and save the file: tokens stay out of URLs (which
 * end up in histories and logs), and the CSV export takes no token in its URL at all.
 */
function downloadLink(label: string, url: string, filename: string): HTMLElement {
  const link = h('a', { href: url, download: filename }, label);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    download(url).then((blob) => saveFile(blob, filename), showError);
  });
  return link;
}

function saveFile(blob: Blob, filename: string): void {
  const objectUrl = URL.createObjectURL(blob);
  h('a', { href: objectUrl, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** The next meeting on the front: the task force's staff prepare for it, agencies update before it. */
function nextMeeting(meetings: api.MeetingSummary[]): HTMLElement {
  const next = meetings[0];
  if (!next) return h('div', { 'data-figure': 'next-meeting' }, h('dt', {}, 'Next meeting'), h('dd', {}, 'None scheduled'));
  const save = h('button', { type: 'button' }, 'Briefing (Markdown)');
  save.addEventListener('click', () => {
    api.briefing(next.id).then((b) => {
      if (b) saveFile(new Blob([b.markdown], { type: 'text/markdown' }), `briefing-${next.date}.md`);
    }, showError);
  });
  return h(
    'div',
    { 'data-figure': 'next-meeting' },
    h('dt', {}, 'Next meeting'),
    h('dd', {}, `${next.date}: ${next.title}`),
    h('dd', { class: 'reason' }, `${next.committee ? next.committee.name : 'Task force'}.${next.date > localToday() ? ' Still ahead: its briefing is a projection as of today.' : ''} `, save),
  );
}

function exportsList(plan: api.PlanSummary, asOf: string): HTMLElement {
  const fy = plan.fiscalYearStartMonth > 1 ? 'FY' : '';
  const last = reportingYear(asOf < plan.endDate ? asOf : plan.endDate, plan.fiscalYearStartMonth);
  const years: number[] = [];
  for (let y = reportingYear(plan.startDate, plan.fiscalYearStartMonth); y <= last; y++) years.push(y);
  const id = encodeURIComponent(plan.id);
  // A year is still running when the day after the as-of date falls in it.
  const dayAfter = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const running = (y: number) => reportingYear(dayAfter, plan.fiscalYearStartMonth) === y && asOf < plan.endDate;
  return h(
    'ul',
    { class: 'exports' },
    ...years.map((y) => h('li', {}, downloadLink(`Annual report ${fy}${y}${running(y) ? ' so far' : ''} (HTML)`, `/reports/${id}/${y}.html`, `annual-report-${y}.html`))),
    h('li', {}, downloadLink(`Milestones as of ${asOf} (CSV)`, `/export/milestones.csv?planId=${id}&asOf=${asOf}`, `milestones-${asOf}.csv`)),
    h('li', {}, downloadLink(`Overdue and at risk as of ${asOf} (CSV)`, `/export/milestones.csv?planId=${id}&asOf=${asOf}&status=OVERDUE,AT_RISK`, `overdue-at-risk-${asOf}.csv`)),
    h('li', {}, downloadLink('Due dates (iCalendar)', `/calendar/plan/${id}.ics`, 'milestones.ics'), h('span', { class: 'hint' }, ' — a calendar app can subscribe to this address with ?token= and a read-only token.')),
  );
}

async function planView(state: State, planId: string): Promise<HTMLElement> {
  const plan = plans.find((p) => p.id === planId);
  if (!plan) throw new Error('This plan does not exist or is not visible to you.');
  const data = await api.overview(planId, state.asOf);
  showViewer(data.viewer);
  const p = data.plan;
  if (!p) throw new Error('This plan does not exist or is not visible to you.');
  const trend = h('div', {}, h('p', {}, 'Loading the trend…'));
  const from = state.asOf < plan.startDate ? state.asOf : plan.startDate;
  const months = (Number(state.asOf.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(state.asOf.slice(5, 7)) - Number(from.slice(5, 7));
  // Monthly points while they stay few and cheap; quarterly for long spans and large plans.
  const interval = months > 24 || p.statusCounts.total > 500 ? 'QUARTER' : 'MONTH';
  api.trend(planId, from, state.asOf, interval).then(
    (points) => trend.replaceChildren(trendChart(points)),
    (error) => trend.replaceChildren(h('p', {}, `The trend could not be loaded: ${error instanceof Error ? error.message : String(error)}`)),
  );
  return h(
    'div',
    {},
    h('h2', {}, p.title),
    h(
      'dl',
      { class: 'summary' },
      h(
        'div',
        { 'data-figure': 'health' },
        h('dt', {}, 'Health'),
        h('dd', { class: `health-${p.health ?? 'NONE'}` }, p.health ? words(p.health) : 'Nothing to measure'),
        h('dd', { class: 'reason' }, p.healthReason),
      ),
      h('div', { 'data-figure': 'progress' }, h('dt', {}, 'Progress'), h('dd', {}, percent(p.progress))),
      h('div', { 'data-figure': 'asOf' }, h('dt', {}, 'As of'), h('dd', {}, state.asOf)),
      h('div', { 'data-figure': 'period' }, h('dt', {}, 'Plan period'), h('dd', {}, `${p.startDate} – ${p.endDate}`)),
      nextMeeting(p.meetingsAhead),
    ),
    section('Milestones by status', 'h-status', counts(p.statusCounts, state)),
    h(
      'div',
      { class: 'columns' },
      section(`Overdue (${p.dashboard.overdue.length})`, 'h-overdue', milestoneList(p.dashboard.overdue, state, 'Nothing is overdue.')),
      section(`At risk (${p.dashboard.atRisk.length})`, 'h-at-risk', milestoneList(p.dashboard.atRisk, state, 'Nothing is at risk.')),
    ),
    h('div', { class: 'columns' }, section('Progress by goal', 'h-goals', goalBars(p.dashboard.goals)), section('Progress trend', 'h-trend', trend)),
    section(
      'Timeline',
      'h-timeline',
      timeline({
        start: p.startDate,
        end: p.endDate,
        asOf: state.asOf,
        goals: p.dashboard.goals,
        milestoneCount: p.statusCounts.total,
        load: (goalId) => api.goalMilestones(planId, goalId, state.asOf),
        href: (id) => urlOf({ ...state, milestone: id }),
        onError: showError,
      }),
    ),
    section('By lead agency', 'h-agencies', agencyTable(p.dashboard.agencies, state)),
    section('Reports and exports', 'h-exports', exportsList(p, state.asOf)),
  );
}

/** The agencies, for the filter; read once. */
let agencyList: Promise<{ id: string; shortName: string; name: string }[]> | null = null;

/** The plan's milestones that match the filters in the address, a page of 100 at a time. */
async function listView(state: State, planId: string): Promise<HTMLElement> {
  const plan = plans.find((p) => p.id === planId);
  if (!plan) throw new Error('This plan does not exist or is not visible to you.');
  agencyList ??= api.agencies();
  const query: api.MilestoneQuery = { planId, asOf: state.asOf, status: state.status, agencyId: state.agency, agencyRole: state.role, search: state.q };
  const [agencies, first] = await Promise.all([agencyList, api.milestonePage(query, null)]);
  const select = (name: string, label: string, value: string, options: [string, string][]) =>
    h('label', {}, `${label} `, h('select', { name }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    select('status', 'Status', state.status ?? '', [['', 'Any'], ...api.STATUSES.map((s): [string, string] => [s, words(s)])]),
    select('agency', 'Agency', state.agency ?? '', [['', 'Any'], ...agencies.map((a): [string, string] => [a.id, a.shortName])]),
    select('role', 'Role', state.role, ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])),
    h('label', {}, 'Text ', h('input', { type: 'search', name: 'q', value: state.q ?? '' })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    navigate({ ...state, status: text('status') as api.Status | null, agency: text('agency'), role: (text('role') ?? 'LEAD') as api.AgencyRole, q: text('q') });
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

let formCount = 0;

/** A labelled input whose refusal, when the server blames it, is shown right under it. */
function field(label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  const id = `f${++formCount}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'field-error', id: `${id}-error` }));
}

/** A form refused as a CONFLICT, carried over the reload that shows the other person's change. */
let carried: { form: string; values: [string, string][]; message: string } | null = null;

/**
 * A check-in form: its write goes through the public API; a refusal is shown beside the field the
 * server names (else under the form) and what was typed stays, so nothing is lost. A CONFLICT
 * (someone changed the milestone since the page was read) reloads the milestone, so its new state
 * shows, and keeps the form as typed, so submitting again re-applies it.
 */
function actionForm(title: string, submit: string, fields: HTMLElement[], write: (data: FormData) => Promise<void>): HTMLElement {
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'action', 'aria-label': title }, h('h4', {}, title), ...fields, h('button', { type: 'submit' }, submit), problem);
  if (carried?.form === title) {
    for (const [name, value] of carried.values) {
      const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
      if (input) input.value = value;
    }
    problem.textContent = `${carried.message} The page now shows the latest; submit again to apply yours.`;
    problem.hidden = false;
    carried = null;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const span of form.querySelectorAll<HTMLElement>('.field-error')) span.textContent = '';
    for (const input of form.querySelectorAll('input, textarea')) input.removeAttribute('aria-invalid');
    problem.hidden = true;
    write(new FormData(form)).then(
      () => void render(),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return showError(error);
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          carried = { form: title, values: [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]), message };
          return void render();
        }
        const input = error instanceof ApiError && error.field ? form.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`) : null;
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', `${input.id}-error`);
          $<HTMLElement>(`${input.id}-error`).textContent = message;
          input.focus();
        } else {
          problem.textContent = message;
          problem.hidden = false;
        }
      },
    );
  });
  return form;
}

/** What an editor of the milestone does before a meeting: report progress, complete it, move its due date. */
function checkIn(m: api.MilestoneDetail): HTMLElement {
  const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
  const optionalDate = (data: FormData, name: string) => text(data, name) || null;
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

async function milestoneView(state: State, id: string): Promise<HTMLElement> {
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

/** A date inside the plan's span: the nearest day of the plan when the date falls outside it. */
function withinPlan(date: string, plan: api.PlanSummary | undefined): string {
  if (!plan) return date;
  return date < plan.startDate ? plan.startDate : date > plan.endDate ? plan.endDate : date;
}

// A plan's figures outside its span say nothing, so switching plan brings the date into the new plan.
planSelect.addEventListener('change', () => {
  const state = stateFromUrl();
  navigate({ ...state, plan: planSelect.value, asOf: withinPlan(state.asOf, plans.find((p) => p.id === planSelect.value)), milestone: null, ...NO_FILTERS });
});
asOfInput.addEventListener('change', () => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value)) navigate({ ...stateFromUrl(), asOf: asOfInput.value });
});
$<HTMLButtonElement>('today').addEventListener('click', () => navigate({ ...stateFromUrl(), asOf: localToday() }));
signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!tokenInput.value.trim()) return;
  storeToken(tokenInput.value);
  tokenInput.value = '';
  plans = [];
  void render();
});
$<HTMLButtonElement>('sign-out').addEventListener('click', () => {
  // A single sign-on session ends at the server. By fetch, not a form: under this page's
  // no-referrer policy a form's POST says "Origin: null", which the server rightly refuses.
  if (!storedToken()) {
    fetch('/auth/sign-out', { method: 'POST' }).then(() => location.assign('/dashboard'), showError);
    return;
  }
  storeToken(null);
  plans = [];
  showViewer(null);
  void render();
});
window.addEventListener('popstate', () => void render());
void singleSignOn.then((sso) => ($<HTMLElement>('single-sign-on').hidden = !sso));
showViewer(null);
void render();
