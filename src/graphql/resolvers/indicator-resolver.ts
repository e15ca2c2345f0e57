import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { shownStaffName } from '../../domain/access';
import { Role } from '../../domain/enums';
import { Agency, Goal, Indicator, IndicatorMeasurement, Plan } from '../../entities';
import { RequestContext } from '../context';
import { listCost, TYPICAL_SIZE } from '../limits';
import { DateScalar } from '../../entities/scalars';
import { CreateIndicatorInput, RecordMeasurementInput, ShownNumber, UpdateIndicatorInput } from '../types';
import { loadByGlobalId, loadOptional } from './ids';
import { AS_OF } from './rollup-fields';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { description: 'One indicator.' })
  indicator(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Indicator> {
    return loadByGlobalId((rowId) => ctx.reader.indicator(rowId), 'Indicator', id);
  }

  @FieldResolver(() => Plan, { description: 'The plan it belongs to.' })
  plan(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(indicator.planId);
  }

  @FieldResolver(() => Goal, { nullable: true, description: 'The goal it measures, if any.' })
  goal(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<Goal | null> {
    return loadOptional((rowId) => ctx.reader.goal(rowId), indicator.goalId);
  }

  @FieldResolver(() => Agency, { description: 'The owning agency.' })
  async agency(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.reader.agency(indicator.agencyId))!;
  }

  private shown(ctx: RequestContext, indicator: Indicator, value: number): Promise<ShownNumber> {
    return ctx.reader.indicatorValue(indicator, value);
  }

  @FieldResolver(() => ShownNumber, { description: 'The value at the start.' })
  baseline(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<ShownNumber> {
    return this.shown(ctx, indicator, indicator.baselineValue);
  }

  @FieldResolver(() => ShownNumber, { description: 'The value to reach by the target date.' })
  target(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<ShownNumber> {
    return this.shown(ctx, indicator, indicator.targetValue);
  }

  @FieldResolver(() => [IndicatorMeasurement], { complexity: listCost(TYPICAL_SIZE.updates), description: 'Measurements, oldest first; with `asOf`, those on or before it.' })
  async measurements(@Root() indicator: Indicator, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<IndicatorMeasurement[]> {
    return ctx.reader.measurements(indicator, asOf);
  }

  @FieldResolver(() => IndicatorMeasurement, { nullable: true, description: 'The latest measurement on or before `asOf`.' })
  async latest(@Root() indicator: Indicator, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<IndicatorMeasurement | null> {
    return ctx.reader.latestMeasurement(indicator, asOf);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'How far the latest value on or before `asOf` has moved from baseline to target, 0–100; null before the first measurement, and null when the baseline, the target or that value is suppressed for this reader (any two of them and the progress would give the third).',
  })
  async progress(@Root() indicator: Indicator, @Ctx() ctx: RequestContext, @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF }) asOf?: string): Promise<number | null> {
    return ctx.reader.indicatorProgress(indicator, asOf);
  }

  @Mutation(() => Indicator, { description: 'Creates an indicator.' })
  @Authorized(Role.ADMIN)
  createIndicator(@Arg('input', () => CreateIndicatorInput, { description: 'The indicator.' }) input: CreateIndicatorInput, @Ctx() ctx: RequestContext): Promise<Indicator> {
    return ctx.services.indicators.createIndicator(input, ctx.viewer);
  }

  @Mutation(() => Indicator, { description: 'Changes an indicator.' })
  @Authorized(Role.ADMIN)
  updateIndicator(
    @Arg('id', () => ID, { description: 'The indicator.' }) id: string,
    @Arg('input', () => UpdateIndicatorInput, { description: 'The changes.' }) input: UpdateIndicatorInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Indicator> {
    return ctx.services.indicators.updateIndicator(id, input, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Indicator, { description: 'Deletes an indicator with its measurements, and returns it as it was. The audit trail keeps the record.' })
  @Authorized(Role.ADMIN)
  deleteIndicator(
    @Arg('id', () => ID, { description: 'The indicator.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<Indicator> {
    return ctx.services.indicators.deleteIndicator(id, expectedVersion, ctx.viewer);
  }

  @Mutation(() => IndicatorMeasurement, { description: 'Records a measured value (admins and members of the indicator\'s agency). Earlier values are kept.' })
  @Authorized(Role.ADMIN, Role.EDITOR)
  recordMeasurement(@Arg('input', () => RecordMeasurementInput, { description: 'The measurement.' }) input: RecordMeasurementInput, @Ctx() ctx: RequestContext): Promise<IndicatorMeasurement> {
    return ctx.services.indicators.recordMeasurement(input, ctx.viewer);
  }
}

@Resolver(() => IndicatorMeasurement)
export class IndicatorMeasurementResolver {
  private async indicatorOf(m: IndicatorMeasurement, ctx: RequestContext): Promise<Indicator> {
    return (await ctx.reader.indicator(m.indicatorId))!;
  }

  private async shown(m: IndicatorMeasurement, ctx: RequestContext): Promise<ShownNumber> {
    return ctx.reader.indicatorValue(await this.indicatorOf(m, ctx), m.value);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The value; null when suppressed for this reader.' })
  async value(@Root() m: IndicatorMeasurement, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await this.shown(m, ctx)).value;
  }

  @FieldResolver(() => Boolean, { description: 'True when the value is hidden from this reader (a sensitive value below the plan\'s threshold).' })
  async suppressed(@Root() m: IndicatorMeasurement, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.shown(m, ctx)).suppressed;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded it. Null for anonymous readers: staff names reach signed-in readers only.' })
  author(@Root() m: IndicatorMeasurement, @Ctx() ctx: RequestContext): string | null {
    return shownStaffName(m.author, ctx.viewer);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator measured.' })
  indicator(@Root() m: IndicatorMeasurement, @Ctx() ctx: RequestContext): Promise<Indicator> {
    return this.indicatorOf(m, ctx);
  }
}
