/**
 * The plan dashboard at /dashboard: the shell (plan and date controls, sign-in, page navigation)
 * and the router from the address to a view. The data comes from the public GraphQL API with the
 * viewer's token or single sign-on session, so it shows exactly what that viewer may see.
 */
import './dashboard.css';
import { storedToken, storeToken } from '../shared/token';
import * as api from './api';
import { forgetViewer, navigate, session, setRender, showError, showViewer, singleSignOn } from './app';
import { h } from './dom';
import { PAGES } from './pages';
import { filtered, localToday, NO_FILTERS, State, stateFromUrl, urlOf, withinPlan } from './state';
import { listView } from './views/list';
import { milestoneView } from './views/milestone';
import { planView } from './views/plan';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const view = $<HTMLElement>('view');
const planSelect = $<HTMLSelectElement>('plan');
const asOfInput = $<HTMLInputElement>('as-of');
const tokenInput = $<HTMLInputElement>('token');

/** The plan running on the date, else the latest to start. */
function defaultPlan(asOf: string): string | null {
  const running = session.plans.find((p) => p.startDate <= asOf && asOf <= p.endDate);
  return (running ?? [...session.plans].sort((a, b) => b.startDate.localeCompare(a.startDate))[0])?.id ?? null;
}

/** The view the address asks for. */
function viewOf(state: State, planId: string): Promise<HTMLElement> {
  if (state.milestone) return milestoneView(state, state.milestone);
  const page = state.page ? PAGES[state.page] : undefined;
  if (page) return page.view(state, planId);
  return filtered(state) ? listView(state, planId) : planView(state, planId);
}

/** Links to the plan's front page and to the named pages this viewer has. */
function pageLinks(state: State): void {
  const links: [string | null, string][] = [[null, 'Plan'], ...Object.entries(PAGES).filter(([, p]) => p.for(session.viewer)).map(([name, p]): [string, string] => [name, p.label])];
  $<HTMLElement>('pages').replaceChildren(
    ...links.map(([name, label]) => {
      const current = !state.milestone && !filtered(state) && state.page === name;
      return h('a', { href: urlOf({ ...state, ...NO_FILTERS, milestone: null, meeting: null, page: name }), 'aria-current': current ? 'page' : undefined }, label);
    }),
  );
}

/** Counts renders, so that an answer arriving after the reader has moved on is dropped. */
let latest = 0;
/** The address last drawn, without its #fragment. */
let drawn = '';

async function render(): Promise<void> {
  const ticket = ++latest;
  drawn = location.pathname + location.search;
  const state = stateFromUrl();
  $<HTMLElement>('alert').hidden = true;
  asOfInput.value = state.asOf;
  try {
    if (session.plans.length === 0) {
      const data = await api.plans();
      session.plans = data.plans;
      showViewer(data.viewer);
      planSelect.replaceChildren(...session.plans.map((p) => h('option', { value: p.id }, p.title)));
    }
    state.plan ??= defaultPlan(state.asOf);
    if (!state.plan) {
      view.replaceChildren(h('p', {}, 'There is no plan to show yet.'));
      return;
    }
    planSelect.value = state.plan;
    pageLinks(state);
    view.setAttribute('aria-busy', 'true');
    const content = await viewOf(state, state.plan);
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

setRender(render);
// A plan's figures outside its span say nothing, so switching plan brings the date into the new plan.
planSelect.addEventListener('change', () => {
  const state = stateFromUrl();
  navigate({ ...state, plan: planSelect.value, asOf: withinPlan(state.asOf, session.plans.find((p) => p.id === planSelect.value)), milestone: null, meeting: null, ...NO_FILTERS });
});
asOfInput.addEventListener('change', () => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value)) navigate({ ...stateFromUrl(), asOf: asOfInput.value });
});
$<HTMLButtonElement>('today').addEventListener('click', () => navigate({ ...stateFromUrl(), asOf: localToday() }));
$<HTMLFormElement>('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!tokenInput.value.trim()) return;
  storeToken(tokenInput.value);
  tokenInput.value = '';
  forgetViewer();
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
  forgetViewer();
  showViewer(null);
  void render();
});
// Following a #fragment link (the skip link) changes only the hash: no redraw, which would take
// the focus from under a keyboard user already tabbing on.
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== drawn) void render();
});
void singleSignOn.then((sso) => ($<HTMLElement>('single-sign-on').hidden = !sso));
showViewer(null);
void render();
