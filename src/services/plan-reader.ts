/**
 * Read-side service of one request: the rows it reads, by name, and the facts the domain rules
 * need, gathered through the request's DataLoaders; each computed answer is cached per (object,
 * date). The loaders stay inside: callers ask for rows and figures, never for a loader.
 */
import { Clock } from '../domain/clock';
import { IsoDate } from '../domain/dates';
import { assessMilestone, forecastCompletion, MilestoneAssessment, MilestoneFacts, MilestoneNode } from '../domain/milestone';
import { DEFAULT_OFF_TRACK_SHARE, HealthRule, RollupSubject } from '../domain/health';
import { AssessedMilestone, GoalNode, goalRollup, goalsRollup, milestonesRollup, Rollup } from '../domain/rollup';
import { Agency, Committee, DateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestonePartner, Plan, ProgressUpdate } from '../entities';
import { AgencyRole, PartnerRole } from '../domain/enums';
import { childrenByParent, committeeRoots, rootGoals } from '../domain/goal-tree';
import { includesLead, partnerRolesOf } from '../domain/involvement';
import DataLoader from 'dataloader';
import { Loaders, MilestoneHistory, present } from './loaders';

/** A milestone's row and history as the facts the rules read. */
function factsOf(milestone: Milestone, history: MilestoneHistory): MilestoneFacts {
  return {
    code: milestone.code,
    startDate: milestone.startDate,
    dueDate: milestone.dueDate,
    baselineDueDate: milestone.baselineDueDate,
    completedOn: milestone.completedOn,
    cancelledOn: milestone.cancelledOn,
    cancelReason: milestone.cancelReason,
    updates: history.updates,
    dueDateChanges: history.dueDateChanges,
    startDateChanges: history.startDateChanges,
  };
}

function assessmentKey(milestone: Milestone, asOf: IsoDate | null): string {
  return `${milestone.rowId}@${asOf ?? 'today'}`;
}

export class PlanReader {
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Assessments computed so far, as values: what `settledAssessment` answers from. */
  private readonly settled = new Map<string, MilestoneAssessment>();

  constructor(
    private readonly loaders: Loaders,
    private readonly clock: Clock,
  ) {}

  private memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.cache.set(key, value);
    }
    return value;
  }

  // Rows by id: undefined when there is none, or the viewer may not see it (milestones).
  agency(id: number): Promise<Agency | undefined> {
    return this.loaders.agency.load(id);
  }

  plan(id: number): Promise<Plan | undefined> {
    return this.loaders.plan.load(id);
  }

  committee(id: number): Promise<Committee | undefined> {
    return this.loaders.committee.load(id);
  }

  goal(id: number): Promise<Goal | undefined> {
    return this.loaders.goal.load(id);
  }

  milestone(id: number): Promise<Milestone | undefined> {
    return this.loaders.milestone.load(id);
  }

  indicator(id: number): Promise<Indicator | undefined> {
    return this.loaders.indicator.load(id);
  }

  meeting(id: number): Promise<Meeting | undefined> {
    return this.loaders.meeting.load(id);
  }

  /** The ones of these agencies that exist, in the order given. */
  async agencies(ids: readonly number[]): Promise<Agency[]> {
    return present(await this.loaders.agency.loadMany(ids));
  }

  async committees(ids: readonly number[]): Promise<Committee[]> {
    return present(await this.loaders.committee.loadMany(ids));
  }

  /** A milestone's lead agency; without a promise once this request has read the agencies, so a list's milestones complete synchronously. */
  leadAgency(milestone: Milestone): Agency | Promise<Agency> {
    return this.loaders.agency.peek(milestone.leadAgencyId) ?? (this.loaders.agency.load(milestone.leadAgencyId) as Promise<Agency>);
  }

  /** A plan's goals, nested ones included, in order. */
  goalsOf(planId: number): Promise<Goal[]> {
    return this.loaders.goalsByPlan.load(planId);
  }

  /** A plan's top-level goals, in order. */
  async topGoalsOf(planId: number): Promise<Goal[]> {
    return rootGoals(await this.goalsOf(planId));
  }

  /** The goals nested directly under a goal, in order. */
  async childrenOf(goal: Goal): Promise<Goal[]> {
    return (await this.goalTree(goal.planId)).get(goal.rowId) ?? [];
  }

  private goalTree(planId: number): Promise<Map<number, Goal[]>> {
    return this.memo(`children:${planId}`, async () => childrenByParent(await this.goalsOf(planId)));
  }

  committeesOf(planId: number): Promise<Committee[]> {
    return this.loaders.committeesByPlan.load(planId);
  }

  /** A committee's member agencies, by short name. */
  async members(committee: Committee): Promise<Agency[]> {
    const links = await this.loaders.membersByCommittee.load(committee.rowId);
    return (await this.agencies(links.map((l) => l.agencyId))).sort((a, b) => a.shortName.localeCompare(b.shortName));
  }

  /** A goal's own milestones the viewer may see, in order. */
  milestonesOf(goal: Goal): Promise<Milestone[]> {
    return this.loaders.milestonesByGoal.load(goal.rowId);
  }

  /** The milestones of these goals the viewer may see, goal by goal. */
  async milestonesOfGoals(goalIds: readonly number[]): Promise<Milestone[]> {
    return (await this.loaders.milestonesByGoal.loadMany(goalIds)).flatMap((rows) => (Array.isArray(rows) ? rows : []));
  }

  /** A milestone's partner links, as stored. */
  partnerLinks(milestone: Milestone): Promise<MilestonePartner[]> {
    return this.loaders.partnersByMilestone.load(milestone.rowId);
  }

  /** A milestone's partner agencies with their roles, by short name. */
  async partners(milestone: Milestone): Promise<{ agency: Agency; role: PartnerRole }[]> {
    const links = await this.partnerLinks(milestone);
    const agencies = await this.agencies(links.map((l) => l.agencyId));
    const roles = new Map(links.map((l) => [l.agencyId, l.role]));
    return agencies.map((agency) => ({ agency, role: roles.get(agency.rowId)! })).sort((a, b) => a.agency.shortName.localeCompare(b.agency.shortName));
  }

  /** Progress updates, oldest first; with `asOf`, those reported on or before it. */
  async updates(milestone: Milestone, asOf?: IsoDate | null): Promise<ProgressUpdate[]> {
    const updates = await this.loaders.updatesByMilestone.load(milestone.rowId);
    return asOf ? updates.filter((u) => u.reportedOn <= asOf) : updates;
  }

  /** Moves of both dates, oldest first. */
  dateChanges(milestone: Milestone): Promise<DateChange[]> {
    return this.loaders.dateChangesByMilestone.load(milestone.rowId);
  }

  dueDateChanges(milestone: Milestone): Promise<DateChange[]> {
    return this.loaders.dueDateChangesByMilestone.load(milestone.rowId);
  }

  /** A plan's indicators (of the plan and of its goals), by name. */
  indicatorsOf(planId: number): Promise<Indicator[]> {
    return this.loaders.indicatorsByPlan.load(planId);
  }

  /** The indicators that measure a goal, by name. */
  async indicatorsOfGoal(goal: Goal): Promise<Indicator[]> {
    return (await this.indicatorsOf(goal.planId)).filter((i) => i.goalId === goal.rowId);
  }

  /** Measurements, oldest first; with `asOf`, those on or before it. */
  async measurements(indicator: Indicator, asOf?: IsoDate | null): Promise<IndicatorMeasurement[]> {
    const all = await this.loaders.measurementsByIndicator.load(indicator.rowId);
    return asOf ? all.filter((m) => m.measuredOn <= asOf) : all;
  }

  /** A plan's meetings (task force and committees), by date; with `from` or `to`, those within. */
  async meetingsOf(planId: number, from?: IsoDate | null, to?: IsoDate | null): Promise<Meeting[]> {
    const meetings = await this.loaders.meetingsByPlan.load(planId);
    return from || to ? meetings.filter((m) => (!from || m.date >= from) && (!to || m.date <= to)) : meetings;
  }

  async planOf(planId: number): Promise<Plan> {
    const plan = await this.loaders.plan.load(planId);
    if (!plan) throw new Error(`plan ${planId} is missing`);
    return plan;
  }

  /** The date a computed answer refers to: `asOf` if given, else today in the plan's zone. */
  private dateIn(plan: Plan, asOf: IsoDate | null | undefined): IsoDate {
    return asOf ?? this.clock.today(plan.timeZone);
  }

  /** `dateIn` for a plan by id; with `asOf` given, the plan is not read. */
  async dateFor(planId: number, asOf?: IsoDate | null): Promise<IsoDate> {
    return asOf ?? this.dateIn(await this.planOf(planId), asOf);
  }

  /** What the rules read about a milestone itself. */
  facts(milestone: Milestone): Promise<MilestoneFacts> {
    return this.memo(`facts:${milestone.rowId}`, async () => factsOf(milestone, await this.loaders.historyByMilestone.load(milestone.rowId)));
  }

  async dependenciesOf(milestone: Milestone): Promise<Milestone[]> {
    const ids = await this.loaders.dependencyIdsByMilestone.load(milestone.rowId);
    const rows = await this.loaders.milestone.loadMany(ids);
    return rows.filter((row): row is Milestone => row instanceof Milestone);
  }

  async dependentsOf(milestone: Milestone): Promise<Milestone[]> {
    const links = await this.loaders.dependentsByMilestone.load(milestone.rowId);
    const rows = await this.loaders.milestone.loadMany(links.map((link) => link.milestoneId));
    return rows.filter((row): row is Milestone => row instanceof Milestone);
  }

  /** Status, progress and the rest for one milestone on a date (today in its plan's zone by default). */
  assess(milestone: Milestone, asOf?: IsoDate | null): Promise<MilestoneAssessment> {
    return this.assessments.load({ milestone, asOf: asOf ?? null });
  }

  /** The assessment if this request has already computed it, without a promise (graphql/assessed-fields.ts). */
  settledAssessment(milestone: Milestone, asOf?: IsoDate | null): MilestoneAssessment | undefined {
    return this.settled.get(assessmentKey(milestone, asOf ?? null));
  }

  /**
   * Assessments are computed a batch at a time: a list of 10,000 milestones asks for 10,000 at
   * once, and walking each through its own chain of promises cost more than the rules themselves.
   */
  private readonly assessments = new DataLoader<{ milestone: Milestone; asOf: IsoDate | null }, MilestoneAssessment, string>(
    async (keys) => {
      const milestones = keys.map((k) => k.milestone);
      const [plans, histories] = await Promise.all([
        this.loaders.plan.loadMany([...new Set(milestones.map((m) => m.planId))]),
        this.loaders.historyByMilestone.loadMany(milestones.map((m) => m.rowId)),
      ]);
      const planById = new Map(present(plans).map((p) => [p.rowId, p]));
      const dependencyIds = [...new Set(histories.flatMap((h) => (h instanceof Error ? [] : h.dependsOnIds)))];
      const dependencies = new Map(present(await this.loaders.milestone.loadMany(dependencyIds)).map((d) => [d.rowId, d]));
      const [dependencyHistories, leads] = await Promise.all([
        this.loaders.historyByMilestone.loadMany([...dependencies.keys()]),
        this.loaders.agency.loadMany([...new Set([...dependencies.values()].map((d) => d.leadAgencyId))]),
      ]);
      const leadById = new Map(present(leads).map((a) => [a.rowId, a.shortName]));
      // Each dependency's facts once, however many milestones wait on it.
      const dependencyFactsById = new Map<number, MilestoneFacts>();
      [...dependencies.values()].forEach((dependency, i) => {
        const history = dependencyHistories[i];
        if (!(history instanceof Error)) dependencyFactsById.set(dependency.rowId, { ...factsOf(dependency, history), leadAgency: leadById.get(dependency.leadAgencyId) });
      });
      return keys.map(({ milestone, asOf }, i) => {
        const plan = planById.get(milestone.planId);
        const history = histories[i];
        if (!plan) return new Error(`plan ${milestone.planId} is missing`);
        if (history instanceof Error) return history;
        const dependencyFacts: MilestoneFacts[] = [];
        for (const id of history.dependsOnIds) {
          const facts = dependencyFactsById.get(id);
          // A dependency the viewer may not see is left out, as everywhere else.
          if (facts) dependencyFacts.push(facts);
        }
        const assessment = assessMilestone(factsOf(milestone, history), dependencyFacts, this.dateIn(plan, asOf), plan);
        this.settled.set(assessmentKey(milestone, asOf), assessment);
        return assessment;
      });
    },
    { cacheKeyFn: ({ milestone, asOf }) => assessmentKey(milestone, asOf) },
  );

  /** Forecast with upstream propagation: walks the dependency graph one batched level at a time. */
  async forecast(milestone: Milestone, asOf?: IsoDate | null): Promise<IsoDate | null> {
    const date = await this.dateFor(milestone.planId, asOf);
    const graph = new Map<string, MilestoneNode>();
    let frontier = [milestone];
    while (frontier.length > 0) {
      const next: Milestone[] = [];
      await Promise.all(
        frontier.map(async (m) => {
          const key = String(m.rowId);
          if (graph.has(key)) return;
          const [facts, upstream] = await Promise.all([this.facts(m), this.dependenciesOf(m)]);
          graph.set(key, { facts, dependsOn: upstream.map((u) => String(u.rowId)) });
          next.push(...upstream.filter((u) => !graph.has(String(u.rowId))));
        }),
      );
      frontier = next;
    }
    return forecastCompletion(String(milestone.rowId), graph, date);
  }

  /** Assessments of many milestones in one call, in their order. */
  async assessAll(milestones: readonly Milestone[], asOf?: IsoDate | null): Promise<MilestoneAssessment[]> {
    const results = await this.assessments.loadMany(milestones.map((milestone) => ({ milestone, asOf: asOf ?? null })));
    return results.map((result) => {
      if (result instanceof Error) throw result;
      return result;
    });
  }

  private async assessed(milestones: Milestone[], asOf: IsoDate | null | undefined): Promise<AssessedMilestone[]> {
    const assessments = await this.assessAll(milestones, asOf);
    return assessments.map((a, i) => ({ weight: milestones[i].weight, ...a }));
  }

  /**
   * How health is judged for milestones of these plans: by their plan's `offTrackShare`, and
   * across plans (an agency's roll-up) by the strictest of them.
   */
  async healthRule(planIds: Iterable<number>, subject: RollupSubject): Promise<HealthRule> {
    const plans = present(await this.loaders.plan.loadMany([...new Set(planIds)]));
    return { offTrackShare: plans.length > 0 ? Math.min(...plans.map((p) => p.offTrackShare)) : DEFAULT_OFF_TRACK_SHARE, subject };
  }

  /** A goal's tree as the roll-up rules read it; with `within`, only those milestones (by row id) count. */
  private async goalNode(goal: Goal, date: IsoDate, within?: ReadonlySet<number>): Promise<GoalNode> {
    const [tree, milestones] = await Promise.all([
      this.goalTree(goal.planId),
      this.milestonesOf(goal),
    ]);
    const children = tree.get(goal.rowId) ?? [];
    return {
      weight: goal.weight,
      milestones: await this.assessed(within ? milestones.filter((m) => within.has(m.rowId)) : milestones, date),
      children: await Promise.all(children.map((child) => this.goalNode(child, date, within))),
    };
  }

  /**
   * A goal's roll-up. With `within`, the same rule over only those of its milestones (a dashboard
   * row narrower than the goal); when `within` holds them all, the figures are the goal's own.
   */
  async goalRollup(goal: Goal, asOf?: IsoDate | null, within?: ReadonlySet<number>): Promise<Rollup> {
    const date = await this.dateFor(goal.planId, asOf);
    const compute = async () => goalRollup(await this.goalNode(goal, date, within), await this.healthRule([goal.planId], 'goal'));
    return within ? compute() : this.memo(`goal:${goal.rowId}@${date}`, compute);
  }

  async planRollup(plan: Plan, asOf?: IsoDate | null): Promise<Rollup> {
    const date = await this.dateFor(plan.rowId, asOf);
    return this.memo(`plan:${plan.rowId}@${date}`, async () => {
      const goals = await this.topGoalsOf(plan.rowId);
      return goalsRollup(await Promise.all(goals.map((g) => this.goalNode(g, date))), await this.healthRule([plan.rowId], 'plan'));
    });
  }

  /** A committee is measured through its goals; a goal nested in another goal of the same committee counts once. */
  async committeeGoals(committee: Committee): Promise<Goal[]> {
    return committeeRoots(await this.goalsOf(committee.planId), committee.rowId);
  }

  /** A committee's roll-up through its goals; `within` as for goals. */
  async committeeRollup(committee: Committee, asOf?: IsoDate | null, within?: ReadonlySet<number>): Promise<Rollup> {
    const date = await this.dateFor(committee.planId, asOf);
    const compute = async () => {
      const goals = await this.committeeGoals(committee);
      return goalsRollup(await Promise.all(goals.map((g) => this.goalNode(g, date, within))), await this.healthRule([committee.planId], 'committee'));
    };
    return within ? compute() : this.memo(`committee:${committee.rowId}@${date}`, compute);
  }

  /** Milestones an agency is involved in with the given role, optionally within one plan. */
  async agencyMilestones(agency: Agency, role: AgencyRole, planId?: number): Promise<Milestone[]> {
    const found: Milestone[] = [];
    if (includesLead(role)) found.push(...(await this.loaders.milestonesByLeadAgency.load(agency.rowId)));
    const roles = partnerRolesOf(role);
    if (roles.length > 0) {
      const links = (await this.loaders.partnershipsByAgency.load(agency.rowId)).filter((p) => roles.includes(p.role));
      const partnered = await this.loaders.milestone.loadMany(links.map((p) => p.milestoneId));
      found.push(...partnered.filter((m): m is Milestone => m instanceof Milestone));
    }
    return found.filter((m) => planId === undefined || m.planId === planId).sort((a, b) => a.planId - b.planId || a.code.localeCompare(b.code));
  }

  /**
   * An agency's roll-up across plans. Each milestone is judged on `asOf`, or on today in its own
   * plan's zone; counts and progress then add up across plans. `within` as for goals.
   */
  async agencyRollup(agency: Agency, role: AgencyRole, asOf?: IsoDate | null, planId?: number, within?: ReadonlySet<number>): Promise<Rollup> {
    const compute = async () => {
      const milestones = (await this.agencyMilestones(agency, role, planId)).filter((m) => !within || within.has(m.rowId));
      return milestonesRollup(await this.assessed(milestones, asOf), await this.healthRule(milestones.map((m) => m.planId), 'agency'));
    };
    return within ? compute() : this.memo(`agency:${agency.rowId}:${role}:${planId ?? '*'}@${asOf ?? 'today'}`, compute);
  }
}
