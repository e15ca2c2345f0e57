/**
 * A roll-up's health and healthReason (docs/rules.md, "Roll-ups"): graded by the plan's
 * offTrackShare, compared exactly at the boundary.
 */
import { expect } from 'chai';
import { Health, health, healthReason, HealthRule, reachesOffTrackShare, shareText, StatusCounts } from '../../src/domain';

function counts(partial: Partial<StatusCounts>): StatusCounts {
  return { CANCELLED: 0, COMPLETED: 0, COMPLETED_LATE: 0, OVERDUE: 0, AT_RISK: 0, NOT_STARTED: 0, ON_TRACK: 0, ...partial };
}

/** `overdue` OVERDUE milestones among `n` that are not cancelled, the rest ON_TRACK. */
function overdueOf(overdue: number, n: number, extra: Partial<StatusCounts> = {}): StatusCounts {
  return counts({ OVERDUE: overdue, ON_TRACK: n - overdue, ...extra });
}

const rule = (offTrackShare: number, subject: HealthRule['subject'] = 'plan'): HealthRule => ({ offTrackShare, subject });

describe('domain: health and healthReason', () => {
  describe('OFF_TRACK at the offTrackShare boundary (overdue · 100 ≥ share · n)', () => {
    const cases: { name: string; counts: StatusCounts; share: number; health: Health }[] = [
      { name: '4 of 40 = 10% exactly, share 10', counts: overdueOf(4, 40), share: 10, health: Health.OFF_TRACK },
      { name: '4 of 41 = 9.76%, share 10', counts: overdueOf(4, 41), share: 10, health: Health.AT_RISK },
      { name: '5 of 41 = 12.2%, share 10', counts: overdueOf(5, 41), share: 10, health: Health.OFF_TRACK },
      { name: '4 of 44 (9.09%) with 6 at risk, share 10', counts: counts({ OVERDUE: 4, AT_RISK: 6, ON_TRACK: 34 }), share: 10, health: Health.AT_RISK },
      { name: '4 of 60 in the finished FY2014–17 plan (6.67%), share 10', counts: counts({ OVERDUE: 4, COMPLETED: 41, COMPLETED_LATE: 15, CANCELLED: 3 }), share: 10, health: Health.AT_RISK },
      { name: 'one overdue of 60 does not make a plan off track', counts: overdueOf(1, 60), share: 10, health: Health.AT_RISK },
      { name: 'cancelled ones are not in n: 4 of 40 with 5 cancelled', counts: overdueOf(4, 40, { CANCELLED: 5 }), share: 10, health: Health.OFF_TRACK },
      { name: '57 of 100 = 57% exactly, share 57 (57/100·100 is 56.99999999999999 in floating point)', counts: overdueOf(57, 100), share: 57, health: Health.OFF_TRACK },
      { name: '29 of 100, share 29 (28.999999999999996 in floating point)', counts: overdueOf(29, 100), share: 29, health: Health.OFF_TRACK },
      { name: '1 of 3 = 33.33%, share 33', counts: overdueOf(1, 3), share: 33, health: Health.OFF_TRACK },
      { name: '1 of 3 = 33.33%, share 34', counts: overdueOf(1, 3), share: 34, health: Health.AT_RISK },
      { name: 'share 1: 1 of 100', counts: overdueOf(1, 100), share: 1, health: Health.OFF_TRACK },
      { name: 'share 1: 1 of 101', counts: overdueOf(1, 101), share: 1, health: Health.AT_RISK },
      { name: 'share 1: one overdue alone', counts: overdueOf(1, 1), share: 1, health: Health.OFF_TRACK },
      { name: 'share 100: all 3 overdue', counts: overdueOf(3, 3), share: 100, health: Health.OFF_TRACK },
      { name: 'share 100: 2 of 3 overdue, 1 on track', counts: overdueOf(2, 3), share: 100, health: Health.AT_RISK },
      { name: 'share 100: 2 overdue and 1 completed', counts: counts({ OVERDUE: 2, COMPLETED: 1 }), share: 100, health: Health.AT_RISK },
      { name: 'share 100: 2 overdue and a cancelled one', counts: counts({ OVERDUE: 2, CANCELLED: 1 }), share: 100, health: Health.OFF_TRACK },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.health}`, () => {
        expect(health(c.counts, c.share)).to.equal(c.health);
      });
    }

    it('no overdue milestone is never OFF_TRACK, whatever the share', () => {
      for (const share of [1, 10, 100]) expect(health(counts({ AT_RISK: 5, ON_TRACK: 1 }), share)).to.equal(Health.AT_RISK);
    });

    it('reachesOffTrackShare compares in integers', () => {
      expect(reachesOffTrackShare(4, 40, 10)).to.equal(true);
      expect(reachesOffTrackShare(4, 41, 10)).to.equal(false);
      expect(reachesOffTrackShare(57, 100, 57)).to.equal(true);
      expect(reachesOffTrackShare(0, 5, 1)).to.equal(false);
    });
  });

  describe('the other rules, in order', () => {
    const cases: { name: string; counts: StatusCounts; health: Health | null }[] = [
      { name: 'nothing', counts: counts({}), health: null },
      { name: 'only cancelled', counts: counts({ CANCELLED: 2 }), health: null },
      { name: 'all finished, some late, one cancelled', counts: counts({ COMPLETED: 3, COMPLETED_LATE: 2, CANCELLED: 1 }), health: Health.COMPLETED },
      { name: 'at risk beats not started', counts: counts({ AT_RISK: 1, NOT_STARTED: 9 }), health: Health.AT_RISK },
      { name: 'all not started (a cancelled one aside)', counts: counts({ NOT_STARTED: 3, CANCELLED: 1 }), health: Health.NOT_STARTED },
      { name: 'not started and finished', counts: counts({ NOT_STARTED: 3, COMPLETED: 1 }), health: Health.ON_TRACK },
      { name: 'on track', counts: counts({ ON_TRACK: 2, COMPLETED: 1 }), health: Health.ON_TRACK },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.health}`, () => {
        expect(health(c.counts, 10)).to.equal(c.health);
      });
    }
  });

  describe('healthReason: a sentence for each health', () => {
    const cases: { name: string; counts: StatusCounts; rule: HealthRule; reason: string }[] = [
      {
        name: "docs/rules.md's example (the FY2026 sample plan on 2026-11-28)",
        counts: counts({ OVERDUE: 4, AT_RISK: 6, ON_TRACK: 15, NOT_STARTED: 7, COMPLETED: 10, COMPLETED_LATE: 2, CANCELLED: 1 }),
        rule: rule(10),
        reason: '4 of 44 milestones (9.09%) are overdue, under the 10% that makes a plan off track; 6 more are at risk.',
      },
      { name: 'OFF_TRACK at the boundary', counts: overdueOf(4, 40), rule: rule(10, 'goal'), reason: '4 of 40 milestones (10%) are overdue, at least the 10% that makes a goal off track.' },
      {
        name: 'OFF_TRACK, one overdue and one at risk',
        counts: counts({ OVERDUE: 1, AT_RISK: 1, ON_TRACK: 6 }),
        rule: rule(10, 'agency'),
        reason: '1 of 8 milestones (12.5%) is overdue, at least the 10% that makes an agency off track; 1 more is at risk.',
      },
      { name: 'AT_RISK by one overdue, share 25', counts: overdueOf(1, 6), rule: rule(25, 'committee'), reason: '1 of 6 milestones (16.67%) is overdue, under the 25% that makes a committee off track.' },
      { name: 'AT_RISK without overdue ones', counts: counts({ AT_RISK: 6, ON_TRACK: 38 }), rule: rule(10), reason: '6 of 44 milestones are at risk; none is overdue.' },
      { name: 'COMPLETED, some late', counts: counts({ COMPLETED: 45, COMPLETED_LATE: 15, CANCELLED: 3 }), rule: rule(10), reason: 'All 60 milestones are finished, 15 of them late.' },
      { name: 'COMPLETED, one milestone', counts: counts({ COMPLETED: 1 }), rule: rule(10, 'goal'), reason: 'Its one milestone is finished.' },
      { name: 'COMPLETED, one milestone, late', counts: counts({ COMPLETED_LATE: 1 }), rule: rule(10, 'goal'), reason: 'Its one milestone is finished, late.' },
      { name: 'NOT_STARTED', counts: counts({ NOT_STARTED: 8 }), rule: rule(10), reason: 'None of its 8 milestones has started yet.' },
      { name: 'NOT_STARTED, one milestone', counts: counts({ NOT_STARTED: 1 }), rule: rule(10), reason: 'Its one milestone has not started yet.' },
      { name: 'ON_TRACK', counts: counts({ ON_TRACK: 5, NOT_STARTED: 3, COMPLETED: 3, COMPLETED_LATE: 1 }), rule: rule(10), reason: 'None of its 12 milestones is overdue or at risk: 5 on track, 3 not started, 4 finished.' },
      { name: 'ON_TRACK, one milestone', counts: counts({ ON_TRACK: 1, CANCELLED: 1 }), rule: rule(10), reason: 'Its one milestone is on track.' },
      { name: 'nothing to measure, no milestones', counts: counts({}), rule: rule(10), reason: 'Nothing to measure: no milestones.' },
      { name: 'nothing to measure, one cancelled', counts: counts({ CANCELLED: 1 }), rule: rule(10), reason: 'Nothing to measure: its only milestone is cancelled.' },
      { name: 'nothing to measure, all cancelled', counts: counts({ CANCELLED: 2 }), rule: rule(10), reason: 'Nothing to measure: all 2 milestones are cancelled.' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        expect(healthReason(c.counts, c.rule)).to.equal(c.reason);
      });
    }
  });

  it('shareText: two decimals, half away from zero, from integers', () => {
    expect(shareText(4, 44)).to.equal('9.09%');
    expect(shareText(2, 3)).to.equal('66.67%');
    expect(shareText(1, 8)).to.equal('12.5%');
    expect(shareText(4, 40)).to.equal('10%');
    expect(shareText(1, 32)).to.equal('3.13%'); // 3.125
    expect(shareText(1, 20000)).to.equal('0.01%'); // 0.005
    expect(shareText(1, 20001)).to.equal('0%');
    expect(shareText(60, 60)).to.equal('100%');
  });
});
