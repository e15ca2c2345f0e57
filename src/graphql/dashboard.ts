/** The `dashboard` of a plan, goal, committee or agency: everything a dashboard draws, on one date. */
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { atRisk, AssessedItem, Group, overdue, staleUpdates, upcoming } from '../domain/dashboard';
import { Health, MilestoneStatus } from '../domain/enums';
import { Milestone } from '../entities';
import { BreakdownBy, DashboardData } from '../services/dashboard-reader';
import { userError } from '../services/errors';
import { RequestContext } from './context';
import { listCost, TYPICAL_SIZE } from './limits';
import { DateScalar } from '../entities/scalars';
import { StatusCounts, toStatusCounts } from './types';

@ObjectType({ description: 'A milestone with its computed fields on the dashboard\'s date.' })
export class MilestoneOnDate {
  @Field(() => Milestone, { description: 'The milestone (its own computed fields default to today; these are on the dashboard\'s date).' }) milestone: Milestone;
  @Field(() => DateScalar, { description: 'Due date in effect on the date.' }) dueDate: string;
  @Field(() => MilestoneStatus, { description: 'Status on the date.' }) status: MilestoneStatus;
  @Field({ description: 'Why it has that status.' }) statusReason: string;
  @Field(() => Float, { description: 'Reported progress.' }) progress: number;
  @Field(() => Float, { description: 'Expected progress.' }) expectedProgress: number;
  @Field(() => Int, { description: 'Days overdue (or days late, when completed late).' }) daysOverdue: number;
  @Field(() => Int, { description: 'Days until due while open.' }) daysRemaining: number;
  @Field(() => DateScalar, { nullable: true, description: 'Latest progress update on or before the date.' }) lastUpdatedOn: string | null;
  @Field({ description: 'True when the update is overdue by the plan\'s cadence.' }) updateStale: boolean;
}

@ObjectType({
  description:
    'One group of a breakdown. A goal\'s, agency\'s or committee\'s group has that thing\'s roll-up over the dashboard\'s milestones: on a plan\'s dashboard the same figures as its `progress`, `statusCounts` and `health` (an agency\'s with `planId`), on a narrower dashboard those of its milestones there. A status or "No committee" group weighs its milestones directly.',
})
export class BreakdownGroup implements Omit<Group, 'statusCounts'> {
  @Field({ description: 'Stable key: a global ID, a status, "none" (no committee), or "own" (a goal dashboard\'s milestones directly under its goal).' }) key: string;
  @Field({ description: 'Human-readable label.' }) label: string;
  @Field(() => Int, { description: 'Milestones in the group.' }) milestoneCount: number;
  @Field(() => StatusCounts, { description: 'Milestones per status.' }) statusCounts: StatusCounts;
  @Field(() => Float, { nullable: true, description: 'Progress of the group, as the roll-up field of the same name; null with nothing to measure.' }) progress: number | null;
  @Field(() => Health, { nullable: true, description: 'Health of the group; null with nothing to measure.' }) health: Health | null;
  @Field({ description: 'The counts behind `health`, in one sentence.' }) healthReason: string;
  @Field(() => Int, { description: 'Days overdue, added up over its OVERDUE milestones.' }) overdueDays: number;
}

@ObjectType({ description: 'Everything a dashboard draws for one plan, goal, committee or agency, on one date.' })
export class Dashboard {
  @Field(() => DateScalar, { nullable: true, description: 'The date asked for; null means today in each plan\'s zone.' }) asOf: string | null;
  data: DashboardData;
}

function onDate(entry: AssessedItem<Milestone>): MilestoneOnDate {
  return { milestone: entry.item, ...entry.assessment };
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'Progress, as the roll-up field of the same name.' })
  progress(@Root() d: Dashboard): number | null {
    return d.data.rollup.progress;
  }

  @FieldResolver(() => StatusCounts, { description: 'Milestones per status.' })
  statusCounts(@Root() d: Dashboard): StatusCounts {
    return toStatusCounts(d.data.rollup.statusCounts);
  }

  @FieldResolver(() => Health, { nullable: true, description: 'Health; null with nothing to measure.' })
  health(@Root() d: Dashboard): Health | null {
    return d.data.rollup.health;
  }

  @FieldResolver(() => String, { description: 'The counts behind `health`, in one sentence.' })
  healthReason(@Root() d: Dashboard): string {
    return d.data.rollup.healthReason;
  }

  @FieldResolver(() => [BreakdownGroup], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Counts, progress and overdue days per group.' })
  async breakdown(@Root() d: Dashboard, @Ctx() ctx: RequestContext, @Arg('by', () => BreakdownBy, { description: 'How to group.' }) by: BreakdownBy): Promise<BreakdownGroup[]> {
    return (await ctx.reader.breakdown(d.data, by)).map((g) => ({ ...g, statusCounts: toStatusCounts(g.statusCounts) }));
  }

  @FieldResolver(() => [MilestoneOnDate], { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'Open milestones due within `days`, soonest first.' })
  upcoming(@Root() d: Dashboard, @Arg('days', () => Int, { defaultValue: 30, description: 'How many days ahead (1–366).' }) days: number): MilestoneOnDate[] {
    if (!Number.isInteger(days) || days < 1 || days > 366) throw userError(`days must be between 1 and 366, got ${days}.`, 'days');
    return upcoming(d.data.items, days).map(onDate);
  }

  @FieldResolver(() => [MilestoneOnDate], { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'OVERDUE milestones, longest overdue first.' })
  overdue(@Root() d: Dashboard): MilestoneOnDate[] {
    return overdue(d.data.items).map(onDate);
  }

  @FieldResolver(() => [MilestoneOnDate], { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'AT_RISK milestones, furthest behind first, with the reason.' })
  atRisk(@Root() d: Dashboard): MilestoneOnDate[] {
    return atRisk(d.data.items).map(onDate);
  }

  @FieldResolver(() => [MilestoneOnDate], { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'Started, unfinished milestones with no update within the plan\'s cadence, longest silent first.' })
  staleUpdates(@Root() d: Dashboard): MilestoneOnDate[] {
    return staleUpdates(d.data.items).map(onDate);
  }
}
