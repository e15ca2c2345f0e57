/**
 * The milestones behind a plan's, goal's, committee's or agency's dashboard, assessed on one
 * date, and how they group. Every figure comes from the same roll-ups as everywhere else: a
 * breakdown row for a goal, an agency or a committee is that thing's roll-up over the
 * dashboard's milestones, so on a plan's dashboard it is the thing's own roll-up.
 */
import { AssessedItem, breakdown, breakdownRow, Group, GroupKey, GroupMembers, groupItems, membersRollup } from '../domain/dashboard';
import { IsoDate } from '../domain/dates';
import { AgencyRole, MilestoneStatus } from '../domain/enums';
import { HealthRule } from '../domain/health';
import { Rollup } from '../domain/rollup';
import { ancestry, rootGoals, subtrees } from '../domain/goal-tree';
import { Agency, Committee, Goal, Milestone, Plan } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { urgencyRank } from '../domain/statuses';
import { PlanReader } from './plan-reader';

export type DashboardScope =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'goal'; goal: Goal }
  | { kind: 'committee'; committee: Committee }
  | { kind: 'agency'; agency: Agency; role: AgencyRole; planId?: number };

/** How to group a dashboard's milestones in a breakdown. */
export enum BreakdownBy {
  GOAL = 'GOAL',
  AGENCY = 'AGENCY',
  COMMITTEE = 'COMMITTEE',
  STATUS = 'STATUS',
}

/** A scope within one plan (an agency's spans plans). */
export type PlanPartScope = Exclude<DashboardScope, { kind: 'agency' }>;

export function planIdOf(scope: PlanPartScope): number {
  switch (scope.kind) {
    case 'plan':
      return scope.plan.rowId;
    case 'goal':
      return scope.goal.planId;
    case 'committee':
      return scope.committee.planId;
  }
}

export interface DashboardData {
  scope: DashboardScope;
  asOf: IsoDate | null;
  rollup: Rollup;
  items: AssessedItem<Milestone>[];
  /** How groups that are no goal, agency or committee (a status, "no committee") are judged. */
  groupRule: HealthRule;
  /** The goal a milestone is grouped under in a GOAL breakdown (a goal dashboard's own milestones: that goal). */
  goalGroupOf(milestone: Milestone): Goal;
  /** The committees whose goals hold a milestone's goal, the nearest first. */
  committeesOf(milestone: Milestone): number[];
}

/** The key of the group of a goal dashboard's own milestones (those not under a child goal). */
const OWN_MILESTONES = 'own';

const NO_COMMITTEE: GroupKey = { key: 'none', label: 'No committee' };

function idsOf(group: GroupMembers<Milestone>): Set<number> {
  return new Set(group.members.map((m) => m.item.rowId));
}

export class DashboardReader {
  constructor(private readonly reader: PlanReader) {}

  /** The milestones in a scope that the reader may see, in tree order. */
  async milestonesIn(scope: DashboardScope): Promise<Milestone[]> {
    if (scope.kind === 'agency') return this.reader.agencyMilestones(scope.agency, scope.role, scope.planId);
    const goals = await this.reader.goalsOf(planIdOf(scope));
    const roots = scope.kind === 'plan' ? rootGoals(goals) : scope.kind === 'goal' ? [scope.goal] : await this.reader.committeeGoals(scope.committee);
    const inScope = subtrees(goals, roots);
    return this.reader.milestonesOfGoals(inScope.map((g) => g.rowId));
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
    const planIds = scope.kind === 'agency' ? milestones.map((m) => m.planId) : [planIdOf(scope)];
    const goalsById = new Map<number, Goal>();
    for (const planId of new Set(milestones.map((m) => m.planId))) for (const g of await this.reader.goalsOf(planId)) goalsById.set(g.rowId, g);
    const committeeGoalIds = scope.kind === 'committee' ? new Set((await this.reader.committeeGoals(scope.committee)).map((g) => g.rowId)) : null;
    return {
      scope,
      asOf: asOf ?? null,
      rollup,
      items,
      groupRule: await this.reader.healthRule(planIds, 'group'),
      goalGroupOf(milestone) {
        const chain = ancestry(milestone.goalId, goalsById);
        if (scope.kind === 'goal') {
          const index = chain.findIndex((g) => g.rowId === scope.goal.rowId);
          return index <= 0 ? scope.goal : chain[index - 1];
        }
        if (committeeGoalIds) return chain.find((g) => committeeGoalIds.has(g.rowId)) ?? chain[chain.length - 1];
        return chain[chain.length - 1];
      },
      committeesOf(milestone) {
        return [...new Set(ancestry(milestone.goalId, goalsById).flatMap((g) => (g.committeeId === null ? [] : [g.committeeId])))];
      },
    };
  }

  /**
   * Per goal: the top-level goals; on a goal's dashboard its child goals and its own milestones,
   * on a committee's its goals. Each row is the goal's roll-up over the dashboard's milestones.
   */
  private async byGoal(d: DashboardData): Promise<Group[]> {
    const goals = new Map<string, Goal>();
    const groups = groupItems(d.items, (m) => {
      const goal = d.goalGroupOf(m.item);
      const own = d.scope.kind === 'goal' && goal.rowId === d.scope.goal.rowId;
      const group = own ? { key: OWN_MILESTONES, label: `${goal.code} ${goal.title}: its own milestones` } : goalGroupKey(goal);
      goals.set(group.key, goal);
      return [group];
    });
    return Promise.all(groups.map(async (group) => breakdownRow(group, await this.reader.goalRollup(goals.get(group.key)!, d.asOf, idsOf(group)))));
  }

  /** Per lead agency, by short name: each row is the agency's roll-up over the dashboard's milestones it leads. */
  private async byAgency(d: DashboardData): Promise<Group[]> {
    const agencies = new Map((await this.reader.agencies([...new Set(d.items.map((m) => m.item.leadAgencyId))])).map((a) => [toGlobalId('Agency', a.rowId), a]));
    const groups = groupItems(d.items, (m) => {
      const key = toGlobalId('Agency', m.item.leadAgencyId);
      return [{ key, label: agencies.get(key)?.shortName ?? '?' }];
    });
    const rows = await Promise.all(
      groups.map(async (group) => {
        const agency = agencies.get(group.key);
        return breakdownRow(group, agency ? await this.reader.agencyRollup(agency, AgencyRole.LEAD, d.asOf, undefined, idsOf(group)) : membersRollup(group, d.groupRule));
      }),
    );
    return rows.sort((a, b) => a.label.localeCompare(b.label));
  }

  /**
   * Per committee whose goals hold the milestones (one under goals of two committees counts in
   * both, as in both roll-ups), each row the committee's roll-up over them; "No committee" for the rest.
   */
  private async byCommittee(d: DashboardData): Promise<Group[]> {
    const ids = [...new Set(d.items.flatMap((m) => d.committeesOf(m.item)))];
    const committees = new Map((await this.reader.committees(ids)).map((c) => [toGlobalId('Committee', c.rowId), c]));
    const groups = groupItems(d.items, (m) => {
      const of = d.committeesOf(m.item).map((id) => toGlobalId('Committee', id));
      return of.length === 0 ? [NO_COMMITTEE] : of.map((key) => ({ key, label: committees.get(key)?.name ?? '?' }));
    });
    return Promise.all(
      groups.map(async (group) => {
        const committee = committees.get(group.key);
        return breakdownRow(group, committee ? await this.reader.committeeRollup(committee, d.asOf, idsOf(group)) : membersRollup(group, d.groupRule));
      }),
    );
  }

  /** Per status, most urgent first. */
  private byStatus(d: DashboardData): Group[] {
    return breakdown(d.items, (m) => ({ key: m.assessment.status, label: m.assessment.status }), d.groupRule).sort(
      (a, b) => urgencyRank(a.key as MilestoneStatus) - urgencyRank(b.key as MilestoneStatus),
    );
  }

  async breakdownBy(d: DashboardData, by: BreakdownBy): Promise<Group[]> {
    switch (by) {
      case BreakdownBy.GOAL:
        return this.byGoal(d);
      case BreakdownBy.AGENCY:
        return this.byAgency(d);
      case BreakdownBy.COMMITTEE:
        return this.byCommittee(d);
      case BreakdownBy.STATUS:
        return this.byStatus(d);
    }
  }
}

export function goalGroupKey(goal: Goal): { key: string; label: string } {
  return { key: toGlobalId('Goal', goal.rowId), label: `${goal.code} ${goal.title}` };
}
