/**
 * The one place where restricted (`PARTNERS`) milestones are hidden. Every query that returns
 * milestones, or rows that belong to one, applies `visibleMilestoneCondition`; the rule is
 * domain/access.ts's `canSeeMilestone`, written in SQL.
 */
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../domain/access';
import { Role } from '../domain/enums';

/** SQL that holds when the milestone whose id is in `alias.idColumn` is visible; null for admins (all are). */
export function visibleMilestoneCondition(alias: string, viewer: Viewer, idColumn = 'id'): { sql: string; params: Record<string, unknown> } | null {
  if (viewer.role === Role.ADMIN) return null;
  const milestone = `SELECT 1 FROM milestone vm WHERE vm.id = ${alias}.${idColumn}`;
  if (viewer.agencyId === null) return { sql: `EXISTS (${milestone} AND vm.visibility = 'PUBLIC')`, params: {} };
  return {
    sql: `EXISTS (${milestone} AND (vm.visibility = 'PUBLIC' OR vm.lead_agency_id = :viewerAgencyId OR EXISTS (SELECT 1 FROM milestone_partner vp WHERE vp.milestone_id = vm.id AND vp.agency_id = :viewerAgencyId)))`,
    params: { viewerAgencyId: viewer.agencyId },
  };
}

/** Restricts `alias` (a milestone, or a row pointing at one through `idColumn`) to what the viewer may see. */
export function visibleMilestones<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, viewer: Viewer, idColumn = 'id'): SelectQueryBuilder<T> {
  const condition = visibleMilestoneCondition(alias, viewer, idColumn);
  return condition ? query.andWhere(condition.sql, condition.params) : query;
}
