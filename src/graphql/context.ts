/** What every resolver gets: the long-lived services and this request's loaders and caches. */
import { DataSource } from 'typeorm';
import { Clock } from '../domain/clock';
import { createLoaders } from '../services/loaders';
import { MilestoneSearch } from '../services/milestone-search';
import { PlanReader } from '../services/plan-reader';
import { PlanWriter } from '../services/plan-writer';

export interface AppServices {
  dataSource: DataSource;
  clock: Clock;
  writer: PlanWriter;
}

export class RequestContext {
  reader: PlanReader;
  search: MilestoneSearch;
  /** Who acts; "anonymous" until users and tokens exist. */
  readonly actor = 'anonymous';

  constructor(readonly services: AppServices) {
    this.reader = this.freshReader();
    this.search = new MilestoneSearch(services.dataSource, this.reader);
  }

  get writer(): PlanWriter {
    return this.services.writer;
  }

  /** After a write, later fields of the same request must not see cached pre-write rows. */
  afterWrite(): void {
    this.reader = this.freshReader();
    this.search = new MilestoneSearch(this.services.dataSource, this.reader);
  }

  private freshReader(): PlanReader {
    return new PlanReader(createLoaders(this.services.dataSource), this.services.clock);
  }
}
