/** A plan's front page: health, counts, what is overdue and at risk, goals, trend, timeline, agencies, exports. */
import * as api from '../api';
import { downloadLink, saveFile, section, showError, showViewer, visiblePlan } from '../app';
import { goalBars, trendChart } from '../charts';
import { h, percent, words } from '../dom';
import { annualReportItems } from '../report-links';
import { localToday, NO_FILTERS, State, urlOf } from '../state';
import { timeline } from '../timeline';
import { measuresSections } from './indicators';

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

/** The next meeting on the front: the task force's staff prepare for it, agencies update before it. */
function nextMeeting(meetings: api.MeetingSummary[], state: State): HTMLElement {
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
    h('dd', {}, h('a', { href: urlOf({ ...state, ...NO_FILTERS, page: 'meetings', meeting: next.id }) }, `${next.date}: ${next.title}`)),
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
    ...annualReportItems(plan.id, years, (y) => `Annual report ${fy}${y}${running(y) ? ' so far' : ''} (HTML)`),
    h('li', {}, downloadLink(`Milestones as of ${asOf} (CSV)`, `/export/milestones.csv?planId=${id}&asOf=${asOf}`, `milestones-${asOf}.csv`)),
    h('li', {}, downloadLink(`Overdue and at risk as of ${asOf} (CSV)`, `/export/milestones.csv?planId=${id}&asOf=${asOf}&status=OVERDUE,AT_RISK`, `overdue-at-risk-${asOf}.csv`)),
    h('li', {}, downloadLink('Due dates (iCalendar)', `/calendar/plan/${id}.ics`, 'milestones.ics'), h('span', { class: 'hint' }, ' — a calendar app can subscribe to this address with ?token= and a read-only token.')),
  );
}

export async function planView(state: State, planId: string): Promise<HTMLElement> {
  const plan = visiblePlan(planId);
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
      nextMeeting(p.meetingsAhead, state),
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
    ...measuresSections(state, planId),
    section('Reports and exports', 'h-exports', exportsList(p, state.asOf)),
  );
}
