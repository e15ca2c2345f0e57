/**
 * Per-request DataLoaders: every relation a resolver walks is fetched in one batched statement
 * per level, whatever the number of parents. Created fresh for each request (and after each
 * mutation), so nothing is cached across requests.
 */
import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { Viewer } from '../domain/access';
import { Agency, Committee, CommitteeMember, DueDateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../entities';
import { visibleMilestones } from './visibility';

function byRowId<T extends ObjectLiteral & { rowId: number }>(ds: DataSource, entity: EntityTarget<T>): DataLoader<number, T | undefined> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(entity).find({ where: { rowId: In([...ids]) } as never });
    const map = new Map(rows.map((row) => [row.rowId, row]));
    return ids.map((id) => map.get(id));
  });
}

function groupedBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await ds.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order: order as never });
    const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[key])!.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}

/** Milestones by a column, restricted to what the viewer may see: restricted ones simply are not there. */
function milestonesBy(ds: DataSource, viewer: Viewer, column: 'id' | 'goal_id' | 'plan_id' | 'lead_agency_id'): DataLoader<number, Milestone[]> {
  return new DataLoader(async (keys) => {
    const query = ds.getRepository(Milestone).createQueryBuilder('m').where(`m.${column} IN (:...keys)`, { keys: [...keys] });
    const rows = await visibleMilestones(query, 'm', viewer).orderBy('m.position').addOrderBy('m.code').getMany();
    const property = { id: 'rowId', goal_id: 'goalId', plan_id: 'planId', lead_agency_id: 'leadAgencyId' }[column] as keyof Milestone;
    const groups = new Map<number, Milestone[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[property] as number)!.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}

export function createLoaders(ds: DataSource, viewer: Viewer) {
  const milestoneById = milestonesBy(ds, viewer, 'id');
  return {
    agency: byRowId(ds, Agency),
    plan: byRowId(ds, Plan),
    committee: byRowId(ds, Committee),
    goal: byRowId(ds, Goal),
    milestone: new DataLoader<number, Milestone | undefined>(async (ids) => (await milestoneById.loadMany([...ids])).map((rows) => (Array.isArray(rows) ? rows[0] : undefined))),
    committeesByPlan: groupedBy(ds, Committee, 'planId', { name: 'ASC' }),
    membersByCommittee: groupedBy(ds, CommitteeMember, 'committeeId'),
    goalsByPlan: groupedBy(ds, Goal, 'planId', { position: 'ASC', code: 'ASC' }),
    milestonesByGoal: milestonesBy(ds, viewer, 'goal_id'),
    milestonesByLeadAgency: milestonesBy(ds, viewer, 'lead_agency_id'),
    partnersByMilestone: groupedBy(ds, MilestonePartner, 'milestoneId'),
    partnershipsByAgency: groupedBy(ds, MilestonePartner, 'agencyId'),
    dependenciesByMilestone: groupedBy(ds, MilestoneDependency, 'milestoneId'),
    dependentsByMilestone: groupedBy(ds, MilestoneDependency, 'dependsOnId'),
    updatesByMilestone: groupedBy(ds, ProgressUpdate, 'milestoneId', { reportedOn: 'ASC', rowId: 'ASC' }),
    dueDateChangesByMilestone: groupedBy(ds, DueDateChange, 'milestoneId', { changedOn: 'ASC', rowId: 'ASC' }),
    indicator: byRowId(ds, Indicator),
    meeting: byRowId(ds, Meeting),
    meetingsByPlan: groupedBy(ds, Meeting, 'planId', { date: 'ASC', rowId: 'ASC' }),
    indicatorsByPlan: groupedBy(ds, Indicator, 'planId', { name: 'ASC' }),
    measurementsByIndicator: groupedBy(ds, IndicatorMeasurement, 'indicatorId', { measuredOn: 'ASC', rowId: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
