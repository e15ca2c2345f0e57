/** Dependencies between milestones of one plan: "A depends on B" links, which must never form a cycle. */

/** Milestone `milestoneId` depends on milestone `dependsOnId`. */
export interface DependencyLink {
  milestoneId: number;
  dependsOnId: number;
}

/**
 * The cycle that adding "`milestoneId` depends on `upstreamId`" to `links` would close: the
 * shortest chain of existing links from the upstream milestone back to `milestoneId`, as
 * [upstreamId, …, milestoneId]; null when the new link closes no cycle.
 */
export function cycleClosedBy(links: readonly DependencyLink[], milestoneId: number, upstreamId: number): number[] | null {
  const upstreamOf = new Map<number, number[]>();
  for (const l of links) upstreamOf.set(l.milestoneId, [...(upstreamOf.get(l.milestoneId) ?? []), l.dependsOnId]);
  // Breadth-first, so the first chain found is a shortest one.
  const previous = new Map<number, number>([[upstreamId, upstreamId]]);
  const queue = [upstreamId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === milestoneId) {
      const chain = [current];
      while (chain[0] !== upstreamId) chain.unshift(previous.get(chain[0])!);
      return chain;
    }
    for (const next of upstreamOf.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}
