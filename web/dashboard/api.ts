/** The dashboard's GraphQL queries and the shapes they return: everything through the public API. */
import { gql } from '../shared/graphql';

export const STATUSES = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED', 'COMPLETED_LATE', 'CANCELLED'] as const;
export type Status = (typeof STATUSES)[number];
export type StatusCounts = Record<Status | 'total', number>;
export type Health = 'AT_RISK' | 'COMPLETED' | 'NOT_STARTED' | 'OFF_TRACK' | 'ON_TRACK';

export interface PlanSummary {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  fiscalYearStartMonth: number;
}

export interface Viewer {
  name: string;
  role: string | null;
  agency: { id: string; shortName: string; name: string } | null;
}

const VIEWER = 'viewer { name role agency { id shortName name } }';

export interface Group {
  key: string;
  label: string;
  milestoneCount: number;
  progress: number | null;
  health: Health | null;
  overdueDays: number;
  statusCounts: StatusCounts;
}

export interface OnDate {
  status: Status;
  statusReason: string;
  dueDate: string;
  daysOverdue: number;
  progress: number;
  milestone: { id: string; code: string; title: string; leadAgency: { shortName: string; name: string } };
}

export interface HistoryPoint {
  date: string;
  progress: number | null;
  expectedProgress: number | null;
}

export interface Overview {
  viewer: Viewer;
  plan: PlanSummary & {
    health: Health | null;
    healthReason: string;
    progress: number | null;
    statusCounts: StatusCounts;
    dashboard: { overdue: OnDate[]; atRisk: OnDate[]; goals: Group[]; agencies: Group[] };
    /** Meetings on or after the date, soonest first: the dashboard's front shows the first. */
    meetingsAhead: MeetingSummary[];
  } | null;
}

export interface MeetingSummary {
  id: string;
  date: string;
  title: string;
  committee: { name: string } | null;
}

export interface Briefing {
  until: string;
  projection: boolean;
  markdown: string;
}

export interface TimelineMilestone {
  id: string;
  code: string;
  title: string;
  startDate: string;
  dueDate: string;
  baselineDueDate: string;
  status: Status;
  leadAgency: { shortName: string };
}

export interface MilestoneDetail {
  id: string;
  code: string;
  title: string;
  description: string;
  visibility: string;
  startDate: string;
  dueDate: string;
  baselineDueDate: string;
  slipDays: number;
  completedOn: string | null;
  status: Status;
  statusReason: string;
  progress: number;
  expectedProgress: number;
  forecastCompletion: string | null;
  goal: { code: string; title: string };
  plan: { id: string; title: string };
  leadAgency: { shortName: string; name: string };
  partners: { role: string; agency: { shortName: string } }[];
  dateChanges: { which: 'START_DATE' | 'DUE_DATE'; changedOn: string; fromDate: string; toDate: string; reason: string }[];
  updates: { reportedOn: string; percentComplete: number; note: string; author: string | null }[];
  dependsOn: { id: string; code: string; title: string; status: Status }[];
  version: number;
  cancelledOn: string | null;
  viewerCanEdit: boolean;
}

const COUNTS = 'OVERDUE AT_RISK ON_TRACK NOT_STARTED COMPLETED COMPLETED_LATE CANCELLED total';
const GROUP = `key label milestoneCount progress health overdueDays statusCounts { ${COUNTS} }`;
const ON_DATE = 'status statusReason dueDate daysOverdue progress milestone { id code title leadAgency { shortName name } }';

export async function plans(): Promise<{ viewer: Viewer; plans: PlanSummary[] }> {
  return gql(`{ ${VIEWER} plans { id title startDate endDate fiscalYearStartMonth } }`);
}

/** Figures, lists and breakdowns of one plan on one date, in one request. */
export async function overview(planId: string, asOf: string): Promise<Overview> {
  return gql(
    `query Overview($planId: ID!, $asOf: Date!) {
      ${VIEWER}
      plan(id: $planId) {
        id title startDate endDate fiscalYearStartMonth
        health(asOf: $asOf) healthReason(asOf: $asOf) progress(asOf: $asOf) statusCounts(asOf: $asOf) { ${COUNTS} }
        dashboard(asOf: $asOf) {
          overdue { ${ON_DATE} }
          atRisk { ${ON_DATE} }
          goals: breakdown(by: GOAL) { ${GROUP} }
          agencies: breakdown(by: AGENCY) { ${GROUP} }
        }
        meetingsAhead: meetings(from: $asOf) { id date title committee { name } }
      }
    }`,
    { planId, asOf },
  );
}

export type AgencyRole = 'LEAD' | 'PARTNER' | 'ANY';

/** What a filtered list of milestones asks for; empty fields do not filter. */
export interface MilestoneQuery {
  planId: string;
  asOf: string;
  status: Status | null;
  agencyId: string | null;
  agencyRole: AgencyRole;
  committeeId: string | null;
  goalId: string | null;
  search: string | null;
}

export interface MilestonePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (OnDate['milestone'] & { status: Status; statusReason: string; dueDate: string; progress: number })[];
}

/** One page of milestones matching the filters, by due date (the search API the analysts use). */
export async function milestonePage(q: MilestoneQuery, after: string | null): Promise<MilestonePage> {
  const filter = {
    planId: q.planId,
    asOf: q.asOf,
    ...(q.status ? { status: [q.status] } : {}),
    ...(q.agencyId ? { agencyId: q.agencyId, agencyRole: q.agencyRole } : {}),
    ...(q.committeeId ? { committeeId: q.committeeId } : {}),
    ...(q.goalId ? { goalId: q.goalId } : {}),
    ...(q.search ? { search: q.search } : {}),
  };
  const data = await gql<{ milestones: MilestonePage }>(
    `query Milestones($filter: MilestoneFilter!, $asOf: Date!, $after: String) {
      milestones(filter: $filter, first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id code title leadAgency { shortName name } status(asOf: $asOf) statusReason(asOf: $asOf) dueDate(asOf: $asOf) progress(asOf: $asOf) }
      }
    }`,
    { filter, asOf: q.asOf, after },
  );
  return data.milestones;
}

/** Every agency, for the agency filter. */
export async function agencies(): Promise<{ id: string; shortName: string; name: string }[]> {
  return (await gql<{ agencies: { id: string; shortName: string; name: string }[] }>('{ agencies { id shortName name } }')).agencies;
}

/** What a plan's milestones can be filtered by besides agencies: its goals (nested ones too) and committees. */
export async function planFacets(planId: string): Promise<{ goals: { id: string; code: string; title: string }[]; committees: { id: string; name: string }[] }> {
  const data = await gql<{ plan: { goals: { id: string; code: string; title: string }[]; committees: { id: string; name: string }[] } | null }>(
    'query($id: ID!) { plan(id: $id) { goals(all: true) { id code title } committees { id name } } }',
    { id: planId },
  );
  return data.plan ?? { goals: [], committees: [] };
}

/** A meeting's briefing: as of the meeting, or as of today (a projection) while it is ahead. */
export async function briefing(meetingId: string): Promise<Briefing | null> {
  const data = await gql<{ meeting: { briefing: Briefing } | null }>('query($id: ID!) { meeting(id: $id) { briefing { until projection markdown } } }', { id: meetingId });
  return data.meeting?.briefing ?? null;
}

/**
 * The progress trend, in its own request: it recomputes the plan at every period end, which on a
 * large plan takes longer than everything else together, and the rest of the page need not wait.
 */
export async function trend(planId: string, from: string, to: string, interval: 'MONTH' | 'QUARTER'): Promise<HistoryPoint[]> {
  const data: { plan: { progressHistory: HistoryPoint[] } | null } = await gql(
    `query Trend($planId: ID!, $from: Date!, $to: Date!, $interval: Interval!) {
      plan(id: $planId) { progressHistory(from: $from, to: $to, interval: $interval) { date progress expectedProgress } }
    }`,
    { planId, from, to, interval },
  );
  return data.plan?.progressHistory ?? [];
}

/** Every milestone of one goal (nested goals included), a page of 100 at a time. */
export async function goalMilestones(planId: string, goalId: string, asOf: string): Promise<TimelineMilestone[]> {
  const all: TimelineMilestone[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { milestones: { nodes: TimelineMilestone[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query GoalMilestones($filter: MilestoneFilter!, $asOf: Date!, $after: String) {
        milestones(filter: $filter, first: 100, after: $after, orderBy: { field: DUE_DATE }) {
          nodes { id code title startDate(asOf: $asOf) dueDate(asOf: $asOf) baselineDueDate status(asOf: $asOf) leadAgency { shortName } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter: { planId, goalId, asOf }, asOf, after },
    );
    all.push(...page.milestones.nodes);
    if (!page.milestones.pageInfo.hasNextPage) return all;
    after = page.milestones.pageInfo.endCursor;
  }
}

export async function milestone(id: string, asOf: string): Promise<MilestoneDetail | null> {
  const data: { milestone: MilestoneDetail | null } = await gql(
    `query Milestone($id: ID!, $asOf: Date!) {
      milestone(id: $id) {
        id code title description visibility startDate(asOf: $asOf) dueDate(asOf: $asOf) baselineDueDate slipDays(asOf: $asOf) completedOn(asOf: $asOf)
        status(asOf: $asOf) statusReason(asOf: $asOf) progress(asOf: $asOf) expectedProgress(asOf: $asOf) forecastCompletion(asOf: $asOf)
        goal { code title } plan { id title } leadAgency { shortName name }
        partners { role agency { shortName } }
        dateChanges { which changedOn fromDate toDate reason }
        updates(asOf: $asOf) { reportedOn percentComplete note author }
        dependsOn { id code title status(asOf: $asOf) }
        version cancelledOn(asOf: $asOf) viewerCanEdit
      }
    }`,
    { id, asOf },
  );
  return data.milestone;
}

/** The check-in writes, through the public API like any client; each is in the audit trail. */
export async function reportProgress(milestoneId: string, percentComplete: number, note: string, reportedOn: string | null): Promise<void> {
  await gql('mutation($input: ReportProgressInput!) { reportProgress(input: $input) { id } }', { input: { milestoneId, percentComplete, note, ...(reportedOn ? { reportedOn } : {}) } });
}

export async function completeMilestone(id: string, completedOn: string | null, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $on: Date, $v: Int) { completeMilestone(id: $id, completedOn: $on, expectedVersion: $v) { id } }', { id, on: completedOn, v: expectedVersion });
}

export async function moveDueDate(id: string, newDueDate: string, reason: string, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $d: Date!, $r: String!, $v: Int) { moveDueDate(id: $id, newDueDate: $d, reason: $r, expectedVersion: $v) { id } }', { id, d: newDueDate, r: reason, v: expectedVersion });
}
