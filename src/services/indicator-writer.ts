/** Writes of indicators and their measurements: validated, scoped, audited, all-or-nothing. */
import { isIndicatorInsider, Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { Direction } from '../domain/indicator';
import { dateOutsidePlan, eventDateRefusal } from '../domain/lifecycle';
import { Agency, Goal, Indicator, IndicatorMeasurement, Plan } from '../entities';
import { conflict, forbidden, throwIfRefused, userError } from './errors';
import { createInput, requireText, updateInput } from './input-checks';
import { Transaction, Writer } from './unit-of-work';

export interface NewIndicator {
  planId: string;
  /** The goal it measures, if any. */
  goalId?: string;
  agencyId: string;
  name: string;
  description?: string;
  unit: string;
  baselineValue: number;
  targetValue: number;
  targetDate: IsoDate;
  /** By default, from the baseline toward the target. */
  direction?: Direction;
  sensitive?: boolean;
}

/** Changes to an indicator; omitted fields stay as they are, a null goalId clears it. */
export type IndicatorChanges = Partial<Omit<NewIndicator, 'planId' | 'agencyId'>>;

export interface NewMeasurement {
  indicatorId: string;
  value: number;
  /** Today (in the plan's time zone) when left out. */
  measuredOn?: IsoDate;
  note?: string;
}

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
  createIndicator(input: NewIndicator, viewer: Viewer): Promise<Indicator> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      const agency = await tx.find(Agency, input.agencyId, 'agencyId');
      requireText(input.name, 'name');
      requireText(input.unit, 'unit');
      requireFinite(input.baselineValue, 'baselineValue');
      requireFinite(input.targetValue, 'targetValue');
      throwIfRefused(dateOutsidePlan(plan, input.targetDate, 'targetDate'));
      const { planId: _p, goalId, agencyId: _a, direction, ...fields } = input;
      return tx.insert(
        Indicator,
        { ...fields, planId: plan.rowId, agencyId: agency.rowId, goalId: await goalIn(tx, plan, goalId), direction: directionOf(input.baselineValue, input.targetValue, direction), sensitive: input.sensitive ?? false },
        'createIndicator',
        () => plan.rowId,
      );
    }, viewer);
  }

  updateIndicator(id: string, input: IndicatorChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<Indicator> {
    return this.run(async (tx) => {
      input = updateInput(input, ['goalId']);
      const indicator = await tx.find(Indicator, id);
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: indicator.planId });
      requireText(input.name, 'name');
      requireText(input.unit, 'unit');
      requireFinite(input.baselineValue, 'baselineValue');
      requireFinite(input.targetValue, 'targetValue');
      if (input.targetDate !== undefined) throwIfRefused(dateOutsidePlan(plan, input.targetDate, 'targetDate'));
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

  recordMeasurement(input: NewMeasurement, viewer: Viewer): Promise<IndicatorMeasurement> {
    input = createInput(input);
    return this.run(async (tx) => {
      const indicator = await tx.find(Indicator, input.indicatorId, 'indicatorId');
      if (!isIndicatorInsider(viewer, indicator.agencyId)) throw forbidden('Only admins and members of the indicator\'s agency record its measurements.');
      const plan = await tx.em.findOneByOrFail(Plan, { rowId: indicator.planId });
      requireFinite(input.value, 'value');
      const measuredOn = input.measuredOn ?? tx.today(plan);
      throwIfRefused(eventDateRefusal(plan, measuredOn, 'measuredOn', tx.today(plan)));
      return tx.insert(
        IndicatorMeasurement,
        { indicatorId: indicator.rowId, measuredOn, value: input.value, note: input.note ?? '', author: tx.actor },
        'recordMeasurement',
        () => plan.rowId,
      );
    }, viewer);
  }
}
