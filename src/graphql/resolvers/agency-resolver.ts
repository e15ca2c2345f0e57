import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgencyRole, Health, Role } from '../../domain/enums';
import { Agency, Milestone } from '../../entities';
import { rowIdOf } from '../../services/ids';
import { assessedAhead } from '../assessed-fields';
import { RequestContext } from '../context';
import { listCost, TYPICAL_SIZE } from '../limits';
import { DateScalar } from '../../entities/scalars';
import { CreateAgencyInput, StatusCounts, toStatusCounts, UpdateAgencyInput } from '../types';
import { loadByGlobalId } from './ids';
import { AS_OF, dashboardOf, HEALTH, HEALTH_REASON } from './rollup-fields';
import { Dashboard } from '../dashboard';

const ROLE = 'Which milestones count: those it leads (default), or also those it partners on.';
const PLAN = 'Only milestones of this plan.';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { complexity: listCost(TYPICAL_SIZE.agencies), description: 'All agencies, by short name.' })
  async agencies(@Ctx() ctx: RequestContext): Promise<Agency[]> {
    return ctx.reader.allAgencies();
  }

  @Query(() => Agency, { description: 'One agency.' })
  agency(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Agency> {
    return loadByGlobalId((rowId) => ctx.reader.agency(rowId), 'Agency', id);
  }

  private rollup(ctx: RequestContext, agency: Agency, role: AgencyRole, asOf?: string, planId?: string) {
    return ctx.reader.agencyRollup(agency, role, asOf, planId ? rowIdOf(planId, 'Plan', 'planId') : undefined);
  }

  @FieldResolver(() => [Milestone], { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'Milestones it is involved in, by plan and code.' })
  async milestones(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<Milestone[]> {
    return assessedAhead(await ctx.reader.agencyMilestones(agency, role, planId ? rowIdOf(planId, 'Plan', 'planId') : undefined), ctx, info);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Weighted mean progress of its milestones, cancelled ones left out; null with nothing to measure.' })
  async progress(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<number | null> {
    return (await this.rollup(ctx, agency, role, asOf, planId)).progress;
  }

  @FieldResolver(() => StatusCounts, { description: 'How many of its milestones are in each status.' })
  async statusCounts(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<StatusCounts> {
    return toStatusCounts((await this.rollup(ctx, agency, role, asOf, planId)).statusCounts);
  }

  @FieldResolver(() => Health, { nullable: true, description: `${HEALTH} Across plans, the strictest \`offTrackShare\` of its milestones' plans applies.` })
  async health(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<Health | null> {
    return (await this.rollup(ctx, agency, role, asOf, planId)).health;
  }

  @FieldResolver(() => String, { description: HEALTH_REASON })
  async healthReason(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<string> {
    return (await this.rollup(ctx, agency, role, asOf, planId)).healthReason;
  }

  @FieldResolver(() => Dashboard, { description: 'Roll-ups, breakdowns and the lists a dashboard shows for its milestones, all on one date.' })
  dashboard(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Arg('role', () => AgencyRole, { defaultValue: AgencyRole.LEAD, description: ROLE }) role: AgencyRole,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('planId', () => ID, { nullable: true, description: PLAN }) planId?: string,
  ): Promise<Dashboard> {
    return dashboardOf(ctx, { kind: 'agency', agency, role, planId: planId ? rowIdOf(planId, 'Plan', 'planId') : undefined }, asOf);
  }

  @Mutation(() => Agency, { description: 'Adds an agency.' })
  @Authorized(Role.ADMIN)
  createAgency(@Arg('input', () => CreateAgencyInput, { description: 'The agency.' }) input: CreateAgencyInput, @Ctx() ctx: RequestContext): Promise<Agency> {
    return ctx.services.agencies.createAgency(input, ctx.viewer);
  }

  @Mutation(() => Agency, { description: 'Changes an agency.' })
  @Authorized(Role.ADMIN)
  updateAgency(
    @Arg('id', () => ID, { description: 'The agency.' }) id: string,
    @Arg('input', () => UpdateAgencyInput, { description: 'The changes.' }) input: UpdateAgencyInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Agency> {
    return ctx.services.agencies.updateAgency(id, input, expectedVersion, ctx.viewer);
  }
}
