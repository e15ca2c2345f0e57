/**
 * The annual report of a plan (docs/rules.md, "Reporting periods"): the plan as of the last day of
 * its year N, computed through the same reader, roll-ups and suppression as the query API, so
 * its figures equal what `statusCounts(asOf:)`, `progress(asOf:)` and `milestones(filter:)` give
 * for that date. The reader decides what is visible: restricted milestones it may not see are
 * left out, and every indicator number goes through `indicatorValue`.
 */
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';
import { AgencyRole, Health, MilestoneStatus } from '../domain/enums';
import { latestMeasurement } from '../domain/indicator';
import { rootGoals } from '../domain/goal-tree';
import { completedOnAsOf } from '../domain/milestone';
import { Period, reportingYear } from '../domain/periods';
import { Rollup } from '../domain/rollup';
import { StatusCounts } from '../domain/statuses';
import { Milestone, Plan } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { DashboardReader } from './dashboard-reader';
import { userError } from './errors';
import { indicatorValue, shownProgress, ShownValue } from './indicator-suppression';
import { PlanReader } from './plan-reader';

export interface ReportRollup {
  progress: number | null;
  health: Health | null;
  healthReason: string;
  statusCounts: StatusCounts;
  milestoneCount: number;
}

export interface ReportMilestone {
  code: string;
  title: string;
  leadAgency: string;
  dueDate: IsoDate;
  status: MilestoneStatus;
  completedOn: IsoDate | null;
  daysOverdue: number;
}

export interface ReportSlip {
  code: string;
  title: string;
  leadAgency: string;
  changedOn: IsoDate;
  fromDate: IsoDate;
  toDate: IsoDate;
  reason: string;
}

export interface ReportGoal extends ReportRollup {
  code: string;
  title: string;
}

export interface ReportAgency extends ReportRollup {
  shortName: string;
  name: string;
  completedInYear: number;
  overdueAtYearEnd: number;
}

export interface ReportCommittee extends ReportRollup {
  name: string;
}

export interface ReportIndicator {
  name: string;
  unit: string;
  agency: string;
  sensitive: boolean;
  baseline: ShownValue;
  target: ShownValue;
  targetDate: IsoDate;
  /** The latest measurement on or before the report date; null before the first. */
  latestOn: IsoDate | null;
  latest: ShownValue | null;
  /** 0–100; null before the first measurement or when the baseline, target or latest value is suppressed. */
  progress: number | null;
}

export interface ReportTimelineRow {
  code: string;
  title: string;
  leadAgency: string;
  goalCode: string;
  baselineDueDate: IsoDate;
  /** The due date as of the report date. */
  dueDate: IsoDate;
  slipDays: number;
  status: MilestoneStatus;
  completedOn: IsoDate | null;
}

export interface AnnualReportData {
  plan: { id: string; title: string; timeZone: string; fiscalYearStartMonth: number };
  period: Period;
  /** The date the figures describe: the period's last day (or today while the year is still running). */
  asOf: IsoDate;
  /** Whom the figures were computed for, e.g. "the public" for a published edition. */
  audience: string;
  summary: ReportRollup & {
    dueInYear: number;
    completedInYear: number;
    completedOnTime: number;
    completedLate: number;
    overdueAtYearEnd: number;
    cancelledInYear: number;
    slippedMilestones: number;
    dueDateChanges: number;
  };
  completed: ReportMilestone[];
  overdue: ReportMilestone[];
  slips: ReportSlip[];
  goals: ReportGoal[];
  agencies: ReportAgency[];
  committees: ReportCommittee[];
  indicators: ReportIndicator[];
  timeline: ReportTimelineRow[];
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** Year N of the plan; BAD_USER_INPUT when that year does not overlap the plan. */
export function reportPeriod(plan: Plan, year: number): Period {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw userError(`year must be a whole year between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}.`, 'year');
  const period = reportingYear(year, plan.fiscalYearStartMonth);
  if (period.end < plan.startDate || period.start > plan.endDate) {
    throw userError(`Year ${year} (${period.start} … ${period.end}) does not overlap the plan (${plan.startDate} … ${plan.endDate}).`, 'year');
  }
  return period;
}

function total(counts: StatusCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function inPeriod(date: IsoDate | null, period: Period): boolean {
  return date !== null && date >= period.start && date <= period.end;
}

export async function buildAnnualReport(reader: PlanReader, plan: Plan, year: number, viewer: Viewer, audience: string): Promise<AnnualReportData> {
  const period = reportPeriod(plan, year);
  const today = await reader.dateFor(plan.rowId);
  const asOf = period.end <= today ? period.end : today;
  const shortName = async (agencyId: number) => (await reader.agency(agencyId))?.shortName ?? '?';

  const milestones = await new DashboardReader(reader).milestonesIn({ kind: 'plan', plan });
  const assessed = await Promise.all(milestones.map(async (m) => ({ m, a: await reader.assess(m, asOf), lead: await shortName(m.leadAgencyId) })));
  const goals = await reader.goalsOf(plan.rowId);
  const goalCode = new Map(goals.map((g) => [g.rowId, g.code]));
  const row = ({ m, a, lead }: { m: Milestone; a: Awaited<ReturnType<PlanReader['assess']>>; lead: string }): ReportMilestone => ({
    code: m.code,
    title: m.title,
    leadAgency: lead,
    dueDate: a.dueDate,
    status: a.status,
    completedOn: completedOnAsOf(m, asOf),
    daysOverdue: a.daysOverdue,
  });
  const finished = new Set([MilestoneStatus.COMPLETED, MilestoneStatus.COMPLETED_LATE]);
  const completed = assessed.filter((x) => finished.has(x.a.status) && inPeriod(x.m.completedOn, period)).sort((x, y) => x.m.completedOn!.localeCompare(y.m.completedOn!) || x.m.code.localeCompare(y.m.code));
  const overdue = assessed.filter((x) => x.a.status === MilestoneStatus.OVERDUE).sort((x, y) => y.a.daysOverdue - x.a.daysOverdue || x.m.code.localeCompare(y.m.code));
  const cancelled = assessed.filter((x) => x.a.status === MilestoneStatus.CANCELLED && inPeriod(x.m.cancelledOn, period));
  const due = assessed.filter((x) => inPeriod(x.a.dueDate, period)).sort((x, y) => x.a.dueDate.localeCompare(y.a.dueDate) || x.m.code.localeCompare(y.m.code));

  const slips: ReportSlip[] = [];
  for (const x of assessed) {
    for (const c of await reader.dueDateChanges(x.m)) {
      if (c.changedOn >= period.start && c.changedOn <= asOf) slips.push({ code: x.m.code, title: x.m.title, leadAgency: x.lead, changedOn: c.changedOn, fromDate: c.fromDate, toDate: c.toDate, reason: c.reason });
    }
  }
  slips.sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.code.localeCompare(b.code));

  const planRollup = await reader.planRollup(plan, asOf);
  const rollupOf = (r: Rollup): ReportRollup => ({
    progress: r.progress,
    health: r.health,
    healthReason: r.healthReason,
    statusCounts: { ...r.statusCounts },
    milestoneCount: total(r.statusCounts),
  });

  const topGoals = rootGoals(goals);
  const goalRows: ReportGoal[] = await Promise.all(topGoals.map(async (g) => ({ code: g.code, title: g.title, ...rollupOf(await reader.goalRollup(g, asOf)) })));

  const leadIds = [...new Set(milestones.map((m) => m.leadAgencyId))];
  const agencies = (await Promise.all(leadIds.map((id) => reader.agency(id)))).filter((a) => a !== undefined).sort((a, b) => a.shortName.localeCompare(b.shortName));
  const agencyRows: ReportAgency[] = await Promise.all(
    agencies.map(async (agency) => ({
      shortName: agency.shortName,
      name: agency.name,
      ...rollupOf(await reader.agencyRollup(agency, AgencyRole.LEAD, asOf, plan.rowId)),
      completedInYear: completed.filter((x) => x.m.leadAgencyId === agency.rowId).length,
      overdueAtYearEnd: overdue.filter((x) => x.m.leadAgencyId === agency.rowId).length,
    })),
  );

  const committees = await reader.committeesOf(plan.rowId);
  const committeeRows: ReportCommittee[] = await Promise.all(committees.map(async (c) => ({ name: c.name, ...rollupOf(await reader.committeeRollup(c, asOf)) })));

  const indicators = await reader.indicatorsOf(plan.rowId);
  const indicatorRows: ReportIndicator[] = await Promise.all(
    indicators.map(async (indicator) => {
      const measurements = await reader.measurements(indicator);
      const latest = latestMeasurement(measurements, asOf);
      return {
        name: indicator.name,
        unit: indicator.unit,
        agency: await shortName(indicator.agencyId),
        sensitive: indicator.sensitive,
        baseline: indicatorValue(indicator.baselineValue, indicator, plan, viewer),
        target: indicatorValue(indicator.targetValue, indicator, plan, viewer),
        targetDate: indicator.targetDate,
        latestOn: latest?.measuredOn ?? null,
        latest: latest ? indicatorValue(latest.value, indicator, plan, viewer) : null,
        progress: shownProgress(indicator, plan, viewer, measurements, asOf),
      };
    }),
  );

  return {
    plan: { id: toGlobalId('Plan', plan.rowId), title: plan.title, timeZone: plan.timeZone, fiscalYearStartMonth: plan.fiscalYearStartMonth },
    period,
    asOf,
    audience,
    summary: {
      ...rollupOf(planRollup),
      dueInYear: due.length,
      completedInYear: completed.length,
      completedOnTime: completed.filter((x) => x.a.status === MilestoneStatus.COMPLETED).length,
      completedLate: completed.filter((x) => x.a.status === MilestoneStatus.COMPLETED_LATE).length,
      overdueAtYearEnd: planRollup.statusCounts.OVERDUE,
      cancelledInYear: cancelled.length,
      slippedMilestones: new Set(slips.map((s) => s.code)).size,
      dueDateChanges: slips.length,
    },
    completed: completed.map(row),
    overdue: overdue.map(row),
    slips,
    goals: goalRows,
    agencies: agencyRows,
    committees: committeeRows,
    indicators: indicatorRows,
    timeline: due.map(({ m, a, lead }) => ({
      code: m.code,
      title: m.title,
      leadAgency: lead,
      goalCode: goalCode.get(m.goalId) ?? '',
      baselineDueDate: m.baselineDueDate,
      dueDate: a.dueDate,
      slipDays: a.slipDays,
      status: a.status,
      completedOn: completedOnAsOf(m, asOf),
    })),
  };
}

/** The stable URL path of the live report (and `.md` for Markdown). */
export function liveReportPath(planId: string, year: number, format: 'html' | 'md' = 'html'): string {
  return `/reports/${encodeURIComponent(planId)}/${year}.${format}`;
}

/** The stable URL path of a published edition. */
export function editionPath(planId: string, year: number, edition: number, format: 'html' | 'md' = 'html'): string {
  return `/reports/${encodeURIComponent(planId)}/${year}/editions/${edition}.${format}`;
}
