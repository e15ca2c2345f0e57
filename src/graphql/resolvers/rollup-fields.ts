/** `progress`, `statusCounts`, `health`, `healthReason` and `dashboard` as of a date, shared by Plan, Goal and Committee. */
import { Arg, ClassType, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Health } from '../../domain/enums';
import { Rollup } from '../../domain/rollup';
import { DashboardScope, PlanPartScope } from '../../services/dashboard-reader';
import { RequestContext } from '../context';
import { Dashboard } from '../dashboard';
import { DateScalar } from '../../entities/scalars';
import { HistoryPoint, StatusCounts, toStatusCounts } from '../types';
import { Interval } from '../../domain/periods';
import { listCost, TYPICAL_SIZE } from '../limits';

export const AS_OF = 'The date to judge on; today in the plan\'s time zone by default.';
export const HEALTH =
  'Overall health over its milestones (all descendants), cancelled ones left out: null with nothing to measure; COMPLETED when all are finished; OFF_TRACK when the OVERDUE ones are at least the plan\'s `offTrackShare` percent of them (and at least one); AT_RISK when any is OVERDUE or AT_RISK; NOT_STARTED when none has started; else ON_TRACK.';
export const HEALTH_REASON = 'The counts behind `health`, in one plain sentence, e.g. "4 of 44 milestones (9.09%) are overdue, under the 10% that makes a plan off track; 6 more are at risk."';

export function historyPoint(date: string, rollup: Pick<Rollup, 'progress' | 'expectedProgress' | 'statusCounts'>): HistoryPoint {
  return { date, progress: rollup.progress, expectedProgress: rollup.expectedProgress, statusCounts: toStatusCounts(rollup.statusCounts) };
}

export async function dashboardOf(ctx: RequestContext, scope: DashboardScope, asOf?: string): Promise<Dashboard> {
  return Object.assign(new Dashboard(), { asOf: asOf ?? null, data: await ctx.reader.dashboard(scope, asOf) });
}

export function RollupFields<T extends object>(type: ClassType<T>, scopeOf: (root: T) => PlanPartScope) {
  const rollupOf = (ctx: RequestContext, root: T, asOf?: string): Promise<Rollup> => ctx.reader.rollup(scopeOf(root), asOf);

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

    @FieldResolver(() => Health, { nullable: true, description: HEALTH })
    async health(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<Health | null> {
      return (await rollupOf(ctx, root, asOf)).health;
    }

    @FieldResolver(() => String, { description: HEALTH_REASON })
    async healthReason(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<string> {
      return (await rollupOf(ctx, root, asOf)).healthReason;
    }

    @FieldResolver(() => [HistoryPoint], { complexity: listCost(TYPICAL_SIZE.historyPoints), description: 'Progress against expected progress, and status counts, at each period end from `from` to `to` (a burn-up).' })
    async progressHistory(
      @Root() root: T,
      @Ctx() ctx: RequestContext,
      @Arg('from', () => DateScalar, { description: 'First day of the history.' }) from: string,
      @Arg('to', () => DateScalar, { description: 'Last day of the history (the last point).' }) to: string,
      @Arg('interval', () => Interval, { defaultValue: Interval.MONTH, description: 'Spacing of the points.' }) interval: Interval,
    ): Promise<HistoryPoint[]> {
      return (await ctx.reader.rollupHistory(scopeOf(root), from, to, interval)).map((entry) => historyPoint(entry.date, entry.rollup));
    }

    @FieldResolver(() => Dashboard, { description: 'Roll-ups, breakdowns and the lists a dashboard shows, all on one date.' })
    async dashboard(@Root() root: T, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<Dashboard> {
      return dashboardOf(ctx, scopeOf(root), asOf);
    }
  }
  return RollupFieldsResolver;
}
