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

/** One goal's direct sub-goals, in the order given. */
export function childGoalsOf<G extends TreeGoal>(goals: readonly G[], parent: TreeGoal): G[] {
  return goals.filter((g) => g.parentId === parent.rowId);
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
