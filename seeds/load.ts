/**
 * Loads the illustrative sample plans (San Francisco's anti-trafficking task force) into an
 * empty database: the finished first plan and the current plan, dated relative to today.
 */
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../src/domain/clock';
import { Visibility } from '../src/domain/enums';
import { Agency, AuditEntry, Committee, CommitteeMember, DateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../src/entities';
import { currentPlan } from './current-plan';
import { firstPlan } from './first-plan';
import { sampleAgencies } from './sample-agencies';
import { currentPlanIndicators, firstPlanIndicators } from './sample-indicators';
import { sampleMeetings } from './sample-meetings';
import { SeedGoal, SeedPlan } from './seed-types';

async function loadPlan(em: EntityManager, seed: SeedPlan, agencies: Map<string, Agency>): Promise<Plan> {
  const agencyId = (key: string): number => {
    const agency = agencies.get(key);
    if (!agency) throw new Error(`Seed refers to unknown agency ${key}`);
    return agency.rowId;
  };
  const plan = await em.save(
    em.create(Plan, {
      title: seed.title,
      description: seed.description,
      startDate: seed.startDate,
      endDate: seed.endDate,
      timeZone: seed.timeZone,
      fiscalYearStartMonth: seed.fiscalYearStartMonth,
      staffAgencyId: agencyId(seed.staffAgency),
      atRiskThreshold: seed.atRiskThreshold ?? 25,
      updateCadenceDays: seed.updateCadenceDays ?? 61,
      suppressionThreshold: seed.suppressionThreshold ?? 11,
    }),
  );
  const committees = new Map<string, number>();
  for (const c of seed.committees) {
    const committee = await em.save(em.create(Committee, { planId: plan.rowId, name: c.name, description: c.description, chairAgencyId: agencyId(c.chair) }));
    committees.set(c.key, committee.rowId);
    await em.insert(CommitteeMember, [...new Set(c.members)].map((m) => ({ committeeId: committee.rowId, agencyId: agencyId(m) })));
  }

  const milestoneIds = new Map<string, number>();
  const goalIds = new Map<string, number>();
  const dependencies: { code: string; dependsOn: string }[] = [];
  const addGoal = async (g: SeedGoal, parentId: number | null, position: number): Promise<void> => {
    const goal = await em.save(
      em.create(Goal, {
        planId: plan.rowId,
        parentId,
        committeeId: g.committee ? (committees.get(g.committee) ?? null) : null,
        leadAgencyId: agencyId(g.lead),
        code: g.code,
        title: g.title,
        description: g.description,
        weight: g.weight ?? 1,
        position,
      }),
    );
    goalIds.set(g.code, goal.rowId);
    for (const [index, m] of g.milestones.entries()) {
      const moves = m.moves ?? [];
      const milestone = await em.save(
        em.create(Milestone, {
          planId: plan.rowId,
          goalId: goal.rowId,
          leadAgencyId: agencyId(m.lead),
          code: m.code,
          title: m.title,
          description: m.description,
          startDate: m.startDate,
          dueDate: moves.length ? moves[moves.length - 1].newDueDate : m.dueDate,
          baselineDueDate: m.dueDate,
          completedOn: m.completedOn ?? null,
          cancelledOn: m.cancelledOn ?? null,
          cancelReason: m.cancelReason ?? null,
          weight: m.weight ?? 1,
          visibility: m.visibility ?? Visibility.PUBLIC,
          position: index,
        }),
      );
      milestoneIds.set(m.code, milestone.rowId);
      if (m.partners?.length) await em.insert(MilestonePartner, m.partners.map((p) => ({ milestoneId: milestone.rowId, agencyId: agencyId(p.agency), role: p.role })));
      if (m.updates?.length) await em.insert(ProgressUpdate, m.updates.map((u) => ({ milestoneId: milestone.rowId, ...u })));
      let from = m.dueDate;
      for (const move of moves) {
        await em.insert(DateChange, { milestoneId: milestone.rowId, changedOn: move.changedOn, fromDate: from, toDate: move.newDueDate, reason: move.reason, author: 'Sample data' });
        from = move.newDueDate;
      }
      for (const code of m.dependsOn ?? []) dependencies.push({ code: m.code, dependsOn: code });
    }
    for (const [index, child] of (g.children ?? []).entries()) await addGoal(child, goal.rowId, index);
  };
  for (const [index, g] of seed.goals.entries()) await addGoal(g, null, index);
  for (const i of seed.indicators ?? []) {
    const { agency, goal, measurements, ...fields } = i;
    const indicator = await em.save(
      em.create(Indicator, { ...fields, planId: plan.rowId, agencyId: agencyId(agency), goalId: goal ? (goalIds.get(goal) ?? null) : null }),
    );
    if (measurements.length) await em.insert(IndicatorMeasurement, measurements.map((x) => ({ ...x, indicatorId: indicator.rowId, author: 'Sample data' })));
  }
  for (const meeting of sampleMeetings(seed.startDate, seed.endDate, seed.committees)) {
    await em.insert(Meeting, { planId: plan.rowId, committeeId: meeting.committee ? committees.get(meeting.committee)! : null, date: meeting.date, title: meeting.title });
  }
  for (const d of dependencies) {
    const milestoneId = milestoneIds.get(d.code);
    const dependsOnId = milestoneIds.get(d.dependsOn);
    if (!milestoneId || !dependsOnId) throw new Error(`Seed dependency ${d.code} → ${d.dependsOn} refers to an unknown milestone`);
    await em.insert(MilestoneDependency, { milestoneId, dependsOnId });
  }
  return plan;
}

/** Loads the sample plans; "today" places the current plan's progress so it looks alive. */
export async function seedSamplePlans(dataSource: DataSource, clock: Clock): Promise<Plan[]> {
  return dataSource.transaction(async (em) => {
    const agencies = new Map<string, Agency>();
    for (const a of sampleAgencies) {
      const existing = await em.findOneBy(Agency, { shortName: a.shortName });
      agencies.set(a.key, existing ?? (await em.save(em.create(Agency, { name: a.name, shortName: a.shortName, kind: a.kind, jurisdiction: a.jurisdiction }))));
    }
    const today = clock.today('America/Los_Angeles');
    const plans = [
      await loadPlan(em, { ...firstPlan, indicators: firstPlanIndicators }, agencies),
      await loadPlan(em, { ...currentPlan(today), indicators: currentPlanIndicators(today) }, agencies),
    ];
    for (const plan of plans) {
      await em.insert(AuditEntry, {
        occurredAt: clock.now().toISOString(),
        actor: 'seed',
        action: 'seedSamplePlan',
        entityType: 'Plan',
        entityRowId: plan.rowId,
        planId: plan.rowId,
        changes: JSON.stringify({ title: { before: null, after: plan.title } }),
      });
    }
    return plans;
  });
}

/** `npm start` on an empty database: load the sample plans so there is something to look at. */
export async function seedSamplePlansIfEmpty(dataSource: DataSource, clock: Clock): Promise<boolean> {
  if ((await dataSource.getRepository(Plan).count()) > 0) return false;
  await seedSamplePlans(dataSource, clock);
  return true;
}
