/**
 * What every view of the dashboard shares: the plans the viewer may see, the error box, moving to
 * another address, and saving files. main.ts wires the shell; views import these.
 */
import { ApiError, download } from '../shared/graphql';
import { HOW_TO_SIGN_IN, storedToken, storeToken } from '../shared/token';
import * as api from './api';
import { h } from './dom';
import { State, urlOf } from './state';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The plans the viewer may see, and who the viewer is, loaded once per sign-in. */
export const session: { plans: api.PlanSummary[]; viewer: api.Viewer | null } = { plans: [], viewer: null };

/** Forgets what was loaded for the signed-in viewer. */
export function forgetViewer(): void {
  session.plans = [];
  session.viewer = null;
}

/** The plan of that id among those the viewer may see; an error the page shows otherwise. */
export function visiblePlan(planId: string): api.PlanSummary {
  const plan = session.plans.find((p) => p.id === planId);
  if (!plan) throw new Error('This plan does not exist or is not visible to you.');
  return plan;
}

/** Whether this server offers single sign-on (GET /auth/status), asked once; an older server without the route: tokens only. */
export const singleSignOn: Promise<boolean> = fetch('/auth/status')
  .then((response) => response.json() as Promise<{ singleSignOn: boolean }>)
  .then((status) => status.singleSignOn === true, () => false);

/** Signed in by a stored token, or by a single sign-on session (a cookie the page cannot see, so the viewer tells). */
export function showViewer(viewer: api.Viewer | null): void {
  session.viewer = viewer;
  const token = storedToken();
  const cookieSession = !token && viewer !== null && viewer.role !== null;
  $<HTMLFormElement>('sign-in').hidden = Boolean(token) || cookieSession;
  $<HTMLElement>('signed-in').hidden = !token && !cookieSession;
  $<HTMLElement>('viewer').textContent = viewer ? `Signed in as ${viewer.name}${viewer.role ? ` (${viewer.role}${viewer.agency ? `, ${viewer.agency.shortName}` : ''})` : ''}` : 'Signed in';
}

export function showError(error: unknown): void {
  const alertBox = $<HTMLElement>('alert');
  const unauthenticated = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
  if (unauthenticated) {
    // A stored token the server turns away (revoked, expired) is forgotten, so the form is back.
    const rejected = storedToken() !== null;
    storeToken(null);
    forgetViewer();
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
  if (unauthenticated) $<HTMLInputElement>('token').focus();
}

let renderPage: () => Promise<void> = async () => {};

/** main.ts hands over its render, so views can redraw after a write without importing the shell. */
export function setRender(render: () => Promise<void>): void {
  renderPage = render;
}

/** Draws the page for the current address again (after a write, the latest state shows). */
export function rerender(): Promise<void> {
  return renderPage();
}

export function navigate(state: State): void {
  history.pushState(null, '', urlOf(state));
  void renderPage();
}

export function section(title: string, id: string, ...content: (Node | string)[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h3', { id }, title), ...content);
}

export function saveFile(blob: Blob, filename: string): void {
  const objectUrl = URL.createObjectURL(blob);
  h('a', { href: objectUrl, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/**
 * The exports fetch with the token in a header and save the file: tokens stay out of URLs (which
 * end up in histories and logs), and the CSV export takes no token in its URL at all.
 */
export function downloadLink(label: string, url: string, filename: string): HTMLElement {
  const link = h('a', { href: url, download: filename }, label);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    download(url).then((blob) => saveFile(blob, filename), showError);
  });
  return link;
}
