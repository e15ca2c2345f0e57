/** Everything Cairn reads from the environment, in one place (the README lists these). */
import { isValidIsoDate } from './domain/dates';
import { Clock, fixedDateClock, systemClock } from './domain/clock';

export interface Config {
  port: number;
  /** Interface to listen on; undefined means all. */
  host: string | undefined;
  /** SQLite file path (the embedded default). */
  databasePath: string;
  /** Load the sample plans when the database has no plan yet. */
  seedWhenEmpty: boolean;
  /** Stack traces in error responses: development only. */
  exposeErrorDetails: boolean;
  clock: Clock;
}

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  return {
    port,
    host: env.HOST || undefined,
    databasePath: env.CAIRN_DB_PATH || 'data/cairn.sqlite',
    seedWhenEmpty: flag(env.CAIRN_SEED, true),
    exposeErrorDetails: env.NODE_ENV === 'development',
    clock: clockFrom(env.CAIRN_TODAY),
  };
}
