/**
 * The named pages of a plan (?page=NAME): each is a view of the plan for some of its users. A page
 * shows in the navigation only for viewers it is `for`; the server decides what they may do anyway.
 */
import * as api from './api';
import { State } from './state';
import { adminView } from './views/admin';
import { meetingsView } from './views/meetings';
import { mineView } from './views/mine';
import { tokensView } from './views/tokens';

export interface Page {
  /** The link text in the page navigation. */
  label: string;
  /** Whether the viewer gets a link to the page. */
  for: (viewer: api.Viewer | null) => boolean;
  view: (state: State, planId: string) => Promise<HTMLElement>;
}

export const PAGES: Record<string, Page> = {
  meetings: { label: 'Meetings', for: () => true, view: meetingsView },
  mine: { label: 'My agency', for: (viewer) => Boolean(viewer?.agency), view: mineView },
  tokens: { label: 'My tokens', for: (viewer) => viewer?.role !== null && viewer?.role !== undefined, view: tokensView },
  admin: { label: 'Admin', for: (viewer) => viewer?.role === 'ADMIN', view: adminView },
};
