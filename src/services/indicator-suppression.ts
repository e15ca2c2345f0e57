/**
 * The one place where sensitive indicator values are suppressed (docs/rules.md, "Who may see and do what"):
 * every output (queries, reports, published editions, exports, audit entries) reads indicator
 * numbers, and the progress computed from them, through this module.
 */
import { isIndicatorInsider, Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { Role } from '../domain/enums';
import { indicatorProgress, isSuppressed, latestMeasurement, Measurement } from '../domain/indicator';
import { AuditEntry, Indicator, Plan } from '../entities';
import { PlanReader } from './plan-reader';

export interface ShownValue {
  /** The number, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export function indicatorValue(value: number, indicator: Indicator, plan: Plan, viewer: Viewer): ShownValue {
  const hidden = isSuppressed(value, indicator.sensitive, plan.suppressionThreshold, isIndicatorInsider(viewer, indicator.agencyId));
  return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
}

/**
 * Progress on `asOf` as this reader may see it: null before the first measurement, and null when
 * the baseline, the target or the latest value is suppressed, since any two of them and the
 * progress give the third.
 */
export function shownProgress(indicator: Indicator, plan: Plan, viewer: Viewer, measurements: readonly Measurement[], asOf: IsoDate): number | null {
  const latest = latestMeasurement(measurements, asOf);
  if (!latest) return null;
  const inputs = [indicator.baselineValue, indicator.targetValue, latest.value];
  if (inputs.some((value) => indicatorValue(value, indicator, plan, viewer).suppressed)) return null;
  return indicatorProgress(indicator, measurements, asOf);
}

/** The audited fields that hold an indicator's values, by the entity audited. */
const VALUE_FIELDS: Record<string, readonly string[]> = { Indicator: ['baselineValue', 'targetValue'], IndicatorMeasurement: ['value'] };

/**
 * Which values recorded in an audit entry this reader may not see: an indicator's value follows
 * the rule of the value itself (the indicator's sensitivity and agency and the plan's threshold,
 * as they are now). An indicator that no longer exists took its sensitivity and agency with it,
 * so its recorded values reach only admins.
 */
export async function suppressedAuditValues(entry: AuditEntry, changes: Record<string, { after: unknown }>, reader: PlanReader, viewer: Viewer): Promise<(field: string, value: unknown) => boolean> {
  const fields = VALUE_FIELDS[entry.entityType] ?? [];
  if (!fields.some((field) => field in changes)) return () => false;
  const indicatorRowId = entry.entityType === 'Indicator' ? entry.entityRowId : Number(changes.indicatorId?.after);
  const indicator = Number.isInteger(indicatorRowId) ? await reader.indicator(indicatorRowId) : undefined;
  const plan = indicator && (await reader.planOf(indicator.planId));
  return (field, value) => {
    if (!fields.includes(field) || value === null) return false;
    if (!indicator || !plan || typeof value !== 'number') return viewer.role !== Role.ADMIN;
    return indicatorValue(value, indicator, plan, viewer).suppressed;
  };
}
