/** `progress`, `statusCounts`, `health` and `dashboard` as of a date, shared by Plan, Goal and Committee. */
import { Arg, ClassType, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Health } from '../../domain/enums';
import { Rollup } from '../../domain/rollup';
import { DashboardReader, DashboardScope } from '../../services/dashboard-reader';
import { RequestContext } from '../context';
import { Dashboard } from '../dashboard';
import { DateScalar } from '../scalars';
import { StatusCounts, toStatusCounts } from '../types';

export const AS_OF = 'The date to judge on; today in the plan\'s time zone by default.';

export async function dashboardOf(ctx: RequestContext, scope: DashboardScope, asOf?: string): Promise<Dashboard> {
  return Object.assign(new Dashboard(), { asOf: asOf ?? null, data: await new DashboardReader(ctx.reader).load(scope, asOf) });
}

export function RollupFields<T extends object>(type: ClassType<T>, scopeOf: (root: T) => DashboardScope) {
  const rollupOf = (ctx: RequestContext, root: T, asOf?: string): Promise<Rollup> => new DashboardReader(ctx.reader).rollup(scopeOf(root), asOf);

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

    @FieldResolver(() => Dashboard, { description: 'Roll-ups, breakdowns and the lists a dashboard shows, all on one date.' })
    async dashboard(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<Dashboard> {
      return dashboardOf(ctx, scopeOf(root), asOf);
    }
  }
  return RollupFieldsResolver;
}
