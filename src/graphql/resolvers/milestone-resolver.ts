import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { shownStaffName } from '../../domain/access';
import { MilestoneStatus, PartnerRole, Role } from '../../domain/enums';
import { MilestoneAssessment } from '../../domain/milestone';
import { Agency, DateChange, DueDateChange, Goal, Milestone, Plan, ProgressUpdate } from '../../entities';
import { RequestContext } from '../context';
import { listCost, pageCost, TYPICAL_SIZE } from '../limits';
import { DateScalar } from '../../entities/scalars';
import { CreateMilestoneInput, HistoryPoint, MilestoneConnection, MilestoneFilter, MilestoneOrder, Partner, ReportProgressInput, UpdateMilestoneInput } from '../types';
import { present } from '../../services/loaders';
import { loadByGlobalId } from './ids';
import { AS_OF, historyPoint } from './rollup-fields';
import { Interval } from '../../domain/periods';
import { historyDates, milestoneHistory } from '../../services/history';

const EXPECTED_VERSION = 'The version you read; CONFLICT if it has changed since.';

function asOfArg() {
  return Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF });
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Query(() => Milestone, { description: 'One milestone.' })
  milestone(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return loadByGlobalId(ctx.reader.loaders.milestone, 'Milestone', id);
  }

  @Query(() => MilestoneConnection, { complexity: pageCost, description: 'Milestones matching a filter, sorted, a page at a time (Relay connection).' })
  milestones(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MilestoneFilter, { nullable: true, description: 'Which milestones.' }) filter?: MilestoneFilter,
    @Arg('orderBy', () => MilestoneOrder, { nullable: true, description: 'Sort order; by due date by default.' }) orderBy?: MilestoneOrder,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100; 50 by default.' }) first?: number,
    @Arg('after', { nullable: true, description: 'Cursor of the item after which the page starts.' }) after?: string,
  ): Promise<MilestoneConnection> {
    return ctx.search.search(filter, orderBy, first, after);
  }

  private assess(ctx: RequestContext, m: Milestone, asOf?: string): Promise<MilestoneAssessment> {
    return ctx.reader.assess(m, asOf);
  }

  @FieldResolver(() => Plan, { description: 'The plan it belongs to.' })
  plan(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(m.planId);
  }

  @FieldResolver(() => Goal, { description: 'The goal it belongs to.' })
  async goal(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Goal> {
    return (await ctx.reader.loaders.goal.load(m.goalId))!;
  }

  @FieldResolver(() => Agency, { description: 'The lead agency: the owner.' })
  leadAgency(@Root() m: Milestone, @Ctx() ctx: RequestContext): Agency | Promise<Agency> {
    // Without a promise once this request has read the agencies: a list's milestones then complete synchronously.
    const agencies = ctx.reader.loaders.agency;
    return agencies.peek(m.leadAgencyId) ?? (agencies.load(m.leadAgencyId) as Promise<Agency>);
  }

  @FieldResolver(() => [Partner], { complexity: listCost(TYPICAL_SIZE.partners), description: 'Partner agencies and their roles, by short name.' })
  async partners(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Partner[]> {
    const links = await ctx.reader.loaders.partnersByMilestone.load(m.rowId);
    const agencies = present(await ctx.reader.loaders.agency.loadMany(links.map((l) => l.agencyId)));
    const roles = new Map(links.map((l) => [l.agencyId, l.role]));
    return agencies.map((agency) => ({ agency, role: roles.get(agency.rowId)! })).sort((a, b) => a.agency.shortName.localeCompare(b.agency.shortName));
  }

  @FieldResolver(() => [Milestone], { complexity: listCost(TYPICAL_SIZE.dependencies), description: 'The milestones it depends on (same plan).' })
  dependsOn(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Milestone[]> {
    return ctx.reader.dependenciesOf(m);
  }

  @FieldResolver(() => [Milestone], { complexity: listCost(TYPICAL_SIZE.dependencies), description: 'The milestones that depend on it.' })
  dependents(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Milestone[]> {
    return ctx.reader.dependentsOf(m);
  }

  @FieldResolver(() => [ProgressUpdate], { complexity: listCost(TYPICAL_SIZE.updates), description: 'Progress updates, oldest first; with `asOf`, those reported on or before it.' })
  async updates(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<ProgressUpdate[]> {
    const updates = await ctx.reader.loaders.updatesByMilestone.load(m.rowId);
    return asOf ? updates.filter((u) => u.reportedOn <= asOf) : updates;
  }

  @FieldResolver(() => [DateChange], { complexity: listCost(TYPICAL_SIZE.dateChanges), description: 'Recorded moves of the start and due dates, oldest first; each says which date moved.' })
  dateChanges(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<DateChange[]> {
    return ctx.reader.loaders.dateChangesByMilestone.load(m.rowId);
  }

  @FieldResolver(() => [DueDateChange], { complexity: listCost(TYPICAL_SIZE.dueDateChanges), description: 'Recorded moves of the due date only, oldest first (`dateChanges` lists start-date moves too).' })
  dueDateChanges(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<DateChange[]> {
    return ctx.reader.loaders.dueDateChangesByMilestone.load(m.rowId);
  }

  @FieldResolver(() => DateScalar, { description: 'The start date in effect on `asOf` (moves recorded later had not happened yet).' })
  async startDate(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string> {
    return (await this.assess(ctx, m, asOf)).startDate;
  }

  @FieldResolver(() => DateScalar, { description: 'The due date in effect on `asOf` (moves recorded later had not happened yet).' })
  async dueDate(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string> {
    return (await this.assess(ctx, m, asOf)).dueDate;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'When it was completed; null if not completed by `asOf`.' })
  async completedOn(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    const date = await ctx.reader.dateFor(m.planId, asOf);
    return m.completedOn !== null && m.completedOn <= date ? m.completedOn : null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'When it was cancelled; null if not cancelled by `asOf`.' })
  async cancelledOn(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    const date = await ctx.reader.dateFor(m.planId, asOf);
    return m.cancelledOn !== null && m.cancelledOn <= date ? m.cancelledOn : null;
  }

  @FieldResolver(() => Float, { description: 'Percent complete: 100 once completed, else the latest update on or before `asOf`, else 0.' })
  async progress(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<number> {
    return (await this.assess(ctx, m, asOf)).progress;
  }

  @FieldResolver(() => Float, { description: 'Where progress should be by `asOf` if work ran evenly from start to due date, rounded to two decimals.' })
  async expectedProgress(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<number> {
    return (await this.assess(ctx, m, asOf)).expectedProgress;
  }

  @FieldResolver(() => MilestoneStatus, { description: 'Status on `asOf` (see MilestoneStatus for the rules).' })
  async status(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<MilestoneStatus> {
    return (await this.assess(ctx, m, asOf)).status;
  }

  @FieldResolver(() => String, { description: 'One sentence explaining the status with the facts behind it.' })
  async statusReason(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string> {
    return (await this.assess(ctx, m, asOf)).statusReason;
  }

  @FieldResolver(() => Int, { description: 'Days past the due date while OVERDUE; days late when COMPLETED_LATE; else 0.' })
  async daysOverdue(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<number> {
    return (await this.assess(ctx, m, asOf)).daysOverdue;
  }

  @FieldResolver(() => Int, { description: 'Days until the due date while unfinished and not overdue; else 0.' })
  async daysRemaining(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<number> {
    return (await this.assess(ctx, m, asOf)).daysRemaining;
  }

  @FieldResolver(() => Int, { description: 'How far the due date has moved from the baseline, in days (negative if earlier).' })
  async slipDays(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<number> {
    return (await this.assess(ctx, m, asOf)).slipDays;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Date of the latest progress update on or before `asOf`.' })
  async lastUpdatedOn(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    return (await this.assess(ctx, m, asOf)).lastUpdatedOn;
  }

  @FieldResolver(() => Boolean, { description: 'True when an unfinished, started milestone has had no update for more than the plan\'s update cadence.' })
  async updateStale(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<boolean> {
    return (await this.assess(ctx, m, asOf)).updateStale;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Forecast completion at the pace so far, never before what it depends on; the completion date once done; null if cancelled.' })
  forecastCompletion(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    return ctx.reader.forecast(m, asOf);
  }

  @FieldResolver(() => [HistoryPoint], { complexity: listCost(TYPICAL_SIZE.historyPoints), description: 'Progress against expected progress, and status, at each period end from `from` to `to`.' })
  async progressHistory(
    @Root() m: Milestone,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'First day of the history.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the history (the last point).' }) to: string,
    @Arg('interval', () => Interval, { defaultValue: Interval.MONTH, description: 'Spacing of the points.' }) interval: Interval,
  ): Promise<HistoryPoint[]> {
    const dates = await historyDates(ctx.reader, m.planId, from, to, interval);
    return (await milestoneHistory(ctx.reader, m, dates)).map((entry) => historyPoint(entry.date, entry.rollup));
  }

  @Mutation(() => Milestone, { description: 'Creates a milestone; its due date is also its baseline.' })
  @Authorized(Role.ADMIN)
  createMilestone(@Arg('input', () => CreateMilestoneInput, { description: 'The milestone.' }) input: CreateMilestoneInput, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return ctx.services.milestones.createMilestone(input, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Changes a milestone. Dates move only with `moveStartDate` and `moveDueDate`; visibility and the lead agency change only by admins and editors of the lead agency.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  updateMilestone(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Arg('input', () => UpdateMilestoneInput, { description: 'The changes.' }) input: UpdateMilestoneInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.milestones.updateMilestone(id, input, expectedVersion, ctx.viewer);
  }

  @Mutation(() => ProgressUpdate, { description: 'Records a progress check-in by the signed-in user. Earlier updates are kept.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  reportProgress(@Arg('input', () => ReportProgressInput, { description: 'The check-in.' }) input: ReportProgressInput, @Ctx() ctx: RequestContext): Promise<ProgressUpdate> {
    return ctx.services.lifecycle.reportProgress(input, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Marks a milestone completed.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  completeMilestone(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('completedOn', () => DateScalar, { nullable: true, description: 'When; today by default. Not in the future.' }) completedOn?: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.lifecycle.completeMilestone(id, completedOn, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Cancels a milestone, with a reason. Cancelled milestones leave the progress roll-ups.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  cancelMilestone(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Arg('reason', { description: 'Why.' }) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('cancelledOn', () => DateScalar, { nullable: true, description: 'When; today by default. Not in the future.' }) cancelledOn?: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.lifecycle.cancelMilestone(id, reason, cancelledOn, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Undoes a completion or cancellation.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  reopenMilestone(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.lifecycle.reopenMilestone(id, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Moves the due date, with a reason. The baseline stays; the move is recorded.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  moveDueDate(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Arg('newDueDate', () => DateScalar, { description: 'The new due date, within the plan and not before the start.' }) newDueDate: string,
    @Arg('reason', { description: 'Why it moves (required).' }) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.lifecycle.moveDueDate(id, newDueDate, reason, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Moves the start date, with a reason. The move is recorded; as of an earlier date the earlier start applies.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  moveStartDate(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Arg('newStartDate', () => DateScalar, { description: 'The new start date, within the plan and not after the due date.' }) newStartDate: string,
    @Arg('reason', { description: 'Why it moves (required).' }) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion?: number,
  ): Promise<Milestone> {
    return ctx.services.lifecycle.moveStartDate(id, newStartDate, reason, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Adds a partner agency, or changes its role (admins and editors of the lead agency).' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  addPartner(
    @Arg('milestoneId', () => ID, { description: 'The milestone.' }) milestoneId: string,
    @Arg('agencyId', () => ID, { description: 'The agency.' }) agencyId: string,
    @Arg('role', () => PartnerRole, { description: 'Its role.' }) role: PartnerRole,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return ctx.services.milestones.addPartner(milestoneId, agencyId, role, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Removes a partner agency (admins and editors of the lead agency).' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  removePartner(
    @Arg('milestoneId', () => ID, { description: 'The milestone.' }) milestoneId: string,
    @Arg('agencyId', () => ID, { description: 'The agency.' }) agencyId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return ctx.services.milestones.removePartner(milestoneId, agencyId, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Makes a milestone depend on another of the same plan. Refuses cycles, naming them.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  addDependency(
    @Arg('milestoneId', () => ID, { description: 'The dependent milestone.' }) milestoneId: string,
    @Arg('dependsOnId', () => ID, { description: 'The milestone it depends on.' }) dependsOnId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return ctx.services.milestones.addDependency(milestoneId, dependsOnId, ctx.viewer);
  }

  @Mutation(() => Milestone, { description: 'Removes a dependency.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  removeDependency(
    @Arg('milestoneId', () => ID, { description: 'The dependent milestone.' }) milestoneId: string,
    @Arg('dependsOnId', () => ID, { description: 'The milestone it depended on.' }) dependsOnId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return ctx.services.milestones.removeDependency(milestoneId, dependsOnId, ctx.viewer);
  }
}

@Resolver(() => ProgressUpdate)
export class ProgressUpdateResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who reported it: the signed-in user (nobody reports in another\'s name). Null for anonymous readers: staff names reach signed-in readers only.' })
  author(@Root() update: ProgressUpdate, @Ctx() ctx: RequestContext): string | null {
    return shownStaffName(update.author, ctx.viewer);
  }

  @FieldResolver(() => Milestone, { description: 'The milestone it reports on.' })
  async milestone(@Root() update: ProgressUpdate, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return (await ctx.reader.loaders.milestone.load(update.milestoneId))!;
  }
}

@Resolver(() => DateChange)
export class DateChangeResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who moved it. Null for anonymous readers: staff names reach signed-in readers only.' })
  author(@Root() change: DateChange, @Ctx() ctx: RequestContext): string | null {
    return shownStaffName(change.author, ctx.viewer);
  }
}

@Resolver(() => DueDateChange)
export class DueDateChangeResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who moved it. Null for anonymous readers: staff names reach signed-in readers only.' })
  author(@Root() change: DueDateChange, @Ctx() ctx: RequestContext): string | null {
    return shownStaffName(change.author, ctx.viewer);
  }
}
