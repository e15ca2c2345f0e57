/** The `dashboard` of a plan, goal, committee or agency: everything a dashboard draws, on one date. */
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { atRisk, AssessedItem, breakdown, Group, overdue, staleUpdates, upcoming } from '../domain/dashboard';
import { Health, MilestoneStatus } from '../domain/enums';
import { Milestone } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { DashboardData, goalGroupKey } from '../services/dashboard-reader';
import { userError } from '../services/errors';
import { RequestContext } from './context';
import { BreakdownBy } from './enums';
import { listCost, TYPICAL_SIZE } from './limits';
import { DateScalar } from './scalars';
import { StatusCounts, toStatusCounts } from './types';

const URGENCY = [MilestoneStatus.OVERDUE, MilestoneStatus.AT_RISK, MilestoneStatus.ON_TRACK, MilestoneStatus.NOT_STARTED, MilestoneStatus.COMPLETED_LATE, MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED];

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

@ObjectType({ description: 'One group of a breakdown, with its own counts and progress.' })
export class BreakdownGroup implements Omit<Group, 'statusCounts'> {
  @Field({ description: 'Stable key: a global ID, a status, or "none".' }) key: string;
  @Field({ description: 'Human-readable label.' }) label: string;
  @Field(() => Int, { description: 'Milestones in the group.' }) milestoneCount: number;
  @Field(() => StatusCounts, { description: 'Milestones per status.' }) statusCounts: StatusCounts;
  @Field(() => Float, { nullable: true, description: 'Weighted mean progress of its milestones, cancelled ones left out.' }) progress: number | null;
  @Field(() => Health, { nullable: true, description: 'Health of the group.' }) health: Health | null;
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

  @FieldResolver(() => [BreakdownGroup], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Counts, progress and overdue days per group.' })
  async breakdown(@Root() d: Dashboard, @Ctx() ctx: RequestContext, @Arg('by', () => BreakdownBy, { description: 'How to group.' }) by: BreakdownBy): Promise<BreakdownGroup[]> {
    const { items, goalGroupOf, committeeOf } = d.data;
    const loaders = ctx.reader.loaders;
    let groups: Group[];
    switch (by) {
      case BreakdownBy.GOAL:
        groups = breakdown(items, (m) => goalGroupKey(goalGroupOf(m.item)));
        break;
      case BreakdownBy.AGENCY: {
        const agencies = new Map((await loaders.agency.loadMany([...new Set(items.map((m) => m.item.leadAgencyId))])).flatMap((a) => (a && !(a instanceof Error) ? [[a.rowId, a] as const] : [])));
        groups = breakdown(items, (m) => ({ key: toGlobalId('Agency', m.item.leadAgencyId), label: agencies.get(m.item.leadAgencyId)?.shortName ?? '?' }));
        groups.sort((a, b) => a.label.localeCompare(b.label));
        break;
      }
      case BreakdownBy.COMMITTEE: {
        const ids = [...new Set(items.map((m) => committeeOf(m.item)).filter((id): id is number => id !== null))];
        const committees = new Map((await loaders.committee.loadMany(ids)).flatMap((c) => (c && !(c instanceof Error) ? [[c.rowId, c] as const] : [])));
        groups = breakdown(items, (m) => {
          const id = committeeOf(m.item);
          return id === null ? { key: 'none', label: 'No committee' } : { key: toGlobalId('Committee', id), label: committees.get(id)?.name ?? '?' };
        });
        break;
      }
      case BreakdownBy.STATUS:
        groups = breakdown(items, (m) => ({ key: m.assessment.status, label: m.assessment.status })).sort(
          (a, b) => URGENCY.indexOf(a.key as MilestoneStatus) - URGENCY.indexOf(b.key as MilestoneStatus),
        );
        break;
    }
    return groups.map((g) => ({ ...g, statusCounts: toStatusCounts(g.statusCounts) }));
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
