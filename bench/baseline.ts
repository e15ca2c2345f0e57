/**
 * The hand-written baseline the GraphQL figures are compared with: the same rows, fetched with
 * a few raw prepared statements, run through the same domain rules (src/domain), shaped as the
 * same JSON. No ORM, no GraphQL, no DataLoaders: what a dedicated endpoint would cost.
 *
 * It reads as an ADMIN (the bench's token): every milestone is visible, so there is no
 * visibility filter here. Row order follows the loaders (src/services/loaders.ts) exactly,
 * because order shows in the output (goals, milestones, and blockers in a status reason).
 */
import Database from 'better-sqlite3';
import { Clock } from '../src/domain/clock';
import { breakdownRow } from '../src/domain/dashboard';
import { assessMilestone, MilestoneAssessment, MilestoneFacts } from '../src/domain/milestone';
import { GoalNode, goalRollup, goalsRollup } from '../src/domain/rollup';
import { StatusCounts } from '../src/domain/statuses';
import { toGlobalId } from '../src/entities/global-id';

interface PlanRow { id: number; time_zone: string; at_risk_threshold: number; update_cadence_days: number; off_track_share: number }
interface GoalRow { id: number; parent_id: number | null; code: string; title: string; weight: number }
interface MilestoneRow {
  id: number;
  goal_id: number;
  lead_agency_id: number;
  code: string;
  title: string;
  start_date: string;
  due_date: string;
  baseline_due_date: string;
  completed_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  weight: number;
}

/** Everything one plan's computed fields need, as rows. */
export interface PlanRows {
  plan: PlanRow;
  goals: GoalRow[];
  milestones: MilestoneRow[];
  agencies: { id: number; short_name: string }[];
  updates: { milestone_id: number; reported_on: string; percent_complete: number }[];
  dateChanges: { milestone_id: number; which: string; changed_on: string; from_date: string; to_date: string }[];
  dependencies: { milestone_id: number; depends_on_id: number }[];
}

/** Reads a plan's rows; one implementation per database. */
export type PlanRowSource = (planId: number) => Promise<PlanRows>;

const ofPlan = (table: string, columns: string, order: string) =>
  `SELECT ${columns} FROM ${table} x JOIN milestone m ON m.id = x.milestone_id WHERE m.plan_id = ? ORDER BY ${order}`;

/** The seven statements, the same text on both databases (`?` is the plan id). */
const STATEMENTS = {
  plan: 'SELECT id, time_zone, at_risk_threshold, update_cadence_days, off_track_share FROM plan WHERE id = ?',
  goals: 'SELECT id, parent_id, code, title, weight FROM goal WHERE plan_id = ? ORDER BY position, code',
  milestones:
    'SELECT id, goal_id, lead_agency_id, code, title, start_date, due_date, baseline_due_date, completed_on, cancelled_on, cancel_reason, weight FROM milestone WHERE plan_id = ? ORDER BY position, code',
  agencies: 'SELECT id, short_name FROM agency',
  updates: ofPlan('progress_update', 'x.milestone_id, x.reported_on, x.percent_complete', 'x.reported_on, x.id'),
  dateChanges: ofPlan('date_change', 'x.milestone_id, x.which, x.changed_on, x.from_date, x.to_date', 'x.changed_on, x.id'),
  dependencies: ofPlan('milestone_dependency', 'x.milestone_id, x.depends_on_id', 'x.milestone_id, x.depends_on_id'),
};

/** Runs the seven statements through `all` (statement name, plan id → rows). */
async function readPlan(planId: number, all: (name: keyof typeof STATEMENTS, planId: number) => Promise<unknown[]>): Promise<PlanRows> {
  const [plan] = (await all('plan', planId)) as PlanRow[];
  if (!plan) throw new Error(`No plan ${planId}.`);
  return {
    plan,
    goals: (await all('goals', planId)) as GoalRow[],
    milestones: (await all('milestones', planId)) as MilestoneRow[],
    agencies: (await all('agencies', planId)) as PlanRows['agencies'],
    updates: (await all('updates', planId)) as PlanRows['updates'],
    dateChanges: (await all('dateChanges', planId)) as PlanRows['dateChanges'],
    dependencies: (await all('dependencies', planId)) as PlanRows['dependencies'],
  };
}

/** SQLite through better-sqlite3 prepared statements. */
export function sqlitePlanRows(databasePath: string): PlanRowSource {
  const db = new Database(databasePath, { readonly: true });
  const prepared = Object.fromEntries(Object.entries(STATEMENTS).map(([name, text]) => [name, db.prepare(text)]));
  return (planId) => readPlan(planId, async (name, id) => (name === 'agencies' ? prepared[name].all() : prepared[name].all(id)));
}

/**
 * PostgreSQL through node-postgres named (prepared) statements on one connection, with the
 * type parsers Cairn itself uses (dates as ISO strings, counts and numerics as numbers).
 */
export function postgresPlanRows(url: string): PlanRowSource & { close(): Promise<void> } {
  // The type parsers of src/data-source.ts (usePortableTypes), not imported: it would load TypeORM here.
  const { Pool, types } = require('pg') as typeof import('pg');
  types.setTypeParser(types.builtins.DATE, (value: string) => value);
  types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));
  types.setTypeParser(types.builtins.NUMERIC, (value: string) => Number(value));
  const pool = new Pool({ connectionString: url, max: 1 });
  const source: PlanRowSource = (planId) =>
    readPlan(planId, async (name, id) => {
      const text = STATEMENTS[name].replace('?', '$1');
      return (await pool.query({ name, text, values: name === 'agencies' ? [] : [id] })).rows;
    });
  return Object.assign(source, { close: () => pool.end() });
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function withTotal(counts: StatusCounts): StatusCounts & { total: number } {
  return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** A plan's rows with every milestone assessed on today, as PlanReader.assess would. */
function assessPlan(rows: PlanRows, clock: Clock) {
  const today = clock.today(rows.plan.time_zone);
  const shortName = new Map(rows.agencies.map((a) => [a.id, a.short_name]));
  const updates = groupBy(rows.updates, (u) => u.milestone_id);
  const moves = groupBy(rows.dateChanges, (c) => c.milestone_id);
  const movesOf = (id: number, which: string) =>
    (moves.get(id) ?? []).filter((c) => c.which === which).map((c) => ({ changedOn: c.changed_on, fromDate: c.from_date, toDate: c.to_date }));
  const dependsOn = groupBy(rows.dependencies, (d) => d.milestone_id);
  const facts = new Map<number, MilestoneFacts>();
  for (const m of rows.milestones) {
    facts.set(m.id, {
      code: m.code,
      leadAgency: shortName.get(m.lead_agency_id),
      startDate: m.start_date,
      dueDate: m.due_date,
      baselineDueDate: m.baseline_due_date,
      completedOn: m.completed_on,
      cancelledOn: m.cancelled_on,
      cancelReason: m.cancel_reason,
      updates: (updates.get(m.id) ?? []).map((u) => ({ reportedOn: u.reported_on, percentComplete: u.percent_complete })),
      dueDateChanges: movesOf(m.id, 'DUE_DATE'),
      startDateChanges: movesOf(m.id, 'START_DATE'),
    });
  }
  const settings = { atRiskThreshold: rows.plan.at_risk_threshold, updateCadenceDays: rows.plan.update_cadence_days };
  const assessment = new Map<number, MilestoneAssessment>();
  for (const m of rows.milestones) {
    const dependencies = (dependsOn.get(m.id) ?? []).map((d) => facts.get(d.depends_on_id)!);
    assessment.set(m.id, assessMilestone(facts.get(m.id)!, dependencies, today, settings));
  }
  return { assessment, shortName, milestonesByGoal: groupBy(rows.milestones, (m) => m.goal_id) };
}

/** `plan(id) { goals(all: true) { code title milestones { code title status progress statusReason leadAgency { shortName } } } }` */
export function dashboardData(rows: PlanRows, clock: Clock) {
  const { assessment, shortName, milestonesByGoal } = assessPlan(rows, clock);
  return {
    plan: {
      goals: rows.goals.map((g) => ({
        code: g.code,
        title: g.title,
        milestones: (milestonesByGoal.get(g.id) ?? []).map((m) => {
          const a = assessment.get(m.id)!;
          return { code: m.code, title: m.title, status: a.status, progress: a.progress, statusReason: a.statusReason, leadAgency: { shortName: shortName.get(m.lead_agency_id) } };
        }),
      })),
    },
  };
}

/** `plan(id) { progress health statusCounts dashboard { breakdown(by: GOAL) { … } } }` */
export function rollupData(rows: PlanRows, clock: Clock) {
  const { assessment, milestonesByGoal } = assessPlan(rows, clock);
  const children = groupBy(rows.goals, (g) => g.parent_id);
  const node = (goal: GoalRow): GoalNode => ({
    weight: goal.weight,
    milestones: (milestonesByGoal.get(goal.id) ?? []).map((m) => ({ weight: m.weight, ...assessment.get(m.id)! })),
    children: (children.get(goal.id) ?? []).map(node),
  });
  const roots = children.get(null) ?? [];
  const offTrackShare = rows.plan.off_track_share;
  const rollup = goalsRollup(roots.map(node), { offTrackShare, subject: 'plan' });
  // One group per top-level goal with milestones (tree order), with the goal's own roll-up.
  const groups = roots.flatMap((root) => {
    const subtree = (goal: GoalRow): GoalRow[] => [goal, ...(children.get(goal.id) ?? []).flatMap(subtree)];
    const members = subtree(root).flatMap((goal) => (milestonesByGoal.get(goal.id) ?? []).map((m) => ({ item: root, code: m.code, weight: m.weight, assessment: assessment.get(m.id)! })));
    if (members.length === 0) return [];
    return [breakdownRow({ key: toGlobalId('Goal', root.id), label: `${root.code} ${root.title}`, members }, goalRollup(node(root), { offTrackShare, subject: 'goal' }))];
  });
  return {
    plan: {
      progress: rollup.progress,
      health: rollup.health,
      statusCounts: withTotal(rollup.statusCounts),
      dashboard: {
        breakdown: groups.map((g) => ({
          key: g.key,
          label: g.label,
          milestoneCount: g.milestoneCount,
          progress: g.progress,
          health: g.health,
          overdueDays: g.overdueDays,
          statusCounts: withTotal(g.statusCounts),
        })),
      },
    },
  };
}
