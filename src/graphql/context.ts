/** What every resolver gets: who is asking, the long-lived services, and this request's reader. */
import { DataSource } from 'typeorm';
import { Limits } from '../config';
import { Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { AgencyWriter } from '../services/agency-writer';
import { CommitteeWriter } from '../services/committee-writer';
import { CsvImporter } from '../services/csv-import';
import { GoalWriter } from '../services/goal-writer';
import { IndicatorWriter } from '../services/indicator-writer';
import { MilestoneLifecycleWriter } from '../services/milestone-lifecycle-writer';
import { MilestoneWriter } from '../services/milestone-writer';
import { PlanWriter } from '../services/plan-writer';
import { ReportWriter } from '../services/report-writer';
import { RequestReader } from '../services/request-reader';
import { WriteLock } from '../services/write-lock';
import { apiInputChecks } from './input-checks';

/** The long-lived services; the writers, one per aggregate. */
export interface AppServices {
  dataSource: DataSource;
  clock: Clock;
  /** Plans and their meetings. */
  plans: PlanWriter;
  agencies: AgencyWriter;
  committees: CommitteeWriter;
  goals: GoalWriter;
  /** A milestone's own fields, partners and dependencies. */
  milestones: MilestoneWriter;
  /** Progress, completion, cancellation, reopening and date moves of milestones. */
  lifecycle: MilestoneLifecycleWriter;
  indicators: IndicatorWriter;
  importer: CsvImporter;
  reports: ReportWriter;
}

/** The services over one database; the writers share one lock, so writes run one at a time. */
export function createServices(dataSource: DataSource, clock: Clock): AppServices {
  const lock = new WriteLock();
  const milestones = new MilestoneWriter(dataSource, clock, lock);
  const lifecycle = new MilestoneLifecycleWriter(dataSource, clock, lock);
  return {
    dataSource,
    clock,
    plans: new PlanWriter(dataSource, clock, lock),
    agencies: new AgencyWriter(dataSource, clock, lock),
    committees: new CommitteeWriter(dataSource, clock, lock),
    goals: new GoalWriter(dataSource, clock, lock),
    milestones,
    lifecycle,
    indicators: new IndicatorWriter(dataSource, clock, lock),
    reports: new ReportWriter(dataSource, clock, lock),
    importer: new CsvImporter(dataSource, clock, lock, milestones, lifecycle, apiInputChecks),
  };
}

export class RequestContext {
  /** Everything this request reads goes through it. */
  reader: RequestReader;

  /** The estimated cost of the operation, set by the operation limits once it is validated. */
  estimatedCost?: number;

  constructor(
    readonly services: AppServices,
    readonly viewer: Viewer,
    /** Correlates this request's server-side log lines with what the client was told. */
    readonly requestId: string,
    readonly limits: Limits,
    /** When the request arrived; a worker thread gets it from the main thread, so queueing counts toward the deadline. */
    readonly startedAt = Date.now(),
  ) {
    this.reader = this.freshReader();
  }

  /** After a write, later fields of the same request must not see cached pre-write rows. */
  afterWrite(): void {
    this.reader = this.freshReader();
  }

  private freshReader(): RequestReader {
    return new RequestReader(this.services.dataSource, this.viewer, this.services.clock);
  }
}
