import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../../entities';
import { toGlobalId, NodeTypeName } from '../../entities/global-id';
import { auditCursor, shownActor } from '../../services/audit-trail';
import { RequestContext } from '../context';
import { pageCost } from '../limits';
import { AuditEntryConnection, FieldChange, ViewerInfo } from '../types';
import { loadOptional } from './ids';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    complexity: pageCost,
    description: 'Recorded changes, newest first: of one entity (a milestone\'s includes its updates, partners and dependencies), or of a whole plan (admins only).',
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('entityId', () => ID, { nullable: true, description: 'The entity whose changes to list.' }) entityId?: string,
    @Arg('planId', () => ID, { nullable: true, description: 'The plan whose changes to list (admins only).' }) planId?: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100; 50 by default.' }) first?: number,
    @Arg('after', { nullable: true, description: 'Cursor of the entry after which the page starts.' }) after?: string,
  ): Promise<AuditEntryConnection> {
    const page = await ctx.reader.auditPage({ entityId, planId }, first, after);
    const edges = page.entries.map((node) => ({ cursor: auditCursor(node), node }));
    return {
      edges,
      nodes: page.entries,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => ID, { description: 'Global ID of the entity changed.' })
  entityId(@Root() entry: AuditEntry): string {
    return toGlobalId(entry.entityType as NodeTypeName, entry.entityRowId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who made it (the user\'s name); null for anonymous readers, to whom staff names are not shown.' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): string | null {
    return shownActor(entry, ctx.viewer);
  }

  @FieldResolver(() => [FieldChange], { description: 'What changed, field by field; values this reader may not see are withheld (null, with `suppressed`).' })
  changes(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<FieldChange[]> {
    return ctx.reader.auditChanges(entry);
  }

  @Query(() => ViewerInfo, { description: 'Who this request acts for.' })
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    return { name: ctx.viewer.name, role: ctx.viewer.role, agency: await loadOptional((rowId) => ctx.reader.agency(rowId), ctx.viewer.agencyId) };
  }
}
