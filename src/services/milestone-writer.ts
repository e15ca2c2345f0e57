/**
 * Writes of a milestone's own fields, its partners and its dependencies: validated before
 * touching the database, written with their audit entry in one transaction. How a milestone
 * advances (progress, completion, date moves) is in milestone-lifecycle-writer.ts.
 */
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { cycleClosedBy } from '../domain/dependencies';
import { timelineRefusal } from '../domain/lifecycle';
import { PartnerRole, Visibility } from '../domain/enums';
import { Agency, Goal, Milestone, MilestoneDependency, MilestonePartner, Plan } from '../entities';
import { notFound, throwIfRefused, userError } from './errors';
import { createInput, requireText, requireWeight, updateInput } from './input-checks';
import { Transaction, Writer } from './unit-of-work';
import { visibleMilestones } from './visibility';

export interface PartnerLink {
  agencyId: string;
  role: PartnerRole;
}

export interface NewMilestone {
  goalId: string;
  code: string;
  title: string;
  description?: string;
  leadAgencyId: string;
  startDate: IsoDate;
  dueDate: IsoDate;
  weight?: number;
  visibility?: Visibility;
  position?: number;
  partners?: PartnerLink[];
  dependsOnIds?: string[];
}

/** Changes to a milestone; omitted fields stay as they are. Dates move only through the lifecycle writer, which records why. */
export type MilestoneChanges = Partial<Pick<NewMilestone, 'goalId' | 'code' | 'title' | 'description' | 'leadAgencyId' | 'weight' | 'visibility' | 'position'>>;

async function linkPartner(tx: Transaction, milestone: Milestone, agencyId: string, role: PartnerRole): Promise<void> {
  const agency = await tx.find(Agency, agencyId, 'agencyId');
  if (agency.rowId === milestone.leadAgencyId) throw userError(`${agency.shortName} leads ${milestone.code}; a lead agency is not also a partner.`, 'agencyId');
  const existing = await tx.em.findOneBy(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
  if (existing?.role === role) return;
  await tx.em.save(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId, role });
  await tx.audit('addPartner', 'Milestone', milestone.rowId, milestone.planId, {
    partner: { before: existing ? `${agency.shortName} (${existing.role})` : null, after: `${agency.shortName} (${role})` },
  });
}

/** Adds "milestone depends on upstream", refusing other plans and cycles (naming the cycle). */
async function linkDependency(tx: Transaction, milestone: Milestone, dependsOnId: string): Promise<void> {
  const upstream = await tx.visibleMilestone(dependsOnId, 'dependsOnId');
  if (upstream.planId !== milestone.planId) throw userError(`${upstream.code} belongs to another plan; dependencies stay within one plan.`, 'dependsOnId');
  if (upstream.rowId === milestone.rowId) throw userError(`${milestone.code} cannot depend on itself.`, 'dependsOnId');
  const links = await tx.em
    .getRepository(MilestoneDependency)
    .createQueryBuilder('d')
    .innerJoin(Milestone, 'm', 'm.id = d.milestone_id')
    .where('m.plan_id = :planId', { planId: milestone.planId })
    .getMany();
  if (links.some((l) => l.milestoneId === milestone.rowId && l.dependsOnId === upstream.rowId)) return;
  const path = cycleClosedBy(links, milestone.rowId, upstream.rowId);
  if (path) {
    const query = tx.em.getRepository(Milestone).createQueryBuilder('m').where('m.id IN (:...path)', { path });
    const rows = await visibleMilestones(query, 'm', tx.viewer).getMany();
    const codes = new Map(rows.map((r) => [r.rowId, r.code]));
    const cycle = [milestone.code, ...path.map((id) => codes.get(id) ?? 'a restricted milestone')].join(' → ');
    throw userError(`${milestone.code} cannot depend on ${upstream.code}: that would make a cycle ${cycle}.`, 'dependsOnId');
  }
  await tx.em.insert(MilestoneDependency, { milestoneId: milestone.rowId, dependsOnId: upstream.rowId });
  await tx.audit('addDependency', 'Milestone', milestone.rowId, milestone.planId, { dependsOn: { before: null, after: upstream.code } }, milestone.rowId, upstream.rowId);
}

export class MilestoneWriter extends Writer {
  createMilestone(input: NewMilestone, by: Viewer | Transaction): Promise<Milestone> {
    input = createInput(input);
    return this.run(async (tx) => {
      const goal = await tx.find(Goal, input.goalId, 'goalId');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: goal.planId });
      const lead = await tx.find(Agency, input.leadAgencyId, 'leadAgencyId');
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      throwIfRefused(timelineRefusal(plan, input.startDate, input.dueDate));
      await tx.requireUnique(Milestone, { planId: plan.rowId, code: input.code }, 'A milestone with this code already exists in this plan.');
      const milestone = await tx.insert(
        Milestone,
        {
          planId: plan.rowId,
          goalId: goal.rowId,
          leadAgencyId: lead.rowId,
          code: input.code,
          title: input.title,
          description: input.description ?? '',
          startDate: input.startDate,
          dueDate: input.dueDate,
          baselineDueDate: input.dueDate,
          weight: input.weight ?? 1,
          visibility: input.visibility ?? Visibility.PUBLIC,
          position: input.position ?? 0,
        },
        'createMilestone',
        () => plan.rowId,
      );
      for (const partner of input.partners ?? []) await linkPartner(tx, milestone, partner.agencyId, partner.role);
      for (const dependsOnId of input.dependsOnIds ?? []) await linkDependency(tx, milestone, dependsOnId);
      return milestone;
    }, by);
  }

  updateMilestone(id: string, input: MilestoneChanges, expectedVersion: number | undefined, by: Viewer | Transaction): Promise<Milestone> {
    return this.run(async (tx) => {
      input = updateInput(input);
      const milestone = await tx.editableMilestone(id);
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      const { goalId, leadAgencyId, ...changes } = input;
      const patch: Partial<Milestone> = { ...changes };
      if (goalId !== undefined) {
        const goal = await tx.find(Goal, goalId, 'goalId');
        if (goal.planId !== milestone.planId) throw userError(`Goal ${goal.code} belongs to another plan; a milestone stays in its plan.`, 'goalId');
        patch.goalId = goal.rowId;
      }
      if (leadAgencyId !== undefined) patch.leadAgencyId = (await tx.find(Agency, leadAgencyId, 'leadAgencyId')).rowId;
      // Only a real change of who may see or edit it needs the lead's say: an unchanged value (a re-imported export) is no change.
      if (patch.leadAgencyId !== undefined && patch.leadAgencyId !== milestone.leadAgencyId) tx.requireAccessChange(milestone, 'which agency leads');
      if (input.visibility !== undefined && input.visibility !== milestone.visibility) tx.requireAccessChange(milestone, 'the visibility of');
      if (input.code !== undefined) await tx.requireUnique(Milestone, { planId: milestone.planId, code: input.code }, 'A milestone with this code already exists in this plan.', milestone.rowId);
      if (patch.leadAgencyId !== undefined) await tx.em.delete(MilestonePartner, { milestoneId: milestone.rowId, agencyId: patch.leadAgencyId });
      return tx.update(milestone, patch, expectedVersion, 'updateMilestone', milestone.planId);
    }, by);
  }

  addPartner(milestoneId: string, agencyId: string, role: PartnerRole, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      tx.requireAccessChange(milestone, 'the partners of');
      await linkPartner(tx, milestone, agencyId, role);
      return milestone;
    }, viewer);
  }

  removePartner(milestoneId: string, agencyId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      tx.requireAccessChange(milestone, 'the partners of');
      const agency = await tx.find(Agency, agencyId, 'agencyId');
      const existing = await tx.em.findOneBy(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
      if (!existing) throw notFound(`partner ${agency.shortName} on ${milestone.code}`, 'agencyId');
      await tx.em.delete(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
      await tx.audit('removePartner', 'Milestone', milestone.rowId, milestone.planId, { partner: { before: `${agency.shortName} (${existing.role})`, after: null } });
      return milestone;
    }, viewer);
  }

  addDependency(milestoneId: string, dependsOnId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      await linkDependency(tx, milestone, dependsOnId);
      return milestone;
    }, viewer);
  }

  removeDependency(milestoneId: string, dependsOnId: string, viewer: Viewer): Promise<Milestone> {
    return this.run(async (tx) => {
      const milestone = await tx.editableMilestone(milestoneId, 'milestoneId');
      const upstream = await tx.visibleMilestone(dependsOnId, 'dependsOnId');
      const deleted = await tx.em.delete(MilestoneDependency, { milestoneId: milestone.rowId, dependsOnId: upstream.rowId });
      if (!deleted.affected) throw notFound(`dependency of ${milestone.code} on ${upstream.code}`, 'dependsOnId');
      await tx.audit('removeDependency', 'Milestone', milestone.rowId, milestone.planId, { dependsOn: { before: upstream.code, after: null } }, milestone.rowId, upstream.rowId);
      return milestone;
    }, viewer);
  }
}
