/**
 * The plan's meetings (?page=meetings): the task force's, then each committee's, upcoming (on or
 * after the as-of date) and past; and one meeting (&meeting=ID) with its briefing, which for a
 * meeting still ahead is a projection as of today. The briefing opens in a new tab and downloads
 * as Markdown and as HTML, the server's own files.
 */
import { BriefingItem, MeetingDetail, MeetingRow, meeting as loadMeeting, meetingsOf } from '../api-meetings';
import { downloadLink, visiblePlan } from '../app';
import { h, words } from '../dom';
import { openLink } from '../report-links';
import { State, urlOf } from '../state';
import './meetings.css';

const meetingUrl = (state: State, id: string | null) => urlOf({ ...state, milestone: null, page: 'meetings', meeting: id });

function meetingList(state: State, meetings: MeetingRow[], empty: string): HTMLElement {
  if (meetings.length === 0) return h('p', { class: 'hint' }, empty);
  return h('ul', { class: 'meetings' }, ...meetings.map((m) => h('li', { 'data-meeting': m.id }, h('a', { href: meetingUrl(state, m.id) }, h('time', { datetime: m.date }, m.date), ' ', m.title))));
}

async function meetingsList(state: State, planId: string): Promise<HTMLElement> {
  const plan = visiblePlan(planId);
  const data = await meetingsOf(planId);
  if (!data) throw new Error('This plan does not exist or is not visible to you.');
  // The task force first, then each committee, in the plan's order (by name).
  const bodies = [
    { key: 'task-force', name: 'Task force', meetings: data.meetings.filter((m) => m.committee === null) },
    ...data.committees.map((c) => ({ key: c.id, name: c.name, meetings: data.meetings.filter((m) => m.committee?.id === c.id) })),
  ];
  return h(
    'div',
    { class: 'meetings-page' },
    h('h2', {}, `Meetings of ${plan.title}`),
    h('p', {}, `As of ${state.asOf}: upcoming meetings are on or after that date, soonest first; past meetings, latest first. Each opens its briefing.`),
    ...bodies.map((body, n) => {
      const upcoming = body.meetings.filter((m) => m.date >= state.asOf);
      const past = body.meetings.filter((m) => m.date < state.asOf).reverse();
      return h(
        'section',
        { 'aria-labelledby': `h-body-${n}`, 'data-body': body.key },
        h('h3', { id: `h-body-${n}` }, body.name),
        h('div', { class: 'columns' },
          h('div', { 'data-when': 'upcoming' }, h('h4', {}, `Upcoming (${upcoming.length})`), meetingList(state, upcoming, 'None scheduled.')),
          h('div', { 'data-when': 'past' }, h('h4', {}, `Past (${past.length})`), meetingList(state, past, 'None yet.')),
        ),
      );
    }),
  );
}

/** What the briefing says of each milestone, as the server's Markdown and HTML say it. */
const completedDetail = (i: BriefingItem) => `completed ${i.milestone.completedOn ?? ''}${i.daysOverdue > 0 ? `, ${i.daysOverdue} days late` : ''}`;
const fallingDueDetail = (i: BriefingItem) => `due ${i.dueDate}, ${words(i.status).toLowerCase()}, ${i.progress}% reported`;
const staleDetail = (i: BriefingItem) => (i.lastUpdatedOn ? `last update ${i.lastUpdatedOn}` : 'never updated');

function briefingView(state: State, m: MeetingDetail): HTMLElement[] {
  const b = m.briefing;
  const body = m.committee ? m.committee.name : m.plan.title;
  const milestoneLink = (milestone: { id: string; code: string; title?: string }) =>
    h('a', { href: urlOf({ ...state, milestone: milestone.id }) }, h('b', {}, milestone.code), milestone.title ? ` ${milestone.title}` : '');
  const item = (i: BriefingItem, detail: string) => h('li', { 'data-code': i.milestone.code }, milestoneLink(i.milestone), ` (${i.milestone.leadAgency.shortName}): ${detail}`);
  const part = (title: string, id: string, items: HTMLElement[]) =>
    h('section', { 'aria-labelledby': id, class: 'briefing-part' }, h('h4', { id }, `${title} (${items.length})`), items.length ? h('ul', {}, ...items) : h('p', {}, 'None.'));
  return [
    h('h3', {}, `Briefing: ${m.title}`),
    h('p', { class: 'briefing-intro' }, `${body}, ${m.date}. Changes since ${b.since ?? 'the start of the plan'}${b.projection ? ` up to ${b.until}` : ''}; due dates up to ${b.horizon}.`),
    part('Completed', 'h-b-completed', b.completed.map((i) => item(i, completedDetail(i)))),
    part('Newly overdue', 'h-b-overdue', b.newlyOverdue.map((i) => item(i, i.statusReason))),
    part('Due dates moved', 'h-b-moved', b.dueDatesMoved.map((d) => item(d.milestone, `${d.fromDate} → ${d.toDate} (${d.changedOn}): ${d.reason}`))),
    part('Falling due before the next meeting', 'h-b-due', b.fallingDue.map((i) => item(i, fallingDueDetail(i)))),
    part('Stale updates', 'h-b-stale', b.staleUpdates.map((i) => item(i, staleDetail(i)))),
    part(
      'Agencies asked for an update',
      'h-b-requests',
      b.updateRequests.map((r) =>
        h('li', { 'data-agency': r.agency.shortName }, h('b', {}, h('abbr', { title: r.agency.name }, r.agency.shortName)), ': ', ...r.milestones.flatMap((x, n) => [n ? ', ' : '', milestoneLink(x.milestone)])),
      ),
    ),
  ];
}

async function meetingPage(state: State, planId: string, id: string): Promise<HTMLElement> {
  const m = await loadMeeting(id);
  if (!m) throw new Error('This meeting does not exist or is not visible to you.');
  // A meeting of another plan (the plan was switched): this plan's meetings instead.
  if (m.plan.id !== planId) return meetingsList({ ...state, meeting: null }, planId);
  const b = m.briefing;
  const neighbour = (rel: 'prev' | 'next', label: string, n: MeetingDetail['previous']) =>
    n ? h('a', { href: meetingUrl(state, n.id), rel, 'data-neighbour': rel }, `${label}: ${n.date} ${n.title}`) : h('span', { class: 'hint' }, `No ${label.toLowerCase()} meeting of this body.`);
  const md = b.url.replace(/\.html$/, '.md');
  return h(
    'article',
    { class: 'meeting', 'data-id': m.id },
    h('p', {}, h('a', { href: meetingUrl(state, null) }, `← Meetings of ${m.plan.title}`)),
    h('h2', {}, m.title),
    h('p', { class: 'meeting-when' }, `${m.committee ? m.committee.name : 'Task force'}, ${m.date}.`),
    b.projection
      ? h('p', { class: 'projection', role: 'note' }, h('strong', {}, 'Projection. '), `This meeting is still ahead: its briefing is as of today, ${b.until}, and will change before the meeting.`)
      : '',
    h('nav', { class: 'neighbours', 'aria-label': 'Meetings of the same body' }, neighbour('prev', 'Previous', m.previous), neighbour('next', 'Next', m.next)),
    h(
      'ul',
      { class: 'briefing-files', 'aria-label': 'The briefing as a file' },
      h('li', {}, openLink('Open the briefing (HTML)', b.url)),
      h('li', {}, downloadLink('Download the briefing (Markdown)', `${md}?download=1`, `briefing-${m.date}.md`)),
      h('li', {}, downloadLink('Download the briefing (HTML)', `${b.url}?download=1`, `briefing-${m.date}.html`)),
    ),
    ...briefingView(state, m),
  );
}

export function meetingsView(state: State, planId: string): Promise<HTMLElement> {
  return state.meeting ? meetingPage(state, planId, state.meeting) : meetingsList(state, planId);
}
