/**
 * Reading the audit trail, newest first. Entries about a milestone (its edits, updates,
 * partners, dependencies) are visible exactly where the milestone is.
 */
import { DataSource } from 'typeorm';
import { Viewer } from '../domain/access';
import { Role } from '../domain/enums';
import { AuditEntry } from '../entities';
import { fromGlobalId } from '../entities/global-id';
import { forbidden, notFound, userError } from './errors';
import { pageSize } from './paging';
import { rowIdOf } from './transaction';
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
