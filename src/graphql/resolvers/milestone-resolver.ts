import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { shownStaffName } from '../../domain/access';
import { PartnerRole, Role } from '../../domain/enums';
import { cancelledOnAsOf, completedOnAsOf } from '../../domain/milestone';
import { Agency, DateChange, DueDateChange, Goal, Milestone, Plan, ProgressUpdate } from '../../entities';
import { RequestContext } from '../context';
import { listCost, pageCost, TYPICAL_SIZE } from '../limits';
import { DateScalar } from '../../entities/scalars';
import { CreateMilestoneInput, HistoryPoint, MilestoneConnection, MilestoneFilter, MilestoneOrder, Partner, ReportProgressInput, UpdateMilestoneInput } from '../types';
import { loadByGlobalId } from './ids';
import { AS_OF, historyPoint } from './rollup-fields';
import { Interval } from '../../domain/periods';

const EXPECTED_VERSION = 'The version you read; CONFLICT if it has changed since.';

function asOfArg() {
  return Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF });
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Query(() => Milestone, { description: 'One milestone.' })
  milestone(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return loadByGlobalId((rowId) => ctx.reader.milestone(rowId), 'Milestone', id);
  }

  @Query(() => MilestoneConnection, { complexity: pageCost, description: 'Milestones matching a filter, sorted, a page at a time (Relay connection).' })
  milestones(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MilestoneFilter, { nullable: true, description: 'Which milestones.' }) filter?: MilestoneFilter,
    @Arg('orderBy', () => MilestoneOrder, { nullable: true, description: 'Sort order; by due date by default.' }) orderBy?: MilestoneOrder,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100; 50 by default.' }) first?: number,
    @Arg('after', { nullable: true, description: 'Cursor of the item after which the page starts.' }) after?: string,
  ): Promise<MilestoneConnection> {
    // An explicit null (`filter: null`) means no filter, as leaving it out does.
    return ctx.reader.searchMilestones(filter ?? undefined, orderBy ?? undefined, first, after);
  }

  @FieldResolver(() => Plan, { description: 'The plan it belongs to.' })
  plan(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(m.planId);
  }

  @FieldResolver(() => Goal, { description: 'The goal it belongs to.' })
  async goal(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Goal> {
    return (await ctx.reader.goal(m.goalId))!;
  }

  @FieldResolver(() => Agency, { description: 'The lead agency: the owner.' })
  leadAgency(@Root() m: Milestone, @Ctx() ctx: RequestContext): Agency | Promise<Agency> {
    return ctx.reader.leadAgency(m);
  }

  @FieldResolver(() => Boolean, { description: 'True when the reader may report progress on it, complete it and move its dates: admins, and editors of its lead or partner agencies. A client shows its check-in actions by it; the server still decides each write.' })
  viewerCanEdit(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.reader.canEdit(m);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the reader may change who sees and edits it: its visibility, partners and lead agency. Admins and editors of its lead agency may; editors of a partner agency may not (they keep the actions of `viewerCanEdit`, cancelling, reopening, dependencies and date moves included). A client shows its owner actions by it; the server still decides each write.',
  })
  viewerCanManage(@Root() m: Milestone, @Ctx() ctx: RequestContext): boolean {
    return ctx.reader.canManage(m);
  }

  @FieldResolver(() => [Partner], { complexity: listCost(TYPICAL_SIZE.partners), description: 'Partner agencies and their roles, by short name.' })
  async partners(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<Partner[]> {
    return ctx.reader.partners(m);
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
    return ctx.reader.updates(m, asOf);
  }

  @FieldResolver(() => [DateChange], { complexity: listCost(TYPICAL_SIZE.dateChanges), description: 'Recorded moves of the start and due dates, oldest first; each says which date moved.' })
  dateChanges(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<DateChange[]> {
    return ctx.reader.dateChanges(m);
  }

  @FieldResolver(() => [DueDateChange], { complexity: listCost(TYPICAL_SIZE.dueDateChanges), description: 'Recorded moves of the due date only, oldest first (`dateChanges` lists start-date moves too).' })
  dueDateChanges(@Root() m: Milestone, @Ctx() ctx: RequestContext): Promise<DateChange[]> {
    return ctx.reader.dueDateChanges(m);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'When it was completed; null if not completed by `asOf`.' })
  async completedOn(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    return completedOnAsOf(m, await ctx.reader.dateFor(m.planId, asOf));
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'When it was cancelled; null if not cancelled by `asOf`.' })
  async cancelledOn(@Root() m: Milestone, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string): Promise<string | null> {
    return cancelledOnAsOf(m, await ctx.reader.dateFor(m.planId, asOf));
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
    return (await ctx.reader.milestoneHistory(m, from, to, interval)).map((entry) => historyPoint(entry.date, entry.rollup));
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
    return (await ctx.reader.milestone(update.milestoneId))!;
  }
}

/** A start or due date move and a due date move show who moved it by one rule. */
function dateMoveResolver(type: typeof DateChange) {
  @Resolver(() => type)
  class DateMoveResolver {
    @FieldResolver(() => String, { nullable: true, description: 'Who moved it. Null for anonymous readers: staff names reach signed-in readers only.' })
    author(@Root() change: DateChange, @Ctx() ctx: RequestContext): string | null {
      return shownStaffName(change.author, ctx.viewer);
    }
  }
  return DateMoveResolver;
}

export const DateChangeResolver = dateMoveResolver(DateChange);
export const DueDateChangeResolver = dateMoveResolver(DueDateChange);
