/** The GraphQL operations the bench sends (field names as in schema.graphql). */

const STATUS_COUNTS = 'statusCounts { OVERDUE AT_RISK ON_TRACK NOT_STARTED COMPLETED COMPLETED_LATE CANCELLED total }';

/** A dashboard's main table: every goal (nested ones too) with its milestones' status. */
export const DASHBOARD = `query Dashboard($id: ID!) {
  plan(id: $id) {
    goals(all: true) {
      code
      title
      milestones { code title status progress statusReason leadAgency { shortName } }
    }
  }
}`;

/** The plan's roll-ups: progress, health, counts, and the breakdown by top-level goal. */
export const ROLLUPS = `query Rollups($id: ID!) {
  plan(id: $id) {
    progress
    health
    ${STATUS_COUNTS}
    dashboard { breakdown(by: GOAL) { key label milestoneCount progress health overdueDays ${STATUS_COUNTS} } }
  }
}`;

/** One milestone's status: the point query. */
export const MILESTONE_STATUS = 'query Status($id: ID!) { milestone(id: $id) { status progress } }';

/** The cheapest query there is: what the server costs before any resolver or database work. */
export const TYPENAME = '{ __typename }';
