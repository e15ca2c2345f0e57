/**
 * Reading the audit trail, newest first. Entries about a milestone (its edits, updates,
 * partners, dependencies) are visible exactly where the milestone is; recorded indicator values
 * are suppressed as the values themselves are, and staff names reach signed-in readers only.
 */
import { DataSource } from 'typeorm';
import { seesStaffNames, shownStaffName, Viewer } from '../domain/access';
import { Role } from '../domain/enums';
import { AuditEntry } from '../entities';
import { fromGlobalId } from '../entities/global-id';
import { forbidden, notFound, userError } from './errors';
import { suppressedAuditValues } from './indicator-suppression';
import { pageSize } from './paging';
import { PlanReader } from './plan-reader';
import { rowIdOf } from './ids';
import { visibleMilestoneCondition, visibleMilestones } from './visibility';

export interface AuditPage {
  entries: AuditEntry[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

function decodeCursor(after: string): number {
  const id = Number(Buffer.from(after, 'base64url').toString('utf8'));
  if (!Number.isInteger(id) || id < 1) throw userError('after is not a cursor from this list.', 'after');
  return id;
}

/** One field of an audit entry as this reader may see it; a withheld value is null. */
export interface ShownChange {
  field: string;
  before: unknown;
  after: unknown;
  suppressed: boolean;
}

/** Audited fields that hold a user's name (of updates, due-date moves and measurements). */
const NAME_FIELDS: readonly string[] = ['author'];

export function shownActor(entry: AuditEntry, viewer: Viewer): string | null {
  return shownStaffName(entry.actor, viewer);
}

export async function shownChanges(entry: AuditEntry, reader: PlanReader, viewer: Viewer): Promise<ShownChange[]> {
  const changes = JSON.parse(entry.changes) as Record<string, { before: unknown; after: unknown }>;
  const suppressedValue = await suppressedAuditValues(entry, changes, reader, viewer);
  const withheld = (field: string, value: unknown) => value !== null && (suppressedValue(field, value) || (NAME_FIELDS.includes(field) && !seesStaffNames(viewer)));
  return Object.entries(changes).map(([field, { before, after }]) => {
    const hidden = { before: withheld(field, before), after: withheld(field, after) };
    return { field, before: hidden.before ? null : before, after: hidden.after ? null : after, suppressed: hidden.before || hidden.after };
  });
}

export function auditCursor(entry: AuditEntry): string {
  return Buffer.from(String(entry.rowId)).toString('base64url');
}

export class AuditTrail {
  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
  ) {}

  async page(where: { entityId?: string; planId?: string }, first?: number, after?: string): Promise<AuditPage> {
    const size = pageSize(first);
    if (Boolean(where.entityId) === Boolean(where.planId)) throw userError('Give exactly one of entityId and planId.', 'entityId');
    const query = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    if (where.planId) {
      if (this.viewer.role !== Role.ADMIN) throw forbidden('The plan-wide audit trail is for admins; ask for one entity\'s trail instead.');
      query.where('a.plan_id = :planId', { planId: rowIdOf(where.planId, 'Plan', 'planId') });
    } else {
      const entity = fromGlobalId(where.entityId!);
      if (!entity) throw userError('entityId is not an ID.', 'entityId');
      // Who was invited, with which email and role, and which tokens they hold: for admins only.
      if ((entity.type === 'User' || entity.type === 'ApiToken') && this.viewer.role !== Role.ADMIN) throw forbidden('The trail of users and tokens is for admins.');
      if (entity.type === 'Milestone') {
        const visible = await visibleMilestones(this.ds.createQueryBuilder().select('1').from('milestone', 'm').where('m.id = :id', { id: entity.id }), 'm', this.viewer).getRawOne();
        if (!visible) throw notFound('milestone', 'entityId');
        query.where('a.milestone_id = :id', { id: entity.id });
      } else {
        query.where('a.entity_type = :type AND a.entity_row_id = :id', { type: entity.type, id: entity.id });
      }
    }
    // An entry is shown only if every milestone it names is visible to this reader, today.
    for (const column of ['milestone_id', 'related_milestone_id']) {
      const visible = visibleMilestoneCondition('a', this.viewer, column);
      if (visible) query.andWhere(`(a.${column} IS NULL OR ${visible.sql})`, visible.params);
    }
    if (after) query.andWhere('a.id < :after', { after: decodeCursor(after) });
    const rows = await query.orderBy('a.id', 'DESC').take(size + 1).getMany();
    return { entries: rows.slice(0, size), hasNextPage: rows.length > size, hasPreviousPage: Boolean(after) };
  }
}
