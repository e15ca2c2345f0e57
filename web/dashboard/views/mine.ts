/**
 * "My agency" (?page=mine): the signed-in member's check-in list. The open milestones their agency
 * leads or partners on, on the as-of date, grouped by what needs attention (overdue, at risk,
 * update stale, due before the next meeting, then everything else, collapsed), each with the quick
 * actions the viewer may take, written through the public API without leaving the page.
 */
import '../mine.css';
import { HOW_TO_SIGN_IN } from '../../shared/token';
import * as api from '../api';
import { AgencyMilestone, agencyMilestones, planFacts } from '../api-mine';
import { session, visiblePlan } from '../app';
import { h, percent, words } from '../dom';
import { actionForm, field, optionalDate, text } from '../forms';
import { NO_FILTERS, State, urlOf } from '../state';

type GroupKey = 'overdue' | 'at-risk' | 'stale' | 'due-soon' | 'rest';

interface Group {
  key: GroupKey;
  label: string;
  hint: string;
  members: AgencyMilestone[];
}

/** The first group that applies: a milestone is listed once, where it needs attention most. */
function groupOf(m: AgencyMilestone, nextMeeting: string | null): GroupKey {
  if (m.status === 'OVERDUE') return 'overdue';
  if (m.status === 'AT_RISK') return 'at-risk';
  if (m.updateStale) return 'stale';
  if (nextMeeting !== null && m.dueDate <= nextMeeting) return 'due-soon';
  return 'rest';
}

/** Today on the calendar of the plan's time zone: what a date left empty means to the server. */
function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** What was typed in the page's forms, by milestone and form, so that redrawing after another row's write loses nothing. */
const drafts = new Map<string, [string, string][]>();

/** Whether "Everything else" was open, so that a write there does not fold it away. */
let restOpen = false;

/** Where the keyboard goes and what is announced once the page is drawn again after a write. */
let saved: { id: string; code: string; next: string | null; group: GroupKey; message: string } | null = null;

/** Runs once the view is in the document (the shell inserts it after the view resolves). */
function whenShown(root: HTMLElement, then: () => void, tries = 300): void {
  if (root.isConnected) then();
  else if (tries > 0) setTimeout(() => whenShown(root, then, tries - 1), 10);
}

/**
 * A form's typed values survive a redraw: the fields the person changed (as forms.ts keeps them
 * over a CONFLICT), not those still showing what the page was drawn with, which show the latest.
 */
function keepDraft(form: HTMLFormElement, key: string): void {
  for (const [name, value] of drafts.get(key) ?? []) {
    const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
    if (input) input.value = value;
  }
  form.addEventListener('input', () => {
    const typed = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter((input) => input.name && input.value !== input.defaultValue)
      .map((input): [string, string] => [input.name, input.value]);
    if (typed.length) drafts.set(key, typed);
    else drafts.delete(key);
  });
}

export async function mineView(state: State, planId: string): Promise<HTMLElement> {
  const viewer = session.viewer;
  const back = h('p', {}, h('a', { href: urlOf({ ...state, ...NO_FILTERS, milestone: null, page: null }) }, '← The whole plan'));
  if (!viewer?.role) {
    return h('div', { class: 'mine' }, h('h2', {}, 'My agency'), h('p', { class: 'mine-message' }, `Sign in to see your agency's milestones. ${HOW_TO_SIGN_IN}`));
  }
  const agency = viewer.agency;
  if (!agency) {
    return h(
      'div',
      { class: 'mine' },
      h('h2', {}, 'My agency'),
      h('p', { class: 'mine-message' }, `You (${viewer.name}) are not a member of an agency, so there is no agency check-in list for you. An administrator sets a user's agency; meanwhile the plan and its filters show every agency's milestones.`),
      back,
    );
  }
  const plan = visiblePlan(planId);
  const [facts, milestones] = await Promise.all([planFacts(planId, state.asOf), agencyMilestones(planId, agency.id, state.asOf)]);
  if (!facts) throw new Error('This plan does not exist or is not visible to you.');
  const meeting = facts.meetings[0] ?? null;
  const today = todayIn(facts.timeZone);

  const groups: Group[] = [
    { key: 'overdue', label: 'Overdue', hint: `Past their due date on ${state.asOf}.`, members: [] },
    { key: 'at-risk', label: 'At risk', hint: `Behind the progress expected by now by ${facts.atRiskThreshold} points or more, or held up by a milestone they depend on.`, members: [] },
    { key: 'stale', label: 'Update stale', hint: `Started and unfinished, with no progress update for more than ${facts.updateCadenceDays} days (the plan's update cadence).`, members: [] },
    {
      key: 'due-soon',
      label: 'Due before the next meeting',
      hint: meeting ? `The next meeting: ${meeting.title}, on ${meeting.date}. These fall due on or before it.` : `No meeting is scheduled on or after ${state.asOf}.`,
      members: [],
    },
    { key: 'rest', label: 'Everything else', hint: `On track or not started${meeting ? ', and due after the next meeting' : ''}.`, members: [] },
  ];
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const m of milestones) byKey.get(groupOf(m, meeting?.date ?? null))!.members.push(m);
  const attention = groups.filter((g) => g.key !== 'rest');
  const attentionCount = attention.reduce((n, g) => n + g.members.length, 0);
  /** The rows in page order, so that when a saved row leaves the list the keyboard moves on to the next. */
  const order = groups.flatMap((g) => g.members.map((m) => m.id));
  const place = new Map(milestones.map((m) => [m.id, groupOf(m, meeting?.date ?? null)]));

  const row = (m: AgencyMilestone): HTMLElement => {
    const partner = m.partners.find((p) => p.agency.id === agency.id);
    const role = m.leadAgency.id === agency.id ? 'Lead' : `Partner${partner ? ` (${words(partner.role).toLowerCase()})` : ''}`;
    const shown: [string, Node | string][] = [
      ['Role', role],
      ['Status', h('span', {}, h('strong', { class: `status-word status-${m.status}` }, words(m.status)), ` — ${m.statusReason}`)],
      ['Due', m.dueDate],
      ['Progress', `${percent(m.progress)} (expected ${percent(m.expectedProgress)})`],
      ['Last update', m.lastUpdatedOn ?? 'None yet'],
    ];
    return h(
      'li',
      { class: `mine-row status-${m.status}`, 'data-id': m.id, 'data-code': m.code },
      h('h4', {}, h('a', { href: urlOf({ ...state, ...NO_FILTERS, page: null, milestone: m.id }) }, `${m.code} ${m.title}`)),
      h('dl', { class: 'mine-facts' }, ...shown.map(([k, v]) => h('div', { 'data-fact': k }, h('dt', {}, k), h('dd', {}, v)))),
      m.viewerCanEdit ? actions(m) : '',
    );
  };

  /** After a write succeeds: remember where the keyboard goes, forget what was typed in that form. */
  const saving = (m: AgencyMilestone, key: string, write: (data: FormData) => Promise<string>) => async (data: FormData) => {
    const what = await write(data);
    drafts.delete(key);
    const index = order.indexOf(m.id);
    saved = { id: m.id, code: m.code, next: order[index + 1] ?? null, group: place.get(m.id) ?? 'rest', message: `Saved: ${m.code} ${what}.` };
  };

  const actions = (m: AgencyMilestone): HTMLElement => {
    const form = (kind: string, title: string, submit: string, fields: HTMLElement[], write: (data: FormData) => Promise<string>) => {
      const key = `${m.id} ${kind}`;
      const element = actionForm(title, submit, fields, saving(m, key, write)) as HTMLFormElement;
      keepDraft(element, key);
      return element;
    };
    const quick = form(
      'progress',
      `Report progress on ${m.code}`,
      'Report',
      [
        field('Percent complete', h('input', { type: 'number', name: 'percentComplete', step: 0.01, inputmode: 'decimal', required: true, value: m.progress })),
        field('Note', h('textarea', { name: 'note', rows: 1 })),
        field('Reported on', h('input', { type: 'date', name: 'reportedOn' })),
      ],
      async (data) => {
        const value = Number(text(data, 'percentComplete'));
        const on = optionalDate(data, 'reportedOn');
        await api.reportProgress(m.id, value, text(data, 'note'), on);
        return `progress ${value}% reported${on ? ` for ${on}` : ''}`;
      },
    );
    quick.querySelector('h4')?.replaceWith(h('h5', {}, 'Quick update'));
    const complete = form('complete', `Complete ${m.code}`, 'Complete', [field('Completed on', h('input', { type: 'date', name: 'completedOn' }))], async (data) => {
      const on = optionalDate(data, 'completedOn');
      await api.completeMilestone(m.id, on, m.version);
      return `completed${on ? ` on ${on}` : ''}`;
    });
    const move = form(
      'move',
      `Move the due date of ${m.code}`,
      'Move',
      [field('New due date', h('input', { type: 'date', name: 'newDueDate', required: true })), field('Reason', h('input', { type: 'text', name: 'reason', required: true }))],
      async (data) => {
        const to = text(data, 'newDueDate');
        await api.moveDueDate(m.id, to, text(data, 'reason'), m.version);
        return `now due ${to}`;
      },
    );
    /** Completing and moving are rarer: each behind its summary, open when something was typed or refused there. */
    const more = (summary: string, kind: string, inner: HTMLFormElement) => {
      inner.querySelector('h4')?.remove();
      const open = drafts.has(`${m.id} ${kind}`) || inner.querySelector('.form-error:not([hidden])') !== null;
      return h('details', { class: 'mine-more', open }, h('summary', {}, summary), inner);
    };
    return h('div', { class: 'mine-actions' }, quick, more('Complete…', 'complete', complete), more('Move due date…', 'move', move));
  };

  const list = (g: Group) => (g.members.length === 0 ? h('p', { class: 'mine-none' }, 'None.') : h('ul', { class: 'mine-list' }, ...g.members.map(row)));
  const groupSection = (g: Group): HTMLElement => {
    const id = `mine-group-${g.key}`;
    const heading = h('h3', { id, tabindex: -1 }, `${g.label} (${g.members.length})`);
    if (g.key !== 'rest') return h('section', { class: 'mine-group', 'data-group': g.key, 'aria-labelledby': id }, heading, h('p', { class: 'hint' }, g.hint), list(g));
    const rest = h('details', { class: 'mine-rest', open: restOpen }, h('summary', {}, g.members.length === 0 ? 'Nothing else is open.' : `Show the other ${g.members.length}`), list(g));
    rest.addEventListener('toggle', () => (restOpen = rest.open));
    return h('section', { class: 'mine-group', 'data-group': g.key, 'aria-labelledby': id }, heading, h('p', { class: 'hint' }, g.hint), rest);
  };

  // After a write: what was saved and where the milestone is listed now.
  const done = saved;
  saved = null;
  const now = done ? milestones.find((m) => m.id === done.id) : undefined;
  const savedText = done ? `${done.message} ${now ? `It is listed under ${byKey.get(groupOf(now, meeting?.date ?? null))!.label}.` : 'It is no longer on the open list.'}` : null;
  const root = h(
    'div',
    { class: 'mine' },
    back,
    h('h2', { tabindex: -1 }, `My agency: ${agency.name} (${agency.shortName})`),
    h('p', { 'data-count': milestones.length, 'data-attention': attentionCount },
      `${agency.shortName} leads or partners on ${milestones.length} open milestone${milestones.length === 1 ? '' : 's'} of ${plan.title} as of ${state.asOf}; ${attentionCount} need${attentionCount === 1 ? 's' : ''} attention.`),
    h('p', { class: 'hint' }, 'Each milestone is listed once, under the first group that applies: an overdue milestone whose update is also stale is under Overdue only. Completed and cancelled milestones are not listed.'),
    milestones.some((m) => m.viewerCanEdit)
      ? h('p', { class: 'hint' }, `Dates left empty mean today in the plan's time zone (${today}, ${facts.timeZone})${state.asOf !== today ? `; the list shows ${state.asOf}, but what you record is dated today unless you give a date` : ''}. Every change is recorded in the audit trail.`)
      : '',
    savedText ? h('p', { class: 'mine-saved' }, savedText) : '',
    ...groups.map(groupSection),
  );

  // Once shown: after a write, the keyboard goes to the milestone's row (or, when it left the
  // attention list, to the row after it) and the status region says what was saved; after a
  // CONFLICT, to the refused form, which kept what was typed.
  whenShown(root, () => {
    const visible = (id: string | null) => {
      const found = id ? root.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`) : null;
      return found && !found.closest('details:not([open])') ? found : null;
    };
    const refused = root.querySelector<HTMLElement>('form .form-error:not([hidden])');
    if (refused) {
      for (let details = refused.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
      refused.closest('form')?.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    if (!done) return;
    const target = visible(done.id) ?? visible(done.next);
    if (target) target.querySelector<HTMLElement>('h4 a')?.focus();
    else (root.querySelector<HTMLElement>(`#mine-group-${done.group}`) ?? root.querySelector<HTMLElement>('h2'))?.focus();
    const status = document.getElementById('status');
    if (status) status.textContent = savedText;
  });
  return root;
}
