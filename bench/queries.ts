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

/** `{ ...F0 }` where each of F0…F(n−1) spreads the next twice and Fn is `{ __typename }`: 2^n fields. */
const doubledSpreads = (n: number): string =>
  ['{ ...F0 }', ...Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`), `fragment F${n} on Query { __typename }`].join('\n');

const typeAliases = (n: number): string => `__type(name: "Query") { ${Array.from({ length: n }, (_, i) => `p${i}: name`).join(' ')} }`;
const COSTLY = 'plans { goals(all: true) { milestones { updates { milestone { updates { id } } } } } }';
const TYPES_WITH_FIELDS = 'types { name fields { name description type { name kind } args { name description } } }';

/** Documents Cairn must refuse at once, with the limit each must be refused by (figure g). */
export const HOSTILE: { name: string; query: string; limit: string }[] = [
  { name: 'F0…F22, each spreading the next twice', query: doubledSpreads(22), limit: 'fields' },
  { name: 'F0…F39, the same', query: doubledSpreads(39), limit: 'fields' },
  { name: 'F0…F199, the same', query: doubledSpreads(199), limit: 'fields' },
  { name: 'a costly query', query: `{ ${COSTLY} }`, limit: 'cost' },
  { name: 'the costly query padded with 10,000 `__type` aliases', query: `{ ${COSTLY} ${typeAliases(10_000)} }`, limit: 'tokens' },
  { name: '12,000 aliases inside `__type`', query: `{ ${typeAliases(12_000)} }`, limit: 'tokens' },
  { name: '20 aliased copies of `__schema { types { fields … } }`', query: `{ __schema { ${Array.from({ length: 20 }, (_, i) => `t${i}: ${TYPES_WITH_FIELDS}`).join(' ')} } }`, limit: 'cost' },
  { name: '`plans { id }` 249 times', query: `{ ${'plans { id } '.repeat(249)}}`, limit: 'overlaps' },
  { name: 'about 1 MiB of `__typename`', query: `{ ${'__typename '.repeat(95_000)}}`, limit: 'tokens' },
];
