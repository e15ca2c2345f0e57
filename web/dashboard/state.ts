/**
 * The dashboard's state lives in the address (?plan=…&asOf=…&milestone=…&page=…, and the filters
 * of a milestone list), so every view can be bookmarked and shared.
 */
import * as api from './api';

/** Today on this computer's calendar: the default "as of", sent explicitly so figures and the today line agree. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Filters {
  status: api.Status | null;
  agency: string | null;
  role: api.AgencyRole;
  committee: string | null;
  goal: string | null;
  q: string | null;
}

export interface State extends Filters {
  plan: string | null;
  asOf: string;
  milestone: string | null;
  /** A named page of the plan (see pages.ts); null for the plan's front page or a filtered list. */
  page: string | null;
  /** A meeting, on the meetings page: its briefing. */
  meeting: string | null;
}

export const NO_FILTERS: Filters = { status: null, agency: null, role: 'LEAD', committee: null, goal: null, q: null };
/** The agency roles a list filters by, as the filter names them. */
export const ROLE_LABELS: Record<api.AgencyRole, string> = { LEAD: 'Leads', PARTNER: 'Partners on', ANY: 'Leads or partners on' };
export const ROLES = Object.keys(ROLE_LABELS) as api.AgencyRole[];

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function stateFromUrl(): State {
  const q = new URLSearchParams(location.search);
  const asOf = q.get('asOf');
  const status = q.get('status') as api.Status | null;
  const role = q.get('role') as api.AgencyRole | null;
  return {
    plan: q.get('plan'),
    asOf: isDate(asOf) ? asOf : localToday(),
    milestone: q.get('milestone'),
    page: q.get('page') || null,
    meeting: q.get('meeting') || null,
    status: status && api.STATUSES.includes(status) ? status : null,
    agency: q.get('agency') || null,
    role: role && ROLES.includes(role) ? role : 'LEAD',
    committee: q.get('committee') || null,
    goal: q.get('goal') || null,
    q: q.get('q')?.trim() || null,
  };
}

export function urlOf(state: State): string {
  const q = new URLSearchParams();
  if (state.plan) q.set('plan', state.plan);
  if (state.asOf !== localToday()) q.set('asOf', state.asOf);
  if (state.milestone) q.set('milestone', state.milestone);
  if (state.page) q.set('page', state.page);
  if (state.meeting) q.set('meeting', state.meeting);
  if (state.status) q.set('status', state.status);
  if (state.agency) q.set('agency', state.agency);
  if (state.agency && state.role !== 'LEAD') q.set('role', state.role);
  if (state.committee) q.set('committee', state.committee);
  if (state.goal) q.set('goal', state.goal);
  if (state.q) q.set('q', state.q);
  return `/dashboard${q.size ? `?${q}` : ''}`;
}

/** Whether the address asks for a filtered list of milestones. */
export function filtered(state: State): boolean {
  return Boolean(state.status || state.agency || state.committee || state.goal || state.q);
}

/** A date inside the plan's span: the nearest day of the plan when the date falls outside it. */
export function withinPlan(date: string, plan: api.PlanSummary | undefined): string {
  if (!plan) return date;
  return date < plan.startDate ? plan.startDate : date > plan.endDate ? plan.endDate : date;
}
