import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCK } from '../data-source';

/**
 * Serialises write transactions. TypeORM shares one connection on SQLite, so two requests'
 * transactions would otherwise interleave on it; one writer at a time keeps each atomic.
 * On PostgreSQL other Cairn processes write to the same database, and the checks a write makes
 * before it writes (unique names, dependency cycles, report editions) read rows another
 * process may be about to add; a transaction-scoped advisory lock makes those writers take
 * turns too, as SQLite's single writer does. Reads never wait for it.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` in a transaction once no other write of this process (nor, on PostgreSQL, of any Cairn process) is running. */
  transaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(() =>
      dataSource.transaction(async (em) => {
        if (dataSource.options.type === 'postgres') await em.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK.namespace, ADVISORY_LOCK.writes]);
        return work(em);
      }),
    );
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
