/**
 * Roll-ups of a goal, a plan, an agency, a committee (domain.md, "Roll-ups").
 */
import { expect } from 'chai';
import {
  AssessedMilestone,
  countStatuses,
  emptyStatusCounts,
  goalProgress,
  goalRollup,
  goalsRollup,
  GoalNode,
  Health,
  health,
  HealthRule,
  MilestoneStatus,
  milestonesRollup,
  StatusCounts,
  weightedProgress,
} from '../../src/domain';

const S = MilestoneStatus;
const RULE: HealthRule = { offTrackShare: 10, subject: 'goal' };

function m(status: MilestoneStatus, progress: number, weight = 1): AssessedMilestone {
  return { status, progress, weight };
}

function goal(milestones: AssessedMilestone[], children: GoalNode[] = [], weight = 1): GoalNode {
  return { weight, milestones, children };
}

/** All seven statuses, with the given ones set. */
function counts(partial: Partial<StatusCounts>): StatusCounts {
  return {
    CANCELLED: 0,
    COMPLETED: 0,
    COMPLETED_LATE: 0,
    OVERDUE: 0,
    AT_RISK: 0,
    NOT_STARTED: 0,
    ON_TRACK: 0,
    ...partial,
  };
}

describe('domain: roll-ups', () => {
  describe('weightedProgress', () => {
    const cases: { name: string; items: { weight: number; progress: number | null }[]; expected: number | null }[] = [
      { name: 'nothing', items: [], expected: null },
      { name: 'only unmeasurable items', items: [{ weight: 2, progress: null }], expected: null },
      { name: 'one item', items: [{ weight: 3, progress: 40 }], expected: 40 },
      { name: 'equal weights', items: [{ weight: 1, progress: 20 }, { weight: 1, progress: 60 }], expected: 40 },
      { name: 'weights 1 and 3', items: [{ weight: 1, progress: 100 }, { weight: 3, progress: 0 }], expected: 25 },
      { name: 'weights 2 and 2', items: [{ weight: 2, progress: 50 }, { weight: 2, progress: 100 }], expected: 75 },
      { name: 'fractional weights 0.5 and 1.5', items: [{ weight: 0.5, progress: 80 }, { weight: 1.5, progress: 40 }], expected: 50 },
      { name: 'null left out of the mean', items: [{ weight: 1, progress: 30 }, { weight: 5, progress: null }], expected: 30 },
      { name: 'a zero progress counts (it is not null)', items: [{ weight: 1, progress: 0 }, { weight: 1, progress: 90 }], expected: 45 },
      { name: 'three items', items: [{ weight: 1, progress: 10 }, { weight: 1, progress: 20 }, { weight: 1, progress: 30 }], expected: 20 },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.expected}`, () => {
        const actual = weightedProgress(c.items);
        if (c.expected === null) expect(actual).to.equal(null);
        else expect(actual).to.be.closeTo(c.expected, 1e-9);
      });
    }
  });

  describe('goal progress', () => {
    const cases: { name: string; goal: GoalNode; expected: number | null }[] = [
      { name: 'an empty goal has nothing to measure', goal: goal([]), expected: null },
      { name: 'only cancelled milestones: nothing to measure', goal: goal([m(S.CANCELLED, 40), m(S.CANCELLED, 0, 3)]), expected: null },
      { name: 'one milestone at 0 is 0, not null', goal: goal([m(S.ON_TRACK, 0)]), expected: 0 },
      { name: 'weights 1 (100%) and 3 (20%)', goal: goal([m(S.COMPLETED, 100, 1), m(S.ON_TRACK, 20, 3)]), expected: 40 },
      { name: 'a cancelled milestone is left out (not counted as 0)', goal: goal([m(S.COMPLETED, 100), m(S.CANCELLED, 0)]), expected: 100 },
      { name: 'a cancelled milestone is left out (its progress ignored)', goal: goal([m(S.ON_TRACK, 20), m(S.CANCELLED, 80, 2)]), expected: 20 },
      { name: 'every other status counts', goal: goal([m(S.COMPLETED_LATE, 100), m(S.OVERDUE, 60), m(S.AT_RISK, 20), m(S.NOT_STARTED, 0), m(S.ON_TRACK, 70)]), expected: 50 },
      {
        name: 'child goals count with their own weight, empty and all-cancelled children left out',
        // (1×100 + 2×50) / 3; C2 (empty) and C3 (only cancelled) have no progress.
        goal: goal([m(S.COMPLETED, 100)], [goal([m(S.ON_TRACK, 40), m(S.ON_TRACK, 60)], [], 2), goal([], [], 1), goal([m(S.CANCELLED, 10)], [], 5)]),
        expected: 200 / 3,
      },
      {
        name: 'nested goals: a child is measured by its own mean, not flattened',
        // Grandchild (weight 3) = 10; child = (1×50 + 3×10)/4 = 20; goal = (1×80 + 1×20)/2 = 50.
        goal: goal([m(S.ON_TRACK, 80)], [goal([m(S.ON_TRACK, 50)], [goal([m(S.AT_RISK, 10)], [], 3)], 1)]),
        expected: 50,
      },
      {
        name: 'a child with no milestones of its own is measured through its children',
        // Child = grandchild = 30; goal = (1×90 + 1×30)/2 = 60.
        goal: goal([m(S.ON_TRACK, 90)], [goal([], [goal([m(S.ON_TRACK, 30)])])]),
        expected: 60,
      },
      {
        name: 'nothing measurable anywhere in the tree → null',
        goal: goal([m(S.CANCELLED, 50)], [goal([], [goal([m(S.CANCELLED, 10)])]), goal([])]),
        expected: null,
      },
      {
        name: 'only child goals, weights 1 and 4',
        // (1×100 + 4×0)/5 = 20.
        goal: goal([], [goal([m(S.COMPLETED, 100)], [], 1), goal([m(S.NOT_STARTED, 0)], [], 4)]),
        expected: 20,
      },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.expected === null ? 'null' : c.expected.toFixed(2)}`, () => {
        const actual = goalProgress(c.goal);
        const rolled = goalRollup(c.goal, RULE).progress;
        if (c.expected === null) {
          expect(actual).to.equal(null);
          expect(rolled).to.equal(null);
        } else {
          expect(actual).to.be.closeTo(c.expected, 1e-9);
          expect(rolled).to.be.closeTo(c.expected, 1e-9);
        }
      });
    }
  });

  describe('statusCounts', () => {
    it('empty counts have all seven statuses at 0', () => {
      expect(emptyStatusCounts()).to.deep.equal(counts({}));
    });

    it('counts a flat list', () => {
      expect(countStatuses([m(S.ON_TRACK, 10), m(S.ON_TRACK, 20), m(S.CANCELLED, 0), m(S.OVERDUE, 0)])).to.deep.equal(
        counts({ ON_TRACK: 2, CANCELLED: 1, OVERDUE: 1 }),
      );
    });

    it('counts every descendant milestone, cancelled included', () => {
      const tree = goal(
        [m(S.ON_TRACK, 10)],
        [
          goal([m(S.OVERDUE, 0), m(S.CANCELLED, 0)], [goal([m(S.COMPLETED, 100), m(S.COMPLETED_LATE, 100), m(S.AT_RISK, 5)])]),
          goal([m(S.NOT_STARTED, 0), m(S.ON_TRACK, 50)]),
          goal([]),
        ],
      );
      expect(goalRollup(tree, RULE).statusCounts).to.deep.equal(
        counts({ CANCELLED: 1, COMPLETED: 1, COMPLETED_LATE: 1, OVERDUE: 1, AT_RISK: 1, NOT_STARTED: 1, ON_TRACK: 2 }),
      );
    });

    it('an empty goal counts nothing', () => {
      expect(goalRollup(goal([], [goal([])]), RULE).statusCounts).to.deep.equal(counts({}));
    });
  });

  describe('health, first rule that holds', () => {
    const cases: { name: string; statuses: MilestoneStatus[]; health: Health | null }[] = [
      { name: 'nothing', statuses: [], health: null },
      { name: 'only cancelled', statuses: [S.CANCELLED], health: null },
      { name: 'only cancelled (two)', statuses: [S.CANCELLED, S.CANCELLED], health: null },
      { name: 'all completed', statuses: [S.COMPLETED, S.COMPLETED], health: Health.COMPLETED },
      { name: 'all completed late', statuses: [S.COMPLETED_LATE], health: Health.COMPLETED },
      { name: 'completed and cancelled', statuses: [S.COMPLETED, S.CANCELLED], health: Health.COMPLETED },
      { name: 'completed, completed late and cancelled', statuses: [S.COMPLETED, S.COMPLETED_LATE, S.CANCELLED, S.CANCELLED], health: Health.COMPLETED },
      { name: 'one overdue among completed', statuses: [S.COMPLETED, S.COMPLETED, S.OVERDUE], health: Health.OFF_TRACK },
      { name: 'overdue beats at-risk, not-started, on-track', statuses: [S.ON_TRACK, S.NOT_STARTED, S.AT_RISK, S.OVERDUE], health: Health.OFF_TRACK },
      { name: 'overdue and cancelled', statuses: [S.OVERDUE, S.CANCELLED], health: Health.OFF_TRACK },
      { name: 'one at risk among on-track and completed', statuses: [S.AT_RISK, S.ON_TRACK, S.COMPLETED], health: Health.AT_RISK },
      { name: 'at risk beats not-started', statuses: [S.NOT_STARTED, S.AT_RISK], health: Health.AT_RISK },
      { name: 'all not started', statuses: [S.NOT_STARTED], health: Health.NOT_STARTED },
      { name: 'all not started (three)', statuses: [S.NOT_STARTED, S.NOT_STARTED, S.NOT_STARTED], health: Health.NOT_STARTED },
      { name: 'not started and on track', statuses: [S.NOT_STARTED, S.ON_TRACK], health: Health.ON_TRACK },
      { name: 'not started and completed (not all not started)', statuses: [S.NOT_STARTED, S.COMPLETED], health: Health.ON_TRACK },
      { name: 'all on track', statuses: [S.ON_TRACK, S.ON_TRACK], health: Health.ON_TRACK },
      { name: 'on track, completed late and cancelled', statuses: [S.ON_TRACK, S.COMPLETED_LATE, S.CANCELLED], health: Health.ON_TRACK },
    ];
    for (const c of cases) {
      it(`[${c.statuses.join(', ')}] → ${c.health}`, () => {
        const milestones = c.statuses.map((s) => m(s, 0));
        expect(health(countStatuses(milestones), 10)).to.equal(c.health);
        expect(milestonesRollup(milestones, RULE).health).to.equal(c.health);
      });
    }

    it('looks at all descendants: an overdue grandchild makes the goal OFF_TRACK', () => {
      const tree = goal([m(S.ON_TRACK, 50)], [goal([], [goal([m(S.OVERDUE, 10)])])]);
      expect(goalRollup(tree, RULE).health).to.equal(Health.OFF_TRACK);
    });

    it('an at-risk child makes the goal AT_RISK', () => {
      const tree = goal([m(S.COMPLETED, 100)], [goal([m(S.AT_RISK, 10)])]);
      expect(goalRollup(tree, RULE).health).to.equal(Health.AT_RISK);
    });

    it('a goal whose descendants are all completed or cancelled is COMPLETED', () => {
      const tree = goal([m(S.COMPLETED, 100)], [goal([m(S.CANCELLED, 30), m(S.COMPLETED_LATE, 100)])]);
      expect(goalRollup(tree, RULE).health).to.equal(Health.COMPLETED);
    });
  });

  describe('plan, committee and agency roll-ups', () => {
    it('a plan is the weighted mean of its top-level goals, leaving out an empty one', () => {
      // (1×100 + 3×20)/4 = 40; G3 has nothing to measure.
      const g1 = goal([m(S.COMPLETED, 100)], [], 1);
      const g2 = goal([m(S.ON_TRACK, 20)], [], 3);
      const g3 = goal([], [], 10);
      const r = goalsRollup([g1, g2, g3], RULE);
      expect(r.progress).to.be.closeTo(40, 1e-9);
      expect(r.statusCounts).to.deep.equal(counts({ COMPLETED: 1, ON_TRACK: 1 }));
      expect(r.health).to.equal(Health.ON_TRACK);
    });

    it('a plan with no goals has nothing to measure', () => {
      const r = goalsRollup([], RULE);
      expect(r.progress).to.equal(null);
      expect(r.health).to.equal(null);
      expect(r.statusCounts).to.deep.equal(counts({}));
    });

    it("an agency's milestones: weighted mean without cancelled ones, counts and health", () => {
      // (2×60 + 1×0)/3 = 40.
      const r = milestonesRollup([m(S.ON_TRACK, 60, 2), m(S.NOT_STARTED, 0, 1), m(S.CANCELLED, 100, 5)], RULE);
      expect(r.progress).to.be.closeTo(40, 1e-9);
      expect(r.statusCounts).to.deep.equal(counts({ ON_TRACK: 1, NOT_STARTED: 1, CANCELLED: 1 }));
      expect(r.health).to.equal(Health.ON_TRACK);
    });

    it('an agency with only cancelled milestones: progress null, health null, counted', () => {
      const r = milestonesRollup([m(S.CANCELLED, 40)], RULE);
      expect(r.progress).to.equal(null);
      expect(r.health).to.equal(null);
      expect(r.statusCounts).to.deep.equal(counts({ CANCELLED: 1 }));
    });
  });
});
