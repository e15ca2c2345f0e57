/** What every resolver gets: who is asking, the long-lived services, and this request's reader. */
import { DataSource } from 'typeorm';
import { Limits } from '../config';
import { Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { CsvImporter } from '../services/csv-import';
import { IndicatorWriter } from '../services/indicator-writer';
import { PlanWriter } from '../services/plan-writer';
import { ReportWriter } from '../services/report-writer';
import { RequestReader } from '../services/request-reader';
import { WriteLock } from '../services/write-lock';

export interface AppServices {
  dataSource: DataSource;
  clock: Clock;
  writer: PlanWriter;
  indicators: IndicatorWriter;
  importer: CsvImporter;
  reports: ReportWriter;
}

/** The services over one database; the writers share one lock, so writes run one at a time. */
export function createServices(dataSource: DataSource, clock: Clock): AppServices {
  const lock = new WriteLock();
  const writer = new PlanWriter(dataSource, clock, lock);
  return {
    dataSource,
    clock,
    writer,
    indicators: new IndicatorWriter(dataSource, clock, lock),
    reports: new ReportWriter(dataSource, clock, lock),
    importer: new CsvImporter(dataSource, clock, lock, writer),
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

  get writer(): PlanWriter {
    return this.services.writer;
  }

  /** After a write, later fields of the same request must not see cached pre-write rows. */
  afterWrite(): void {
    this.reader = this.freshReader();
  }

  private freshReader(): RequestReader {
    return new RequestReader(this.services.dataSource, this.viewer, this.services.clock);
  }
}
