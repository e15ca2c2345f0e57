/** The long-lived services of one database: the writers, one per aggregate, built once per process (and per read worker). */
import { DataSource } from 'typeorm';
import { Clock } from '../domain/clock';
import { AgencyWriter } from './agency-writer';
import { CommitteeWriter } from './committee-writer';
import { ApiInputChecks, CsvImporter } from './csv-import';
import { GoalWriter } from './goal-writer';
import { IndicatorWriter } from './indicator-writer';
import { MilestoneLifecycleWriter } from './milestone-lifecycle-writer';
import { MilestoneWriter } from './milestone-writer';
import { PeopleWriter } from './people-writer';
import { PlanWriter } from './plan-writer';
import { ReportWriter } from './report-writer';
import { WriteLock } from './write-lock';

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
  /** Users and their tokens. */
  people: PeopleWriter;
}

/**
 * The services over one database; the writers share one lock, so writes run one at a time.
 * `apiInputChecks` are the API's own input checks, which a CSV import holds each row to.
 */
export function createServices(dataSource: DataSource, clock: Clock, apiInputChecks: ApiInputChecks): AppServices {
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
    people: new PeopleWriter(dataSource, clock, lock),
    importer: new CsvImporter(dataSource, clock, lock, milestones, lifecycle, apiInputChecks),
  };
}
