import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agency, Committee, Goal, Indicator, Milestone, Plan } from '../../entities';
import { Role } from '../../domain/enums';
import { assessedAhead } from '../assessed-fields';
import { RequestContext } from '../context';
import { listCost, TYPICAL_SIZE } from '../limits';
import { CreateGoalInput, UpdateGoalInput } from '../types';
import { loadByGlobalId, loadOptional } from './ids';
import { RollupFields } from './rollup-fields';

@Resolver(() => Goal)
export class GoalResolver extends RollupFields(Goal, (goal) => ({ kind: 'goal', goal })) {
  @Query(() => Goal, { description: 'One goal.' })
  goal(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Goal> {
    return loadByGlobalId((rowId) => ctx.reader.goal(rowId), 'Goal', id);
  }

  @FieldResolver(() => Plan, { description: 'The plan it belongs to.' })
  plan(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(goal.planId);
  }

  @FieldResolver(() => Goal, { nullable: true, description: 'The goal it is nested under, if any.' })
  parent(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Goal | null> {
    return loadOptional((rowId) => ctx.reader.goal(rowId), goal.parentId);
  }

  @FieldResolver(() => [Goal], { complexity: listCost(TYPICAL_SIZE.goals), description: 'Goals nested directly under it, in order.' })
  async children(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Goal[]> {
    return ctx.reader.childrenOf(goal);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The committee that oversees it, if any.' })
  committee(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return loadOptional((rowId) => ctx.reader.committee(rowId), goal.committeeId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The lead agency, if any.' })
  leadAgency(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return loadOptional((rowId) => ctx.reader.agency(rowId), goal.leadAgencyId);
  }

  @FieldResolver(() => [Milestone], { complexity: listCost(TYPICAL_SIZE.milestones), description: 'Its direct milestones, in order (nested goals have their own).' })
  async milestones(@Root() goal: Goal, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Milestone[]> {
    return assessedAhead(await ctx.reader.milestonesOf(goal), ctx, info);
  }

  @FieldResolver(() => [Indicator], { complexity: listCost(TYPICAL_SIZE.partners), description: 'Indicators that measure this goal, by name.' })
  indicators(@Root() goal: Goal, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return ctx.reader.indicatorsOfGoal(goal);
  }

  @Mutation(() => Goal, { description: 'Creates a goal (nested when `parentId` is given).' })
  @Authorized(Role.ADMIN)
  createGoal(@Arg('input', () => CreateGoalInput, { description: 'The goal.' }) input: CreateGoalInput, @Ctx() ctx: RequestContext): Promise<Goal> {
    return ctx.services.goals.createGoal(input, ctx.viewer);
  }

  @Mutation(() => Goal, { description: 'Changes a goal. It cannot be nested under itself.' })
  @Authorized(Role.ADMIN)
  updateGoal(
    @Arg('id', () => ID, { description: 'The goal.' }) id: string,
    @Arg('input', () => UpdateGoalInput, { description: 'The changes.' }) input: UpdateGoalInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Goal> {
    return ctx.services.goals.updateGoal(id, input, expectedVersion, ctx.viewer);
  }
}
