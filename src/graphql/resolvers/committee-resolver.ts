import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agency, Committee, Goal, Plan } from '../../entities';
import { Role } from '../../domain/enums';
import { RequestContext } from '../context';
import { listCost, TYPICAL_SIZE } from '../limits';
import { CreateCommitteeInput, UpdateCommitteeInput } from '../types';
import { loadByGlobalId, loadOptional } from './ids';
import { RollupFields } from './rollup-fields';

@Resolver(() => Committee)
export class CommitteeResolver extends RollupFields(Committee, (committee) => ({ kind: 'committee', committee })) {
  @Query(() => Committee, { description: 'One committee.' })
  committee(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Committee> {
    return loadByGlobalId((rowId) => ctx.reader.committee(rowId), 'Committee', id);
  }

  @FieldResolver(() => Plan, { description: 'The plan it belongs to.' })
  plan(@Root() committee: Committee, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(committee.planId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The chairing agency.' })
  chair(@Root() committee: Committee, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return loadOptional((rowId) => ctx.reader.agency(rowId), committee.chairAgencyId);
  }

  @FieldResolver(() => [Agency], { complexity: listCost(TYPICAL_SIZE.members), description: 'Member agencies, by short name.' })
  async members(@Root() committee: Committee, @Ctx() ctx: RequestContext): Promise<Agency[]> {
    return ctx.reader.members(committee);
  }

  @FieldResolver(() => [Goal], { complexity: listCost(TYPICAL_SIZE.goals), description: 'The goals it oversees (not counting goals nested under them).' })
  goals(@Root() committee: Committee, @Ctx() ctx: RequestContext): Promise<Goal[]> {
    return ctx.reader.committeeGoals(committee);
  }

  @Mutation(() => Committee, { description: 'Creates a committee of a plan.' })
  @Authorized(Role.ADMIN)
  createCommittee(@Arg('input', () => CreateCommitteeInput, { description: 'The committee.' }) input: CreateCommitteeInput, @Ctx() ctx: RequestContext): Promise<Committee> {
    return ctx.services.committees.createCommittee(input, ctx.viewer);
  }

  @Mutation(() => Committee, { description: 'Changes a committee (and, if given, replaces its members).' })
  @Authorized(Role.ADMIN)
  updateCommittee(
    @Arg('id', () => ID, { description: 'The committee.' }) id: string,
    @Arg('input', () => UpdateCommitteeInput, { description: 'The changes.' }) input: UpdateCommitteeInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Committee> {
    return ctx.services.committees.updateCommittee(id, input, expectedVersion, ctx.viewer);
  }
}
