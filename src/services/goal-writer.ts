/** Writes of goals: validated before touching the database, written with their audit entry in one transaction. */
import { Viewer } from '../domain/access';
import { nestsInsideItself } from '../domain/goal-tree';
import { Agency, Committee, Goal, Plan } from '../entities';
import { userError } from './errors';
import { createInput, requireText, requireWeight, updateInput } from './input-checks';
import { Transaction, Writer } from './unit-of-work';

/** Where a goal hangs: under a parent goal, overseen by a committee, led by an agency (each optional). */
export interface GoalLinks {
  parentId?: string;
  committeeId?: string;
  leadAgencyId?: string;
}

export interface NewGoal extends GoalLinks {
  planId: string;
  code: string;
  title: string;
  description?: string;
  weight?: number;
  position?: number;
}

/** Changes to a goal; omitted fields stay as they are, a null link clears it. */
export type GoalChanges = Partial<Omit<NewGoal, 'planId'>>;

/** Resolves and checks a goal's parent, committee and lead agency (same plan; no cycles). */
async function goalLinks(tx: Transaction, planId: number, input: { parentId?: string | null; committeeId?: string | null; leadAgencyId?: string | null }, goal?: Goal): Promise<Partial<Goal>> {
  const links: Partial<Goal> = {};
  if (input.parentId !== undefined) {
    if (input.parentId === null) links.parentId = null;
    else {
      const parent = await tx.find(Goal, input.parentId, 'parentId');
      if (parent.planId !== planId) throw userError(`Goal ${parent.code} belongs to another plan.`, 'parentId');
      if (goal) {
        const goals = await tx.em.findBy(Goal, { planId });
        const byId = new Map(goals.map((g) => [g.rowId, g]));
        if (nestsInsideItself(goal.rowId, parent.rowId, byId)) throw userError(`Goal ${goal.code} cannot be nested under ${parent.code}, which is inside it.`, 'parentId');
      }
      links.parentId = parent.rowId;
    }
  }
  if (input.committeeId !== undefined) {
    if (input.committeeId === null) links.committeeId = null;
    else {
      const committee = await tx.find(Committee, input.committeeId, 'committeeId');
      if (committee.planId !== planId) throw userError(`Committee "${committee.name}" belongs to another plan.`, 'committeeId');
      links.committeeId = committee.rowId;
    }
  }
  if (input.leadAgencyId !== undefined) links.leadAgencyId = input.leadAgencyId === null ? null : (await tx.find(Agency, input.leadAgencyId, 'leadAgencyId')).rowId;
  return links;
}

export class GoalWriter extends Writer {
  createGoal(input: NewGoal, viewer: Viewer): Promise<Goal> {
    input = createInput(input);
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, input.planId, 'planId');
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      await tx.requireUnique(Goal, { planId: plan.rowId, code: input.code }, 'A goal with this code already exists in this plan.');
      const links = await goalLinks(tx, plan.rowId, input);
      return tx.insert(
        Goal,
        { planId: plan.rowId, code: input.code, title: input.title, description: input.description ?? '', weight: input.weight ?? 1, position: input.position ?? 0, ...links },
        'createGoal',
        () => plan.rowId,
      );
    }, viewer);
  }

  updateGoal(id: string, input: GoalChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<Goal> {
    return this.run(async (tx) => {
      input = updateInput(input, ['parentId', 'committeeId', 'leadAgencyId']);
      const goal = await tx.find(Goal, id);
      requireText(input.code, 'code');
      requireText(input.title, 'title');
      requireWeight(input.weight);
      if (input.code !== undefined) await tx.requireUnique(Goal, { planId: goal.planId, code: input.code }, 'A goal with this code already exists in this plan.', goal.rowId);
      const links = await goalLinks(tx, goal.planId, input, goal);
      const { parentId: _p, committeeId: _c, leadAgencyId: _l, ...fields } = input;
      return tx.update(goal, { ...fields, ...links }, expectedVersion, 'updateGoal', goal.planId);
    }, viewer);
  }
}
