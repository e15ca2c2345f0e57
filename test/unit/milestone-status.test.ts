/**
 * Milestone status and the other computed fields of a milestone as of a date D
 * (docs/rules.md, "A milestone's computed fields").
 *
 * Every expected value below is computed by hand. Reference day numbers for the base milestone,
 * which runs from 2015-01-01 (day 0) to 2015-04-11 (day 100), so that expectedProgress is 1% a day:
 *   2014-12-31 = -1, 2015-01-02 = 1, 01-25 = 24, 01-26 = 25, 02-01 = 31, 02-15 = 45, 02-20 = 50,
 *   02-28 = 58, 03-01 = 59, 03-03 = 61, 03-04 = 62, 04-01 = 90, 04-10 = 99, 04-11 = 100, 04-12 = 101,
 *   04-20 = 109, 05-01 = 120, 05-11 = 130.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  addDays,
  assessMilestone,
  cancelledOnAsOf,
  completedOnAsOf,
  DEFAULT_RULE_SETTINGS,
  dueDateAsOf,
  expectedProgress,
  forecastCompletion,
  isStarted,
  lastUpdatedOn,
  MilestoneFacts,
  MilestoneStatus,
  progress,
  RuleSettings,
  slipDays,
  startDateAsOf,
  status,
  statusReason,
  updateStale,
  urgencyRank,
  STATUS_URGENCY,
} from '../../src/domain';
import { BASE, ms, move, upd } from '../support/milestone-facts';

const S = MilestoneStatus;


/** A dependency with its code and lead agency, for the explanations. */
function dep(code: string, leadAgency: string, over: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return { ...BASE, code, leadAgency, ...over };
}

/** statusReason is one sentence, so it may start with a capital: compare case-insensitively. */
function expectReasonToInclude(reason: string, fragments: readonly string[]): void {
  for (const fragment of fragments) {
    expect(reason.toLowerCase(), `statusReason "${reason}"`).to.include(fragment.toLowerCase());
  }
}

describe('domain: milestone computed fields', () => {
  describe('defaults', () => {
    it('atRiskThreshold is 25 points and updateCadenceDays is 61', () => {
      expect(DEFAULT_RULE_SETTINGS).to.deep.equal({ atRiskThreshold: 25, updateCadenceDays: 61 });
    });
  });

  describe('expectedProgress (days)', () => {
    const cases: { name: string; start: string; due: string; asOf: string; expected: number }[] = [
      { name: 'the day before start', start: '2015-01-01', due: '2015-04-11', asOf: '2014-12-31', expected: 0 },
      { name: 'long before start', start: '2015-01-01', due: '2015-04-11', asOf: '2014-06-01', expected: 0 },
      { name: 'the start date', start: '2015-01-01', due: '2015-04-11', asOf: '2015-01-01', expected: 0 },
      { name: 'the day after start', start: '2015-01-01', due: '2015-04-11', asOf: '2015-01-02', expected: 1 },
      { name: 'half way (day 50 of 100)', start: '2015-01-01', due: '2015-04-11', asOf: '2015-02-20', expected: 50 },
      { name: 'day 59 of 100 (1 March)', start: '2015-01-01', due: '2015-04-11', asOf: '2015-03-01', expected: 59 },
      { name: 'the day before due', start: '2015-01-01', due: '2015-04-11', asOf: '2015-04-10', expected: 99 },
      { name: 'the due date', start: '2015-01-01', due: '2015-04-11', asOf: '2015-04-11', expected: 100 },
      { name: 'the day after due', start: '2015-01-01', due: '2015-04-11', asOf: '2015-04-12', expected: 100 },
      { name: 'long after due', start: '2015-01-01', due: '2015-04-11', asOf: '2016-01-01', expected: 100 },
      { name: 'a third of a 3-day span (33.333…)', start: '2015-01-01', due: '2015-01-04', asOf: '2015-01-02', expected: 33.33 },
      { name: 'two thirds of a 3-day span (66.666…)', start: '2015-01-01', due: '2015-01-04', asOf: '2015-01-03', expected: 66.67 },
      { name: '60 of 100 days (start 2014-12-31)', start: '2014-12-31', due: '2015-04-10', asOf: '2015-03-01', expected: 60 },
      { name: 'across the US DST change (8 of 10 days)', start: '2015-03-01', due: '2015-03-11', asOf: '2015-03-09', expected: 80 },
      { name: 'across 29 February 2016 (1 of 2 days)', start: '2016-02-28', due: '2016-03-01', asOf: '2016-02-29', expected: 50 },
      { name: 'across 28 February 2015 (1 of 2 days)', start: '2015-02-27', due: '2015-03-01', asOf: '2015-02-28', expected: 50 },
      { name: 'across a year end (1 of 4 days)', start: '2015-12-30', due: '2016-01-03', asOf: '2015-12-31', expected: 25 },
      { name: 'start = due, the day before', start: '2015-05-01', due: '2015-05-01', asOf: '2015-04-30', expected: 0 },
      { name: 'start = due, on the day', start: '2015-05-01', due: '2015-05-01', asOf: '2015-05-01', expected: 100 },
      { name: 'start = due, the day after', start: '2015-05-01', due: '2015-05-01', asOf: '2015-05-02', expected: 100 },
      { name: 'a 1-day span, on the start', start: '2015-05-01', due: '2015-05-02', asOf: '2015-05-01', expected: 0 },
      { name: 'a 1-day span, on the due date', start: '2015-05-01', due: '2015-05-02', asOf: '2015-05-02', expected: 100 },
    ];
    for (const c of cases) {
      it(`${c.name}: ${c.start}…${c.due} as of ${c.asOf} → ${c.expected.toFixed(2)}`, () => {
        const m = ms({ startDate: c.start, dueDate: c.due, baselineDueDate: c.due });
        expect(expectedProgress(m, c.asOf)).to.equal(c.expected);
      });
    }
  });

  describe('progress and lastUpdatedOn: the latest update on or before D', () => {
    // Deliberately out of order: the latest by date wins, not the last in the list.
    const updates = [upd('2015-03-01', 60), upd('2015-01-15', 10), upd('2015-05-01', 90), upd('2015-02-01', 30)];
    const cases: { asOf: string; progress: number; lastUpdatedOn: string | null }[] = [
      { asOf: '2014-12-31', progress: 0, lastUpdatedOn: null },
      { asOf: '2015-01-14', progress: 0, lastUpdatedOn: null },
      { asOf: '2015-01-15', progress: 10, lastUpdatedOn: '2015-01-15' },
      { asOf: '2015-01-31', progress: 10, lastUpdatedOn: '2015-01-15' },
      { asOf: '2015-02-01', progress: 30, lastUpdatedOn: '2015-02-01' },
      { asOf: '2015-02-20', progress: 30, lastUpdatedOn: '2015-02-01' },
      { asOf: '2015-02-28', progress: 30, lastUpdatedOn: '2015-02-01' },
      { asOf: '2015-03-01', progress: 60, lastUpdatedOn: '2015-03-01' },
      { asOf: '2015-04-30', progress: 60, lastUpdatedOn: '2015-03-01' },
      { asOf: '2015-05-01', progress: 90, lastUpdatedOn: '2015-05-01' },
      { asOf: '2016-01-01', progress: 90, lastUpdatedOn: '2015-05-01' },
    ];
    for (const c of cases) {
      it(`as of ${c.asOf}: progress ${c.progress}, lastUpdatedOn ${c.lastUpdatedOn}`, () => {
        const m = ms({ updates });
        expect(progress(m, c.asOf)).to.equal(c.progress);
        expect(lastUpdatedOn(m, c.asOf)).to.equal(c.lastUpdatedOn);
        const a = assessMilestone(m, [], c.asOf);
        expect(a.progress).to.equal(c.progress);
        expect(a.lastUpdatedOn).to.equal(c.lastUpdatedOn);
      });
    }

    it('a later, lower report wins (progress may go down)', () => {
      const m = ms({ updates: [upd('2015-02-01', 50), upd('2015-03-01', 40)] });
      expect(progress(m, '2015-03-05')).to.equal(40);
      expect(progress(m, '2015-02-28')).to.equal(50);
    });

    it('an update reported after D is ignored even when it is the only one', () => {
      const m = ms({ updates: [upd('2015-02-21', 80)] });
      expect(progress(m, '2015-02-20')).to.equal(0);
      expect(lastUpdatedOn(m, '2015-02-20')).to.equal(null);
      expect(progress(m, '2015-02-21')).to.equal(80);
    });

    const completedCases: { asOf: string; progress: number }[] = [
      { asOf: '2015-03-04', progress: 60 },
      { asOf: '2015-03-05', progress: 100 },
      { asOf: '2015-12-31', progress: 100 },
    ];
    for (const c of completedCases) {
      it(`completed on 2015-03-05 after a 60% report: progress as of ${c.asOf} is ${c.progress}`, () => {
        const m = ms({ updates: [upd('2015-03-01', 60)], completedOn: '2015-03-05' });
        expect(progress(m, c.asOf)).to.equal(c.progress);
      });
    }

    it('a completion with no update at all gives 100 from the completion date', () => {
      const m = ms({ completedOn: '2015-02-01' });
      expect(progress(m, '2015-01-31')).to.equal(0);
      expect(progress(m, '2015-02-01')).to.equal(100);
    });
  });

  describe('status by dates and progress (no dependencies, threshold 25)', () => {
    interface Case {
      name: string;
      m: Partial<MilestoneFacts>;
      asOf: string;
      status: MilestoneStatus;
      progress: number;
      expected: number;
      daysRemaining: number;
      daysOverdue: number;
    }
    const cases: Case[] = [
      // Around the start date.
      { name: 'the day before start, nothing reported', m: {}, asOf: '2014-12-31', status: S.NOT_STARTED, progress: 0, expected: 0, daysRemaining: 101, daysOverdue: 0 },
      { name: 'a month before start', m: {}, asOf: '2014-12-01', status: S.NOT_STARTED, progress: 0, expected: 0, daysRemaining: 131, daysOverdue: 0 },
      { name: 'the day before start with progress reported early', m: { updates: [upd('2014-12-20', 10)] }, asOf: '2014-12-31', status: S.ON_TRACK, progress: 10, expected: 0, daysRemaining: 101, daysOverdue: 0 },
      { name: 'the start date, nothing reported', m: {}, asOf: '2015-01-01', status: S.ON_TRACK, progress: 0, expected: 0, daysRemaining: 100, daysOverdue: 0 },
      { name: 'the day after start, nothing reported', m: {}, asOf: '2015-01-02', status: S.ON_TRACK, progress: 0, expected: 1, daysRemaining: 99, daysOverdue: 0 },
      // At-risk threshold with nothing reported: expected − 0.
      { name: 'day 24, nothing reported: 24 points short', m: {}, asOf: '2015-01-25', status: S.ON_TRACK, progress: 0, expected: 24, daysRemaining: 76, daysOverdue: 0 },
      { name: 'day 25, nothing reported: exactly 25 points short', m: {}, asOf: '2015-01-26', status: S.AT_RISK, progress: 0, expected: 25, daysRemaining: 75, daysOverdue: 0 },
      // At-risk threshold in the middle.
      { name: 'day 50, 25 reported: gap exactly 25', m: { updates: [upd('2015-02-20', 25)] }, asOf: '2015-02-20', status: S.AT_RISK, progress: 25, expected: 50, daysRemaining: 50, daysOverdue: 0 },
      { name: 'day 50, 26 reported: gap 24', m: { updates: [upd('2015-02-20', 26)] }, asOf: '2015-02-20', status: S.ON_TRACK, progress: 26, expected: 50, daysRemaining: 50, daysOverdue: 0 },
      { name: 'day 50, 90 reported: ahead of plan', m: { updates: [upd('2015-02-20', 90)] }, asOf: '2015-02-20', status: S.ON_TRACK, progress: 90, expected: 50, daysRemaining: 50, daysOverdue: 0 },
      // Around the due date.
      { name: 'the day before due, 74 reported: gap 25', m: { updates: [upd('2015-04-01', 74)] }, asOf: '2015-04-10', status: S.AT_RISK, progress: 74, expected: 99, daysRemaining: 1, daysOverdue: 0 },
      { name: 'the day before due, 75 reported: gap 24', m: { updates: [upd('2015-04-01', 75)] }, asOf: '2015-04-10', status: S.ON_TRACK, progress: 75, expected: 99, daysRemaining: 1, daysOverdue: 0 },
      { name: 'the due date, 75 reported: gap 25', m: { updates: [upd('2015-04-01', 75)] }, asOf: '2015-04-11', status: S.AT_RISK, progress: 75, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'the due date, 76 reported: gap 24, not yet overdue', m: { updates: [upd('2015-04-01', 76)] }, asOf: '2015-04-11', status: S.ON_TRACK, progress: 76, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'the due date, 100 reported but not completed', m: { updates: [upd('2015-04-11', 100)] }, asOf: '2015-04-11', status: S.ON_TRACK, progress: 100, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'the day after due, 100 reported but not completed', m: { updates: [upd('2015-04-11', 100)] }, asOf: '2015-04-12', status: S.OVERDUE, progress: 100, expected: 100, daysRemaining: 0, daysOverdue: 1 },
      { name: 'the day after due, nothing reported', m: {}, asOf: '2015-04-12', status: S.OVERDUE, progress: 0, expected: 100, daysRemaining: 0, daysOverdue: 1 },
      { name: '20 days after due', m: { updates: [upd('2015-04-01', 50)] }, asOf: '2015-05-01', status: S.OVERDUE, progress: 50, expected: 100, daysRemaining: 0, daysOverdue: 20 },
      // A 3-day span: expected 33.333… on day 1 (shown 33.33), compared unrounded.
      { name: '3-day span, day 1, 8 reported: gap 25.33', m: { dueDate: '2015-01-04', baselineDueDate: '2015-01-04', updates: [upd('2015-01-02', 8)] }, asOf: '2015-01-02', status: S.AT_RISK, progress: 8, expected: 33.33, daysRemaining: 2, daysOverdue: 0 },
      { name: '3-day span, day 1, 9 reported: gap 24.33', m: { dueDate: '2015-01-04', baselineDueDate: '2015-01-04', updates: [upd('2015-01-02', 9)] }, asOf: '2015-01-02', status: S.ON_TRACK, progress: 9, expected: 33.33, daysRemaining: 2, daysOverdue: 0 },
      // start = due.
      { name: 'start = due, the day before', m: { startDate: '2015-05-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01' }, asOf: '2015-04-30', status: S.NOT_STARTED, progress: 0, expected: 0, daysRemaining: 1, daysOverdue: 0 },
      { name: 'start = due, on the day, nothing reported', m: { startDate: '2015-05-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01' }, asOf: '2015-05-01', status: S.AT_RISK, progress: 0, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'start = due, on the day, 75 reported', m: { startDate: '2015-05-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01', updates: [upd('2015-05-01', 75)] }, asOf: '2015-05-01', status: S.AT_RISK, progress: 75, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'start = due, on the day, 80 reported', m: { startDate: '2015-05-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01', updates: [upd('2015-05-01', 80)] }, asOf: '2015-05-01', status: S.ON_TRACK, progress: 80, expected: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'start = due, the day after', m: { startDate: '2015-05-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01' }, asOf: '2015-05-02', status: S.OVERDUE, progress: 0, expected: 100, daysRemaining: 0, daysOverdue: 1 },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}) → ${c.status}`, () => {
        const m = ms(c.m);
        expect(status(m, [], c.asOf)).to.equal(c.status);
        const a = assessMilestone(m, [], c.asOf);
        expect(a.status).to.equal(c.status);
        expect(a.progress).to.equal(c.progress);
        expect(a.expectedProgress).to.equal(c.expected);
        expect(a.daysRemaining).to.equal(c.daysRemaining);
        expect(a.daysOverdue).to.equal(c.daysOverdue);
        expect(a.asOf).to.equal(c.asOf);
      });
    }

    const thresholdCases: { threshold: number; reported: number; status: MilestoneStatus }[] = [
      { threshold: 10, reported: 40, status: S.AT_RISK },
      { threshold: 10, reported: 41, status: S.ON_TRACK },
      { threshold: 50, reported: 0, status: S.AT_RISK },
      { threshold: 50, reported: 1, status: S.ON_TRACK },
      { threshold: 25, reported: 25, status: S.AT_RISK },
      { threshold: 25, reported: 26, status: S.ON_TRACK },
    ];
    for (const c of thresholdCases) {
      it(`plan threshold ${c.threshold}: day 50 with ${c.reported}% reported → ${c.status}`, () => {
        const settings: RuleSettings = { atRiskThreshold: c.threshold, updateCadenceDays: 61 };
        const m = ms({ updates: [upd('2015-02-20', c.reported)] });
        expect(status(m, [], '2015-02-20', settings)).to.equal(c.status);
      });
    }
  });

  describe('completion and cancellation, and asOf before them', () => {
    interface Case {
      name: string;
      m: Partial<MilestoneFacts>;
      asOf: string;
      status: MilestoneStatus;
      progress: number;
      daysRemaining: number;
      daysOverdue: number;
    }
    const cases: Case[] = [
      // Completed on time.
      { name: 'completed 10 days early, on that day', m: { completedOn: '2015-04-01' }, asOf: '2015-04-01', status: S.COMPLETED, progress: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'completed 10 days early, long after', m: { completedOn: '2015-04-01', updates: [upd('2015-03-01', 40)] }, asOf: '2015-09-01', status: S.COMPLETED, progress: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'completed on the due date', m: { completedOn: '2015-04-11' }, asOf: '2015-04-11', status: S.COMPLETED, progress: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'completed on the due date, seen later', m: { completedOn: '2015-04-11' }, asOf: '2015-09-01', status: S.COMPLETED, progress: 100, daysRemaining: 0, daysOverdue: 0 },
      { name: 'completed before it started', m: { completedOn: '2014-12-20' }, asOf: '2014-12-31', status: S.COMPLETED, progress: 100, daysRemaining: 0, daysOverdue: 0 },
      // Completed late.
      { name: 'completed the day after due', m: { completedOn: '2015-04-12' }, asOf: '2015-04-12', status: S.COMPLETED_LATE, progress: 100, daysRemaining: 0, daysOverdue: 1 },
      { name: 'completed 12 days late, seen months later', m: { completedOn: '2015-04-23' }, asOf: '2015-09-01', status: S.COMPLETED_LATE, progress: 100, daysRemaining: 0, daysOverdue: 12 },
      // asOf before the completion: progress from updates, status by dates.
      { name: 'before completion, 40 reported on day 50', m: { completedOn: '2015-03-01', updates: [upd('2015-02-01', 40)] }, asOf: '2015-02-20', status: S.ON_TRACK, progress: 40, daysRemaining: 50, daysOverdue: 0 },
      { name: 'before completion, 20 reported on day 50', m: { completedOn: '2015-03-01', updates: [upd('2015-02-01', 20)] }, asOf: '2015-02-20', status: S.AT_RISK, progress: 20, daysRemaining: 50, daysOverdue: 0 },
      { name: 'before completion, before start', m: { completedOn: '2015-03-01' }, asOf: '2014-12-31', status: S.NOT_STARTED, progress: 0, daysRemaining: 101, daysOverdue: 0 },
      { name: 'before a late completion, after due', m: { completedOn: '2015-04-20', updates: [upd('2015-03-01', 60)] }, asOf: '2015-04-15', status: S.OVERDUE, progress: 60, daysRemaining: 0, daysOverdue: 4 },
      { name: 'the day before a late completion', m: { completedOn: '2015-04-20', updates: [upd('2015-03-01', 60)] }, asOf: '2015-04-19', status: S.OVERDUE, progress: 60, daysRemaining: 0, daysOverdue: 8 },
      { name: 'the day of a late completion', m: { completedOn: '2015-04-20', updates: [upd('2015-03-01', 60)] }, asOf: '2015-04-20', status: S.COMPLETED_LATE, progress: 100, daysRemaining: 0, daysOverdue: 9 },
      // Cancelled.
      { name: 'cancelled, on that day', m: { cancelledOn: '2015-03-01' }, asOf: '2015-03-01', status: S.CANCELLED, progress: 0, daysRemaining: 0, daysOverdue: 0 },
      { name: 'cancelled, with progress reported before', m: { cancelledOn: '2015-03-01', updates: [upd('2015-02-01', 30)] }, asOf: '2015-03-01', status: S.CANCELLED, progress: 30, daysRemaining: 0, daysOverdue: 0 },
      { name: 'cancelled before due, seen after due', m: { cancelledOn: '2015-03-01' }, asOf: '2015-06-01', status: S.CANCELLED, progress: 0, daysRemaining: 0, daysOverdue: 0 },
      { name: 'cancelled after due, seen after that', m: { cancelledOn: '2015-05-01' }, asOf: '2015-06-01', status: S.CANCELLED, progress: 0, daysRemaining: 0, daysOverdue: 0 },
      { name: 'cancelled before it started', m: { cancelledOn: '2014-12-01' }, asOf: '2014-12-31', status: S.CANCELLED, progress: 0, daysRemaining: 0, daysOverdue: 0 },
      // asOf before the cancellation.
      { name: 'the day before cancellation, 50 reported on day 58', m: { cancelledOn: '2015-03-01', updates: [upd('2015-02-01', 50)] }, asOf: '2015-02-28', status: S.ON_TRACK, progress: 50, daysRemaining: 42, daysOverdue: 0 },
      { name: 'the day before cancellation, nothing reported on day 58', m: { cancelledOn: '2015-03-01' }, asOf: '2015-02-28', status: S.AT_RISK, progress: 0, daysRemaining: 42, daysOverdue: 0 },
      { name: 'before a cancellation that came after due', m: { cancelledOn: '2015-05-01' }, asOf: '2015-04-20', status: S.OVERDUE, progress: 0, daysRemaining: 0, daysOverdue: 9 },
      { name: 'before cancellation, before start', m: { cancelledOn: '2015-03-01' }, asOf: '2014-12-31', status: S.NOT_STARTED, progress: 0, daysRemaining: 101, daysOverdue: 0 },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}) → ${c.status}`, () => {
        const a = assessMilestone(ms(c.m), [], c.asOf);
        expect(a.status).to.equal(c.status);
        expect(a.progress).to.equal(c.progress);
        expect(a.daysRemaining).to.equal(c.daysRemaining);
        expect(a.daysOverdue).to.equal(c.daysOverdue);
      });
    }
  });

  describe('dependencies (this milestone: due 2015-04-11, 50% reported on day 50 → ON_TRACK alone)', () => {
    const asOf = '2015-02-20';
    const self = ms({ updates: [upd('2015-02-20', 50)] });

    it('is ON_TRACK with no dependencies', () => {
      expect(status(self, [], asOf)).to.equal(S.ON_TRACK);
    });

    const cases: { name: string; deps: MilestoneFacts[]; status: MilestoneStatus }[] = [
      { name: 'a dependency 5 days overdue', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15' })], status: S.AT_RISK },
      { name: 'a dependency 1 day overdue', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-19', baselineDueDate: '2015-02-19' })], status: S.AT_RISK },
      { name: 'a dependency due on D (not yet overdue)', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-20', baselineDueDate: '2015-02-20' })], status: S.ON_TRACK },
      { name: 'an unfinished dependency due the same day as this one', deps: [dep('G3.M2', 'DA', { dueDate: '2015-04-11', baselineDueDate: '2015-04-11' })], status: S.ON_TRACK },
      { name: 'an unfinished dependency due the day after this one', deps: [dep('G3.M2', 'DA', { dueDate: '2015-04-12', baselineDueDate: '2015-04-12' })], status: S.AT_RISK },
      { name: 'an unfinished dependency due after this one, even at 90%', deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01', updates: [upd('2015-02-15', 90)] })], status: S.AT_RISK },
      { name: 'an unfinished dependency due after this one, not started yet', deps: [dep('G3.M2', 'DA', { startDate: '2015-03-01', dueDate: '2015-05-01', baselineDueDate: '2015-05-01' })], status: S.AT_RISK },
      { name: 'an overdue dependency completed (late) on or before D', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15', completedOn: '2015-02-18' })], status: S.ON_TRACK },
      { name: 'an overdue dependency completed on D', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15', completedOn: '2015-02-20' })], status: S.ON_TRACK },
      { name: 'an overdue dependency completed only after D', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15', completedOn: '2015-02-25' })], status: S.AT_RISK },
      { name: 'a dependency due after this one but already completed', deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01', completedOn: '2015-02-01' })], status: S.ON_TRACK },
      { name: 'a cancelled dependency past its due date', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15', cancelledOn: '2015-02-10' })], status: S.ON_TRACK },
      { name: 'a cancelled dependency due after this one', deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01', cancelledOn: '2015-02-10' })], status: S.ON_TRACK },
      { name: 'a dependency due after this one, cancelled only after D', deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01', cancelledOn: '2015-03-01' })], status: S.AT_RISK },
      { name: 'two harmless dependencies', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-03-01', baselineDueDate: '2015-03-01' }), dep('G2.M2', 'DPH', { dueDate: '2015-02-01', baselineDueDate: '2015-02-01', completedOn: '2015-02-01' })], status: S.ON_TRACK },
      { name: 'one harmless and one overdue dependency', deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-03-01', baselineDueDate: '2015-03-01' }), dep('G2.M2', 'DPH', { dueDate: '2015-02-01', baselineDueDate: '2015-02-01' })], status: S.AT_RISK },
      // A dependency's due date is the one in effect on D.
      {
        name: "a dependency overdue on D whose due date was moved later only after D",
        deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-03-31', baselineDueDate: '2015-02-15', dueDateChanges: [move('2015-03-01', '2015-02-15', '2015-03-31')] })],
        status: S.AT_RISK,
      },
      {
        name: 'a dependency whose due date was moved later before D (no longer overdue)',
        deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-03-31', baselineDueDate: '2015-02-15', dueDateChanges: [move('2015-02-10', '2015-02-15', '2015-03-31')] })],
        status: S.ON_TRACK,
      },
      {
        name: "a dependency moved, before D, to after this milestone's due date",
        deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-03-31', dueDateChanges: [move('2015-02-10', '2015-03-31', '2015-05-01')] })],
        status: S.AT_RISK,
      },
      {
        name: "a dependency moved after this milestone's due date only after D",
        deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-03-31', dueDateChanges: [move('2015-03-01', '2015-03-31', '2015-05-01')] })],
        status: S.ON_TRACK,
      },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, () => {
        expect(status(self, c.deps, asOf)).to.equal(c.status);
        expect(assessMilestone(self, c.deps, asOf).status).to.equal(c.status);
      });
    }

    it("this milestone's own due date in effect on D is the one the dependency is compared with", () => {
      // Own due moved from 2015-04-11 to 2015-05-11 on 2015-02-01; a dependency due 2015-05-01 is not after it.
      // Own expected on day 50 of 130 = 38.46, reported 50 → not at risk by progress.
      const moved = ms({
        dueDate: '2015-05-11',
        dueDateChanges: [move('2015-02-01', '2015-04-11', '2015-05-11')],
        updates: [upd('2015-02-20', 50)],
      });
      const upstream = dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01' });
      expect(status(moved, [upstream], '2015-02-20')).to.equal(S.ON_TRACK);
      // Before the move (as of 2015-01-31, day 30 of 100, nothing reported → gap 30 alone would be AT_RISK,
      // so report 30% on 2015-01-31): the dependency is due after 2015-04-11.
      const early = ms({
        dueDate: '2015-05-11',
        dueDateChanges: [move('2015-02-01', '2015-04-11', '2015-05-11')],
        updates: [upd('2015-01-31', 30)],
      });
      expect(status(early, [], '2015-01-31')).to.equal(S.ON_TRACK);
      expect(status(early, [upstream], '2015-01-31')).to.equal(S.AT_RISK);
    });
  });

  describe('rule order', () => {
    const overdueDep = dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15' });
    const cases: { name: string; m: Partial<MilestoneFacts>; deps: MilestoneFacts[]; asOf: string; status: MilestoneStatus }[] = [
      { name: 'CANCELLED wins over COMPLETED (cancelled after completing)', m: { completedOn: '2015-03-01', cancelledOn: '2015-03-10' }, deps: [], asOf: '2015-03-10', status: S.CANCELLED },
      { name: '… but before the cancellation it is COMPLETED', m: { completedOn: '2015-03-01', cancelledOn: '2015-03-10' }, deps: [], asOf: '2015-03-05', status: S.COMPLETED },
      { name: 'CANCELLED wins over COMPLETED (completed after cancelling)', m: { cancelledOn: '2015-03-01', completedOn: '2015-03-10' }, deps: [], asOf: '2015-03-20', status: S.CANCELLED },
      { name: 'CANCELLED wins over COMPLETED_LATE', m: { completedOn: '2015-04-20', cancelledOn: '2015-04-25' }, deps: [], asOf: '2015-05-01', status: S.CANCELLED },
      { name: 'CANCELLED wins over OVERDUE', m: { cancelledOn: '2015-05-01' }, deps: [], asOf: '2015-06-01', status: S.CANCELLED },
      { name: 'CANCELLED wins over AT_RISK (overdue dependency)', m: { cancelledOn: '2015-02-01' }, deps: [overdueDep], asOf: '2015-02-20', status: S.CANCELLED },
      { name: 'COMPLETED wins over AT_RISK (overdue dependency)', m: { completedOn: '2015-02-01' }, deps: [overdueDep], asOf: '2015-02-20', status: S.COMPLETED },
      { name: 'COMPLETED_LATE wins over OVERDUE', m: { completedOn: '2015-04-20' }, deps: [], asOf: '2015-05-01', status: S.COMPLETED_LATE },
      { name: 'OVERDUE wins over AT_RISK by progress', m: {}, deps: [], asOf: '2015-04-12', status: S.OVERDUE },
      { name: 'OVERDUE wins over AT_RISK by an overdue dependency', m: { updates: [upd('2015-04-01', 95)] }, deps: [overdueDep], asOf: '2015-04-12', status: S.OVERDUE },
      { name: 'AT_RISK (dependency) wins over NOT_STARTED', m: { startDate: '2015-03-01' }, deps: [overdueDep], asOf: '2015-02-20', status: S.AT_RISK },
      { name: 'AT_RISK (dependency due later) wins over NOT_STARTED', m: { startDate: '2015-03-01' }, deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01' })], asOf: '2015-02-20', status: S.AT_RISK },
      { name: 'NOT_STARTED wins over ON_TRACK before start with nothing reported', m: { startDate: '2015-03-01' }, deps: [], asOf: '2015-02-20', status: S.NOT_STARTED },
      { name: 'NOT_STARTED needs progress 0', m: { startDate: '2015-03-01', updates: [upd('2015-02-15', 5)] }, deps: [], asOf: '2015-02-20', status: S.ON_TRACK },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, () => {
        expect(status(ms(c.m), c.deps, c.asOf)).to.equal(c.status);
      });
    }
  });

  describe('due-date moves: dueDateAsOf and slipDays', () => {
    const movedOnce = ms({
      dueDate: '2015-05-11',
      baselineDueDate: '2015-04-11',
      dueDateChanges: [move('2015-04-01', '2015-04-11', '2015-05-11')],
    });
    // Listed out of order on purpose.
    const movedTwice = ms({
      dueDate: '2015-05-11',
      baselineDueDate: '2015-04-11',
      dueDateChanges: [move('2015-04-25', '2015-04-30', '2015-05-11'), move('2015-03-01', '2015-04-11', '2015-04-30')],
    });
    const movedEarlier = ms({
      dueDate: '2015-03-31',
      baselineDueDate: '2015-04-11',
      dueDateChanges: [move('2015-02-01', '2015-04-11', '2015-03-31')],
    });
    const cases: { name: string; m: MilestoneFacts; asOf: string; due: string; slip: number }[] = [
      { name: 'moved once, the day before the move', m: movedOnce, asOf: '2015-03-31', due: '2015-04-11', slip: 0 },
      { name: 'moved once, on the day of the move', m: movedOnce, asOf: '2015-04-01', due: '2015-05-11', slip: 30 },
      { name: 'moved once, long after', m: movedOnce, asOf: '2016-01-01', due: '2015-05-11', slip: 30 },
      { name: 'moved twice, before both', m: movedTwice, asOf: '2015-02-28', due: '2015-04-11', slip: 0 },
      { name: 'moved twice, on the first move', m: movedTwice, asOf: '2015-03-01', due: '2015-04-30', slip: 19 },
      { name: 'moved twice, the day before the second', m: movedTwice, asOf: '2015-04-24', due: '2015-04-30', slip: 19 },
      { name: 'moved twice, on the second move', m: movedTwice, asOf: '2015-04-25', due: '2015-05-11', slip: 30 },
      { name: 'moved earlier, before the move', m: movedEarlier, asOf: '2015-01-31', due: '2015-04-11', slip: 0 },
      { name: 'moved earlier, after the move', m: movedEarlier, asOf: '2015-02-01', due: '2015-03-31', slip: -11 },
      { name: 'no recorded move, due differs from baseline', m: ms({ dueDate: '2015-04-11', baselineDueDate: '2015-04-01' }), asOf: '2015-02-01', due: '2015-04-11', slip: 10 },
      { name: 'no move at all', m: ms(), asOf: '2015-02-01', due: '2015-04-11', slip: 0 },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}): due ${c.due}, slipDays ${c.slip}`, () => {
        expect(dueDateAsOf(c.m, c.asOf)).to.equal(c.due);
        expect(slipDays(c.m, c.asOf)).to.equal(c.slip);
        const a = assessMilestone(c.m, [], c.asOf);
        expect(a.dueDate).to.equal(c.due);
        expect(a.slipDays).to.equal(c.slip);
      });
    }

    describe('a move recorded late (2015-04-20, from 2015-04-11 to 2015-05-11), 80% reported on 2015-04-01', () => {
      const late = ms({
        dueDate: '2015-05-11',
        baselineDueDate: '2015-04-11',
        dueDateChanges: [move('2015-04-20', '2015-04-11', '2015-05-11')],
        updates: [upd('2015-04-01', 80)],
      });
      const cases2: { asOf: string; status: MilestoneStatus; expected: number; daysOverdue: number; daysRemaining: number; slip: number }[] = [
        { asOf: '2015-04-10', status: S.ON_TRACK, expected: 99, daysOverdue: 0, daysRemaining: 1, slip: 0 },
        { asOf: '2015-04-11', status: S.ON_TRACK, expected: 100, daysOverdue: 0, daysRemaining: 0, slip: 0 },
        { asOf: '2015-04-15', status: S.OVERDUE, expected: 100, daysOverdue: 4, daysRemaining: 0, slip: 0 },
        { asOf: '2015-04-19', status: S.OVERDUE, expected: 100, daysOverdue: 8, daysRemaining: 0, slip: 0 },
        // Day 109 of 130: 83.846…% expected (shown 83.85), 80 reported.
        { asOf: '2015-04-20', status: S.ON_TRACK, expected: 83.85, daysOverdue: 0, daysRemaining: 21, slip: 30 },
        { asOf: '2015-05-12', status: S.OVERDUE, expected: 100, daysOverdue: 1, daysRemaining: 0, slip: 30 },
      ];
      for (const c of cases2) {
        it(`as of ${c.asOf} → ${c.status}`, () => {
          const a = assessMilestone(late, [], c.asOf);
          expect(a.status).to.equal(c.status);
          expect(a.expectedProgress).to.equal(c.expected);
          expect(a.daysOverdue).to.equal(c.daysOverdue);
          expect(a.daysRemaining).to.equal(c.daysRemaining);
          expect(a.slipDays).to.equal(c.slip);
        });
      }
    });

    it('a completion judged before a later move is COMPLETED_LATE against the due date then in effect', () => {
      const m = ms({
        dueDate: '2015-05-11',
        baselineDueDate: '2015-04-11',
        completedOn: '2015-04-15',
        dueDateChanges: [move('2015-04-20', '2015-04-11', '2015-05-11')],
      });
      const a = assessMilestone(m, [], '2015-04-16');
      expect(a.status).to.equal(S.COMPLETED_LATE);
      expect(a.daysOverdue).to.equal(4);
    });
  });

  describe('start-date moves: the start date in effect on D drives every computed field', () => {
    // Start moved on 2015-02-01 from 2015-01-01 to 2015-01-21: from then on the span is 80 days to 2015-04-11.
    const later = ms({ startDate: '2015-01-21', startDateChanges: [move('2015-02-01', '2015-01-01', '2015-01-21')] });
    // Start moved on 2015-01-10 from 2015-01-01 to 2015-02-20 (41 days after the move).
    const muchLater = ms({ startDate: '2015-02-20', startDateChanges: [move('2015-01-10', '2015-01-01', '2015-02-20')] });
    // Listed out of order on purpose: 2015-01-01 → 2015-01-15 on 2015-01-05, → 2015-01-31 on 2015-01-20.
    const twice = ms({ startDate: '2015-01-31', startDateChanges: [move('2015-01-20', '2015-01-15', '2015-01-31'), move('2015-01-05', '2015-01-01', '2015-01-15')] });
    const cases: { name: string; m: MilestoneFacts; asOf: string; start: string; expected: number; status: MilestoneStatus }[] = [
      { name: 'moved later, the day before the move (day 30 of 100, nothing reported)', m: later, asOf: '2015-01-31', start: '2015-01-01', expected: 30, status: S.AT_RISK },
      { name: 'moved later, before the new start but before the move too', m: later, asOf: '2015-01-20', start: '2015-01-01', expected: 19, status: S.ON_TRACK },
      { name: 'moved later, on the day of the move (day 11 of 80)', m: later, asOf: '2015-02-01', start: '2015-01-21', expected: 13.75, status: S.ON_TRACK },
      { name: 'moved later, day 30 of 80', m: later, asOf: '2015-02-20', start: '2015-01-21', expected: 37.5, status: S.AT_RISK },
      { name: 'moved past D, the day before the move', m: muchLater, asOf: '2015-01-09', start: '2015-01-01', expected: 8, status: S.ON_TRACK },
      { name: 'moved past D, on the day of the move: not started', m: muchLater, asOf: '2015-01-10', start: '2015-02-20', expected: 0, status: S.NOT_STARTED },
      { name: 'moved twice, before both', m: twice, asOf: '2015-01-04', start: '2015-01-01', expected: 3, status: S.ON_TRACK },
      { name: 'moved twice, on the first move (before the start then in effect)', m: twice, asOf: '2015-01-05', start: '2015-01-15', expected: 0, status: S.NOT_STARTED },
      { name: 'moved twice, the day before the second', m: twice, asOf: '2015-01-19', start: '2015-01-15', expected: 4.65 /* 4 of 86 days, shown to two decimals */, status: S.ON_TRACK },
      { name: 'moved twice, on the second move', m: twice, asOf: '2015-01-20', start: '2015-01-31', expected: 0, status: S.NOT_STARTED },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}): start ${c.start}, expected ${c.expected.toFixed(2)}, ${c.status}`, () => {
        expect(startDateAsOf(c.m, c.asOf)).to.equal(c.start);
        expect(expectedProgress(c.m, c.asOf)).to.equal(c.expected);
        expect(status(c.m, [], c.asOf)).to.equal(c.status);
        const a = assessMilestone(c.m, [], c.asOf);
        expect(a).to.deep.include({ startDate: c.start, status: c.status });
        expect(a.expectedProgress).to.equal(c.expected);
      });
    }

    it('statusReason names the start date in effect on D', () => {
      expect(statusReason(muchLater, [], '2015-01-10')).to.equal('Starts on 2015-02-20, in 41 days.');
      expect(statusReason(ms({ startDate: '2015-01-01', startDateChanges: [move('2015-01-10', '2015-02-20', '2015-01-01')] }), [], '2015-01-05')).to.equal('Starts on 2015-02-20, in 46 days.');
    });

    it('forecastCompletion measures the pace from the start date in effect on D', () => {
      // 10% on 2015-01-09, 8 days after the start then in effect: 90% more takes 72 days (not 9, as from 2015-02-20).
      const m = ms({ ...muchLater, updates: [upd('2015-01-09', 10)] });
      const graph = new Map([['M', { facts: m, dependsOn: [] }]]);
      expect(forecastCompletion('M', graph, '2015-01-09')).to.equal('2015-03-22');
    });

    it('no recorded move: the current start date applies on every date', () => {
      expect(startDateAsOf(ms({ startDate: '2015-01-21' }), '2014-06-01')).to.equal('2015-01-21');
    });
  });

  describe('started on D (docs/rules.md rule 6: D on or after the start date in effect, or progress reported)', () => {
    const cases: { name: string; m: Partial<MilestoneFacts>; asOf: string; started: boolean }[] = [
      { name: 'the day before the start, nothing reported', m: {}, asOf: '2014-12-31', started: false },
      { name: 'on the start date', m: {}, asOf: '2015-01-01', started: true },
      { name: 'before the start, with progress reported', m: { updates: [upd('2014-12-20', 5)] }, asOf: '2014-12-31', started: true },
      { name: 'before the start, with 0% reported', m: { updates: [upd('2014-12-20', 0)] }, asOf: '2014-12-31', started: false },
      { name: 'before the start, progress reported only after D', m: { updates: [upd('2014-12-20', 5)] }, asOf: '2014-12-19', started: false },
      { name: 'before the start, completed on D', m: { completedOn: '2014-12-31' }, asOf: '2014-12-31', started: true },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}) → ${c.started ? 'started' : 'not started'}`, () => {
        expect(isStarted(ms(c.m), c.asOf)).to.equal(c.started);
      });
    }
  });

  describe('updateStale (cadence 61 unless stated; start 2015-01-01, due 2015-12-31)', () => {
    const long: Partial<MilestoneFacts> = { dueDate: '2015-12-31', baselineDueDate: '2015-12-31' };
    const cadence30: RuleSettings = { atRiskThreshold: 25, updateCadenceDays: 30 };
    const cases: { name: string; m: Partial<MilestoneFacts>; asOf: string; settings?: RuleSettings; stale: boolean }[] = [
      { name: 'never updated, before start', m: long, asOf: '2014-12-01', stale: false },
      { name: 'never updated, long before start', m: long, asOf: '2014-06-01', stale: false },
      { name: 'never updated, on the start date', m: long, asOf: '2015-01-01', stale: false },
      { name: 'never updated, exactly 61 days after start', m: long, asOf: '2015-03-03', stale: false },
      { name: 'never updated, 62 days after start', m: long, asOf: '2015-03-04', stale: true },
      { name: 'updated 2015-02-01, exactly 61 days later', m: { ...long, updates: [upd('2015-02-01', 20)] }, asOf: '2015-04-03', stale: false },
      { name: 'updated 2015-02-01, 62 days later', m: { ...long, updates: [upd('2015-02-01', 20)] }, asOf: '2015-04-04', stale: true },
      { name: 'updated 2015-02-01 and 2015-04-01, as of 2015-04-04', m: { ...long, updates: [upd('2015-02-01', 20), upd('2015-04-01', 40)] }, asOf: '2015-04-04', stale: false },
      { name: 'the only update comes after D (ignored): 62 days after start', m: { ...long, updates: [upd('2015-03-05', 20)] }, asOf: '2015-03-04', stale: true },
      { name: 'an update on D itself', m: { ...long, updates: [upd('2015-06-01', 20)] }, asOf: '2015-06-01', stale: false },
      { name: 'completed, long silent', m: { ...long, completedOn: '2015-06-01' }, asOf: '2015-09-01', stale: false },
      { name: 'completed only after D, long silent', m: { ...long, completedOn: '2015-06-01' }, asOf: '2015-05-31', stale: true },
      { name: 'cancelled, long silent', m: { ...long, cancelledOn: '2015-06-01' }, asOf: '2015-09-01', stale: false },
      { name: 'cancelled only after D, long silent', m: { ...long, cancelledOn: '2015-06-01' }, asOf: '2015-05-31', stale: true },
      { name: 'overdue and silent (still unfinished)', m: { dueDate: '2015-02-01', baselineDueDate: '2015-02-01' }, asOf: '2015-06-01', stale: true },
      { name: 'cadence 30: exactly 30 days after start', m: long, asOf: '2015-01-31', settings: cadence30, stale: false },
      { name: 'cadence 30: 31 days after start', m: long, asOf: '2015-02-01', settings: cadence30, stale: true },
      { name: 'cadence 30: updated 2015-02-01, 30 days later', m: { ...long, updates: [upd('2015-02-01', 20)] }, asOf: '2015-03-03', settings: cadence30, stale: false },
      { name: 'cadence 30: updated 2015-02-01, 31 days later', m: { ...long, updates: [upd('2015-02-01', 20)] }, asOf: '2015-03-04', settings: cadence30, stale: true },
      // Started by progress reported before the start date (docs/rules.md rule 6): counted from that update.
      { name: 'progress reported before the start, exactly 61 days later, still before the start', m: { ...long, startDate: '2015-03-01', updates: [upd('2014-12-01', 20)] }, asOf: '2015-01-31', stale: false },
      { name: 'progress reported before the start, 62 days later, still before the start', m: { ...long, startDate: '2015-03-01', updates: [upd('2014-12-01', 20)] }, asOf: '2015-02-01', stale: true },
      { name: 'cadence 30: progress reported before the start, 31 days later', m: { ...long, startDate: '2015-03-01', updates: [upd('2015-01-01', 5)] }, asOf: '2015-02-01', settings: cadence30, stale: true },
      // 0% reported before the start does not start it: not stale before the start date …
      { name: '0% reported long before the start, before the start', m: { ...long, startDate: '2015-03-01', updates: [upd('2014-12-01', 0)] }, asOf: '2015-02-28', stale: false },
      // … and from the start date the silence counts from that update (the latest one), not from the start.
      { name: '0% reported 90 days before D, on the start date', m: { ...long, startDate: '2015-03-01', updates: [upd('2014-12-01', 0)] }, asOf: '2015-03-01', stale: true },
      { name: '0% reported exactly 61 days before the start date, on the start date', m: { ...long, startDate: '2015-03-01', updates: [upd('2014-12-30', 0)] }, asOf: '2015-03-01', stale: false },
      // The start date in effect on D counts: moved on 2015-03-10 from 2015-03-04 back to 2015-01-01.
      { name: 'start moved earlier later on: silence counted from the start then in effect', m: { ...long, startDate: '2015-01-01', startDateChanges: [move('2015-03-10', '2015-03-04', '2015-01-01')] }, asOf: '2015-03-05', stale: false },
      { name: 'start moved earlier, from the day of the move', m: { ...long, startDate: '2015-01-01', startDateChanges: [move('2015-03-10', '2015-03-04', '2015-01-01')] }, asOf: '2015-03-10', stale: true },
      { name: 'start moved later: not started on D, so not stale', m: { ...long, startDate: '2015-06-01', startDateChanges: [move('2015-02-01', '2015-01-01', '2015-06-01')] }, asOf: '2015-04-01', stale: false },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}) → ${c.stale ? 'stale' : 'not stale'}`, () => {
        const m = ms(c.m);
        expect(updateStale(m, c.asOf, c.settings)).to.equal(c.stale);
        expect(assessMilestone(m, [], c.asOf, c.settings).updateStale).to.equal(c.stale);
      });
    }
  });

  describe('statusReason: one sentence with the facts', () => {
    const cases: { name: string; m: MilestoneFacts; deps: MilestoneFacts[]; asOf: string; status: MilestoneStatus; fragments: string[] }[] = [
      {
        name: 'OVERDUE by 12 days',
        m: ms({ startDate: '2015-01-01', dueDate: '2015-06-30', baselineDueDate: '2015-06-30' }),
        deps: [],
        asOf: '2015-07-12',
        status: S.OVERDUE,
        fragments: ['12 days past its due date 2015-06-30'],
      },
      {
        name: 'OVERDUE by 1 day (singular)',
        m: ms(),
        deps: [],
        asOf: '2015-04-12',
        status: S.OVERDUE,
        fragments: ['1 day past its due date 2015-04-11'],
      },
      {
        name: 'AT_RISK by progress (60% expected, 20% reported)',
        m: ms({ startDate: '2014-12-31', dueDate: '2015-04-10', baselineDueDate: '2015-04-10', updates: [upd('2015-02-15', 20)] }),
        deps: [],
        asOf: '2015-03-01',
        status: S.AT_RISK,
        fragments: ['expected 60% by 2015-03-01, reported 20%'],
      },
      {
        name: 'AT_RISK by an overdue dependency',
        m: ms({ updates: [upd('2015-02-20', 50)] }),
        deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15' })],
        asOf: '2015-02-20',
        status: S.AT_RISK,
        fragments: ['depends on G2.M1 (SFPD), which is 5 days overdue'],
      },
      {
        name: 'AT_RISK by a dependency 1 day overdue (singular)',
        m: ms({ updates: [upd('2015-02-20', 50)] }),
        deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-19', baselineDueDate: '2015-02-19' })],
        asOf: '2015-02-20',
        status: S.AT_RISK,
        fragments: ['depends on G2.M1 (SFPD), which is 1 day overdue'],
      },
      {
        name: 'AT_RISK by a dependency due after this one',
        m: ms({ updates: [upd('2015-02-20', 50)] }),
        deps: [dep('G3.M2', 'DA', { dueDate: '2015-05-01', baselineDueDate: '2015-05-01' })],
        asOf: '2015-02-20',
        status: S.AT_RISK,
        fragments: ['depends on G3.M2 (DA)', '2015-05-01', '2015-04-11'],
      },
      {
        name: 'AT_RISK by progress and by an overdue dependency',
        m: ms({ updates: [upd('2015-02-20', 10)] }),
        deps: [dep('G2.M1', 'SFPD', { dueDate: '2015-02-15', baselineDueDate: '2015-02-15' })],
        asOf: '2015-02-20',
        status: S.AT_RISK,
        fragments: ['expected 50% by 2015-02-20, reported 10%', 'depends on G2.M1 (SFPD), which is 5 days overdue'],
      },
      {
        name: 'CANCELLED with a reason',
        m: ms({ cancelledOn: '2015-03-01', cancelReason: 'merged into G1.M2' }),
        deps: [],
        asOf: '2015-04-01',
        status: S.CANCELLED,
        fragments: ['2015-03-01', 'merged into G1.M2'],
      },
      {
        name: 'CANCELLED without a reason',
        m: ms({ cancelledOn: '2015-03-01' }),
        deps: [],
        asOf: '2015-04-01',
        status: S.CANCELLED,
        fragments: ['cancelled', '2015-03-01'],
      },
      {
        name: 'COMPLETED 10 days early',
        m: ms({ completedOn: '2015-04-01' }),
        deps: [],
        asOf: '2015-05-01',
        status: S.COMPLETED,
        fragments: ['completed', '2015-04-01', '10 days'],
      },
      {
        name: 'COMPLETED_LATE by 12 days',
        m: ms({ completedOn: '2015-04-23' }),
        deps: [],
        asOf: '2015-05-01',
        status: S.COMPLETED_LATE,
        fragments: ['2015-04-23', '12 days', '2015-04-11'],
      },
      {
        name: 'NOT_STARTED',
        m: ms(),
        deps: [],
        asOf: '2014-12-22',
        status: S.NOT_STARTED,
        fragments: ['2015-01-01', '10 days'],
      },
      {
        name: 'ON_TRACK',
        m: ms({ updates: [upd('2015-02-20', 50)] }),
        deps: [],
        asOf: '2015-02-20',
        status: S.ON_TRACK,
        fragments: ['2015-04-11', '50%'],
      },
    ];
    for (const c of cases) {
      it(`${c.name}: mentions ${c.fragments.map((f) => `"${f}"`).join(', ')}`, () => {
        expect(status(c.m, c.deps, c.asOf)).to.equal(c.status);
        const reason = statusReason(c.m, c.deps, c.asOf);
        expectReasonToInclude(reason, c.fragments);
        expect(reason).to.match(/\.$/);
        expect(assessMilestone(c.m, c.deps, c.asOf).statusReason).to.equal(reason);
      });
    }

    it('uses the due date in effect on D, not a later move', () => {
      const m = ms({ dueDate: '2015-05-11', dueDateChanges: [move('2015-04-20', '2015-04-11', '2015-05-11')] });
      const reason = statusReason(m, [], '2015-04-15');
      expectReasonToInclude(reason, ['4 days past its due date 2015-04-11']);
      expect(reason).not.to.include('2015-05-11');
    });
  });

  describe('exact numbers (docs/rules.md, "Numbers"): rules on exact values, figures rounded to two decimals from them', () => {
    /** One milestone with one report the day before D. */
    const reported = (startDate: string, dueDate: string, percent: number, reportedOn: string) => ms({ startDate, dueDate, baselineDueDate: dueDate, updates: [upd(reportedOn, percent)] });
    const threshold = (atRiskThreshold: number): RuleSettings => ({ ...DEFAULT_RULE_SETTINGS, atRiskThreshold });

    /** Each case: the report that puts the gap exactly on the threshold, with its neighbours 0.01 either side. */
    const boundaries: { name: string; start: string; due: string; reportedOn: string; asOf: string; threshold: number; expected: number; onThreshold: number; below: number; above: number }[] = [
      // Day 41 of 125: expected 32.8; 32.8 − 7.8 is 24.999999999999996 in binary floating point.
      { name: 'finding: expected 32.8, threshold 25', start: '2026-10-18', due: '2027-02-20', reportedOn: '2026-11-27', asOf: '2026-11-28', threshold: 25, expected: 32.8, onThreshold: 7.8, below: 7.81, above: 7.79 },
      // Day 23 of 125: expected 18.4.
      { name: 'finding: expected 18.4, threshold 10', start: '2026-11-05', due: '2027-03-10', reportedOn: '2026-11-27', asOf: '2026-11-28', threshold: 10, expected: 18.4, onThreshold: 8.4, below: 8.41, above: 8.39 },
    ];
    for (const c of boundaries) {
      it(`${c.name}: reported ${c.onThreshold} (gap exactly ${c.threshold}) → AT_RISK; ${c.below} (0.01 under) → ON_TRACK; ${c.above} → AT_RISK`, () => {
        const settings = threshold(c.threshold);
        for (const [percent, expectedStatus] of [[c.onThreshold, S.AT_RISK], [c.below, S.ON_TRACK], [c.above, S.AT_RISK]] as const) {
          const a = assessMilestone(reported(c.start, c.due, percent, c.reportedOn), [], c.asOf, settings);
          expect(a.status, `${percent}% reported`).to.equal(expectedStatus);
          expect(a.expectedProgress).to.equal(c.expected);
          expect(a.progress).to.equal(percent);
        }
      });
    }

    it('the rule compares exact values, not the rounded figures: expected 33.333… (shown 33.33) and 66.666… (shown 66.67)', () => {
      const day1 = (percent: number) => assessMilestone(reported('2015-01-01', '2015-01-04', percent, '2015-01-02'), [], '2015-01-02');
      const day2 = (percent: number) => assessMilestone(reported('2015-01-01', '2015-01-04', percent, '2015-01-03'), [], '2015-01-03');
      expect(day1(8.33)).to.include({ status: S.AT_RISK, expectedProgress: 33.33 }); // gap 25.0033…
      expect(day1(8.34)).to.include({ status: S.ON_TRACK, expectedProgress: 33.33 }); // gap 24.9933…
      // The shown figures differ by 66.67 − 41.67 = 25.00, the exact ones by 24.9966…
      expect(day2(41.67)).to.include({ status: S.ON_TRACK, expectedProgress: 66.67 });
      expect(day2(41.66)).to.include({ status: S.AT_RISK, expectedProgress: 66.67 }); // gap 25.0066…
    });

    it('statusReason shows the same two-decimal figures as the fields', () => {
      const m = reported('2026-10-18', '2027-02-20', 7.8, '2026-11-27');
      expect(statusReason(m, [], '2026-11-28')).to.equal('Expected 32.8% by 2026-11-28, reported 7.8%.');
      const third = reported('2015-01-01', '2015-01-04', 8.34, '2015-01-02');
      expect(statusReason(third, [], '2015-01-02')).to.equal('Expected 33.33% by 2015-01-02, reported 8.34%; due 2015-01-04, in 2 days.');
      const overdue = reported('2015-01-01', '2015-01-04', 12.5, '2015-01-02');
      expect(statusReason(overdue, [], '2015-01-05')).to.equal('1 day past its due date 2015-01-04, reported 12.5%.');
    });

    const roundings: { name: string; start: string; due: string; asOf: string; expected: number }[] = [
      { name: '1 of 3 days: 33.333… → 33.33', start: '2015-01-01', due: '2015-01-04', asOf: '2015-01-02', expected: 33.33 },
      { name: '2 of 3 days: 66.666… → 66.67', start: '2015-01-01', due: '2015-01-04', asOf: '2015-01-03', expected: 66.67 },
      { name: '1 of 800 days: 0.125 exactly → 0.13 (half away from zero)', start: '2015-01-01', due: '2017-03-11', asOf: '2015-01-02', expected: 0.13 },
      { name: '1 of 8000 days: 0.0125 → 0.01', start: '2000-01-01', due: '2021-11-26', asOf: '2000-01-02', expected: 0.01 },
      // 100 × 23 / 4000 = 0.575 exactly, which binary floating point holds as 0.57499…
      { name: '23 of 4000 days: 0.575 exactly → 0.58, not 0.57', start: '2000-01-01', due: '2010-12-14', asOf: '2000-01-24', expected: 0.58 },
      { name: '1 of 7 days: 14.2857… → 14.29', start: '2015-01-01', due: '2015-01-08', asOf: '2015-01-02', expected: 14.29 },
      { name: '1 of 6 days: 16.666… → 16.67', start: '2015-01-01', due: '2015-01-07', asOf: '2015-01-02', expected: 16.67 },
    ];
    for (const c of roundings) {
      it(`expectedProgress, ${c.name}`, () => {
        const m = ms({ startDate: c.start, dueDate: c.due, baselineDueDate: c.due });
        expect(expectedProgress(m, c.asOf)).to.equal(c.expected);
      });
    }

    it('a stored percentage counts as its two-decimal value', () => {
      expect(progress(ms({ updates: [upd('2015-01-02', 0.1 + 0.2)] }), '2015-01-02')).to.equal(0.3);
      expect(progress(ms({ updates: [upd('2015-01-02', 33.33)] }), '2015-01-02')).to.equal(33.33);
    });

    /** Reference: expected − reported ≥ threshold in rationals, multiplied out by 100 × span (BigInt). */
    function atRiskReference(elapsed: number, span: number, reportedHundredths: number, threshold: number): boolean {
      const [e, s, h, t] = [elapsed, span, reportedHundredths, threshold].map(BigInt);
      const expectedTimes100Span = e <= 0n ? 0n : e >= s ? 10000n * s : 10000n * e; // 100 × span × expected%
      return expectedTimes100Span - h * s >= 100n * t * s;
    }

    it('property: the at-risk rule agrees with rational arithmetic, near the boundary above all', () => {
      // Spans that divide 10000 × elapsed often give an expected progress with two decimals or fewer, so gaps land exactly on the threshold.
      const span = fc.oneof(fc.integer({ min: 1, max: 4000 }), fc.constantFrom(2, 4, 5, 8, 16, 20, 25, 40, 50, 80, 100, 125, 200, 250, 400, 500, 625, 1000, 1250, 2500));
      const dates = span.chain((days) => fc.record({ startDay: fc.integer({ min: 0, max: 5000 }), span: fc.constant(days), elapsed: fc.integer({ min: 0, max: days }) }));
      const input = fc.record({ dates, threshold: fc.integer({ min: 1, max: 100 }), nudge: fc.integer({ min: -2, max: 2 }), anyProgress: fc.integer({ min: 0, max: 10_000 }), nearBoundary: fc.boolean() });
      fc.assert(
        fc.property(input, ({ dates: { startDay, span, elapsed }, threshold: t, nudge, anyProgress, nearBoundary }) => {
          // The reported hundredths that put the gap exactly on the threshold (when there are such), or a little off it.
          const onBoundary = Math.floor((10000 * elapsed) / span) - 100 * t + nudge;
          const hundredthsReported = nearBoundary ? Math.min(10_000, Math.max(0, onBoundary)) : anyProgress;
          const start = addDays('2000-01-01', startDay);
          const asOf = addDays(start, elapsed);
          const m = reported(start, addDays(start, span), hundredthsReported / 100, asOf);
          const expectedStatus = atRiskReference(elapsed, span, hundredthsReported, t);
          expect(status(m, [], asOf, threshold(t)) === S.AT_RISK, `${start}…${addDays(start, span)} as of ${asOf}, ${hundredthsReported / 100}% reported, threshold ${t}`).to.equal(expectedStatus);
        }),
        { numRuns: 3000 },
      );
    });

    it('property: expectedProgress is 100 × elapsed / span rounded half away from zero, computed in rationals', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 40_000 }).chain((span) => fc.tuple(fc.constant(span), fc.integer({ min: 0, max: span }))), ([span, elapsed]) => {
          const start = '1990-01-01';
          const [e, s] = [BigInt(elapsed), BigInt(span)];
          const hundredthsExpected = Number((2n * 10000n * e + s) / (2n * s)); // ⌊10000 e / s + ½⌋
          expect(expectedProgress(ms({ startDate: start, dueDate: addDays(start, span), baselineDueDate: addDays(start, span) }), addDays(start, elapsed))).to.equal(hundredthsExpected / 100);
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe('completion and cancellation as known on D', () => {
    it('a completion or cancellation dated after D had not happened on D; on or before D it had', () => {
      const done = ms({ completedOn: '2026-03-10' });
      expect(completedOnAsOf(done, '2026-03-09')).to.equal(null);
      expect(completedOnAsOf(done, '2026-03-10')).to.equal('2026-03-10');
      expect(completedOnAsOf(ms(), '2026-03-10')).to.equal(null);
      const dropped = ms({ cancelledOn: '2026-04-01' });
      expect(cancelledOnAsOf(dropped, '2026-03-31')).to.equal(null);
      expect(cancelledOnAsOf(dropped, '2026-04-01')).to.equal('2026-04-01');
      expect(cancelledOnAsOf(done, '2027-01-01')).to.equal(null);
    });
  });

  describe('urgency order of statuses', () => {
    it('puts what needs attention first and every status once', () => {
      expect(STATUS_URGENCY.slice(0, 2)).to.deep.equal([MilestoneStatus.OVERDUE, MilestoneStatus.AT_RISK]);
      expect([...STATUS_URGENCY].sort()).to.deep.equal(Object.values(MilestoneStatus).sort());
      expect(urgencyRank(MilestoneStatus.OVERDUE)).to.be.lessThan(urgencyRank(MilestoneStatus.ON_TRACK));
      expect(urgencyRank(MilestoneStatus.CANCELLED)).to.equal(STATUS_URGENCY.length - 1);
    });
  });
});
