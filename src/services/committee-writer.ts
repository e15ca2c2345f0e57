/** Writes of committees and their member agencies: validated before touching the database, written with their audit entry in one transaction. */
import { Viewer } from '../domain/access';
import { Agency, Committee, CommitteeMember, Plan } from '../entities';
import { createInput, requireText, updateInput } from './input-checks';
import { Transaction, Writer } from './unit-of-work';

export interface NewCommittee {
  planId: string;
  name: string;
  description?: string;
  chairAgencyId?: string;
  memberAgencyIds?: string[];
}

/** Changes to a committee; omitted fields stay as they are, a null chairAgencyId clears it, memberAgencyIds replaces the list. */
export type CommitteeChanges = Partial<Omit<NewCommittee, 'planId'>>;

/** Replaces the member agencies, audited only when the set changes. */
async function setMembers(tx: Transaction, committee: Committee, agencyIds: string[]): Promise<void> {
  const agencies = await Promise.all(agencyIds.map((id) => tx.find(Agency, id, 'memberAgencyIds')));
  const before = await tx.em.findBy(CommitteeMember, { committeeId: committee.rowId });
  await tx.em.delete(CommitteeMember, { committeeId: committee.rowId });
  const unique = [...new Map(agencies.map((a) => [a.rowId, a])).values()];
  if (unique.length > 0) await tx.em.insert(CommitteeMember, unique.map((a) => ({ committeeId: committee.rowId, agencyId: a.rowId })));
  const beforeIds = before.map((m) => m.agencyId).sort((a, b) => a - b);
  const afterIds = unique.map((a) => a.rowId).sort((a, b) => a - b);
  if (JSON.stringify(beforeIds) !== JSON.stringify(afterIds)) {
    await tx.audit('setCommitteeMembers', 'Committee', committee.rowId, committee.planId, { memberAgencyIds: { before: beforeIds, after: afterIds } });
  }
}

export class CommitteeWriter extends Writer {
  createCommittee(input: NewCommittee, viewer: Viewer): Promise<Committee> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      requireText(input.name, 'name');
      await tx.requireUnique(Committee, { planId: plan.rowId, name: input.name }, 'A committee with this name already exists in this plan.');
      const chair = input.chairAgencyId ? (await tx.find(Agency, input.chairAgencyId, 'chairAgencyId')).rowId : null;
      const committee = await tx.insert(Committee, { planId: plan.rowId, name: input.name, description: input.description ?? '', chairAgencyId: chair }, 'createCommittee', () => plan.rowId);
      await setMembers(tx, committee, input.memberAgencyIds ?? []);
      return committee;
    }, viewer);
  }

  updateCommittee(id: string, input: CommitteeChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<Committee> {
    return this.run(async (tx) => {
      input = updateInput(input, ['chairAgencyId']);
      const committee = await tx.find(Committee, id);
      requireText(input.name, 'name');
      if (input.name !== undefined) {
        await tx.requireUnique(Committee, { planId: committee.planId, name: input.name }, 'A committee with this name already exists in this plan.', committee.rowId);
      }
      const changes: Partial<Committee> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description;
      if (input.chairAgencyId !== undefined) changes.chairAgencyId = input.chairAgencyId === null ? null : (await tx.find(Agency, input.chairAgencyId, 'chairAgencyId')).rowId;
      if (input.memberAgencyIds) await setMembers(tx, committee, input.memberAgencyIds);
      return tx.update(committee, changes, expectedVersion, 'updateCommittee', committee.planId, true);
    }, viewer);
  }
}
