/** The queries of the front page's indicators and committee roll-ups. */
import { gql } from '../shared/graphql';
import { Group } from './api';

/** A value as the API gives this reader: null with `suppressed` when it is a sensitive small number they may not see. */
export interface Shown {
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  direction: 'INCREASE' | 'DECREASE';
  sensitive: boolean;
  targetDate: string;
  baseline: Shown;
  target: Shown;
  latest: (Shown & { measuredOn: string }) | null;
  progress: number | null;
  agency: { shortName: string; name: string };
  goal: { code: string } | null;
}

export interface PlanMeasures {
  suppressionThreshold: number;
  indicators: IndicatorRow[];
  committees: Group[];
}

const COUNTS = 'OVERDUE AT_RISK ON_TRACK NOT_STARTED COMPLETED COMPLETED_LATE CANCELLED total';

/** The plan's indicators on the date (latest value and progress), and its roll-up per committee. */
export async function planMeasures(planId: string, asOf: string): Promise<PlanMeasures | null> {
  const data = await gql<{ plan: (Omit<PlanMeasures, 'committees'> & { dashboard: { committees: Group[] } }) | null }>(
    `query Measures($id: ID!, $asOf: Date!) {
      plan(id: $id) {
        suppressionThreshold
        indicators {
          id name unit direction sensitive targetDate
          baseline { value suppressed } target { value suppressed }
          latest(asOf: $asOf) { value suppressed measuredOn }
          progress(asOf: $asOf)
          agency { shortName name } goal { code }
        }
        dashboard(asOf: $asOf) { committees: breakdown(by: COMMITTEE) { key label milestoneCount progress health overdueDays statusCounts { ${COUNTS} } } }
      }
    }`,
    { id: planId, asOf },
  );
  if (!data.plan) return null;
  const { dashboard, ...rest } = data.plan;
  return { ...rest, committees: dashboard.committees };
}
