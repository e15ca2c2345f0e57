/**
 * The milestones behind a plan's, goal's, committee's or agency's dashboard, assessed on one
 * date, and how they group. Counts and progress come from the same roll-ups as everywhere else.
 */
import { AssessedItem } from '../domain/dashboard';
import { IsoDate } from '../domain/dates';
import { Rollup } from '../domain/rollup';
import { Agency, Committee, Goal, Milestone, Plan } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { AgencyRole } from '../graphql/enums';
import { childGoals, PlanReader } from './plan-reader';

export type DashboardScope =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'goal'; goal: Goal }
  | { kind: 'committee'; committee: Committee }
  | { kind: 'agency'; agency: Agency; role: AgencyRole; planId?: number };

export interface DashboardData {
  rollup: Rollup;
  items: AssessedItem<Milestone>[];
  /** The goal a milestone is grouped under in a GOAL breakdown. */
  goalGroupOf(milestone: Milestone): Goal;
  /** The committee a milestone's goal (or nearest ancestor with one) belongs to. */
  committeeOf(milestone: Milestone): number | null;
}

export class DashboardReader {
  constructor(private readonly reader: PlanReader) {}

  /** The goals under the roots, the roots included, in tree order (each goal before its children, siblings by position). */
  private subtree(goals: Goal[], roots: Goal[]): Goal[] {
    const children = childGoals(goals);
    const walk = (from: Goal[]): Goal[] => from.flatMap((goal) => [goal, ...walk(children.get(goal.rowId) ?? [])]);
    return walk(roots);
  }

  /** The milestones in a scope that the reader may see, in tree order. */
  async milestonesIn(scope: DashboardScope): Promise<Milestone[]> {
    const loaders = this.reader.loaders;
    if (scope.kind === 'agency') return this.reader.agencyMilestones(scope.agency, scope.role, scope.planId);
    const planId = scope.kind === 'plan' ? scope.plan.rowId : scope.kind === 'goal' ? scope.goal.planId : scope.committee.planId;
    const goals = await loaders.goalsByPlan.load(planId);
    const roots = scope.kind === 'plan' ? goals.filter((g) => g.parentId === null) : scope.kind === 'goal' ? [scope.goal] : await this.reader.committeeGoals(scope.committee);
    const inScope = this.subtree(goals, roots);
    return (await loaders.milestonesByGoal.loadMany(inScope.map((g) => g.rowId))).flatMap((rows) => (Array.isArray(rows) ? rows : []));
  }

  rollup(scope: DashboardScope, asOf?: IsoDate | null): Promise<Rollup> {
    switch (scope.kind) {
      case 'plan':
        return this.reader.planRollup(scope.plan, asOf);
      case 'goal':
        return this.reader.goalRollup(scope.goal, asOf);
      case 'committee':
        return this.reader.committeeRollup(scope.committee, asOf);
      case 'agency':
        return this.reader.agencyRollup(scope.agency, scope.role, asOf, scope.planId);
    }
  }

  async load(scope: DashboardScope, asOf?: IsoDate | null): Promise<DashboardData> {
    const [milestones, rollup] = await Promise.all([this.milestonesIn(scope), this.rollup(scope, asOf)]);
    const assessments = await this.reader.assessAll(milestones, asOf);
    const items = milestones.map((m, i) => ({ item: m, code: m.code, weight: m.weight, assessment: assessments[i] }));
    const goalsById = new Map<number, Goal>();
    for (const planId of new Set(milestones.map((m) => m.planId))) for (const g of await this.reader.loaders.goalsByPlan.load(planId)) goalsById.set(g.rowId, g);
    const ancestry = (goalId: number): Goal[] => {
      const chain: Goal[] = [];
      for (let g = goalsById.get(goalId); g; g = g.parentId === null ? undefined : goalsById.get(g.parentId)) chain.push(g);
      return chain; // the goal first, the top-level goal last
    };
    const committeeGoalIds = scope.kind === 'committee' ? new Set((await this.reader.committeeGoals(scope.committee)).map((g) => g.rowId)) : null;
    return {
      rollup,
      items,
      goalGroupOf(milestone) {
        const chain = ancestry(milestone.goalId);
        if (scope.kind === 'goal') {
          const index = chain.findIndex((g) => g.rowId === scope.goal.rowId);
          return index <= 0 ? scope.goal : chain[index - 1];
        }
        if (committeeGoalIds) return chain.find((g) => committeeGoalIds.has(g.rowId)) ?? chain[chain.length - 1];
        return chain[chain.length - 1];
      },
      committeeOf(milestone) {
        return ancestry(milestone.goalId).find((g) => g.committeeId !== null)?.committeeId ?? null;
      },
    };
  }
}

export function goalGroupKey(goal: Goal): { key: string; label: string } {
  return { key: toGlobalId('Goal', goal.rowId), label: `${goal.code} ${goal.title}` };
}
