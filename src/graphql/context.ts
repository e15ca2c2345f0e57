/** What every resolver gets: who is asking, the long-lived services, and this request's reader. */
import { Limits } from '../config';
import { Viewer } from '../domain/access';
import { AppServices } from '../services/app-services';
import { RequestReader } from '../services/request-reader';

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
