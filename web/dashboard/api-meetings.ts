/** The queries of the meetings page and of the reports' links: meetings, briefings, published editions. */
import { gql } from '../shared/graphql';
import { Status } from './api';

export interface MeetingRow {
  id: string;
  date: string;
  title: string;
  committee: { id: string; name: string } | null;
}

/** A plan's meetings by date, and its committees by name (the bodies that meet besides the task force). */
export async function meetingsOf(planId: string): Promise<{ title: string; committees: { id: string; name: string }[]; meetings: MeetingRow[] } | null> {
  const data = await gql<{ plan: { title: string; committees: { id: string; name: string }[]; meetings: MeetingRow[] } | null }>(
    'query Meetings($id: ID!) { plan(id: $id) { title committees { id name } meetings { id date title committee { id name } } } }',
    { id: planId },
  );
  return data.plan;
}

/** A briefing's milestone, as on the briefing's date. */
export interface BriefingItem {
  status: Status;
  statusReason: string;
  dueDate: string;
  daysOverdue: number;
  progress: number;
  lastUpdatedOn: string | null;
  milestone: { id: string; code: string; title: string; completedOn: string | null; leadAgency: { shortName: string } };
}

export interface MeetingDetail extends MeetingRow {
  plan: { id: string; title: string };
  previous: { id: string; date: string; title: string } | null;
  next: { id: string; date: string; title: string } | null;
  briefing: {
    since: string | null;
    until: string;
    projection: boolean;
    horizon: string;
    completed: BriefingItem[];
    newlyOverdue: BriefingItem[];
    dueDatesMoved: { milestone: BriefingItem; changedOn: string; fromDate: string; toDate: string; reason: string }[];
    fallingDue: BriefingItem[];
    staleUpdates: BriefingItem[];
    updateRequests: { agency: { shortName: string; name: string }; milestones: { milestone: { id: string; code: string } }[] }[];
    url: string;
  };
}

const ITEM = 'status statusReason dueDate daysOverdue progress lastUpdatedOn milestone { id code title completedOn leadAgency { shortName } }';

/** One meeting with its neighbours of the same body and its briefing (as of the meeting, or of today while it is ahead). */
export async function meeting(id: string): Promise<MeetingDetail | null> {
  const data = await gql<{ meeting: MeetingDetail | null }>(
    `query Meeting($id: ID!) {
      meeting(id: $id) {
        id date title committee { id name } plan { id title }
        previous { id date title } next { id date title }
        briefing {
          since until projection horizon
          completed { ${ITEM} } newlyOverdue { ${ITEM} } fallingDue { ${ITEM} } staleUpdates { ${ITEM} }
          dueDatesMoved { milestone { ${ITEM} } changedOn fromDate toDate reason }
          updateRequests { agency { shortName name } milestones { milestone { id code } } }
          url
        }
      }
    }`,
    { id },
  );
  return data.meeting;
}

export interface PublishedEdition {
  year: number;
  edition: number;
  publishedAt: string;
  url: string;
}

/** The published (frozen) editions of a plan's annual reports, by year then edition. */
export async function publishedReports(planId: string): Promise<PublishedEdition[]> {
  const data = await gql<{ publishedReports: PublishedEdition[] }>('query Published($id: ID!) { publishedReports(planId: $id) { year edition publishedAt url } }', { id: planId });
  return data.publishedReports;
}
