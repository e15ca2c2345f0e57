/**
 * What one request reads, by name, for one viewer: the rows and figures of PlanReader, and the
 * dashboards, briefings, searches, audit trail and reports built on them. GraphQL resolvers and
 * HTTP routes read through it only; the loaders and the database stay behind it.
 */
import { DataSource } from 'typeorm';
import { canChangeMilestoneAccess, canEditMilestone, milestoneParties, Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { IsoDate } from '../domain/dates';
import { Interval } from '../domain/periods';
import { Group } from '../domain/dashboard';
import { Rollup } from '../domain/rollup';
import { Agency, AuditEntry, Indicator, IndicatorMeasurement, Meeting, Milestone, Plan, PublishedReport } from '../entities';
import { RowRecord } from '../entities/base-record';
import { NodeTypeName } from '../entities/global-id';
import { latestMeasurement } from '../domain/indicator';
import { AnnualReportData, buildAnnualReport } from './annual-report';
import { AuditPage, AuditTrail, shownChanges, ShownChange } from './audit-trail';
import { BriefingReader, MeetingBriefingData } from './briefing-reader';
import { briefingDocument, briefingHtml, briefingMarkdown } from './briefing-render';
import { BreakdownBy, DashboardData, DashboardReader, DashboardScope, planIdOf, PlanPartScope } from './dashboard-reader';
import { HistoryEntry, historyDates, milestoneHistory } from './burn-up-history';
import { indicatorValue, shownProgress, ShownValue } from './indicator-suppression';
import { createLoaders } from './loaders';
import { MilestoneFilter, MilestoneOrder, MilestonePage, MilestoneSearch } from './milestone-search';
import { PeopleReader } from './people-reader';
import { PlanReader } from './plan-reader';

export class RequestReader extends PlanReader {
  private readonly dashboards: DashboardReader;
  private readonly briefings: BriefingReader;
  private readonly search: MilestoneSearch;
  private readonly audit: AuditTrail;
  /** Users and tokens, as this viewer may see them. */
  readonly people: PeopleReader;

  constructor(
    private readonly ds: DataSource,
    readonly viewer: Viewer,
    clock: Clock,
  ) {
    super(createLoaders(ds, viewer), clock);
    this.dashboards = new DashboardReader(this);
    this.briefings = new BriefingReader(this);
    this.search = new MilestoneSearch(ds, this, viewer);
    this.audit = new AuditTrail(ds, viewer);
    this.people = new PeopleReader(ds, viewer);
  }

  /** Whether this reader may report progress on the milestone, complete it and move its dates (the writers decide by the same rule). */
  async canEdit(milestone: Milestone): Promise<boolean> {
    return canEditMilestone(this.viewer, milestoneParties(milestone, await this.partnerLinks(milestone)));
  }

  /** Whether this reader may change who sees and edits the milestone: its visibility, partners and lead agency (the writers refuse by the same rule). */
  canManage(milestone: Milestone): boolean {
    return canChangeMilestoneAccess(this.viewer, milestone);
  }

  /** All agencies, by short name. */
  allAgencies(): Promise<Agency[]> {
    return this.ds.getRepository(Agency).find({ order: { shortName: 'ASC' } });
  }

  /** All plans, newest first. */
  allPlans(): Promise<Plan[]> {
    return this.ds.getRepository(Plan).find({ order: { startDate: 'DESC', rowId: 'DESC' } });
  }

  /**
   * Any object that has a global ID, by type and row id; null when there is none or the viewer
   * may not see it. Updates, date moves, measurements and audit entries are reached through
   * their owners, which carry the visibility and suppression rules, so they are null here. Users
   * are nodes for admins only; a token for admins and its owner.
   */
  async node(type: NodeTypeName, id: number): Promise<RowRecord | null> {
    switch (type) {
      case 'Agency':
        return (await this.agency(id)) ?? null;
      case 'Plan':
        return (await this.plan(id)) ?? null;
      case 'Committee':
        return (await this.committee(id)) ?? null;
      case 'Goal':
        return (await this.goal(id)) ?? null;
      case 'Milestone':
        return (await this.milestone(id)) ?? null;
      case 'Indicator':
        return (await this.indicator(id)) ?? null;
      case 'Meeting':
        return (await this.meeting(id)) ?? null;
      case 'PublishedReport':
        return this.ds.getRepository(PublishedReport).findOneBy({ rowId: id });
      case 'User':
        return this.people.user(id);
      case 'ApiToken':
        return this.people.token(id);
      default:
        return null;
    }
  }

  /** Milestones matching a filter, sorted, one page at a time. */
  searchMilestones(filter: MilestoneFilter | undefined, order: MilestoneOrder | undefined, first: number | undefined, after: string | undefined): Promise<MilestonePage> {
    return this.search.search(filter, order, first, after);
  }

  /** Every milestone matching a filter, in order (exports want them all). */
  allMilestones(filter: MilestoneFilter, order?: MilestoneOrder): Promise<Milestone[]> {
    return this.search.all(filter, order);
  }

  /** A plan's, goal's, committee's or agency's roll-up on a date. */
  rollup(scope: DashboardScope, asOf?: IsoDate | null): Promise<Rollup> {
    return this.dashboards.rollup(scope, asOf);
  }

  /** The roll-up at each period end from `from` to `to` (a burn-up). */
  async rollupHistory(scope: PlanPartScope, from: IsoDate, to: IsoDate, interval: Interval): Promise<HistoryEntry[]> {
    const dates = await historyDates(this, planIdOf(scope), from, to, interval);
    return Promise.all(dates.map(async (date) => ({ date, rollup: await this.rollup(scope, date) })));
  }

  /** A milestone's assessment at each period end from `from` to `to`, as a roll-up of one. */
  async milestoneHistory(milestone: Milestone, from: IsoDate, to: IsoDate, interval: Interval): Promise<HistoryEntry[]> {
    return milestoneHistory(this, milestone, await historyDates(this, milestone.planId, from, to, interval));
  }

  /** Everything a dashboard draws, on one date. */
  dashboard(scope: DashboardScope, asOf?: IsoDate | null): Promise<DashboardData> {
    return this.dashboards.load(scope, asOf);
  }

  /** A dashboard's milestones grouped, each group with its figures. */
  breakdown(dashboard: DashboardData, by: BreakdownBy): Promise<Group[]> {
    return this.dashboards.breakdownBy(dashboard, by);
  }

  /** The meetings of the same body just before and just after a meeting. */
  meetingNeighbours(meeting: Meeting): Promise<{ previous: Meeting | null; next: Meeting | null }> {
    return this.briefings.neighbours(meeting);
  }

  /** A meeting's briefing, with its Markdown and its HTML page (one content, two formats). */
  async briefing(meeting: Meeting): Promise<MeetingBriefingData & { markdown: string; html: string }> {
    const briefing = await this.briefings.briefing(meeting);
    const document = briefingDocument(meeting, briefing);
    return { ...briefing, markdown: briefingMarkdown(document), html: briefingHtml(document) };
  }

  /** A page of the audit trail of one entity or of one plan, newest first. */
  auditPage(where: { entityId?: string; planId?: string }, first?: number, after?: string): Promise<AuditPage> {
    return this.audit.page(where, first, after);
  }

  /** An audit entry's changes as this viewer may see them. */
  auditChanges(entry: AuditEntry): Promise<ShownChange[]> {
    return shownChanges(entry, this, this.viewer);
  }

  /** A plan's live annual report for year N, for this viewer. */
  annualReport(plan: Plan, year: number): Promise<AnnualReportData> {
    const audience = this.viewer.role === null ? 'an anonymous reader' : `${this.viewer.name} (${this.viewer.role})`;
    return buildAnnualReport(this, plan, year, this.viewer, audience);
  }

  /** Published editions of a plan's annual reports, by year then edition; with `year`, of that year only. */
  publishedReports(plan: Plan, year?: number | null): Promise<PublishedReport[]> {
    return this.ds.getRepository(PublishedReport).find({
      where: { planId: plan.rowId, ...(year === undefined || year === null ? {} : { year }) },
      order: { year: 'ASC', edition: 'ASC' },
    });
  }

  /** One published edition, or null. */
  publishedEdition(plan: Plan, year: number, edition: number): Promise<PublishedReport | null> {
    return this.ds.getRepository(PublishedReport).findOneBy({ planId: plan.rowId, year, edition });
  }

  /** An indicator number as this viewer may see it. */
  async indicatorValue(indicator: Indicator, value: number): Promise<ShownValue> {
    return indicatorValue(value, indicator, await this.planOf(indicator.planId), this.viewer);
  }

  /** The latest measurement on or before `asOf` (today in the plan's zone by default). */
  async latestMeasurement(indicator: Indicator, asOf?: IsoDate | null): Promise<IndicatorMeasurement | null> {
    const date = await this.dateFor(indicator.planId, asOf);
    return latestMeasurement(await this.measurements(indicator), date);
  }

  /** An indicator's progress on `asOf` as this viewer may see it. */
  async indicatorProgress(indicator: Indicator, asOf?: IsoDate | null): Promise<number | null> {
    const date = await this.dateFor(indicator.planId, asOf);
    const measurements = await this.measurements(indicator);
    return shownProgress(indicator, await this.planOf(indicator.planId), this.viewer, measurements, date);
  }
}
