/**
 * The "My agency" page's queries: the open milestones one agency leads or partners on in one plan,
 * a page of 100 at a time, with only the fields the page shows, and the few plan facts it needs.
 * The check-in writes are api.ts's, the same as on the milestone page.
 */
import { gql } from '../shared/graphql';
import { Status } from './api';

/** Statuses of a milestone still to be done on a date: the page lists these only. */
export const OPEN: Status[] = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED'];

export interface AgencyMilestone {
  id: string;
  code: string;
  title: string;
  /** Passed back as expectedVersion, so that a write over someone else's change is a CONFLICT. */
  version: number;
  viewerCanEdit: boolean;
  status: Status;
  statusReason: string;
  dueDate: string;
  progress: number;
  expectedProgress: number;
  lastUpdatedOn: string | null;
  updateStale: boolean;
  leadAgency: { id: string; shortName: string };
  partners: { role: 'SUPPORT' | 'CONSULTED'; agency: { id: string } }[];
}

export interface PlanFacts {
  id: string;
  title: string;
  timeZone: string;
  atRiskThreshold: number;
  updateCadenceDays: number;
  /** Meetings on or after the date, soonest first (the first is the next meeting). */
  meetings: { id: string; date: string; title: string }[];
}

/** What the page says about the plan: its zone, its thresholds and its meetings from the date on. */
export async function planFacts(planId: string, asOf: string): Promise<PlanFacts | null> {
  const data = await gql<{ plan: PlanFacts | null }>(
    'query MyAgencyPlan($id: ID!, $asOf: Date!) { plan(id: $id) { id title timeZone atRiskThreshold updateCadenceDays meetings(from: $asOf) { id date title } } }',
    { id: planId, asOf },
  );
  return data.plan;
}

/**
 * Every open milestone of the plan that the agency leads or partners on, on the date, by due
 * date: pages of 100 following the cursors, so a large agency costs a few requests and a small
 * one a single small one (the rest of the plan is never read).
 */
export async function agencyMilestones(planId: string, agencyId: string, asOf: string): Promise<AgencyMilestone[]> {
  const all: AgencyMilestone[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { milestones: { nodes: AgencyMilestone[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query MyAgencyMilestones($filter: MilestoneFilter!, $asOf: Date!, $after: String) {
        milestones(filter: $filter, first: 100, after: $after, orderBy: { field: DUE_DATE }) {
          nodes {
            id code title version viewerCanEdit
            status(asOf: $asOf) statusReason(asOf: $asOf) dueDate(asOf: $asOf) progress(asOf: $asOf) expectedProgress(asOf: $asOf)
            lastUpdatedOn(asOf: $asOf) updateStale(asOf: $asOf)
            leadAgency { id shortName } partners { role agency { id } }
          }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter: { planId, agencyId, agencyRole: 'ANY', asOf, status: OPEN }, asOf, after },
    );
    all.push(...data.milestones.nodes);
    if (!data.milestones.pageInfo.hasNextPage) return all;
    after = data.milestones.pageInfo.endCursor;
  }
}
