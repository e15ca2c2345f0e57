import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agency, Committee, Goal, Indicator, Meeting, Plan } from '../../entities';
import { DateScalar } from '../../entities/scalars';
import { Role } from '../../domain/enums';
import { RequestContext } from '../context';
import { listCost, TYPICAL_SIZE } from '../limits';
import { CreatePlanInput, UpdatePlanInput } from '../types';
import { loadByGlobalId, loadOptional } from './ids';
import { RollupFields } from './rollup-fields';

@Resolver(() => Plan)
export class PlanResolver extends RollupFields(Plan, (plan) => ({ kind: 'plan', plan })) {
  @Query(() => [Plan], { complexity: listCost(TYPICAL_SIZE.plans), description: 'All plans, newest first.' })
  plans(@Ctx() ctx: RequestContext): Promise<Plan[]> {
    return ctx.reader.allPlans();
  }

  @Query(() => Plan, { description: 'One plan.' })
  plan(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Plan> {
    return loadByGlobalId((rowId) => ctx.reader.plan(rowId), 'Plan', id);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that staffs the plan.' })
  staffAgency(@Root() plan: Plan, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return loadOptional((rowId) => ctx.reader.agency(rowId), plan.staffAgencyId);
  }

  @FieldResolver(() => [Committee], { complexity: listCost(TYPICAL_SIZE.committees), description: 'Its committees, by name.' })
  committees(@Root() plan: Plan, @Ctx() ctx: RequestContext): Promise<Committee[]> {
    return ctx.reader.committeesOf(plan.rowId);
  }

  @FieldResolver(() => [Goal], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Its goals, in order: top-level ones only unless `all` is true.' })
  goals(@Root() plan: Plan, @Ctx() ctx: RequestContext, @Arg('all', { defaultValue: false, description: 'Include nested goals too.' }) all: boolean): Promise<Goal[]> {
    return all ? ctx.reader.goalsOf(plan.rowId) : ctx.reader.topGoalsOf(plan.rowId);
  }

  @FieldResolver(() => [Indicator], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Its indicators (of the plan and of its goals), by name.' })
  indicators(@Root() plan: Plan, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return ctx.reader.indicatorsOf(plan.rowId);
  }

  @FieldResolver(() => [Meeting], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Its meetings (task force and committees), by date; optionally within a range.' })
  meetings(
    @Root() plan: Plan,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only meetings on or after this date.' }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only meetings on or before this date.' }) to?: string,
  ): Promise<Meeting[]> {
    return ctx.reader.meetingsOf(plan.rowId, from, to);
  }

  @Mutation(() => Plan, { description: 'Creates a plan.' })
  @Authorized(Role.ADMIN)
  createPlan(@Arg('input', () => CreatePlanInput, { description: 'The plan.' }) input: CreatePlanInput, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.services.plans.createPlan(input, ctx.viewer);
  }

  @Mutation(() => Plan, { description: 'Changes a plan. Its dates must still hold all its milestones.' })
  @Authorized(Role.ADMIN)
  updatePlan(
    @Arg('id', () => ID, { description: 'The plan.' }) id: string,
    @Arg('input', () => UpdatePlanInput, { description: 'The changes.' }) input: UpdatePlanInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Plan> {
    return ctx.services.plans.updatePlan(id, input, expectedVersion, ctx.viewer);
  }
}
