/**
 * The goal tree of a plan (goals nest under goals): every walk the readers, roll-ups, search and
 * the nesting check rely on, over plain values.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ancestorsOf, ancestry, childrenByParent, committeeRoots, nestsInsideItself, rootGoals, subtrees, TreeGoal } from '../../src/domain/goal-tree';

//   1        5
//  / \       |
// 2   3      6
//     |
//     4
const g = (rowId: number, parentId: number | null): TreeGoal => ({ rowId, parentId });
const GOALS = [g(1, null), g(2, 1), g(3, 1), g(4, 3), g(5, null), g(6, 5)];
const BY_ID = new Map(GOALS.map((x) => [x.rowId, x]));
const ids = (goals: readonly TreeGoal[]): number[] => goals.map((x) => x.rowId);

describe('the goal tree', () => {
  it('top-level goals are those without a parent, in the order given', () => {
    expect(ids(rootGoals(GOALS))).to.deep.equal([1, 5]);
    expect(ids(rootGoals([...GOALS].reverse()))).to.deep.equal([5, 1]);
  });

  it('children are grouped by parent in the order given; a leaf has none', () => {
    const children = childrenByParent(GOALS);
    expect(ids(children.get(1)!)).to.deep.equal([2, 3]);
    expect(ids(children.get(3)!)).to.deep.equal([4]);
    expect(children.has(4)).to.equal(false);
  });

  it('the ancestry runs from the goal itself up to its top-level goal', () => {
    expect(ids(ancestry(4, BY_ID))).to.deep.equal([4, 3, 1]);
    expect(ids(ancestry(1, BY_ID))).to.deep.equal([1]);
    expect(ancestry(99, BY_ID)).to.deep.equal([]);
    expect(ids(ancestorsOf(g(4, 3), BY_ID))).to.deep.equal([3, 1]);
    expect(ancestorsOf(g(1, null), BY_ID)).to.deep.equal([]);
  });

  it('a goal cannot nest under itself or under a goal beneath it; anywhere else it can', () => {
    expect(nestsInsideItself(1, 1, BY_ID)).to.equal(true);
    expect(nestsInsideItself(1, 4, BY_ID)).to.equal(true);
    expect(nestsInsideItself(3, 4, BY_ID)).to.equal(true);
    expect(nestsInsideItself(4, 3, BY_ID)).to.equal(false);
    expect(nestsInsideItself(3, 2, BY_ID)).to.equal(false);
    expect(nestsInsideItself(1, 6, BY_ID)).to.equal(false);
  });

  it('a committee is measured through its goals, a goal nested under another of its goals counted once', () => {
    const c = (rowId: number, parentId: number | null, committeeId: number | null) => ({ rowId, parentId, committeeId });
    //  1(A) ─ 2(A) ─ 3(B) ─ 4(A)     5(B) ─ 6(A)
    const goals = [c(1, null, 7), c(2, 1, 7), c(3, 2, 8), c(4, 3, 7), c(5, null, 8), c(6, 5, 7)];
    expect(ids(committeeRoots(goals, 7))).to.deep.equal([1, 6]);
    expect(ids(committeeRoots(goals, 8))).to.deep.equal([3, 5]);
    expect(committeeRoots(goals, 9)).to.deep.equal([]);
  });

  it('a parent loop in stored rows ends the walk instead of running forever', () => {
    const loop = new Map([g(1, 2), g(2, 1)].map((x) => [x.rowId, x]));
    expect(ids(ancestry(1, loop))).to.deep.equal([1, 2]);
  });

  it('subtrees list each root before its children, depth first, siblings in the order given', () => {
    expect(ids(subtrees(GOALS, rootGoals(GOALS)))).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(ids(subtrees(GOALS, [BY_ID.get(3)!]))).to.deep.equal([3, 4]);
    expect(ids(subtrees(GOALS, [BY_ID.get(3)!, BY_ID.get(1)!]))).to.deep.equal([3, 4, 1, 2]);
    expect(subtrees(GOALS, [])).to.deep.equal([]);
  });

  it('in any forest, the subtrees of the roots hold every goal once, each after its parent', () => {
    const forest = fc.array(fc.nat(), { maxLength: 40 }).map((picks) => picks.map((p, i) => g(i + 1, p % (i + 1) === 0 ? null : (p % i) + 1)));
    fc.assert(
      fc.property(forest, (goals) => {
        const order = ids(subtrees(goals, rootGoals(goals)));
        expect([...order].sort((a, b) => a - b)).to.deep.equal(ids(goals));
        for (const goal of goals) if (goal.parentId !== null) expect(order.indexOf(goal.parentId)).to.be.lessThan(order.indexOf(goal.rowId));
        for (const goal of goals) expect(ancestry(goal.rowId, new Map(goals.map((x) => [x.rowId, x]))).at(-1)!.parentId).to.equal(null);
      }),
    );
  });
});
