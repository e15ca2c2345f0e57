/** Writes of indicators and their measurements: validated, scoped, audited, all-or-nothing. */
import { isIndicatorInsider, Viewer } from '../domain/access';
import { Direction } from '../domain/indicator';
import { Agency, Goal, Indicator, IndicatorMeasurement, Plan } from '../entities';
import { CreateIndicatorInput, RecordMeasurementInput, UpdateIndicatorInput } from '../graphql/types';
import { conflict, forbidden, userError } from './errors';
import { createInput, requireText, Transaction, updateInput, Writer } from './transaction';

function requireFinite(value: number | undefined, field: string): void {
  if (value !== undefined && !Number.isFinite(value)) throw userError(`${field} must be a number.`, field);
}

/** The direction given, or the one from baseline toward target; a contradiction is refused. */
function directionOf(baseline: number, target: number, given: Direction | undefined): Direction {
  const implied = target >= baseline ? Direction.INCREASE : Direction.DECREASE;
  if (given === undefined) return implied;
  if (target !== baseline && given !== implied) throw userError(`A target of ${target} from a baseline of ${baseline} is a ${implied.toLowerCase()}, not a ${given.toLowerCase()}.`, 'direction');
  return given;
}

async function goalIn(tx: Transaction, plan: Plan, goalId: string | null | undefined): Promise<number | null> {
  if (!goalId) return null;
  const goal = await tx.find(Goal, goalId, 'goalId');
  if (goal.planId !== plan.rowId) throw userError(`Goal ${goal.code} belongs to another plan.`, 'goalId');
  return goal.rowId;
}

export class IndicatorWriter extends Writer {
  createIndicator(input: CreateIndicatorInput, viewer: Viewer): Promise<Indicator> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      const agency = await tx.find(Agency, input.agencyId, 'agencyId');
      requireText(input.name, 'name');
      requireText(input.unit, 'unit');
      requireFinite(input.baselineValue, 'baselineValue');
      requireFinite(input.targetValue, 'targetValue');
      tx.requireWithinPlan(plan, input.targetDate, 'targetDate');
      const { planId: _p, goalId, agencyId: _a, direction, ...fields } = input;
      return tx.insert(
        Indicator,
        { ...fields, planId: plan.rowId, agencyId: agency.rowId, goalId: await goalIn(tx, plan, goalId), direction: directionOf(input.baselineValue, input.targetValue, direction), sensitive: input.sensitive ?? false },
        'createIndicator',
        () => plan.rowId,
      );
    }, viewer);
  }

  updateIndicator(id: string, input: UpdateIndicatorInput, expectedVersion: number | undefined, viewer: Viewer): Promise<Indicator> {
    return this.run(async (tx) => {
      input = updateInput(input, ['goalId']);
      const indicator = await tx.find(Indicator, id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: indicator.planId });
      requireText(input.name, 'name');
      requireText(input.unit, 'unit');
      requireFinite(input.baselineValue, 'baselineValue');
      requireFinite(input.targetValue, 'targetValue');
      if (input.targetDate !== undefined) tx.requireWithinPlan(plan, input.targetDate, 'targetDate');
      const { goalId, direction, ...fields } = input;
      const baseline = input.baselineValue ?? indicator.baselineValue;
      const target = input.targetValue ?? indicator.targetValue;
      const changes: Partial<Indicator> = { ...fields, direction: directionOf(baseline, target, direction ?? (input.baselineValue !== undefined || input.targetValue !== undefined ? undefined : indicator.direction)) };
      if (goalId !== undefined) changes.goalId = await goalIn(tx, plan, goalId);
      return tx.update(indicator, changes, expectedVersion, 'updateIndicator', plan.rowId);
    }, viewer);
  }

  /** Deletes an indicator and its measurements; the audit entry keeps what it was. */
  deleteIndicator(id: string, expectedVersion: number | undefined, viewer: Viewer): Promise<Indicator> {
    return this.run(async (tx) => {
      const indicator = await tx.find(Indicator, id);
      if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== indicator.version) {
        throw conflict(`Indicator was changed by someone else (now version ${indicator.version}, you expected ${expectedVersion}). Reload and try again.`, { currentVersion: indicator.version });
      }
      const measurements = await tx.em.countBy(IndicatorMeasurement, { indicatorId: indicator.rowId });
      await tx.em.delete(IndicatorMeasurement, { indicatorId: indicator.rowId });
      await tx.em.delete(Indicator, { rowId: indicator.rowId });
      await tx.audit('deleteIndicator', 'Indicator', indicator.rowId, indicator.planId, {
        name: { before: indicator.name, after: null },
        baselineValue: { before: indicator.baselineValue, after: null },
        targetValue: { before: indicator.targetValue, after: null },
        measurements: { before: measurements, after: 0 },
      });
      return indicator;
    }, viewer);
  }

  recordMeasurement(input: RecordMeasurementInput, viewer: Viewer): Promise<IndicatorMeasurement> {
    input = createInput(input);
    return this.run(async (tx) => {
      const indicator = await tx.find(Indicator, input.indicatorId, 'indicatorId');
      if (!isIndicatorInsider(viewer, indicator.agencyId)) throw forbidden('Only admins and members of the indicator\'s agency record its measurements.');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: indicator.planId });
      requireFinite(input.value, 'value');
      const measuredOn = input.measuredOn ?? tx.today(plan);
      tx.requirePastOrToday(plan, measuredOn, 'measuredOn');
      if (measuredOn < plan.startDate) throw userError(`measuredOn ${measuredOn} is before the plan starts (${plan.startDate}).`, 'measuredOn');
      return tx.insert(
        IndicatorMeasurement,
        { indicatorId: indicator.rowId, measuredOn, value: input.value, note: input.note ?? '', author: tx.actor },
        'recordMeasurement',
        () => plan.rowId,
      );
    }, viewer);
  }
}
