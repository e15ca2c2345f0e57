/**
 * "My tokens" (?page=tokens), for everyone signed in: their own tokens, a new read-only token for
 * a calendar app (its text and the calendar feed addresses shown once, right after it is made),
 * and revoking one, after a confirmation. Also the token pieces the admin page shares.
 */
import '../admin.css';
import { ApiError } from '../../shared/graphql';
import * as api from '../api-admin';
import { session } from '../app';
import { h } from '../dom';
import { actionForm, field, optionalDate, text } from '../forms';
import { localToday, State } from '../state';

/** A token just made, to show once on the next render (the form's write is followed by a redraw). */
let issued: { token: api.CreatedToken; for: string; feeds: boolean } | null = null;

/** Hands a token just made to the next render, which shows it once. */
export function showOnce(token: api.CreatedToken, forWhom: string, feeds: boolean): void {
  issued = { token, for: forWhom, feeds };
}

/** Takes the token just made, if it was made for `forWhom`: shown once, then forgotten. */
function takeIssued(forWhom: string): typeof issued {
  if (issued?.for !== forWhom) return null;
  const taken = issued;
  issued = null;
  return taken;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function when(iso: string, format = dateTime): HTMLElement {
  return h('time', { datetime: iso }, format.format(new Date(iso)));
}

/** A read-only field holding text to copy (a token, a feed address), selected whole when focused. */
function copyable(label: string, value: string, name: string): HTMLElement {
  const input = h('input', { type: 'text', readonly: true, value, name, class: 'secret', spellcheck: 'false', autocomplete: 'off' });
  input.addEventListener('focus', () => input.select());
  return field(label, input);
}

/** The calendar feeds a read-only token opens: each plan the viewer sees (this one first) and their agency's. */
function feedAddresses(token: string, planId: string, agency: api.AgencyOption | null): { label: string; url: string }[] {
  const url = (path: string) => `${location.origin}${path}?token=${encodeURIComponent(token)}`;
  const plans = [...session.plans].sort((a, b) => Number(b.id === planId) - Number(a.id === planId));
  return [
    ...plans.map((p) => ({ label: `Milestones of ${p.title}`, url: url(`/calendar/plan/${encodeURIComponent(p.id)}.ics`) })),
    ...(agency ? [{ label: `Milestones ${agency.shortName} leads or partners on`, url: url(`/calendar/agency/${encodeURIComponent(agency.id)}.ics`) }] : []),
  ];
}

/** The token just made, shown once: its text and, for a read-only one, the calendar feeds it opens. */
export function newTokenBox(made: api.CreatedToken, feeds: { label: string; url: string }[]): HTMLElement {
  const heading = h('h3', { id: 'h-new-token', tabindex: -1 }, `New token “${made.apiToken.label}”`);
  const box = h(
    'section',
    { class: 'new-token', 'aria-labelledby': 'h-new-token' },
    heading,
    h('p', {}, h('strong', {}, 'Copy it now: it is shown only this once. '), 'Cairn keeps only a fingerprint of it, so nobody can show it to you again; if you lose it, revoke it and make another.'),
    copyable('Token', made.token, 'token'),
    feeds.length
      ? h(
          'div',
          { class: 'feeds' },
          h('h4', {}, 'Calendar feeds'),
          h('p', { class: 'hint' }, 'Subscribe to one of these addresses in your calendar app (“add calendar from URL”). The token is part of the address: share it with no one.'),
          ...feeds.map((f, i) => copyable(f.label, f.url, `feed-${i}`)),
        )
      : '',
  );
  // Once the page shows it, the keyboard and screen readers start there.
  setTimeout(() => heading.focus());
  return box;
}

/** What a token is and whether it works, in words. */
function tokenFacts(t: api.Token): (Node | string)[] {
  const state = t.revokedAt ? ['Revoked ', when(t.revokedAt)] : t.active ? ['Active'] : ['Expired'];
  return [
    t.readOnly ? 'Read-only' : 'Full access',
    ' · created ',
    when(t.createdAt, dateOnly),
    ' · ',
    ...(t.expiresAt ? ['works until ', when(t.expiresAt)] : ['does not expire']),
    ' · ',
    ...state,
  ];
}

/**
 * A destructive action behind a confirmation: a button that opens a small form saying what will
 * happen, with the action and a way back.
 */
export function confirmAction(button: string, title: string, consequence: string, submit: string, write: () => Promise<void>): HTMLElement {
  const holder = h('div', { class: 'confirm' });
  const open = h('button', { type: 'button', 'aria-label': title.replace(/\?$/, '') }, button);
  const ask = () => {
    const form = actionForm(title, submit, [h('p', { class: 'hint' }, consequence)], write);
    const cancel = h('button', { type: 'button', class: 'cancel' }, 'Cancel');
    cancel.addEventListener('click', () => {
      holder.replaceChildren(open);
      open.focus();
    });
    form.querySelector('button[type="submit"]')!.after(cancel);
    holder.replaceChildren(form);
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
  };
  open.addEventListener('click', ask);
  holder.append(open);
  return holder;
}

/** A list of tokens, newest first; active ones can be revoked. */
export function tokenList(tokens: api.Token[], caption: string, revoke: (t: api.Token) => Promise<void>): HTMLElement {
  if (tokens.length === 0) return h('p', { class: 'hint' }, `${caption}: none.`);
  return h(
    'ul',
    { class: 'tokens', 'aria-label': caption },
    ...tokens.map((t) =>
      h(
        'li',
        { 'data-token-id': t.id, 'data-active': String(t.active) },
        h('span', { class: 'token-label' }, t.label || '(no label)'),
        h('span', { class: 'token-facts' }, ...tokenFacts(t)),
        t.active ? confirmAction('Revoke…', `Revoke token “${t.label}”?`, 'Whatever uses it (a calendar app, a script) stops working at once. This cannot be undone.', 'Revoke', () => revoke(t)) : '',
      ),
    ),
  );
}

export async function tokensView(_state: State, planId: string): Promise<HTMLElement> {
  const me = await api.myTokens();
  if (me.role === null) {
    return h('article', { class: 'tokens-page' }, h('h2', {}, 'My tokens'), h('p', {}, 'Sign in to see and make your tokens.'));
  }
  const made = takeIssued('me');
  const create = actionForm(
    'New calendar token',
    'Create token',
    [
      field('Label (what it is for)', h('input', { type: 'text', name: 'label', required: true, maxlength: 200, placeholder: 'e.g. Outlook calendar' })),
      field('Last day (optional)', h('input', { type: 'date', name: 'expiresOn', min: localToday() })),
    ],
    async (data) => {
      try {
        showOnce(await api.createMyToken(text(data, 'label'), optionalDate(data, 'expiresOn')), 'me', true);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'FORBIDDEN') throw new ApiError(`${error.message} (You are signed in with a read-only token.)`, error.code, error.field);
        throw error;
      }
    },
  );
  return h(
    'article',
    { class: 'tokens-page' },
    h('h2', {}, 'My tokens'),
    h(
      'p',
      { class: 'hint' },
      'A token lets a program read Cairn as you. Tokens made here are read-only: they read what you may read and change nothing, so they are the kind to give a calendar app. Without a last day a token works until you revoke it; with one, until the end of that day in the plan’s time zone.',
    ),
    made ? newTokenBox(made.token, feedAddresses(made.token.token, planId, me.agency)) : '',
    h('div', { class: 'actions' }, create),
    h('h3', { id: 'h-my-tokens' }, 'Your tokens'),
    tokenList(me.tokens, 'Your tokens', (t) => api.revokeMyToken(t.id)),
  );
}
