/** The milestone page's owner actions (cancel/reopen, visibility, partners, dependencies, start date): through the public API. */
import { gql } from '../shared/graphql';

/** What the owner actions need beyond the milestone page's own query. */
export interface MilestoneOwnership {
  viewerCanManage: boolean;
  partners: { role: string; agency: { id: string; shortName: string; name: string } }[];
  dependsOn: { id: string; code: string; title: string }[];
  /** Every progress update and date move with who made it and when it was recorded, to name the newest in a conflict. */
  updates: { reportedOn: string; percentComplete: number; author: string | null; createdAt: string }[];
  dateChanges: { which: string; toDate: string; author: string | null; createdAt: string }[];
}

export async function ownership(id: string): Promise<MilestoneOwnership | null> {
  const data: { milestone: MilestoneOwnership | null } = await gql(
    `query MilestoneOwnership($id: ID!) {
      milestone(id: $id) { viewerCanManage partners { role agency { id shortName name } } dependsOn { id code title }
        updates { reportedOn percentComplete author createdAt } dateChanges { which toDate author createdAt } }
    }`,
    { id },
  );
  return data.milestone;
}

/** Up to 20 milestones of a plan whose code or title matches `search`. */
export async function searchMilestones(planId: string, search: string): Promise<{ id: string; code: string; title: string }[]> {
  const data: { milestones: { nodes: { id: string; code: string; title: string }[] } } = await gql(
    'query FindMilestones($f: MilestoneFilter) { milestones(filter: $f, first: 20) { nodes { id code title } } }',
    { f: { planId, ...(search ? { search } : {}) } },
  );
  return data.milestones.nodes;
}

export async function cancelMilestone(id: string, reason: string, cancelledOn: string | null, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $r: String!, $on: Date, $v: Int) { cancelMilestone(id: $id, reason: $r, cancelledOn: $on, expectedVersion: $v) { id } }', { id, r: reason, on: cancelledOn, v: expectedVersion });
}

export async function reopenMilestone(id: string, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $v: Int) { reopenMilestone(id: $id, expectedVersion: $v) { id } }', { id, v: expectedVersion });
}

export async function setVisibility(id: string, visibility: string, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $vis: Visibility!, $v: Int) { updateMilestone(id: $id, expectedVersion: $v, input: { visibility: $vis }) { id } }', { id, vis: visibility, v: expectedVersion });
}

export async function addPartner(milestoneId: string, agencyId: string, role: string): Promise<void> {
  await gql('mutation($m: ID!, $a: ID!, $r: PartnerRole!) { addPartner(milestoneId: $m, agencyId: $a, role: $r) { id } }', { m: milestoneId, a: agencyId, r: role });
}

export async function removePartner(milestoneId: string, agencyId: string): Promise<void> {
  await gql('mutation($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id } }', { m: milestoneId, a: agencyId });
}

export async function addDependency(milestoneId: string, dependsOnId: string): Promise<void> {
  await gql('mutation($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: milestoneId, d: dependsOnId });
}

export async function removeDependency(milestoneId: string, dependsOnId: string): Promise<void> {
  await gql('mutation($m: ID!, $d: ID!) { removeDependency(milestoneId: $m, dependsOnId: $d) { id } }', { m: milestoneId, d: dependsOnId });
}

export async function moveStartDate(id: string, newStartDate: string, reason: string, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $d: Date!, $r: String!, $v: Int) { moveStartDate(id: $id, newStartDate: $d, reason: $r, expectedVersion: $v) { id } }', { id, d: newStartDate, r: reason, v: expectedVersion });
}
