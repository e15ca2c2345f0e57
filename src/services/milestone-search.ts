/**
 * The `milestones` connection: SQL narrows by the stored columns, the domain rules judge status
 * on the requested date, then the page is cut with keyset cursors (stable under inserts).
 */
import { Brackets, DataSource } from 'typeorm';
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { AgencyRole, MilestoneDate, MilestoneStatus, Visibility } from '../domain/enums';
import { MilestoneAssessment } from '../domain/milestone';
import { committeeRoots, subtrees } from '../domain/goal-tree';
import { includesLead, partnerRolesOf } from '../domain/involvement';
import { urgencyRank } from '../domain/statuses';
import { Milestone } from '../entities';
import { userError } from './errors';
import { pageSize } from './paging';
import { PlanReader } from './plan-reader';
import { visibleMilestones } from './visibility';
import { rowIdOf } from './ids';

export enum MilestoneOrderField {
  DUE_DATE = 'DUE_DATE',
  START_DATE = 'START_DATE',
  CODE = 'CODE',
  TITLE = 'TITLE',
  STATUS = 'STATUS',
  DAYS_OVERDUE = 'DAYS_OVERDUE',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** Which milestones a search returns; ids are global IDs, every condition optional. */
export interface MilestoneFilter {
  planId?: string;
  goalId?: string;
  agencyId?: string;
  agencyRole?: AgencyRole;
  committeeId?: string;
  status?: MilestoneStatus[];
  asOf?: IsoDate;
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  search?: string;
  visibility?: Visibility;
  movedFrom?: IsoDate;
  movedTo?: IsoDate;
}

export interface MilestoneOrder {
  field: MilestoneOrderField;
  direction: OrderDirection;
}

/** One page of a search, with keyset cursors (a Relay connection's content). */
export interface MilestonePage {
  edges: { cursor: string; node: Milestone }[];
  nodes: Milestone[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

type SortKey = string | number;

function encodeCursor(key: SortKey, rowId: number): string {
  return Buffer.from(JSON.stringify([key, rowId])).toString('base64url');
}

function decodeCursor(cursor: string): [SortKey, number] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && ['string', 'number'].includes(typeof value[0]) && Number.isInteger(value[1])) return value as [SortKey, number];
  } catch {
    // fall through to the error below
  }
  throw userError('after is not a cursor from this list.', 'after');
}

function compare(a: [SortKey, number], b: [SortKey, number]): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

export class MilestoneSearch {
  constructor(
    private readonly ds: DataSource,
    private readonly reader: PlanReader,
    private readonly viewer: Viewer,
  ) {}

  /** Every milestone matching the filter, in order (exports want them all). */
  async all(filter: MilestoneFilter = {}, order?: MilestoneOrder): Promise<Milestone[]> {
    return (await this.sorted(filter, order)).keyed.map((k) => k.m);
  }

  private async sorted(filter: MilestoneFilter, order: MilestoneOrder | undefined): Promise<{ keyed: { m: Milestone; key: [SortKey, number] }[]; sign: number }> {
    if (filter.dueFrom && filter.dueTo && filter.dueFrom > filter.dueTo) throw userError(`dueFrom ${filter.dueFrom} is after dueTo ${filter.dueTo}.`, 'dueFrom');
    const field = order?.field ?? MilestoneOrderField.DUE_DATE;
    const direction = order?.direction ?? OrderDirection.ASC;

    const candidates = await this.candidates(filter);
    const needsAssessment = Boolean(filter.status?.length || filter.asOf || filter.dueFrom || filter.dueTo) || [MilestoneOrderField.DUE_DATE, MilestoneOrderField.START_DATE, MilestoneOrderField.STATUS, MilestoneOrderField.DAYS_OVERDUE].includes(field);
    const assessments = new Map<number, MilestoneAssessment>();
    if (needsAssessment) {
      (await this.reader.assessAll(candidates, filter.asOf)).forEach((a, i) => assessments.set(candidates[i].rowId, a));
    }
    const statuses = filter.status?.length ? new Set(filter.status) : null;
    const matching = candidates.filter((m) => {
      const a = assessments.get(m.rowId);
      if (statuses && !statuses.has(a!.status)) return false;
      if (filter.dueFrom && a!.dueDate < filter.dueFrom) return false;
      if (filter.dueTo && a!.dueDate > filter.dueTo) return false;
      return true;
    });

    const sign = direction === OrderDirection.DESC ? -1 : 1;
    const keyOf = (m: Milestone): SortKey => {
      const a = assessments.get(m.rowId);
      switch (field) {
        case MilestoneOrderField.DUE_DATE:
          return a!.dueDate;
        case MilestoneOrderField.START_DATE:
          return a!.startDate;
        case MilestoneOrderField.CODE:
          return m.code;
        case MilestoneOrderField.TITLE:
          return m.title.toLowerCase();
        case MilestoneOrderField.STATUS:
          return urgencyRank(a!.status);
        case MilestoneOrderField.DAYS_OVERDUE:
          return a!.daysOverdue;
      }
    };
    const keyed = matching.map((m) => ({ m, key: [keyOf(m), m.rowId] as [SortKey, number] }));
    keyed.sort((x, y) => sign * compare(x.key, y.key));
    return { keyed, sign };
  }

  async search(filter: MilestoneFilter = {}, order: MilestoneOrder | undefined, first: number | undefined, after: string | undefined): Promise<MilestonePage> {
    const size = pageSize(first);
    const afterKey = after ? decodeCursor(after) : null;
    const { keyed, sign } = await this.sorted(filter, order);
    const start = afterKey ? keyed.findIndex((k) => sign * compare(k.key, afterKey) > 0) : 0;
    const from = start === -1 ? keyed.length : start;
    const page = keyed.slice(from, from + size);
    const edges = page.map((k) => ({ cursor: encodeCursor(k.key[0], k.key[1]), node: k.m }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      totalCount: keyed.length,
      pageInfo: {
        hasNextPage: from + size < keyed.length,
        hasPreviousPage: from > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** The milestones that match the stored-column conditions. */
  private async candidates(filter: MilestoneFilter): Promise<Milestone[]> {
    const query = this.ds.getRepository(Milestone).createQueryBuilder('m');
    if (filter.planId) query.andWhere('m.plan_id = :planId', { planId: rowIdOf(filter.planId, 'Plan', 'planId') });
    if (filter.goalId) {
      const goal = await this.reader.goal(rowIdOf(filter.goalId, 'Goal', 'goalId'));
      const goalIds = goal ? subtrees(await this.reader.goalsOf(goal.planId), [goal]).map((g) => g.rowId) : [];
      query.andWhere('m.goal_id IN (:...goalIds)', { goalIds: goalIds.length ? goalIds : [0] });
    }
    if (filter.committeeId) {
      const committee = await this.reader.committee(rowIdOf(filter.committeeId, 'Committee', 'committeeId'));
      const goals = committee ? await this.reader.goalsOf(committee.planId) : [];
      const goalIds = committee ? subtrees(goals, committeeRoots(goals, committee.rowId)).map((g) => g.rowId) : [];
      query.andWhere('m.goal_id IN (:...committeeGoalIds)', { committeeGoalIds: goalIds.length ? goalIds : [0] });
    }
    if (filter.agencyId) {
      const agencyId = rowIdOf(filter.agencyId, 'Agency', 'agencyId');
      const role = filter.agencyRole ?? AgencyRole.LEAD;
      const partnerRoles = partnerRolesOf(role);
      const partnered = 'EXISTS (SELECT 1 FROM milestone_partner p WHERE p.milestone_id = m.id AND p.agency_id = :agencyId AND p.role IN (:...partnerRoles))';
      query.andWhere(
        new Brackets((q) => {
          if (partnerRoles.length === 0) q.where('m.lead_agency_id = :agencyId');
          else if (includesLead(role)) q.where('m.lead_agency_id = :agencyId').orWhere(partnered);
          else q.where(partnered);
        }),
        { agencyId, partnerRoles },
      );
    }
    if (filter.visibility) query.andWhere('m.visibility = :visibility', { visibility: filter.visibility });
    if (filter.movedFrom || filter.movedTo) {
      // Open ends as the widest dates both databases accept (PostgreSQL has no year 0).
      query.andWhere(
        'EXISTS (SELECT 1 FROM date_change c WHERE c.milestone_id = m.id AND c.which = :moved AND c.changed_on >= :movedFrom AND c.changed_on <= :movedTo)',
        { moved: MilestoneDate.DUE_DATE, movedFrom: filter.movedFrom ?? '0001-01-01', movedTo: filter.movedTo ?? '9999-12-31' },
      );
    }
    if (filter.search) {
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere("(LOWER(m.title) LIKE :pattern ESCAPE '\\' OR LOWER(m.code) LIKE :pattern ESCAPE '\\')", { pattern });
    }
    return visibleMilestones(query, 'm', this.viewer).getMany();
  }
}
