/**
 * Goals form a tree within a plan (a goal may nest under another). Every walk of that tree —
 * roots, children, the chain up to the top, a subtree — is written here once.
 */
export interface TreeGoal {
  rowId: number;
  parentId: number | null;
}

/** The top-level goals, in the order given. */
export function rootGoals<G extends TreeGoal>(goals: readonly G[]): G[] {
  return goals.filter((g) => g.parentId === null);
}

/** Each goal's direct sub-goals, by parent id, in the order given. */
export function childrenByParent<G extends TreeGoal>(goals: readonly G[]): Map<number, G[]> {
  const children = new Map<number, G[]>();
  for (const goal of goals) if (goal.parentId !== null) children.set(goal.parentId, [...(children.get(goal.parentId) ?? []), goal]);
  return children;
}

/** The goal with id `goalId`, then its parent, up to its top-level goal; empty when the id is unknown. */
export function ancestry<G extends TreeGoal>(goalId: number, byId: ReadonlyMap<number, G>): G[] {
  const chain: G[] = [];
  const seen = new Set<number>();
  for (let g = byId.get(goalId); g && !seen.has(g.rowId); g = g.parentId === null ? undefined : byId.get(g.parentId)) {
    seen.add(g.rowId);
    chain.push(g);
  }
  return chain;
}

/** The goals strictly above `goal`, its parent first. */
export function ancestorsOf<G extends TreeGoal>(goal: TreeGoal, byId: ReadonlyMap<number, G>): G[] {
  return goal.parentId === null ? [] : ancestry(goal.parentId, byId);
}

/** Nesting `goalId` under `parentId` would put the goal inside itself: the parent is the goal or lies beneath it. */
export function nestsInsideItself<G extends TreeGoal>(goalId: number, parentId: number, byId: ReadonlyMap<number, G>): boolean {
  return ancestry(parentId, byId).some((g) => g.rowId === goalId);
}

/**
 * The goals a committee oversees, less those nested under another goal it oversees: a committee
 * is measured through these and everything beneath them, so a nested goal counts once.
 */
export function committeeRoots<G extends TreeGoal & { committeeId: number | null }>(goals: readonly G[], committeeId: number): G[] {
  const byId = new Map(goals.map((g) => [g.rowId, g]));
  return goals.filter((g) => g.committeeId === committeeId && !ancestorsOf(g, byId).some((parent) => parent.committeeId === committeeId));
}

/** The roots and every goal beneath them, each root followed by its subtree (depth first, in the order given). */
export function subtrees<G extends TreeGoal>(goals: readonly G[], roots: readonly G[]): G[] {
  const children = childrenByParent(goals);
  const out: G[] = [];
  const seen = new Set<number>();
  const visit = (g: G): void => {
    if (seen.has(g.rowId)) return;
    seen.add(g.rowId);
    out.push(g);
    for (const child of children.get(g.rowId) ?? []) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}
