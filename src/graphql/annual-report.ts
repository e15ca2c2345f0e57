/** The annual report (docs/rules.md, "Reporting periods"): live for the reader, and published (frozen) editions. */
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { shownStaffName } from '../domain/access';
import { Health, MilestoneStatus, Role } from '../domain/enums';
import { Plan, PublishedReport } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { AnnualReportData, editionPath, liveReportPath, ReportRollup } from '../services/annual-report';
import { reportHtml, reportMarkdown } from '../services/report-render';
import { RequestContext } from './context';
import { loadByGlobalId } from './resolvers/ids';
import { DateScalar } from '../entities/scalars';
import { ShownNumber, StatusCounts, toStatusCounts } from './types';

@ObjectType({ description: 'The headline figures of an annual report, as of its date.' })
export class AnnualReportSummary {
  @Field(() => Int, { description: 'Milestones whose due date (as of the report date) falls in the year.' }) dueInYear: number;
  @Field(() => Int, { description: 'Milestones completed in the year (on time and late).' }) completedInYear: number;
  @Field(() => Int, { description: 'Completed in the year on or before their due date.' }) completedOnTime: number;
  @Field(() => Int, { description: 'Completed in the year after their due date.' }) completedLate: number;
  @Field(() => Int, { description: 'Milestones OVERDUE on the report date (equals the plan\'s statusCounts.OVERDUE then).' }) overdueAtYearEnd: number;
  @Field(() => Int, { description: 'Milestones cancelled in the year.' }) cancelledInYear: number;
  @Field(() => Int, { description: 'Milestones whose due date was moved by a change decided in the year.' }) slippedMilestones: number;
  @Field(() => Int, { description: 'Due-date changes decided in the year.' }) dueDateChanges: number;
  @Field(() => Float, { nullable: true, description: 'The plan\'s progress on the report date; null with nothing to measure.' }) progress: number | null;
  @Field(() => Health, { nullable: true, description: 'The plan\'s health on the report date.' }) health: Health | null;
  @Field(() => String, { nullable: true, description: 'The counts behind the plan\'s health, in one sentence (null in editions published before reports had it).' }) healthReason: string | null;
  @Field(() => StatusCounts, { description: 'The plan\'s milestones by status on the report date.' }) statusCounts: StatusCounts;
}

@ObjectType({ description: 'A milestone in a list of an annual report, as of the report date.' })
export class AnnualReportMilestone {
  @Field({ description: 'Its code, e.g. G2.M3.' }) code: string;
  @Field({ description: 'Its title.' }) title: string;
  @Field({ description: 'Short name of the lead agency.' }) leadAgency: string;
  @Field(() => DateScalar, { description: 'Its due date on the report date.' }) dueDate: string;
  @Field(() => MilestoneStatus, { description: 'Its status on the report date.' }) status: MilestoneStatus;
  @Field(() => DateScalar, { nullable: true, description: 'When it was completed, if by the report date.' }) completedOn: string | null;
  @Field(() => Int, { description: 'Days overdue (or completed late) on the report date.' }) daysOverdue: number;
}

@ObjectType({ description: 'A due-date change decided during the year.' })
export class AnnualReportSlip {
  @Field({ description: 'The milestone\'s code.' }) code: string;
  @Field({ description: 'The milestone\'s title.' }) title: string;
  @Field({ description: 'Short name of the lead agency.' }) leadAgency: string;
  @Field(() => DateScalar, { description: 'When the move was decided.' }) changedOn: string;
  @Field(() => DateScalar, { description: 'The due date before.' }) fromDate: string;
  @Field(() => DateScalar, { description: 'The due date after.' }) toDate: string;
  @Field({ description: 'Why it moved.' }) reason: string;
}

@ObjectType({ description: 'A roll-up in an annual report, as of the report date.' })
export class AnnualReportRollup {
  @Field(() => Int, { description: 'Milestones counted (all statuses).' }) milestoneCount: number;
  @Field(() => Float, { nullable: true, description: 'Weighted mean progress; null with nothing to measure.' }) progress: number | null;
  @Field(() => Health, { nullable: true, description: 'Health; null with nothing to measure.' }) health: Health | null;
  @Field(() => String, { nullable: true, description: 'The counts behind `health`, in one sentence (null in editions published before reports had it).' }) healthReason: string | null;
  @Field(() => StatusCounts, { description: 'Milestones by status.' }) statusCounts: StatusCounts;
}

@ObjectType({ description: 'A top-level goal in an annual report.' })
export class AnnualReportGoal extends AnnualReportRollup {
  @Field({ description: 'The goal\'s code.' }) code: string;
  @Field({ description: 'The goal\'s title.' }) title: string;
}

@ObjectType({ description: 'An agency in an annual report: the milestones it leads in the plan.' })
export class AnnualReportAgency extends AnnualReportRollup {
  @Field({ description: 'Short name, e.g. SFPD.' }) shortName: string;
  @Field({ description: 'Full name.' }) name: string;
  @Field(() => Int, { description: 'Of its milestones, those completed in the year.' }) completedInYear: number;
  @Field(() => Int, { description: 'Of its milestones, those overdue on the report date.' }) overdueAtYearEnd: number;
}

@ObjectType({ description: 'A committee in an annual report, measured through its goals.' })
export class AnnualReportCommittee extends AnnualReportRollup {
  @Field({ description: 'The committee\'s name.' }) name: string;
}

@ObjectType({ description: 'An indicator against its target in an annual report; sensitive small values are suppressed as everywhere.' })
export class AnnualReportIndicator {
  @Field({ description: 'The indicator\'s name.' }) name: string;
  @Field({ description: 'Its unit.' }) unit: string;
  @Field({ description: 'Short name of the owning agency.' }) agency: string;
  @Field({ description: 'Whether small values are suppressed outside the owning agency.' }) sensitive: boolean;
  @Field(() => ShownNumber, { description: 'The baseline value.' }) baseline: ShownNumber;
  @Field(() => ShownNumber, { description: 'The target value.' }) target: ShownNumber;
  @Field(() => DateScalar, { description: 'When the target should be reached.' }) targetDate: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the latest measurement on or before the report date.' }) latestOn: string | null;
  @Field(() => ShownNumber, { nullable: true, description: 'The latest value on or before the report date; null before the first measurement.' }) latest: ShownNumber | null;
  @Field(() => Float, { nullable: true, description: 'Progress from baseline to target, 0–100; null before the first measurement, and null when the baseline, the target or the latest value is suppressed (any two of them and the progress would give the third).' }) progress: number | null;
}

@ObjectType({ description: 'A milestone due in the year: baseline against current due date (the timeline chart).' })
export class AnnualReportTimelineRow {
  @Field({ description: 'The milestone\'s code.' }) code: string;
  @Field({ description: 'The milestone\'s title.' }) title: string;
  @Field({ description: 'Short name of the lead agency.' }) leadAgency: string;
  @Field({ description: 'Code of its goal.' }) goalCode: string;
  @Field(() => DateScalar, { description: 'The due date first set.' }) baselineDueDate: string;
  @Field(() => DateScalar, { description: 'The due date on the report date.' }) dueDate: string;
  @Field(() => Int, { description: 'Days between baseline and current due date.' }) slipDays: number;
  @Field(() => MilestoneStatus, { description: 'Status on the report date.' }) status: MilestoneStatus;
  @Field(() => DateScalar, { nullable: true, description: 'When it was completed, if by the report date.' }) completedOn: string | null;
}

@ObjectType({ description: 'A plan\'s annual report for one reporting year (fiscal or calendar, as the plan defines it), describing the plan as of the year\'s last day.' })
export class AnnualReport {
  @Field(() => ID, { description: 'The plan\'s global ID.' }) planId: string;
  @Field({ description: 'The plan\'s title.' }) planTitle: string;
  @Field(() => Int, { description: 'The reporting year N.' }) year: number;
  @Field(() => DateScalar, { description: 'First day of the year.' }) start: string;
  @Field(() => DateScalar, { description: 'Last day of the year.' }) end: string;
  @Field(() => DateScalar, { description: 'The date the figures describe: the year\'s last day, or today while the year is still running.' }) asOf: string;
  @Field({ description: 'Whom the figures were computed for (restricted milestones and suppressed values depend on it).' }) audience: string;
  @Field(() => AnnualReportSummary, { description: 'Headline figures.' }) summary: AnnualReportSummary;
  @Field(() => [AnnualReportMilestone], { description: 'Completed in the year, by completion date.' }) completed: AnnualReportMilestone[];
  @Field(() => [AnnualReportMilestone], { description: 'Overdue on the report date, longest overdue first.' }) overdue: AnnualReportMilestone[];
  @Field(() => [AnnualReportSlip], { description: 'Due-date changes decided in the year, with reasons.' }) slips: AnnualReportSlip[];
  @Field(() => [AnnualReportGoal], { description: 'Top-level goals.' }) goals: AnnualReportGoal[];
  @Field(() => [AnnualReportAgency], { description: 'Agencies, by the milestones they lead.' }) agencies: AnnualReportAgency[];
  @Field(() => [AnnualReportCommittee], { description: 'Committees.' }) committees: AnnualReportCommittee[];
  @Field(() => [AnnualReportIndicator], { description: 'Indicators against their targets.' }) indicators: AnnualReportIndicator[];
  @Field(() => [AnnualReportTimelineRow], { description: 'Milestones due in the year, by due date.' }) timeline: AnnualReportTimelineRow[];
  @Field({ description: 'The report as Markdown.' }) markdown: string;
  @Field({ description: 'The report as a self-contained HTML page with inline SVG charts (no external requests).' }) html: string;
  @Field({ description: 'Stable URL path of this report as HTML (add `?download=1` to download it; `.md` instead of `.html` for Markdown).' }) url: string;
}

function rollup<T extends ReportRollup>(r: T): Omit<T, 'statusCounts' | 'healthReason'> & { statusCounts: StatusCounts; healthReason: string | null } {
  // Editions published before reports had healthReason have none in their figures.
  return { ...r, healthReason: r.healthReason ?? null, statusCounts: toStatusCounts(r.statusCounts) };
}

/** The GraphQL shape of report data, with the given rendered texts and URL. */
export function toAnnualReport(d: AnnualReportData, texts: { markdown: string; html: string; url: string }): AnnualReport {
  return {
    planId: d.plan.id,
    planTitle: d.plan.title,
    year: d.period.year,
    start: d.period.start,
    end: d.period.end,
    asOf: d.asOf,
    audience: d.audience,
    summary: rollup(d.summary),
    completed: d.completed,
    overdue: d.overdue,
    slips: d.slips,
    goals: d.goals.map(rollup),
    agencies: d.agencies.map(rollup),
    committees: d.committees.map(rollup),
    indicators: d.indicators,
    timeline: d.timeline,
    ...texts,
  };
}

@Resolver(() => PublishedReport)
export class AnnualReportResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who published it. Null for anonymous readers: staff names reach signed-in readers only.' })
  publishedBy(@Root() report: PublishedReport, @Ctx() ctx: RequestContext): string | null {
    return shownStaffName(report.publishedBy, ctx.viewer);
  }

  @Query(() => AnnualReport, { description: 'A plan\'s annual report for year N, as of the year\'s last day, for this reader (restricted milestones and suppressed values as everywhere).' })
  async annualReport(
    @Arg('planId', () => ID, { description: 'The plan.' }) planId: string,
    @Arg('year', () => Int, { description: 'The reporting year N (fiscal 2016 of a July plan = 2015-07-01 … 2016-06-30); must overlap the plan.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AnnualReport> {
    const plan = await loadByGlobalId((rowId) => ctx.reader.plan(rowId), 'Plan', planId, 'planId');
    const data = await ctx.reader.annualReport(plan, year);
    return toAnnualReport(data, { markdown: reportMarkdown(data), html: reportHtml(data), url: liveReportPath(data.plan.id, year) });
  }

  @Query(() => [PublishedReport], { description: 'Published editions of a plan\'s annual reports, by year then edition. They were computed for the public and never change.' })
  async publishedReports(
    @Arg('planId', () => ID, { description: 'The plan.' }) planId: string,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only this reporting year.' }) year?: number,
  ): Promise<PublishedReport[]> {
    const plan = await loadByGlobalId((rowId) => ctx.reader.plan(rowId), 'Plan', planId, 'planId');
    return ctx.reader.publishedReports(plan, year);
  }

  @Mutation(() => PublishedReport, {
    description:
      'Publishes the year\'s annual report as a new frozen edition (1, then 2, 3…). It is computed for the public, whoever publishes it: restricted milestones and suppressed sensitive values are left out, so it is safe to share. Earlier editions stay readable and unchanged.',
  })
  @Authorized(Role.ADMIN)
  publishAnnualReport(
    @Arg('planId', () => ID, { description: 'The plan.' }) planId: string,
    @Arg('year', () => Int, { description: 'The reporting year N; must overlap the plan.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PublishedReport> {
    return ctx.services.reports.publishAnnualReport(planId, year, ctx.viewer);
  }

  @FieldResolver(() => Plan, { description: 'The plan.' })
  plan(@Root() report: PublishedReport, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(report.planId);
  }

  @FieldResolver({ description: 'Stable URL path of this edition as HTML (add `?download=1` to download it; `.md` instead of `.html` for Markdown).' })
  url(@Root() report: PublishedReport): string {
    return editionPath(toGlobalId('Plan', report.planId), report.year, report.edition);
  }

  @FieldResolver(() => AnnualReport, { description: 'The figures as published (for the public, on the year\'s last day), with this edition\'s texts.' })
  figures(@Root() report: PublishedReport): AnnualReport {
    const data = JSON.parse(report.figures) as AnnualReportData;
    return toAnnualReport(data, { markdown: report.markdown, html: report.html, url: editionPath(data.plan.id, report.year, report.edition) });
  }
}
