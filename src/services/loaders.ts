/**
 * Per-request DataLoaders: every relation a resolver walks is fetched in one batched statement
 * per level, whatever the number of parents. Created fresh for each request (and after each
 * mutation), so nothing is cached across requests.
 */
import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../domain/access';
import { MilestoneDate } from '../domain/enums';
import { DateMove, ProgressReport } from '../domain/milestone';
import { Agency, Committee, CommitteeMember, DateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../entities';
import { leanColumns, leanMany } from './raw-row-entities';
import { visibleMilestones } from './visibility';

function byRowId<T extends ObjectLiteral & { rowId: number }>(ds: DataSource, entity: EntityTarget<T>): DataLoader<number, T | undefined> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(entity).find({ where: { rowId: In([...ids]) } as never });
    const map = new Map(rows.map((row) => [row.rowId, row]));
    return ids.map((id) => map.get(id));
  });
}

/**
 * For short reference tables (agencies: the task force has about 30): the first look-up in a
 * request reads every row, so an agency met later — a dependency's lead while assessing, then
 * each milestone's own lead — costs no further statement.
 */
class WholeTable<T extends ObjectLiteral & { rowId: number }> extends DataLoader<number, T | undefined> {
  /** The row if the table has been read in this request: no promise needed. */
  readonly peek: (id: number) => T | undefined;

  constructor(ds: DataSource, entity: EntityTarget<T>) {
    let table: Promise<Map<number, T>> | undefined;
    let loaded: Map<number, T> | undefined;
    super(async (ids) => {
      table ??= ds
        .getRepository(entity)
        .find()
        .then((rows) => (loaded = new Map(rows.map((row) => [row.rowId, row]))));
      const byId = await table;
      return ids.map((id) => byId.get(id));
    });
    this.peek = (id) => loaded?.get(id);
  }
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
function milestonesBy(ds: DataSource, viewer: Viewer, column: 'id' | 'goal_id' | 'plan_id' | 'lead_agency_id', loaded?: (row: Milestone) => void): DataLoader<number, Milestone[]> {
  return new DataLoader(async (keys) => {
    const query = whereIdsIn(ds.getRepository(Milestone).createQueryBuilder('m'), 'm', column, keys);
    const rows = await leanMany(ds, Milestone, visibleMilestones(query, 'm', viewer).orderBy('m.position').addOrderBy('m.code'), 'm');
    const property = { id: 'rowId', goal_id: 'goalId', plan_id: 'planId', lead_agency_id: 'leadAgencyId' }[column] as keyof Milestone;
    const groups = new Map<number, Milestone[]>(keys.map((k) => [k, []]));
    for (const row of rows) {
      groups.get(row[property] as number)!.push(row);
      loaded?.(row);
    }
    return keys.map((k) => groups.get(k)!);
  });
}

/** Up to this many ids are bound as parameters; more are written into the SQL text. */
const MOST_BOUND_IDS = 500;

/**
 * `expression IN (…)` for row ids. A few ids are bound, so the statement text repeats and its
 * prepared form is reused (preparing showed at the top of the point-query profile); many are
 * written into the SQL text, since a 100,000-milestone plan would pass SQLite's limit of 32,766
 * bound parameters. Written-in ids are safe because each is checked to be an integer.
 */
function idsIn(ds: DataSource, expression: string, ids: readonly number[], params: unknown[]): string {
  if (!ids.every(Number.isSafeInteger)) throw new Error('row ids must be integers');
  if (ids.length === 0) return 'FALSE';
  if (ids.length > MOST_BOUND_IDS) return `${expression} IN (${ids.join(',')})`;
  const placeholders = ids.map((id) => {
    params.push(id);
    return ds.driver.createParameter(`p${params.length - 1}`, params.length - 1);
  });
  return `${expression} IN (${placeholders.join(',')})`;
}

/** Adds `alias.column IN (ids)` to a query builder, bound or written in as `idsIn` decides. */
function whereIdsIn<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, column: string, ids: readonly number[]): SelectQueryBuilder<T> {
  if (ids.length > 0 && ids.length <= MOST_BOUND_IDS) return query.where(`${alias}.${column} IN (:...ids)`, { ids: [...ids] });
  return query.where(idsIn(query.connection, `${alias}.${column}`, ids, []));
}

/**
 * A subquery of milestone ids: those `idsIn(column)` picks and the ones they depend on. A UNION,
 * not `… OR … IN (subquery)`: with the OR, PostgreSQL scanned whole tables.
 */
function andUpstream(idsIn: (column: string) => string): string {
  return `SELECT milestone.id FROM milestone WHERE ${idsIn('milestone.id')} UNION ALL SELECT milestone_dependency.depends_on_id FROM milestone_dependency WHERE ${idsIn('milestone_dependency.milestone_id')}`;
}

/** What the status rules read about a milestone besides its own row: only the columns they use. */
export interface MilestoneHistory {
  updates: ProgressReport[];
  dueDateChanges: DateMove[];
  startDateChanges: DateMove[];
  dependsOnIds: number[];
}

/**
 * One row of the history statement: a progress update, a date move or a dependency link. Each
 * column carries one thing, named for it, and is null where the row's kind does not have it.
 */
interface HistoryRow {
  /** 'update', 'link', or the date that moved (MilestoneDate). */
  kind: string;
  milestone_id: number;
  /** When it happened: an update's report date or a move's change date; null for a link. */
  day: string | null;
  /** The update's or move's own row id, to keep same-day entries in the order they were made; null for a link. */
  row_id: number | null;
  percent_complete: number | string | null;
  from_date: string | null;
  to_date: string | null;
  depends_on_id: number | null;
}

/**
 * Progress updates, date moves and dependency links of many milestones in one statement (three
 * tables as rows of one shape, HistoryRow): the three are what every status needs, so one round trip.
 * For a few milestones (a point query) the histories of those they depend on come along, since
 * their statuses need them next; a long list normally holds its dependencies already.
 */
function historyByMilestone(ds: DataSource): DataLoader<number, MilestoneHistory> {
  const loader: DataLoader<number, MilestoneHistory> = new DataLoader(async (keys) => {
    const params: unknown[] = [];
    const withUpstream = keys.length <= MOST_BOUND_IDS;
    const of = () => (withUpstream ? `milestone_id IN (${andUpstream((column) => idsIn(ds, column, keys, params))})` : idsIn(ds, 'milestone_id', keys, params));
    const rows: HistoryRow[] = await ds.query(
      `SELECT 'update' AS kind, milestone_id, reported_on AS day, id AS row_id, percent_complete, NULL AS from_date, NULL AS to_date, CAST(NULL AS integer) AS depends_on_id FROM progress_update WHERE ${of()}
       UNION ALL SELECT which AS kind, milestone_id, changed_on AS day, id AS row_id, NULL AS percent_complete, from_date, to_date, NULL AS depends_on_id FROM date_change WHERE ${of()}
       UNION ALL SELECT 'link' AS kind, milestone_id, NULL AS day, NULL AS row_id, NULL AS percent_complete, NULL AS from_date, NULL AS to_date, depends_on_id FROM milestone_dependency WHERE ${of()}
       ORDER BY day, row_id, depends_on_id`,
      params,
    );
    const histories = new Map<number, MilestoneHistory>();
    const historyOf = (id: number) => {
      let history = histories.get(id);
      if (!history) histories.set(id, (history = { updates: [], dueDateChanges: [], startDateChanges: [], dependsOnIds: [] }));
      return history;
    };
    for (const row of rows) {
      const history = historyOf(Number(row.milestone_id));
      if (row.kind === 'link') history.dependsOnIds.push(Number(row.depends_on_id));
      else if (row.kind === 'update') history.updates.push({ reportedOn: row.day!, percentComplete: Number(row.percent_complete) });
      else {
        const moves = row.kind === MilestoneDate.START_DATE ? history.startDateChanges : history.dueDateChanges;
        moves.push({ changedOn: row.day!, fromDate: row.from_date!, toDate: row.to_date! });
      }
    }
    const asked = new Set(keys);
    if (withUpstream) {
      for (const key of keys) {
        for (const upstream of histories.get(key)?.dependsOnIds ?? []) if (!asked.has(upstream)) loader.prime(upstream, historyOf(upstream));
      }
    }
    return keys.map((k) => historyOf(k));
  });
  return loader;
}

/** A loader that answers from another loader's batch: one statement serves both. */
function derived<T, U>(source: DataLoader<number, T>, pick: (value: T) => U): DataLoader<number, U> {
  return new DataLoader(async (keys) => (await source.loadMany(keys)).map((value) => (value instanceof Error ? value : pick(value))));
}

/**
 * Milestones by id with their plans and lead agencies (a status needs its plan's settings and time
 * zone, and names the leads of what it waits on), in one statement. For a few ids — a point query —
 * the milestones they depend on come along (`andUpstream`, as their histories do in
 * historyByMilestone), so one milestone's status costs two statements with or without dependencies.
 */
function milestonesById(ds: DataSource, viewer: Viewer, plans: DataLoader<number, Plan | undefined>, agencies: DataLoader<number, Agency | undefined>): DataLoader<number, Milestone | undefined> {
  const loader: DataLoader<number, Milestone | undefined> = new DataLoader(async (keys) => {
    const [m, p, a] = [leanColumns(ds, Milestone, 'm', 'm_'), leanColumns(ds, Plan, 'p', 'p_'), leanColumns(ds, Agency, 'a', 'a_')];
    const joined = ds.getRepository(Milestone).createQueryBuilder('m').innerJoin(Plan, 'p', 'p.id = m.plan_id').leftJoin(Agency, 'a', 'a.id = m.lead_agency_id');
    const query =
      keys.length <= MOST_BOUND_IDS
        ? joined.where(`m.id IN (${andUpstream((column) => `${column} IN (:...ids)`)})`, { ids: [...keys] })
        : whereIdsIn(joined, 'm', 'id', keys);
    const rows: Record<string, unknown>[] = await visibleMilestones(query, 'm', viewer)
      .select([...m.select, ...p.select, ...a.select])
      .getRawMany();
    const asked = new Set(keys);
    const byId = new Map<number, Milestone>();
    for (const row of rows) {
      const milestone = m.build(row);
      plans.prime(milestone.planId, p.build(row));
      if (row.a_id !== null) agencies.prime(milestone.leadAgencyId, a.build(row));
      byId.set(milestone.rowId, milestone);
      if (!asked.has(milestone.rowId)) loader.prime(milestone.rowId, milestone);
    }
    return keys.map((k) => byId.get(k));
  });
  return loader;
}

/** The rows a `loadMany` found: without the ids that are gone (or hidden) and without errors. */
export function present<T>(rows: (T | undefined | Error)[]): T[] {
  return rows.filter((row): row is T => row !== undefined && !(row instanceof Error));
}

export function createLoaders(ds: DataSource, viewer: Viewer) {
  const plan = byRowId(ds, Plan);
  const agency = new WholeTable(ds, Agency);
  const milestone = milestonesById(ds, viewer, plan, agency);
  // Milestones loaded by goal, plan or agency are the same visible rows: later look-ups by id (a
  // dependency, a partner's milestone) find them without another statement.
  const remember = (row: Milestone) => milestone.prime(row.rowId, row);
  const history = historyByMilestone(ds);
  const dateChanges = groupedBy(ds, DateChange, 'milestoneId', { changedOn: 'ASC', rowId: 'ASC' });
  return {
    agency,
    plan,
    committee: byRowId(ds, Committee),
    goal: byRowId(ds, Goal),
    milestone,
    committeesByPlan: groupedBy(ds, Committee, 'planId', { name: 'ASC' }),
    membersByCommittee: groupedBy(ds, CommitteeMember, 'committeeId'),
    goalsByPlan: groupedBy(ds, Goal, 'planId', { position: 'ASC', code: 'ASC' }),
    milestonesByGoal: milestonesBy(ds, viewer, 'goal_id', remember),
    milestonesByLeadAgency: milestonesBy(ds, viewer, 'lead_agency_id', remember),
    partnersByMilestone: groupedBy(ds, MilestonePartner, 'milestoneId'),
    partnershipsByAgency: groupedBy(ds, MilestonePartner, 'agencyId'),
    historyByMilestone: history,
    dependencyIdsByMilestone: derived(history, (h) => h.dependsOnIds),
    dependentsByMilestone: groupedBy(ds, MilestoneDependency, 'dependsOnId'),
    updatesByMilestone: groupedBy(ds, ProgressUpdate, 'milestoneId', { reportedOn: 'ASC', rowId: 'ASC' }),
    dateChangesByMilestone: dateChanges,
    dueDateChangesByMilestone: derived(dateChanges, (changes) => changes.filter((c) => c.which === MilestoneDate.DUE_DATE)),
    indicator: byRowId(ds, Indicator),
    meeting: byRowId(ds, Meeting),
    meetingsByPlan: groupedBy(ds, Meeting, 'planId', { date: 'ASC', rowId: 'ASC' }),
    indicatorsByPlan: groupedBy(ds, Indicator, 'planId', { name: 'ASC' }),
    measurementsByIndicator: groupedBy(ds, IndicatorMeasurement, 'indicatorId', { measuredOn: 'ASC', rowId: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
