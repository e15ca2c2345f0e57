/**
 * The one place where sensitive indicator values are suppressed: every output (queries, reports,
 * exports) reads indicator numbers through `indicatorValue`.
 */
import { isIndicatorInsider, Viewer } from '../domain/access';
import { isSuppressed } from '../domain/indicator';
import { Indicator, Plan } from '../entities';

export interface ShownValue {
  /** The number, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export function indicatorValue(value: number, indicator: Indicator, plan: Plan, viewer: Viewer): ShownValue {
  const hidden = isSuppressed(value, indicator.sensitive, plan.suppressionThreshold, isIndicatorInsider(viewer, indicator.agencyId));
  return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
}
