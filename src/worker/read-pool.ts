/**
 * A pool of worker threads that run heavy read-only queries, so a long synchronous SQLite read
 * and the execution of a large result do not hold up the main event loop (and every small
 * request queued behind it). Each worker has its own connection to the same database.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GraphQLFormattedError } from 'graphql';
import { Limits } from '../config';
import { DatabaseOptions } from '../data-source';
import { Viewer } from '../domain/access';
import { IsoDate } from '../domain/dates';

/** What a worker needs to build the same server as the main thread: plain data only. */
export interface WorkerSetup {
  /** The same options the main thread opened the database with (no statement counter: it lives on the main thread). */
  database: Omit<DatabaseOptions, 'statementCounter'>;
  /** The fixed "today" (CAIRN_TODAY), or undefined for the system clock. */
  fixedToday: IsoDate | undefined;
  limits: Limits;
  exposeErrorDetails: boolean;
}

/** One operation, already validated and authenticated on the main thread. */
export interface ReadJob {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  viewer: Viewer;
  requestId: string;
  startedAt: number;
}

/** The response as Apollo formatted it in the worker; the data stays JSON text (see offload.ts). */
export interface ReadResult {
  status: number | undefined;
  headers: [string, string][];
  errors: readonly GraphQLFormattedError[] | undefined;
  extensions: Record<string, unknown> | undefined;
  dataJson: string | undefined;
}

export type WorkerMessage = { ready: true } | { id: number; result: ReadResult };

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, { resolve(result: ReadResult): void; reject(error: Error): void }>;
}

/** A worker that dies while starting up is retried after this long, not in a tight loop. */
const RESTART_DELAY_MS = 1000;

/**
 * A large query's garbage is mostly short-lived (promises, field results); with V8's default young
 * generation it outlives several scavenges and is copied into the old generation. A larger young
 * generation cut a 10,000-milestone dashboard from about 1.24 s to 0.9 s (garbage collection from
 * 46% to 38% of the time; scratch profile, see the issue 5 note). Main-thread equivalent:
 * `node --max-semi-space-size=64`, which `npm start` passes.
 */
const YOUNG_GENERATION_MB = 192;

export class ReadPool {
  private readonly slots: (Slot | undefined)[] = [];
  private nextId = 1;
  private stopping = false;

  private constructor(private readonly setup: WorkerSetup) {}

  /** Starts `size` workers and waits until each has opened the database and built the schema. */
  static async start(size: number, setup: WorkerSetup): Promise<ReadPool> {
    const pool = new ReadPool(setup);
    try {
      await Promise.all(Array.from({ length: size }, (_, index) => pool.spawn(index)));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  /** Whether a worker can take a job (false only while one that failed to start is being retried). */
  get available(): boolean {
    return this.slots.some((slot) => slot !== undefined);
  }

  /** The live worker threads (tests terminate one to show that the pool replaces it). */
  get threads(): Worker[] {
    return this.slots.filter((slot): slot is Slot => slot !== undefined).map((slot) => slot.worker);
  }

  /** Jobs sent to a worker and not yet answered. */
  get inFlight(): number {
    return this.slots.reduce((n, slot) => n + (slot?.pending.size ?? 0), 0);
  }

  /** Jobs sent to workers so far (tests show that refused operations never reach one). */
  get jobsSent(): number {
    return this.nextId - 1;
  }

  /** Runs a job on the least busy worker; rejects if that worker dies before answering. */
  run(job: ReadJob): Promise<ReadResult> {
    const slot = this.slots.filter((s): s is Slot => s !== undefined).sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!slot) return Promise.reject(new Error('No read worker is running.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const workers = this.threads;
    this.slots.fill(undefined);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(index: number): Promise<void> {
    const worker = new Worker(path.join(__dirname, 'read-worker.js'), { workerData: this.setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, ready: false, pending: new Map() };
    this.slots[index] = slot;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) {
          slot.ready = true;
          resolve();
          return;
        }
        slot.pending.get(message.id)?.resolve(message.result);
        slot.pending.delete(message.id);
      });
      worker.on('error', (error) => console.error('A read worker failed:', error));
      worker.on('exit', (code) => {
        const failure = new Error(`The read worker stopped (exit code ${code}) before answering.`);
        for (const { reject: fail } of slot.pending.values()) fail(failure);
        slot.pending.clear();
        reject(failure); // no effect once it was ready
        if (this.stopping || this.slots[index] !== slot) return;
        this.slots[index] = undefined;
        // A worker that was serving is replaced at once; one that could not even start waits a little.
        const restart = () => {
          if (!this.stopping) this.spawn(index).catch(() => undefined); // its failure is logged by 'error'
        };
        if (slot.ready) restart();
        else setTimeout(restart, RESTART_DELAY_MS).unref();
      });
    });
  }
}
