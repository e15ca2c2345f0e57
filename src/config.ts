/** Everything Cairn reads from the environment, in one place (the README lists these). */
import os from 'node:os';
import { isValidIsoDate } from './domain/dates';
import { Clock, fixedDateClock, systemClock } from './domain/clock';

/** Abuse limits: each refused request gets a 400 naming the limit and the measured value. */
export interface Limits {
  /** Largest request body, in bytes. */
  bodyBytes: number;
  /** Most tokens in a document (names, punctuation, values; comments do not count). */
  tokens: number;
  /** Deepest selection nesting; graphql-js's standard introspection query is 15 deep. */
  depth: number;
  /** Highest estimated cost (each field 1, multiplied by list and page sizes). */
  cost: number;
  /** Most aliases in one operation. */
  aliases: number;
  /** Most field selections in one operation. */
  fields: number;
  /** Most pairs of selections of one response key at one place (fragments overlapping); validation compares each pair. */
  overlaps: number;
  /** Longest execution, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = { bodyBytes: 1_048_576, tokens: 3_000, depth: 15, cost: 50_000, aliases: 30, fields: 1_000, overlaps: 1_000, timeoutMs: 15_000 };

export interface Config {
  port: number;
  /** Interface to listen on; undefined means all. */
  host: string | undefined;
  /** SQLite file path (the embedded default). */
  databasePath: string;
  /** PostgreSQL instead of SQLite: a postgres:// URL (DATABASE_URL). */
  databaseUrl: string | undefined;
  /** PostgreSQL read replicas (DATABASE_REPLICA_URLS, comma-separated). */
  replicaUrls: string[];
  /** Load the sample plans when the database has no plan yet. */
  seedWhenEmpty: boolean;
  /** Stack traces, echoed input and schema hints in error responses: development only. */
  exposeErrorDetails: boolean;
  /** Serve reads to requests without a token (PUBLIC milestones only). */
  anonymousRead: boolean;
  limits: Limits;
  clock: Clock;
  /**
   * Queries estimated above this cost run in worker threads, so they do not hold up the event
   * loop for everyone else; 0 or unset runs everything on the main thread.
   */
  offloadCost?: number;
  /** How many worker threads run offloaded queries. */
  readWorkers?: number;
}

/** Leave one core to the main thread, which parses, authenticates and answers the cheap requests. */
export const DEFAULT_READ_WORKERS = Math.max(1, os.availableParallelism() - 1);

export class ConfigError extends Error {}

function clockFrom(today: string | undefined): Clock {
  if (!today) return systemClock;
  if (!isValidIsoDate(today)) throw new ConfigError(`CAIRN_TODAY must be a date YYYY-MM-DD, got "${today}".`);
  return fixedDateClock(today);
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive whole number, got "${raw}".`);
  return value;
}

function postgresUrl(name: string, value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) throw new ConfigError(`${name} must be a postgres:// URL, got "${value.replace(/\/\/[^@/]*@/, '//…@')}".`);
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL.`);
  }
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number (0 or more), got "${raw}".`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  return {
    port,
    host: env.HOST || undefined,
    databasePath: env.CAIRN_DB_PATH || 'data/cairn.sqlite',
    databaseUrl: env.DATABASE_URL ? postgresUrl('DATABASE_URL', env.DATABASE_URL) : undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean)
      .map((url) => postgresUrl('DATABASE_REPLICA_URLS', url)),
    seedWhenEmpty: flag(env.CAIRN_SEED, true),
    exposeErrorDetails: env.NODE_ENV === 'development',
    anonymousRead: flag(env.CAIRN_ANONYMOUS_READ, false),
    limits: {
      bodyBytes: positiveInteger(env, 'CAIRN_MAX_BODY_BYTES', DEFAULT_LIMITS.bodyBytes),
      tokens: positiveInteger(env, 'CAIRN_MAX_TOKENS', DEFAULT_LIMITS.tokens),
      depth: positiveInteger(env, 'CAIRN_MAX_DEPTH', DEFAULT_LIMITS.depth),
      cost: positiveInteger(env, 'CAIRN_MAX_COST', DEFAULT_LIMITS.cost),
      aliases: positiveInteger(env, 'CAIRN_MAX_ALIASES', DEFAULT_LIMITS.aliases),
      fields: positiveInteger(env, 'CAIRN_MAX_FIELDS', DEFAULT_LIMITS.fields),
      overlaps: positiveInteger(env, 'CAIRN_MAX_OVERLAPS', DEFAULT_LIMITS.overlaps),
      timeoutMs: positiveInteger(env, 'CAIRN_TIMEOUT_MS', DEFAULT_LIMITS.timeoutMs),
    },
    clock: clockFrom(env.CAIRN_TODAY),
    offloadCost: wholeNumber(env, 'CAIRN_OFFLOAD_COST', 2_000),
    readWorkers: positiveInteger(env, 'CAIRN_READ_WORKERS', DEFAULT_READ_WORKERS),
  };
}
