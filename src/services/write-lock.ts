/**
 * Serialises write transactions. TypeORM shares one connection on SQLite, so two requests'
 * transactions would otherwise interleave on it; one writer at a time keeps each atomic.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
