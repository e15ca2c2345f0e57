import { expect } from 'chai';
import { briefing, BriefingMilestone, MilestoneAssessment, MilestoneStatus } from '../../src/domain';

const S = MilestoneStatus;

function entry(code: string, now: Partial<MilestoneAssessment>, before: Partial<MilestoneAssessment> | null, extra: Partial<BriefingMilestone<string>> = {}): BriefingMilestone<string> {
  const base: MilestoneAssessment = { asOf: '2015-07-09', startDate: '2015-01-01', dueDate: '2015-12-31', progress: 50, expectedProgress: 50, exactExpectedProgress: { num: 50, den: 1 }, status: S.ON_TRACK, daysOverdue: 0, daysRemaining: 0, slipDays: 0, statusReason: '', lastUpdatedOn: '2015-07-01', updateStale: false };
  return { item: code, completedOn: null, dueDateChanges: [], now: { ...base, ...now }, before: before && { ...base, ...before }, ...extra };
}

describe('domain: meeting briefing (previous meeting 2015-05-14, this one 2015-07-09, next 2015-09-10)', () => {
  const entries = [
    entry('DONE-IN-WINDOW', { status: S.COMPLETED }, { status: S.ON_TRACK }, { completedOn: '2015-06-10' }),
    entry('DONE-ON-PREVIOUS-DAY', { status: S.COMPLETED }, { status: S.COMPLETED }, { completedOn: '2015-05-14' }),
    entry('DONE-ON-THE-DAY', { status: S.COMPLETED_LATE }, { status: S.OVERDUE }, { completedOn: '2015-07-09' }),
    entry('NEWLY-OVERDUE', { status: S.OVERDUE, dueDate: '2015-06-30' }, { status: S.ON_TRACK, dueDate: '2015-06-30' }),
    entry('STILL-OVERDUE', { status: S.OVERDUE, dueDate: '2015-04-30' }, { status: S.OVERDUE, dueDate: '2015-04-30' }),
    entry('MOVED', { dueDate: '2015-12-31' }, { dueDate: '2015-06-30' }, {
      dueDateChanges: [
        { changedOn: '2015-03-01', fromDate: '2015-05-31', toDate: '2015-06-30', reason: 'before the window' },
        { changedOn: '2015-05-20', fromDate: '2015-06-30', toDate: '2015-12-31', reason: 'state guidance' },
      ],
    }),
    entry('DUE-BEFORE-NEXT', { dueDate: '2015-09-10', status: S.AT_RISK }, null),
    entry('DUE-AFTER-NEXT', { dueDate: '2015-09-11' }, null),
    entry('DUE-TODAY', { dueDate: '2015-07-09' }, null),
    entry('STALE', { updateStale: true, lastUpdatedOn: '2015-03-18' }, null),
    entry('STALE-NEVER', { updateStale: true, lastUpdatedOn: null }, null),
  ];

  const b = briefing(entries, '2015-07-09', '2015-05-14', '2015-09-10');
  const codes = (list: { item: string }[]) => list.map((m) => m.item);

  it('completed: after the previous meeting, up to and including the meeting day', () => {
    expect(codes(b.completed)).to.deep.equal(['DONE-IN-WINDOW', 'DONE-ON-THE-DAY']);
  });

  it('newly overdue: overdue now and not at the previous meeting', () => {
    expect(codes(b.newlyOverdue)).to.deep.equal(['NEWLY-OVERDUE']);
  });

  it('due dates moved: only moves recorded in the window, with their reasons', () => {
    expect(b.dueDatesMoved.map((d) => [d.milestone.item, d.change.reason])).to.deep.equal([['MOVED', 'state guidance']]);
  });

  it('falling due: open, due after the meeting and up to the next one', () => {
    expect(codes(b.fallingDue)).to.deep.equal(['DUE-BEFORE-NEXT']);
  });

  it('stale updates: never updated first', () => {
    expect(codes(b.staleUpdates)).to.deep.equal(['STALE-NEVER', 'STALE']);
  });

  it('the first meeting counts from the start; without a next meeting the horizon is one cycle (61 days)', () => {
    const first = briefing(entries.map((e) => ({ ...e, before: null })), '2015-07-09', null, null);
    expect(first.horizon).to.equal('2015-09-08');
    expect(codes(first.completed)).to.deep.equal(['DONE-ON-PREVIOUS-DAY', 'DONE-IN-WINDOW', 'DONE-ON-THE-DAY']);
    expect(codes(first.newlyOverdue)).to.deep.equal(['STILL-OVERDUE', 'NEWLY-OVERDUE']);
    expect(first.dueDatesMoved).to.have.length(2);
  });
});
