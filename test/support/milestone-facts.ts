/** Builders for domain unit tests: a milestone running 2015-01-01 … 2015-04-11 (day 0 … day 100). */
import { DateMove, MilestoneFacts, ProgressReport } from '../../src/domain';

export const BASE: MilestoneFacts = {
  code: 'G1.M1',
  startDate: '2015-01-01',
  dueDate: '2015-04-11',
  baselineDueDate: '2015-04-11',
  completedOn: null,
  cancelledOn: null,
  updates: [],
};

export function ms(over: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return { ...BASE, ...over };
}

export function upd(reportedOn: string, percentComplete: number): ProgressReport {
  return { reportedOn, percentComplete };
}

export function move(changedOn: string, fromDate: string, toDate: string): DateMove {
  return { changedOn, fromDate, toDate };
}
