import { expect } from 'chai';
import { briefing, briefingDates, BriefingMilestone, MilestoneAssessment, MilestoneStatus } from '../../src/domain';

const S = MilestoneStatus;

function entry(code: string, now: Partial<MilestoneAssessment>, before: Partial<MilestoneAssessment> | null, extra: Partial<BriefingMilestone<string>> = {}): BriefingMilestone<string> {
  const base: MilestoneAssessment = { asOf: '2015-07-09', startDate: '2015-01-01', dueDate: '2015-12-31', progress: 50, expectedProgress: 50, exactExpectedProgress: { num: 50, den: 1 }, status: S.ON_TRACK, daysOverdue: 0, daysRemaining: 0, slipDays: 0, statusReason: '', lastUpdatedOn: '2015-07-01', updateStale: false };
  return { item: code, completedOn: null, dueDateChanges: [], now: { ...base, ...now }, before: before && { ...base, ...before }, ...extra };
}

/** Every milestone led by one agency, except those whose code says otherwise. */
const agencies = { SFPD: { id: 1, shortName: 'SFPD' }, DPH: { id: 2, shortName: 'DPH' }, JPD: { id: 3, shortName: 'JPD' } };
const lead = (code: string) => (code.startsWith('DPH') ? agencies.DPH : code.startsWith('JPD') ? agencies.JPD : agencies.SFPD);
const PAST = '2026-11-28';

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

  const b = briefing(entries, '2015-07-09', '2015-05-14', '2015-09-10', PAST, lead);
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
    const first = briefing(entries.map((e) => ({ ...e, before: null })), '2015-07-09', null, null, PAST, lead);
    expect(first.horizon).to.equal('2015-09-08');
    expect(codes(first.completed)).to.deep.equal(['DONE-ON-PREVIOUS-DAY', 'DONE-IN-WINDOW', 'DONE-ON-THE-DAY']);
    expect(codes(first.newlyOverdue)).to.deep.equal(['STILL-OVERDUE', 'NEWLY-OVERDUE']);
    expect(first.dueDatesMoved).to.have.length(2);
  });

  it('a past meeting is not a projection: as of the meeting date', () => {
    expect(b).to.deep.include({ since: '2015-05-14', until: '2015-07-09', projection: false, horizon: '2015-09-10' });
  });
});

describe('domain: a briefing for a meeting still ahead is as of today', () => {
  it('a meeting today is as of today and not a projection; tomorrow is a projection as of today', () => {
    expect(briefingDates('2026-11-28', '2026-09-10', '2026-11-28')).to.deep.equal({ until: '2026-11-28', projection: false, before: '2026-09-10' });
    expect(briefingDates('2026-11-29', '2026-09-10', '2026-11-28')).to.deep.equal({ until: '2026-11-28', projection: true, before: '2026-09-10' });
    expect(briefingDates('2026-11-27', null, '2026-11-28')).to.deep.equal({ until: '2026-11-27', projection: false, before: null });
  });

  it('a previous meeting also still ahead is pictured today too, so nothing counts as changed', () => {
    expect(briefingDates('2027-03-01', '2027-01-10', '2026-11-28')).to.deep.equal({ until: '2026-11-28', projection: true, before: '2026-11-28' });
  });

  it('changes up to today, falling due from today up to the next meeting after it', () => {
    const entries = [
      entry('DONE-YESTERDAY', { status: S.COMPLETED }, { status: S.ON_TRACK }, { completedOn: '2026-11-27' }),
      entry('DUE-BEFORE-MEETING', { dueDate: '2026-12-05' }, null),
      entry('DUE-TODAY', { dueDate: '2026-11-28' }, null),
      entry('DUE-BEFORE-NEXT', { dueDate: '2027-01-14' }, null),
      entry('DUE-AFTER-NEXT', { dueDate: '2027-01-15' }, null),
    ];
    const ahead = briefing(entries, '2026-12-10', '2026-09-10', '2027-01-14', '2026-11-28', lead);
    expect(ahead).to.deep.include({ since: '2026-09-10', until: '2026-11-28', projection: true, horizon: '2027-01-14' });
    expect(ahead.completed.map((m) => m.item)).to.deep.equal(['DONE-YESTERDAY']);
    expect(ahead.fallingDue.map((m) => m.item)).to.deep.equal(['DUE-BEFORE-MEETING', 'DUE-BEFORE-NEXT']);
    // Without a next meeting, one cycle after the meeting, not after today.
    expect(briefing(entries, '2026-12-10', '2026-09-10', null, '2026-11-28', lead).horizon).to.equal('2027-02-09');
  });
});

describe('domain: agencies asked for an update before a meeting', () => {
  const entries = [
    entry('STALE-AND-AT-RISK', { updateStale: true, status: S.AT_RISK }, null),
    entry('DPH-OVERDUE', { status: S.OVERDUE }, null),
    entry('ON-TRACK', { status: S.ON_TRACK }, null),
    entry('JPD-ON-TRACK', { status: S.ON_TRACK }, null),
    entry('DPH-STALE', { updateStale: true }, null),
    entry('DONE-LATE', { status: S.COMPLETED_LATE }, null),
    entry('AT-RISK', { status: S.AT_RISK }, null),
    entry('JPD-NOT-STARTED', { status: S.NOT_STARTED }, null),
  ];
  const requests = briefing(entries, '2015-07-09', '2015-05-14', '2015-09-10', PAST, lead).updateRequests;

  it('lead agencies of stale, overdue or at-risk milestones, by short name; each milestone once, in the order given', () => {
    expect(requests.map((r) => [r.agency.shortName, r.milestones.map((m) => m.item)])).to.deep.equal([
      ['DPH', ['DPH-OVERDUE', 'DPH-STALE']],
      ['SFPD', ['STALE-AND-AT-RISK', 'AT-RISK']],
    ]);
  });

  it('no agency is asked when nothing is stale, overdue or at risk', () => {
    expect(briefing([entries[2], entries[5]], '2015-07-09', null, null, PAST, lead).updateRequests).to.deep.equal([]);
  });
});
