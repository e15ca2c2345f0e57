/**
 * A synthetic plan of N milestones for benchmarks and tests: a goal tree (goals of 20–50
 * milestones, each top-level goal with 2–4 nested ones), 30 agencies, partners, acyclic
 * dependencies on earlier milestones, progress-update histories, some due-date moves, some
 * PARTNERS-only milestones, and a mix of statuses relative to `today`.
 *
 * `syntheticPlan` is pure and deterministic (a seeded PRNG): the same options give the same
 * rows. `insertSyntheticPlan` writes them with TypeORM multi-row INSERTs in one transaction,
 * so it works on any database TypeORM drives (SQLite now, PostgreSQL later).
 */
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AgencyKind, Jurisdiction, MilestoneStatus, PartnerRole, Visibility } from '../src/domain/enums';
import { IsoDate } from '../src/domain/dates';
import { Agency, AuditEntry, Committee, CommitteeMember, DateChange, Goal, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate } from '../src/entities';
import { toGlobalId } from '../src/entities/global-id';

export interface SyntheticOptions {
  milestones: number;
  /** PRNG seed: the same seed gives the same plan. */
  seed: number;
  /** The day statuses are arranged around (the server's "today" when it serves the plan). */
  today: IsoDate;
}

export interface SyntheticAgency { shortName: string; name: string; kind: AgencyKind; jurisdiction: Jurisdiction }
export interface SyntheticGoal { code: string; parentCode: string | null; committee: string | null; lead: string; title: string; position: number }
export interface SyntheticMilestone {
  code: string;
  goalCode: string;
  lead: string;
  title: string;
  startDate: IsoDate;
  dueDate: IsoDate;
  baselineDueDate: IsoDate;
  completedOn: IsoDate | null;
  cancelledOn: IsoDate | null;
  cancelReason: string | null;
  weight: number;
  visibility: Visibility;
  position: number;
  /** The status the dates were arranged for; dependencies may still make an open one AT_RISK. */
  intended: MilestoneStatus;
}

export interface SyntheticPlan {
  plan: { title: string; description: string; startDate: IsoDate; endDate: IsoDate; timeZone: string; fiscalYearStartMonth: number; staffAgency: string };
  agencies: SyntheticAgency[];
  committees: { name: string; description: string; chair: string; members: string[] }[];
  goals: SyntheticGoal[];
  milestones: SyntheticMilestone[];
  partners: { code: string; agency: string; role: PartnerRole }[];
  dependencies: { code: string; dependsOn: string }[];
  updates: { code: string; reportedOn: IsoDate; percentComplete: number; note: string; author: string }[];
  dueDateChanges: { code: string; changedOn: IsoDate; fromDate: IsoDate; toDate: IsoDate; reason: string; author: string }[];
}

/** mulberry32: tiny, fast and good enough to spread test data; seeded, so reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Dates as whole UTC days since 1970: plain integer arithmetic, far cheaper than luxon for the
// millions of date operations of a 100,000-milestone plan.
const DAY_MS = 86_400_000;
const toDay = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toIso = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Share of each intended status; they add up to 1. */
const STATUS_MIX: [MilestoneStatus, number][] = [
  [MilestoneStatus.COMPLETED, 0.2],
  [MilestoneStatus.COMPLETED_LATE, 0.07],
  [MilestoneStatus.OVERDUE, 0.08],
  [MilestoneStatus.AT_RISK, 0.12],
  [MilestoneStatus.ON_TRACK, 0.3],
  [MilestoneStatus.NOT_STARTED, 0.18],
  [MilestoneStatus.CANCELLED, 0.05],
];

const AGENCY_COUNT = 30;
const KINDS = Object.values(AgencyKind);
const JURISDICTIONS = Object.values(Jurisdiction);
const VERBS = ['Publish', 'Train staff on', 'Pilot', 'Evaluate', 'Fund', 'Launch', 'Review', 'Adopt', 'Expand', 'Report on'];
const OBJECTS = [
  'the screening protocol',
  'the shelter referral pathway',
  'the multilingual hotline',
  'case-counting rules',
  'the survivor services directory',
  'the labor trafficking task group',
  'youth outreach in schools',
  'the data-sharing agreement',
  'victim-witness support',
  'the annual public report',
  'hotel and motel training',
  'the massage-establishment inspections',
  'the interagency CSEC protocol',
  'legal aid for survivors',
  'the community awareness campaign',
];

export function syntheticPlan(options: SyntheticOptions): SyntheticPlan {
  const { milestones: total, seed } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error(`A synthetic plan needs a whole number of milestones ≥ 1, got ${total}.`);
  const random = prng(seed);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const today = toDay(options.today);
  // A four-year plan halfway through: history behind today, work ahead of it.
  const planStart = today - 730;
  const planEnd = today + 730;
  const clamp = (day: number): number => Math.min(planEnd, Math.max(planStart, day));

  const agencies: SyntheticAgency[] = Array.from({ length: AGENCY_COUNT }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { shortName: `SYN${n}`, name: `Synthetic agency ${n}`, kind: KINDS[i % KINDS.length], jurisdiction: JURISDICTIONS[i % JURISDICTIONS.length] };
  });
  const names = agencies.map((a) => a.shortName);
  const committees = ['A', 'B', 'C', 'D'].map((letter, i) => ({
    name: `Committee ${letter}`,
    description: `Synthetic committee ${letter}.`,
    chair: names[i],
    members: names.filter((_, j) => j % 4 === i),
  }));

  const plan: SyntheticPlan = {
    plan: {
      title: `Synthetic plan: ${total} milestones (seed ${seed})`,
      description: 'Generated for benchmarks and tests (seeds/synthetic-plan.ts).',
      startDate: toIso(planStart),
      endDate: toIso(planEnd),
      timeZone: 'America/Los_Angeles',
      fiscalYearStartMonth: 7,
      staffAgency: names[0],
    },
    agencies,
    committees,
    goals: [],
    milestones: [],
    partners: [],
    dependencies: [],
    updates: [],
    dueDateChanges: [],
  };

  /** Arranges one milestone's dates, progress history and moves for the status it should have. */
  const addMilestone = (goalCode: string, position: number): void => {
    const index = plan.milestones.length;
    const code = `${goalCode}.M${position + 1}`;
    let roll = random();
    const intended = STATUS_MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? MilestoneStatus.ON_TRACK;
    let start: number;
    let due: number;
    let completed: number | null = null;
    let cancelled: number | null = null;
    let reported = 0; // the latest progress reported
    switch (intended) {
      case MilestoneStatus.NOT_STARTED:
        start = today + between(1, 300);
        due = Math.min(planEnd, start + between(60, 540));
        break;
      case MilestoneStatus.ON_TRACK: {
        start = today - between(10, 400);
        due = clamp(today + between(20, 500));
        const expected = (100 * (today - start)) / (due - start);
        reported = Math.min(99, Math.max(1, Math.round(expected + between(-15, 10))));
        break;
      }
      case MilestoneStatus.AT_RISK: {
        start = today - between(200, 500);
        due = today + between(10, 150);
        const expected = (100 * (today - start)) / (due - start);
        reported = Math.max(0, Math.round(expected - between(30, 50)));
        break;
      }
      case MilestoneStatus.OVERDUE:
        start = today - between(200, 600);
        due = today - between(1, 180);
        reported = between(20, 90);
        break;
      case MilestoneStatus.COMPLETED:
        start = planStart + between(0, 500);
        due = start + between(60, 540);
        completed = Math.max(start + 1, Math.min(today - 1, due - between(0, 60)));
        reported = between(60, 95);
        break;
      case MilestoneStatus.COMPLETED_LATE:
        start = planStart + between(0, 450);
        due = Math.min(today - 2, start + between(60, 540));
        completed = Math.min(today - 1, due + between(1, 90));
        reported = between(60, 95);
        break;
      default: // CANCELLED
        start = planStart + between(0, 600);
        due = clamp(start + between(60, 540));
        cancelled = Math.min(today - 1, start + between(10, 300));
        reported = between(0, 60);
        break;
    }
    const lead = pick(names);
    plan.milestones.push({
      code,
      goalCode,
      lead,
      title: `${pick(VERBS)} ${pick(OBJECTS)}`,
      startDate: toIso(start),
      dueDate: toIso(due),
      baselineDueDate: toIso(due), // replaced below when the due date moved
      completedOn: completed === null ? null : toIso(completed),
      cancelledOn: cancelled === null ? null : toIso(cancelled),
      cancelReason: cancelled === null ? null : 'Merged into another milestone',
      weight: random() < 0.85 ? 1 : random() < 0.67 ? 2 : 0.5,
      visibility: random() < 0.04 ? Visibility.PARTNERS : Visibility.PUBLIC,
      position,
      intended,
    });

    // Partners: 0–3 other agencies.
    const partnerCount = [0, 1, 1, 1, 2, 2, 3][between(0, 6)];
    const partners = new Set<string>();
    while (partners.size < partnerCount) {
      const agency = pick(names);
      if (agency !== lead) partners.add(agency);
    }
    for (const agency of partners) plan.partners.push({ code, agency, role: random() < 0.6 ? PartnerRole.SUPPORT : PartnerRole.CONSULTED });

    // Dependencies on earlier milestones only, so the graph is acyclic; mostly close neighbours.
    if (index > 0) {
      const targets = new Set<number>();
      if (random() < 0.55) targets.add(index - between(1, Math.min(index, 60)));
      if (random() < 0.15) targets.add(index - between(1, Math.min(index, 60)));
      for (const target of targets) plan.dependencies.push({ code, dependsOn: plan.milestones[target].code });
    }

    // Progress history: 2–6 updates rising to the latest value, between the start and the day work stopped.
    const stoppedAt = completed ?? cancelled ?? today;
    if (start < today && stoppedAt > start) {
      const count = between(2, 6);
      // About one open milestone in seven has gone quiet for longer than the update cadence.
      const lastReport = completed !== null || cancelled !== null || random() > 0.15 ? stoppedAt - between(0, Math.min(30, stoppedAt - start - 1)) : stoppedAt - between(70, 120);
      if (lastReport > start) {
        for (let u = 1; u <= count; u++) {
          plan.updates.push({
            code,
            reportedOn: toIso(start + Math.round(((lastReport - start) * u) / count)),
            percentComplete: Math.round((reported * u) / count),
            note: `Check-in ${u} of ${count}.`,
            author: lead,
          });
        }
      }
    }

    // About one in eight started milestones had its due date moved, once or twice, always later.
    const movable = intended !== MilestoneStatus.NOT_STARTED && random() < 0.125;
    const slip = between(14, 120);
    const firstMove = Math.max(planStart, start - 30);
    const lastMove = Math.min(today - 1, stoppedAt - 1);
    if (movable && due - slip > start + 1 && lastMove > firstMove) {
      const baseline = due - slip;
      const moves = random() < 0.3 ? [baseline + Math.round(slip / 2), due] : [due];
      const days = moves.map(() => between(firstMove, lastMove)).sort((a, b) => a - b);
      let from = baseline;
      moves.forEach((to, m) => {
        plan.dueDateChanges.push({ code, changedOn: toIso(days[m]), fromDate: toIso(from), toDate: toIso(to), reason: 'Waiting on a partner agency.', author: lead });
        from = to;
      });
      plan.milestones[index].baselineDueDate = toIso(baseline);
    }
  };

  const addGoal = (code: string, parentCode: string | null, position: number, committee: string | null): void => {
    plan.goals.push({ code, parentCode, committee, lead: pick(names), title: `${pick(VERBS)} ${pick(OBJECTS)} (${code})`, position });
    const size = Math.min(between(20, 50), total - plan.milestones.length);
    for (let position = 0; position < size; position++) addMilestone(code, position);
  };

  // Top-level goals with 2–4 nested goals each, every goal holding 20–50 milestones, until N.
  for (let top = 1; plan.milestones.length < total; top++) {
    const code = `G${top}`;
    addGoal(code, null, top - 1, committees[(top - 1) % committees.length].name);
    const children = between(2, 4);
    for (let child = 1; child <= children && plan.milestones.length < total; child++) addGoal(`${code}.${child}`, code, child - 1, null);
  }
  return plan;
}

export type ProgressListener = (done: number, total: number) => void;

/** Rows per INSERT: under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535), one per column. */
function rowsPerInsert(em: EntityManager, entity: EntityTarget<ObjectLiteral>): number {
  return Math.floor(32_000 / em.dataSource.getMetadata(entity).columns.length);
}

/** Writes the synthetic plan in one transaction, reusing agencies that exist; returns the plan's global ID. */
export async function insertSyntheticPlan(dataSource: DataSource, data: SyntheticPlan, onProgress: ProgressListener = () => {}): Promise<string> {
  const totalRows =
    data.agencies.length + data.committees.reduce((n, c) => n + c.members.length, 0) + data.goals.length + data.milestones.length + data.partners.length + data.dependencies.length + data.updates.length + data.dueDateChanges.length;
  let done = 0;
  const id = await dataSource.transaction(async (em) => {
    const insert = async <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]): Promise<void> => {
      const size = rowsPerInsert(em, entity);
      for (let i = 0; i < rows.length; i += size) {
        const chunk = rows.slice(i, i + size);
        // updateEntity(false): we read generated ids back by code instead (one SELECT, any database).
        await em.createQueryBuilder().insert().into(entity).values(chunk as never).updateEntity(false).execute();
        done += chunk.length;
        onProgress(done, totalRows);
      }
    };

    const existing = await em.getRepository(Agency).find();
    const known = new Set(existing.map((a) => a.shortName));
    await insert(Agency, data.agencies.filter((a) => !known.has(a.shortName)) as Agency[]);
    done += known.size; // agencies already there count as done
    const agencyId = new Map((await em.getRepository(Agency).find()).map((a) => [a.shortName, a.rowId]));

    const { staffAgency, ...planFields } = data.plan;
    const plan = await em.save(em.create(Plan, { ...planFields, staffAgencyId: agencyId.get(staffAgency)! }));
    const committeeId = new Map<string, number>();
    for (const c of data.committees) {
      const committee = await em.save(em.create(Committee, { planId: plan.rowId, name: c.name, description: c.description, chairAgencyId: agencyId.get(c.chair)! }));
      committeeId.set(c.name, committee.rowId);
      await insert(CommitteeMember, c.members.map((m) => ({ committeeId: committee.rowId, agencyId: agencyId.get(m)! })));
    }

    // Goals in two passes: top-level ones first, so nested ones can point at their parent's id.
    const goalId = new Map<string, number>();
    const readGoalIds = async () => {
      for (const g of await em.getRepository(Goal).find({ where: { planId: plan.rowId }, select: { rowId: true, code: true } })) goalId.set(g.code, g.rowId);
    };
    const goalRow = (g: SyntheticGoal) =>
      ({ planId: plan.rowId, parentId: g.parentCode === null ? null : goalId.get(g.parentCode)!, committeeId: g.committee === null ? null : committeeId.get(g.committee)!, leadAgencyId: agencyId.get(g.lead)!, code: g.code, title: g.title, position: g.position }) as Goal;
    await insert(Goal, data.goals.filter((g) => g.parentCode === null).map(goalRow));
    await readGoalIds();
    await insert(Goal, data.goals.filter((g) => g.parentCode !== null).map(goalRow));
    await readGoalIds();

    await insert(
      Milestone,
      data.milestones.map(({ goalCode, lead, intended: _intended, ...m }) => ({ ...m, planId: plan.rowId, goalId: goalId.get(goalCode)!, leadAgencyId: agencyId.get(lead)! }) as Milestone),
    );
    const milestoneId = new Map<string, number>();
    for (const m of await em.getRepository(Milestone).find({ where: { planId: plan.rowId }, select: { rowId: true, code: true } })) milestoneId.set(m.code, m.rowId);
    const id = (code: string) => milestoneId.get(code)!;

    await insert(MilestonePartner, data.partners.map((p) => ({ milestoneId: id(p.code), agencyId: agencyId.get(p.agency)!, role: p.role })));
    await insert(MilestoneDependency, data.dependencies.map((d) => ({ milestoneId: id(d.code), dependsOnId: id(d.dependsOn) })));
    await insert(ProgressUpdate, data.updates.map(({ code, ...u }) => ({ ...u, milestoneId: id(code) }) as ProgressUpdate));
    await insert(DateChange, data.dueDateChanges.map(({ code, ...c }) => ({ ...c, milestoneId: id(code) }) as DateChange));
    await em.insert(AuditEntry, {
      occurredAt: new Date().toISOString(),
      actor: 'seed',
      action: 'seedSyntheticPlan',
      entityType: 'Plan',
      entityRowId: plan.rowId,
      planId: plan.rowId,
      changes: JSON.stringify({ title: { before: null, after: plan.title } }),
    });
    return toGlobalId('Plan', plan.rowId);
  });
  // PostgreSQL plans queries from table statistics, which a bulk load leaves stale until
  // autovacuum comes round; without them it scanned whole tables for one milestone's history.
  if (dataSource.options.type === 'postgres') await dataSource.query('ANALYZE');
  return id;
}
