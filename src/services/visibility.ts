/**
 * The one place where restricted (`PARTNERS`) milestones are hidden. Every query that returns
 * milestones, or rows that belong to one, goes through `visibleMilestones`; the rule is
 * domain/access.ts's `canSeeMilestone`, written in SQL.
 */
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../domain/access';
import { Role } from '../domain/enums';

/** Restricts `alias` (a milestone, by its `id` column) to what the viewer may see. */
export function visibleMilestones<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, viewer: Viewer, idColumn = 'id'): SelectQueryBuilder<T> {
  if (viewer.role === Role.ADMIN) return query;
  const milestone = `SELECT 1 FROM milestone vm WHERE vm.id = ${alias}.${idColumn}`;
  if (viewer.agencyId === null) return query.andWhere(`EXISTS (${milestone} AND vm.visibility = 'PUBLIC')`);
  return query.andWhere(
    `EXISTS (${milestone} AND (vm.visibility = 'PUBLIC' OR vm.lead_agency_id = :viewerAgencyId OR EXISTS (SELECT 1 FROM milestone_partner vp WHERE vp.milestone_id = vm.id AND vp.agency_id = :viewerAgencyId)))`,
    { viewerAgencyId: viewer.agencyId },
  );
}
