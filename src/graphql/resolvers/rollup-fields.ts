/** `progress`, `statusCounts` and `health` as of a date, shared by Plan, Goal and Committee. */
import { Arg, ClassType, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Health } from '../../domain/enums';
import { Rollup } from '../../domain/rollup';
import { RequestContext } from '../context';
import { DateScalar } from '../scalars';
import { StatusCounts, toStatusCounts } from '../types';

export const AS_OF = 'The date to judge on; today in the plan\'s time zone by default.';

export function RollupFields<T extends object>(type: ClassType<T>, rollupOf: (ctx: RequestContext, root: T, asOf?: string) => Promise<Rollup>) {
  @Resolver(() => type)
  abstract class RollupFieldsResolver {
    @FieldResolver(() => Float, { nullable: true, description: 'Weighted mean progress (0–100) of its direct milestones and child goals, cancelled ones left out; null with nothing to measure.' })
    async progress(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<number | null> {
      return (await rollupOf(ctx, root, asOf)).progress;
    }

    @FieldResolver(() => StatusCounts, { description: 'How many milestones (all descendants) are in each status.' })
    async statusCounts(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<StatusCounts> {
      return toStatusCounts((await rollupOf(ctx, root, asOf)).statusCounts);
    }

    @FieldResolver(() => Health, { nullable: true, description: 'Overall health; null with nothing to measure.' })
    async health(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<Health | null> {
      return (await rollupOf(ctx, root, asOf)).health;
    }
  }
  return RollupFieldsResolver;
}
