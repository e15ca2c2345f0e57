import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../../entities/base-record';
import { fromGlobalId } from '../../entities/global-id';
import { RequestContext } from '../context';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'A global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    return decoded ? ctx.reader.node(decoded.type, decoded.id) : null;
  }
}
