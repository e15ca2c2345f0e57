/**
 * Roll-ups of a goal, a plan, an agency, a committee (docs/rules.md, "Roll-ups").
 */
import { expect } from 'chai';
import fc from 'fast-check';
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
        else expect(actual).to.equal(c.expected);
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
        expected: 66.67, // 66.666…
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
          expect(actual).to.equal(c.expected);
          expect(rolled).to.equal(c.expected);
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
      expect(r.progress).to.equal(40);
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
      expect(r.progress).to.equal(40);
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

  describe('exact roll-ups (docs/rules.md, "Numbers"): rounded to two decimals once, from the exact mean', () => {
    const cases: { name: string; goal: GoalNode; expected: number }[] = [
      // Binary floating point makes these 1.00499…, 0.56499… and 0.13499…
      { name: '(1 + 1.01) / 2 = 1.005 exactly → 1.01', goal: goal([m(S.ON_TRACK, 1), m(S.ON_TRACK, 1.01)]), expected: 1.01 },
      { name: '(0.56 + 0.57) / 2 = 0.565 exactly → 0.57', goal: goal([m(S.ON_TRACK, 0.56), m(S.ON_TRACK, 0.57)]), expected: 0.57 },
      { name: 'weights 0.3 and 1.1 read as written: (0.3 × 0.08 + 1.1 × 0.15) / 1.4 = 0.135 → 0.14', goal: goal([m(S.ON_TRACK, 0.08, 0.3), m(S.ON_TRACK, 0.15, 1.1)]), expected: 0.14 },
      { name: '(10 + 20 + 20) / 3 = 16.666… → 16.67', goal: goal([m(S.ON_TRACK, 10), m(S.ON_TRACK, 20), m(S.ON_TRACK, 20)]), expected: 16.67 },
      // The child is 0.015 (shown 0.02) but counts exactly: (0.015 + 0.01) / 2 = 0.0125 → 0.01, not (0.02 + 0.01) / 2 → 0.02.
      { name: 'a child goal counts with its exact mean, not its rounded one', goal: goal([m(S.ON_TRACK, 0.01)], [goal([m(S.ON_TRACK, 0.01), m(S.ON_TRACK, 0.02)])]), expected: 0.01 },
    ];
    for (const c of cases) {
      it(`${c.name}`, () => {
        expect(goalProgress(c.goal)).to.equal(c.expected);
        expect(goalRollup(c.goal, RULE).progress).to.equal(c.expected);
      });
    }

    it('expected progress rolls up from exact values: 23 of 4000 days alone is 0.575 → 0.58', () => {
      const r = milestonesRollup([{ ...m(S.ON_TRACK, 0), exactExpectedProgress: { num: 2300, den: 4000 } }], RULE);
      expect(r.expectedProgress).to.equal(0.58);
    });

    it('expected progress: a third and two thirds of a span average to 50, and a third alone shows 33.33', () => {
      const third = { ...m(S.ON_TRACK, 0), exactExpectedProgress: { num: 100, den: 3 } };
      const twoThirds = { ...m(S.ON_TRACK, 0), exactExpectedProgress: { num: 200, den: 3 } };
      expect(milestonesRollup([third, twoThirds], RULE).expectedProgress).to.equal(50);
      expect(milestonesRollup([third], RULE).expectedProgress).to.equal(33.33);
      expect(goalsRollup([goal([third], [], 2), goal([twoThirds], [], 1)], RULE).expectedProgress).to.equal(44.44); // (2/3 + 2/3) × 100 / 3 = 44.44…
    });

    it('weightedProgress rounds the same way, with weights too small for binary floating point too', () => {
      expect(weightedProgress([{ weight: 1, progress: 1 }, { weight: 1, progress: 1.01 }])).to.equal(1.01);
      expect(weightedProgress([{ weight: 5e-324, progress: 50 }, { weight: 5e-324, progress: 50.01 }])).to.equal(50.01);
      expect(weightedProgress([{ weight: 1e-300, progress: 20 }, { weight: 3e-300, progress: 60 }])).to.equal(50);
    });

    /** The reference: rationals in BigInt, weights read from the decimal text they were written as. */
    interface Rational {
      n: bigint;
      d: bigint;
    }
    const decimal = (text: string): Rational => {
      const [whole, fraction = ''] = text.split('.');
      return { n: BigInt(whole + fraction), d: 10n ** BigInt(fraction.length) };
    };
    function referenceMean(items: { weight: Rational; value: Rational | null }[]): Rational | null {
      let n = 0n;
      let d = 1n;
      let weights: Rational = { n: 0n, d: 1n };
      for (const { weight, value } of items) {
        if (value === null) continue;
        [n, d] = [n * weight.d * value.d + weight.n * value.n * d, d * weight.d * value.d];
        weights = { n: weights.n * weight.d + weight.n * weights.d, d: weights.d * weight.d };
      }
      return weights.n === 0n ? null : { n: n * weights.d, d: d * weights.n };
    }
    const roundedReference = (r: Rational | null) => (r === null ? null : Number((200n * r.n + r.d) / (2n * r.d)) / 100);

    interface Tree {
      weight: string;
      milestones: { weight: string; hundredths: number; expected: { num: number; den: number }; cancelled: boolean }[];
      children: Tree[];
    }
    const weightText = fc.oneof(fc.constantFrom('1', '2', '0.5', '1.5', '0.1', '0.3', '0.7', '1.1', '2.5', '0.07', '999.99'), fc.integer({ min: 1, max: 1000 }).map(String));
    // Few distinct values, so that means land exactly on ties often.
    const hundredths = fc.oneof(fc.constantFrom(0, 1, 2, 8, 15, 56, 57, 100, 101, 1001, 1002, 3333, 10_000), fc.integer({ min: 0, max: 10_000 }));
    const expectedRatio = fc.integer({ min: 1, max: 1500 }).chain((den) => fc.integer({ min: 0, max: den }).map((elapsed) => ({ num: 100 * elapsed, den })));
    const milestone = fc.record({ weight: weightText, hundredths, expected: expectedRatio, cancelled: fc.constantFrom(false, false, false, true) });
    const treeOfDepth = (depth: number): fc.Arbitrary<Tree> =>
      fc.record({ weight: weightText, milestones: fc.array(milestone, { maxLength: 5 }), children: depth === 0 ? fc.constant([]) : fc.array(treeOfDepth(depth - 1), { maxLength: 3 }) });

    const toGoal = (t: Tree): GoalNode => ({
      weight: Number(t.weight),
      milestones: t.milestones.map((x) => ({ weight: Number(x.weight), progress: x.hundredths / 100, exactExpectedProgress: x.expected, status: x.cancelled ? S.CANCELLED : S.ON_TRACK })),
      children: t.children.map(toGoal),
    });
    const referenceOf = (t: Tree, metric: 'progress' | 'expectedProgress'): Rational | null =>
      referenceMean([
        ...t.milestones
          .filter((x) => !x.cancelled)
          .map((x) => ({ weight: decimal(x.weight), value: metric === 'progress' ? { n: BigInt(x.hundredths), d: 100n } : { n: BigInt(x.expected.num), d: BigInt(x.expected.den) } })),
        ...t.children.map((child) => ({ weight: decimal(child.weight), value: referenceOf(child, metric) })),
      ]);

    it('property: goal progress and expected progress equal the rational mean rounded half away from zero', () => {
      fc.assert(
        fc.property(treeOfDepth(3), (t) => {
          const rollup = goalRollup(toGoal(t), RULE);
          expect(rollup.progress).to.equal(roundedReference(referenceOf(t, 'progress')));
          expect(rollup.expectedProgress).to.equal(roundedReference(referenceOf(t, 'expectedProgress')));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
