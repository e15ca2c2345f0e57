import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../../entities/base-record';
import { PublishedReport } from '../../entities';
import { fromGlobalId } from '../../entities/global-id';
import { RequestContext } from '../context';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'A global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const loaders = ctx.reader.loaders;
    switch (decoded.type) {
      case 'Agency':
        return (await loaders.agency.load(decoded.id)) ?? null;
      case 'Plan':
        return (await loaders.plan.load(decoded.id)) ?? null;
      case 'Committee':
        return (await loaders.committee.load(decoded.id)) ?? null;
      case 'Goal':
        return (await loaders.goal.load(decoded.id)) ?? null;
      case 'Milestone':
        return (await loaders.milestone.load(decoded.id)) ?? null;
      case 'Indicator':
        return (await loaders.indicator.load(decoded.id)) ?? null;
      case 'Meeting':
        return (await loaders.meeting.load(decoded.id)) ?? null;
      case 'PublishedReport':
        return ctx.services.dataSource.getRepository(PublishedReport).findOneBy({ rowId: decoded.id });
      default:
        // Updates, due-date changes, measurements and audit entries are reached through their owners,
        // which carry the visibility and suppression rules.
        return null;
    }
  }
}
