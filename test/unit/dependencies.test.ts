/** Dependencies never form a cycle (domain/dependencies.ts). */
import { expect } from 'chai';
import { cycleClosedBy, DependencyLink } from '../../src/domain';

/** "a depends on b" for each [a, b]. */
const links = (...pairs: [number, number][]): DependencyLink[] => pairs.map(([milestoneId, dependsOnId]) => ({ milestoneId, dependsOnId }));

describe('domain: dependency cycles', () => {
  it('with no links, a new link closes no cycle', () => {
    expect(cycleClosedBy([], 1, 2)).to.equal(null);
  });

  it('1 → 2 after 2 → 1 closes the cycle 2 → 1', () => {
    expect(cycleClosedBy(links([2, 1]), 1, 2)).to.deep.equal([2, 1]);
  });

  it('a link along the existing direction, or to an unrelated milestone, closes none', () => {
    expect(cycleClosedBy(links([1, 2], [2, 3]), 1, 3)).to.equal(null);
    expect(cycleClosedBy(links([1, 2], [2, 3]), 4, 1)).to.equal(null);
  });

  it('a long chain back is found whole, in order', () => {
    expect(cycleClosedBy(links([2, 3], [3, 4], [4, 1]), 1, 2)).to.deep.equal([2, 3, 4, 1]);
  });

  it('of two ways back, the shorter is named', () => {
    expect(cycleClosedBy(links([2, 3], [3, 4], [4, 1], [2, 1]), 1, 2)).to.deep.equal([2, 1]);
    expect(cycleClosedBy(links([2, 5], [5, 1], [2, 3], [3, 4], [4, 1]), 1, 2)).to.deep.equal([2, 5, 1]);
  });

  it('an existing cycle elsewhere does not loop the search', () => {
    expect(cycleClosedBy(links([2, 3], [3, 2]), 1, 2)).to.equal(null);
    expect(cycleClosedBy(links([2, 3], [3, 2], [3, 1]), 1, 2)).to.deep.equal([2, 3, 1]);
  });

  it('a milestone depending on itself is a cycle of one', () => {
    expect(cycleClosedBy([], 1, 1)).to.deep.equal([1]);
  });
});
