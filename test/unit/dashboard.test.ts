import { expect } from 'chai';
import { AssessedItem, atRisk, breakdown, breakdownRow, groupItems, MilestoneAssessment, MilestoneStatus, milestonesRollup, overdue, staleUpdates, upcoming } from '../../src/domain';

const S = MilestoneStatus;

function item(code: string, over: Partial<MilestoneAssessment> & { weight?: number; group?: string }): AssessedItem<string> {
  const assessment: MilestoneAssessment = {
    asOf: '2026-11-28',
    startDate: '2026-07-01',
    dueDate: '2027-01-31',
    progress: 50,
    expectedProgress: 50,
    status: S.ON_TRACK,
    daysOverdue: 0,
    daysRemaining: 64,
    slipDays: 0,
    statusReason: '',
    lastUpdatedOn: '2026-11-01',
    updateStale: false,
    ...over,
    exactExpectedProgress: { num: over.expectedProgress ?? 50, den: 1 },
  };
  return { item: over.group ?? 'A', code, weight: over.weight ?? 1, assessment };
}

describe('domain: dashboard lists and breakdowns', () => {
  const items = [
    item('M1', { status: S.OVERDUE, dueDate: '2026-11-18', daysOverdue: 10, progress: 60, group: 'A' }),
    item('M2', { status: S.OVERDUE, dueDate: '2026-10-29', daysOverdue: 30, progress: 20, group: 'B' }),
    item('M3', { status: S.AT_RISK, dueDate: '2026-12-10', expectedProgress: 90, progress: 40, group: 'A' }),
    item('M4', { status: S.AT_RISK, dueDate: '2026-12-05', expectedProgress: 70, progress: 40, group: 'B' }),
    item('M5', { status: S.ON_TRACK, dueDate: '2026-12-01', group: 'A', weight: 3 }),
    item('M6', { status: S.NOT_STARTED, dueDate: '2027-06-30', progress: 0, lastUpdatedOn: null, group: 'B' }),
    item('M7', { status: S.COMPLETED, dueDate: '2026-11-20', progress: 100, group: 'A' }),
    item('M8', { status: S.CANCELLED, dueDate: '2026-12-02', progress: 10, group: 'B' }),
    item('M9', { status: S.ON_TRACK, updateStale: true, lastUpdatedOn: '2026-08-01', group: 'A' }),
    item('M10', { status: S.AT_RISK, updateStale: true, lastUpdatedOn: null, expectedProgress: 90, progress: 40, dueDate: '2026-12-20', group: 'B' }),
  ];

  it('overdue: longest overdue first', () => {
    expect(overdue(items).map((m) => m.code)).to.deep.equal(['M2', 'M1']);
  });

  it('at risk: furthest behind expected first, then soonest due', () => {
    expect(atRisk(items).map((m) => m.code)).to.deep.equal(['M3', 'M10', 'M4']);
  });

  it('upcoming: open and due within the window (inclusive), soonest first; overdue, finished and cancelled left out', () => {
    expect(upcoming(items, 7).map((m) => m.code)).to.deep.equal(['M5', 'M4']); // 2026-12-01 and 2026-12-05 ≤ 2026-12-05
    expect(upcoming(items, 6).map((m) => m.code)).to.deep.equal(['M5']);
    expect(upcoming(items, 30).map((m) => m.code)).to.deep.equal(['M5', 'M4', 'M3', 'M10']);
  });

  it('stale updates: never updated first, then the longest silent', () => {
    expect(staleUpdates(items).map((m) => m.code)).to.deep.equal(['M10', 'M9']);
  });

  it('breakdown: counts, weighted progress without cancelled ones, overdue days and health per group, in first-seen order', () => {
    const groups = breakdown(items, (m) => ({ key: m.item, label: `Group ${m.item}` }), { offTrackShare: 10, subject: 'group' });
    expect(groups.map((g) => g.key)).to.deep.equal(['A', 'B']);
    const [a, b] = groups;
    expect(a).to.include({ label: 'Group A', milestoneCount: 5, overdueDays: 10, health: 'OFF_TRACK' });
    // A: M1 60, M3 40, M5 50×3, M7 100, M9 50 → (60 + 40 + 150 + 100 + 50) / 7 = 57.142…, shown as 57.14
    expect(a.progress).to.equal(57.14);
    expect(b).to.include({ milestoneCount: 5, overdueDays: 30 });
    // B: M2 20, M4 40, M6 0, M10 40; M8 cancelled is left out → 100 / 4
    expect(b.progress).to.equal(25);
    expect(b.statusCounts).to.include({ OVERDUE: 1, AT_RISK: 2, NOT_STARTED: 1, CANCELLED: 1 });
  });

  it('groupItems: first-seen order; an item in several groups is in each, one in none is left out', () => {
    const groups = groupItems(items.slice(0, 4), (m) => (m.code === 'M2' ? [] : m.code === 'M3' ? [{ key: 'X', label: 'X' }, { key: 'Y', label: 'Y' }] : [{ key: 'Y', label: 'Y' }]));
    expect(groups.map((g) => [g.key, g.members.map((m) => m.code)])).to.deep.equal([
      ['Y', ['M1', 'M3', 'M4']],
      ['X', ['M3']],
    ]);
  });

  it("breakdownRow: the roll-up it is given (not its members' flat mean), its members' count and overdue days", () => {
    const members = items.filter((m) => m.item === 'A');
    const rollup = milestonesRollup([{ weight: 1, progress: 10, status: S.ON_TRACK }], { offTrackShare: 10, subject: 'goal' });
    expect(breakdownRow({ key: 'A', label: 'Group A', members }, rollup)).to.deep.equal({
      key: 'A',
      label: 'Group A',
      milestoneCount: 5,
      statusCounts: rollup.statusCounts,
      progress: 10,
      health: 'ON_TRACK',
      healthReason: 'Its one milestone is on track.',
      overdueDays: 10,
    });
  });
});
