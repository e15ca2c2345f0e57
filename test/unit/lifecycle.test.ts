/** When a milestone may be completed, cancelled, reopened, have a date moved or progress reported (domain/lifecycle.ts). */
import { expect } from 'chai';
import {
  cancellationRefusal,
  completionRefusal,
  dateMoveRefusal,
  dateOutsidePlan,
  ErrorCode,
  eventDateRefusal,
  MilestoneDate,
  MilestoneLifecycle,
  PlanSpan,
  progressReportRefusal,
  reopeningRefusal,
  timelineRefusal,
} from '../../src/domain';

const plan: PlanSpan = { startDate: '2015-01-01', endDate: '2017-12-31', timeZone: 'America/Los_Angeles' };
const today = '2016-03-10';
const open: MilestoneLifecycle = { code: 'G1.M1', startDate: '2015-06-01', dueDate: '2016-06-30', completedOn: null, cancelledOn: null };
const completed = { ...open, completedOn: '2016-02-01' };
const cancelled = { ...open, cancelledOn: '2016-02-01' };

const badInput = (message: string, field: string) => ({ code: ErrorCode.BAD_USER_INPUT, message, field });
const conflict = (message: string) => ({ code: ErrorCode.CONFLICT, message });

describe('domain: lifecycle preconditions', () => {
  describe('a date that must fall within the plan', () => {
    it('its first and last days are inside; the days around them are not', () => {
      expect(dateOutsidePlan(plan, '2015-01-01', 'date')).to.equal(null);
      expect(dateOutsidePlan(plan, '2017-12-31', 'date')).to.equal(null);
      expect(dateOutsidePlan(plan, '2014-12-31', 'date')).to.deep.equal(badInput('date 2014-12-31 is outside the plan (2015-01-01 … 2017-12-31).', 'date'));
      expect(dateOutsidePlan(plan, '2018-01-01', 'targetDate')).to.deep.equal(badInput('targetDate 2018-01-01 is outside the plan (2015-01-01 … 2017-12-31).', 'targetDate'));
    });
  });

  describe('a new milestone\'s timeline', () => {
    it('start on or before due, both within the plan; a one-day milestone at either end of the plan is fine', () => {
      expect(timelineRefusal(plan, '2015-01-01', '2015-01-01')).to.equal(null);
      expect(timelineRefusal(plan, '2017-12-31', '2017-12-31')).to.equal(null);
      expect(timelineRefusal(plan, '2016-01-02', '2016-01-01')).to.deep.equal(badInput('The due date 2016-01-01 is before the start date 2016-01-02.', 'dueDate'));
      expect(timelineRefusal(plan, '2014-12-31', '2016-01-01')).to.deep.equal(badInput('The start date 2014-12-31 is outside the plan (2015-01-01 … 2017-12-31).', 'startDate'));
      expect(timelineRefusal(plan, '2016-01-01', '2018-01-01')).to.deep.equal(badInput('The due date 2018-01-01 is outside the plan (2015-01-01 … 2017-12-31).', 'dueDate'));
    });

    it('a reversed timeline is named before a date outside the plan', () => {
      expect(timelineRefusal(plan, '2018-02-01', '2018-01-01')!.field).to.equal('dueDate');
      expect(timelineRefusal(plan, '2018-02-01', '2018-01-01')!.message).to.contain('before the start date');
    });
  });

  describe('the day something happened', () => {
    it('today and the plan\'s first day are allowed; tomorrow and the day before the plan are not', () => {
      expect(eventDateRefusal(plan, today, 'measuredOn', today)).to.equal(null);
      expect(eventDateRefusal(plan, '2015-01-01', 'measuredOn', today)).to.equal(null);
      expect(eventDateRefusal(plan, '2016-03-11', 'measuredOn', today)).to.deep.equal(badInput('measuredOn 2016-03-11 is in the future (today is 2016-03-10 in America/Los_Angeles).', 'measuredOn'));
      expect(eventDateRefusal(plan, '2014-12-31', 'measuredOn', today)).to.deep.equal(badInput('measuredOn 2014-12-31 is before the plan starts (2015-01-01).', 'measuredOn'));
    });

    it('a day after the plan ended is fine when it is not after today (the plan is over, the record is late)', () => {
      expect(eventDateRefusal(plan, '2018-02-01', 'reportedOn', '2018-03-01')).to.equal(null);
    });
  });

  describe('reporting progress', () => {
    it('0, 100 and two decimals are accepted on an open milestone', () => {
      for (const p of [0, 100, 12.34]) expect(progressReportRefusal(open, plan, p, today, today), String(p)).to.equal(null);
    });

    it('outside 0–100, not finite, or with three decimals is BAD_USER_INPUT on percentComplete', () => {
      expect(progressReportRefusal(open, plan, -0.01, today, today)).to.deep.equal(badInput('percentComplete must be between 0 and 100, got -0.01.', 'percentComplete'));
      expect(progressReportRefusal(open, plan, 100.5, today, today)).to.deep.equal(badInput('percentComplete must be between 0 and 100, got 100.5.', 'percentComplete'));
      expect(progressReportRefusal(open, plan, Number.NaN, today, today)?.field).to.equal('percentComplete');
      expect(progressReportRefusal(open, plan, 12.345, today, today)).to.deep.equal(badInput('percentComplete has at most two decimals, got 12.345.', 'percentComplete'));
    });

    it('a bad figure is named before a bad date', () => {
      expect(progressReportRefusal(open, plan, 101, '2020-01-01', today)?.field).to.equal('percentComplete');
    });

    it('a future reportedOn is refused before the milestone\'s state is looked at', () => {
      expect(progressReportRefusal(cancelled, plan, 50, '2016-03-11', today)).to.deep.equal(badInput('reportedOn 2016-03-11 is in the future (today is 2016-03-10 in America/Los_Angeles).', 'reportedOn'));
    });

    it('on or after the day it was cancelled or completed is a CONFLICT; the day before is not', () => {
      expect(progressReportRefusal(cancelled, plan, 50, '2016-02-01', today)).to.deep.equal(conflict('G1.M1 was cancelled on 2016-02-01; reopen it before reporting progress.'));
      expect(progressReportRefusal(completed, plan, 50, '2016-02-02', today)).to.deep.equal(conflict('G1.M1 was completed on 2016-02-01; reopen it before reporting progress.'));
      expect(progressReportRefusal(cancelled, plan, 50, '2016-01-31', today)).to.equal(null);
      expect(progressReportRefusal(completed, plan, 50, '2016-01-31', today)).to.equal(null);
    });
  });

  describe('completing', () => {
    it('an open milestone, today or on an earlier day of the plan', () => {
      expect(completionRefusal(open, plan, today, today)).to.equal(null);
      expect(completionRefusal(open, plan, '2015-01-01', today)).to.equal(null);
    });

    it('a completed or cancelled one is a CONFLICT, before its date is looked at', () => {
      expect(completionRefusal(completed, plan, '2020-01-01', today)).to.deep.equal(conflict('G1.M1 is already completed (on 2016-02-01).'));
      expect(completionRefusal(cancelled, plan, today, today)).to.deep.equal(conflict('G1.M1 was cancelled on 2016-02-01; reopen it before completing it.'));
    });

    it('in the future or before the plan is BAD_USER_INPUT on completedOn', () => {
      expect(completionRefusal(open, plan, '2016-03-11', today)?.field).to.equal('completedOn');
      expect(completionRefusal(open, plan, '2014-12-31', today)).to.deep.equal(badInput('completedOn 2014-12-31 is before the plan starts (2015-01-01).', 'completedOn'));
    });
  });

  describe('cancelling', () => {
    it('an open milestone, today', () => expect(cancellationRefusal(open, plan, today, today)).to.equal(null));

    it('a cancelled or completed one is a CONFLICT', () => {
      expect(cancellationRefusal(cancelled, plan, today, today)).to.deep.equal(conflict('G1.M1 is already cancelled (on 2016-02-01).'));
      expect(cancellationRefusal(completed, plan, today, today)).to.deep.equal(conflict('G1.M1 was completed on 2016-02-01; reopen it before cancelling it.'));
    });

    it('in the future is BAD_USER_INPUT on cancelledOn', () => {
      expect(cancellationRefusal(open, plan, '2016-03-11', today)).to.deep.equal(badInput('cancelledOn 2016-03-11 is in the future (today is 2016-03-10 in America/Los_Angeles).', 'cancelledOn'));
    });
  });

  describe('reopening', () => {
    it('a completed or a cancelled milestone may be reopened', () => {
      expect(reopeningRefusal(completed)).to.equal(null);
      expect(reopeningRefusal(cancelled)).to.equal(null);
    });

    it('an open one is a CONFLICT: nothing to reopen', () => {
      expect(reopeningRefusal(open)).to.deep.equal(conflict('G1.M1 is neither completed nor cancelled; there is nothing to reopen.'));
    });
  });

  describe('moving a date', () => {
    it('an open milestone\'s due date to another day, or its start up to the due date itself', () => {
      expect(dateMoveRefusal(open, plan, MilestoneDate.DUE_DATE, '2016-09-30')).to.equal(null);
      expect(dateMoveRefusal(open, plan, MilestoneDate.START_DATE, '2016-06-30')).to.equal(null);
      expect(dateMoveRefusal(open, plan, MilestoneDate.DUE_DATE, '2015-06-01')).to.equal(null);
    });

    it('a finished milestone is a CONFLICT, naming which date and what it is', () => {
      expect(dateMoveRefusal(completed, plan, MilestoneDate.DUE_DATE, '2016-09-30')).to.deep.equal(conflict('G1.M1 is already completed; reopen it before moving its due date.'));
      expect(dateMoveRefusal(cancelled, plan, MilestoneDate.START_DATE, '2015-07-01')).to.deep.equal(conflict('G1.M1 is already cancelled; reopen it before moving its start date.'));
    });

    it('to the date it already has is BAD_USER_INPUT on the new date\'s argument', () => {
      expect(dateMoveRefusal(open, plan, MilestoneDate.DUE_DATE, '2016-06-30')).to.deep.equal(badInput('G1.M1 is already due on 2016-06-30.', 'newDueDate'));
      expect(dateMoveRefusal(open, plan, MilestoneDate.START_DATE, '2015-06-01')).to.deep.equal(badInput('G1.M1 already starts on 2015-06-01.', 'newStartDate'));
    });

    it('past the other date is BAD_USER_INPUT', () => {
      expect(dateMoveRefusal(open, plan, MilestoneDate.DUE_DATE, '2015-05-31')).to.deep.equal(badInput('The due date 2015-05-31 is before the start date 2015-06-01.', 'newDueDate'));
      expect(dateMoveRefusal(open, plan, MilestoneDate.START_DATE, '2016-07-01')).to.deep.equal(badInput('The start date 2016-07-01 is after the due date 2016-06-30.', 'newStartDate'));
    });

    it('outside the plan is BAD_USER_INPUT', () => {
      expect(dateMoveRefusal(open, plan, MilestoneDate.DUE_DATE, '2018-01-01')).to.deep.equal(badInput('newDueDate 2018-01-01 is outside the plan (2015-01-01 … 2017-12-31).', 'newDueDate'));
      expect(dateMoveRefusal(open, plan, MilestoneDate.START_DATE, '2014-12-31')).to.deep.equal(badInput('newStartDate 2014-12-31 is outside the plan (2015-01-01 … 2017-12-31).', 'newStartDate'));
    });
  });
});
