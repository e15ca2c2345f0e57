/** A plan of N milestones (in goals of 20, with partners, updates and dependencies) inserted in bulk. */
import { DataSource } from 'typeorm';
import { AgencyKind, Jurisdiction, PartnerRole } from '../../src/domain/enums';
import { Agency, Goal, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../../src/entities';
import { toGlobalId } from '../../src/entities/global-id';

export async function insertSyntheticPlan(dataSource: DataSource, milestones: number, label: string): Promise<string> {
  return dataSource.transaction(async (em) => {
    const agencies: Agency[] = [];
    for (let i = 0; i < 5; i++) {
      agencies.push(await em.save(em.create(Agency, { name: `${label} agency ${i}`, shortName: `${label}A${i}`, kind: AgencyKind.GOVERNMENT, jurisdiction: Jurisdiction.CITY })));
    }
    const plan = await em.save(em.create(Plan, { title: `${label} plan`, startDate: '2025-07-01', endDate: '2029-06-30', staffAgencyId: agencies[0].rowId }));
    const goals: Goal[] = [];
    for (let g = 0; g < Math.ceil(milestones / 20); g++) {
      goals.push(await em.save(em.create(Goal, { planId: plan.rowId, code: `G${g + 1}`, title: `Goal ${g + 1}`, position: g })));
    }
    const rows = Array.from({ length: milestones }, (_, i) => ({
      planId: plan.rowId,
      goalId: goals[Math.floor(i / 20)].rowId,
      leadAgencyId: agencies[i % 5].rowId,
      code: `M${i + 1}`,
      title: `Milestone ${i + 1}`,
      startDate: '2025-09-01',
      dueDate: i % 3 === 0 ? '2026-06-30' : '2027-06-30',
      baselineDueDate: '2026-06-30',
      position: i % 20,
    }));
    const saved: Milestone[] = [];
    for (let i = 0; i < rows.length; i += 200) saved.push(...(await em.save(rows.slice(i, i + 200).map((r) => em.create(Milestone, r)))));
    const partners = saved.map((m, i) => ({ milestoneId: m.rowId, agencyId: agencies[(i + 1) % 5].rowId, role: i % 2 ? PartnerRole.SUPPORT : PartnerRole.CONSULTED }));
    const updates = saved.map((m, i) => ({ milestoneId: m.rowId, reportedOn: '2026-03-01', percentComplete: (i * 7) % 100, note: '', author: 'synthetic' }));
    const dependencies = saved.slice(1).filter((_, i) => i % 4 === 0).map((m, i) => ({ milestoneId: m.rowId, dependsOnId: saved[i * 4].rowId }));
    for (const [entity, list] of [[MilestonePartner, partners], [ProgressUpdate, updates], [MilestoneDependency, dependencies]] as const) {
      for (let i = 0; i < list.length; i += 100) await em.insert(entity, list.slice(i, i + 100) as never);
    }
    return toGlobalId('Plan', plan.rowId);
  });
}
