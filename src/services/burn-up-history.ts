/** Burn-up histories: the roll-up (or a milestone's assessment) at each period end. */
import { IsoDate } from '../domain/dates';
import { countStatuses, Rollup } from '../domain/rollup';
import { Interval, periodEnds } from '../domain/periods';
import { Milestone } from '../entities';
import { userError } from './errors';
import { PlanReader } from './plan-reader';

export const MAX_HISTORY_POINTS = 400;

export interface HistoryEntry {
  date: IsoDate;
  rollup: Pick<Rollup, 'progress' | 'expectedProgress' | 'statusCounts'>;
}

export async function historyDates(reader: PlanReader, planId: number, from: IsoDate, to: IsoDate, interval: Interval): Promise<IsoDate[]> {
  if (from > to) throw userError(`from ${from} is after to ${to}.`, 'from');
  const dates = periodEnds(from, to, interval, (await reader.planOf(planId)).fiscalYearStartMonth, MAX_HISTORY_POINTS);
  if (dates.length > MAX_HISTORY_POINTS) throw userError(`That is more than ${MAX_HISTORY_POINTS} points; ask for a longer interval or a shorter range.`, 'interval');
  return dates;
}

/** A milestone's history, as a roll-up of one. */
export async function milestoneHistory(reader: PlanReader, milestone: Milestone, dates: IsoDate[]): Promise<HistoryEntry[]> {
  return Promise.all(
    dates.map(async (date) => {
      const a = await reader.assess(milestone, date);
      const counts = countStatuses([{ weight: milestone.weight, progress: a.progress, status: a.status }]);
      return { date, rollup: { progress: a.progress, expectedProgress: a.expectedProgress, statusCounts: counts } };
    }),
  );
}
