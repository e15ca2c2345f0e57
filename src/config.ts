/**
 * Everything Cairn reads from the environment, in one place (the README lists these).
 *
 * Parsed strictly with envalid: a value that is not one of those a setting accepts stops start-up
 * with a message naming the variable and what it accepts. A typo must never turn a setting on
 * (`CAIRN_ANONYMOUS_READ=flase` once did). An empty value means the default, as unset does.
 */
import net from 'node:net';
import os from 'node:os';
import { cleanEnv, EnvError, makeExactValidator, str } from 'envalid';
import { isValidIsoDate } from './domain/dates';
import { Clock, fixedDateClock, systemClock } from './domain/clock';
import { SessionLimits } from './domain/sign-in';

/**
 * Abuse limits on GraphQL requests, one line each: the name a refusal gives (a 400 naming the
 * limit and the measured value), its variable and its default. A new limit is one more line here.
 */
export const LIMIT_SETTINGS = {
  /** Largest request body, in bytes. */
  bodyBytes: { variable: 'CAIRN_MAX_BODY_BYTES', default: 1_048_576 },
  /** Most tokens in a document (names, punctuation, values; comments do not count). */
  tokens: { variable: 'CAIRN_MAX_TOKENS', default: 3_000 },
  /** Deepest selection nesting; graphql-js's standard introspection query is 15 deep. */
  depth: { variable: 'CAIRN_MAX_DEPTH', default: 15 },
  /** Highest estimated cost (each field 1, multiplied by list and page sizes). */
  cost: { variable: 'CAIRN_MAX_COST', default: 50_000 },
  /** Most aliases in one operation. */
  aliases: { variable: 'CAIRN_MAX_ALIASES', default: 30 },
  /** Most field selections in one operation. */
  fields: { variable: 'CAIRN_MAX_FIELDS', default: 1_000 },
  /** Most pairs of selections of one response key at one place (fragments overlapping); validation compares each pair. */
  overlaps: { variable: 'CAIRN_MAX_OVERLAPS', default: 1_000 },
  /** Longest execution, in milliseconds. */
  timeoutMs: { variable: 'CAIRN_TIMEOUT_MS', default: 15_000 },
} as const;

export type Limits = { -readonly [Name in keyof typeof LIMIT_SETTINGS]: number };

export const DEFAULT_LIMITS = Object.fromEntries(Object.entries(LIMIT_SETTINGS).map(([name, setting]) => [name, setting.default])) as Limits;

/**
 * Express's `trust proxy`: whose X-Forwarded-For/-Proto to believe. `false` none (the client
 * connects directly), `true` any, a number that many hops, or the proxies' addresses and subnets.
 */
export type TrustProxy = boolean | number | string[];

/** Single sign-on with an OpenID Connect provider (authorization code with PKCE). */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is at /.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  /** Undefined for a public client, which authenticates with PKCE alone. */
  clientSecret: string | undefined;
  /** Sign in only with an email the provider says it verified (`email_verified: true`). */
  requireVerifiedEmail: boolean;
}

export interface Config {
  port: number;
  /** Interface to listen on; undefined means all. */
  host: string | undefined;
  /**
   * The address clients reach Cairn at (scheme, host, port and any path prefix, no trailing
   * slash): absolute URLs in outputs start with it. Undefined: the listening address.
   */
  publicUrl: string | undefined;
  trustProxy: TrustProxy;
  /** Longest time a client may take to send a whole request, and its headers (then a 408). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
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
  /** Single sign-on; undefined (the default) when no issuer and client id are set. */
  oidc: OidcSettings | undefined;
  /** When browser sessions end. */
  session: SessionLimits;
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

/** Settings that stop start-up: one line per variable, saying what it accepts. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((problem) => `Configuration error: ${problem}`).join('\n'));
  }
}

const BOOLEANS = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
  ['on', true],
  ['off', false],
]);

const flag = makeExactValidator<boolean>((raw) => {
  const value = BOOLEANS.get(raw.toLowerCase());
  if (value === undefined) throw new EnvError(`must be one of ${[...BOOLEANS.keys()].join(', ')} (in any case), or unset`);
  return value;
});

function wholeNumber(min: number, max?: number) {
  return makeExactValidator<number>((raw) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= (max ?? Number.MAX_SAFE_INTEGER))) throw new EnvError(max === undefined ? `must be a whole number, ${min} or more` : `must be a whole number from ${min} to ${max}`);
    return value;
  });
}

const positiveInteger = wholeNumber(1);

/** Node's timers hold at most 2^31 − 1 ms (24.8 days); a longer one would fire at once. */
const milliseconds = wholeNumber(1, 2 ** 31 - 1);

const isoDate = makeExactValidator<string>((raw) => {
  if (!isValidIsoDate(raw)) throw new EnvError('must be a real date, YYYY-MM-DD');
  return raw;
});

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const host = makeExactValidator<string>((raw) => {
  if (!net.isIP(raw) && !HOST_NAME.test(raw)) throw new EnvError('must be an IP address or a host name, such as 127.0.0.1, :: or localhost');
  return raw;
});

function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//.test(value) && URL.canParse(value);
}

const postgresUrl = makeExactValidator<string>((raw) => {
  if (!isPostgresUrl(raw)) throw new EnvError('must be a postgres:// URL');
  return raw;
});

const postgresUrls = makeExactValidator<string[]>((raw) => {
  const urls = raw
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (!urls.every(isPostgresUrl)) throw new EnvError('must be postgres:// URLs separated by commas');
  return urls;
});

const publicUrl = makeExactValidator<string>((raw) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password || /[?#]/.test(raw)) {
    throw new EnvError('must be the http:// or https:// address clients reach Cairn at, such as https://plans.example.org or https://example.org/cairn, with no user, query or fragment');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
});

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** HTTPS, except on this machine (a provider run for development or tests). */
const issuerUrl = makeExactValidator<string>((raw) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))) || url.username || url.password || /[?#]/.test(raw)) {
    throw new EnvError('must be the https:// issuer URL of an OpenID Connect provider, such as https://login.microsoftonline.com/<tenant>/v2.0 (http:// only for localhost), with no user, query or fragment');
  }
  return raw;
});

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IP address, a subnet in CIDR notation, or one of Express's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const trustProxy = makeExactValidator<TrustProxy>((raw) => {
  if (/^\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw) || false;
  const word = BOOLEANS.get(raw.toLowerCase());
  if (word !== undefined) return word;
  const addresses = raw.split(',').map((entry) => entry.trim());
  if (addresses.every(isProxyAddress)) return addresses;
  throw new EnvError(`must be true, false, a number of proxy hops, or proxy addresses separated by commas (IP addresses, subnets such as 10.0.0.0/8, or ${PROXY_RANGES.join(', ')})`);
});

const nodeEnv = makeExactValidator<string>((raw) => {
  if (!['development', 'production', 'test'].includes(raw)) throw new EnvError('must be development, production or test');
  return raw;
});

/** The value as given, quoted and cut short, with any password in a database URL hidden. */
function shown(raw: string): string {
  const safe = raw.replace(/\/\/[^@/]*@/g, '//…@');
  return JSON.stringify(safe.length > 80 ? `${safe.slice(0, 80)}…` : safe);
}

type LimitVariable = (typeof LIMIT_SETTINGS)[keyof Limits]['variable'];

/** Every variable Cairn reads, with what it accepts and its default. */
const SETTINGS = {
  PORT: wholeNumber(0, 65535)({ default: 4000 }),
  HOST: host({ default: undefined }),
  CAIRN_PUBLIC_URL: publicUrl({ default: undefined }),
  CAIRN_TRUST_PROXY: trustProxy({ default: false }),
  CAIRN_REQUEST_TIMEOUT_MS: milliseconds({ default: 30_000 }),
  CAIRN_HEADERS_TIMEOUT_MS: milliseconds({ default: 20_000 }),
  CAIRN_DB_PATH: str({ default: 'data/cairn.sqlite' }),
  DATABASE_URL: postgresUrl({ default: undefined }),
  DATABASE_REPLICA_URLS: postgresUrls({ default: [] }),
  CAIRN_SEED: flag({ default: true }),
  CAIRN_TODAY: isoDate({ default: undefined }),
  CAIRN_ANONYMOUS_READ: flag({ default: false }),
  ...(Object.fromEntries(Object.values(LIMIT_SETTINGS).map((setting) => [setting.variable, positiveInteger({ default: setting.default })])) as Record<LimitVariable, ReturnType<typeof positiveInteger>>),
  CAIRN_OFFLOAD_COST: wholeNumber(0)({ default: 2_000 }),
  CAIRN_OIDC_ISSUER: issuerUrl({ default: undefined }),
  CAIRN_OIDC_CLIENT_ID: str({ default: undefined }),
  CAIRN_OIDC_CLIENT_SECRET: str({ default: undefined }),
  CAIRN_OIDC_REQUIRE_VERIFIED_EMAIL: flag({ default: true }),
  // At most a year: a session is a working session, and the end instant must stay a real date.
  CAIRN_SESSION_IDLE_MINUTES: wholeNumber(1, 525_600)({ default: 480 }),
  CAIRN_SESSION_MAX_HOURS: wholeNumber(1, 8_760)({ default: 168 }),
  CAIRN_READ_WORKERS: positiveInteger({ default: DEFAULT_READ_WORKERS }),
  NODE_ENV: nodeEnv({ default: undefined }),
};

export const SETTING_NAMES = Object.keys(SETTINGS);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const read = cleanEnv(
    given,
    SETTINGS,
    {
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([name, error]) => `${name} ${error?.message}; got ${shown(String(given[name]))}.`);
        if (problems.length) throw new ConfigError(problems);
      },
    },
  );
  if (read.CAIRN_HEADERS_TIMEOUT_MS > read.CAIRN_REQUEST_TIMEOUT_MS) {
    // Node refuses a server whose headers may take longer than the whole request.
    throw new ConfigError([`CAIRN_HEADERS_TIMEOUT_MS (${read.CAIRN_HEADERS_TIMEOUT_MS}) must not be more than CAIRN_REQUEST_TIMEOUT_MS (${read.CAIRN_REQUEST_TIMEOUT_MS}).`]);
  }
  const oidcGiven = [read.CAIRN_OIDC_ISSUER, read.CAIRN_OIDC_CLIENT_ID, read.CAIRN_OIDC_CLIENT_SECRET].some((value) => value !== undefined);
  if (oidcGiven && (read.CAIRN_OIDC_ISSUER === undefined || read.CAIRN_OIDC_CLIENT_ID === undefined)) {
    // Half a configuration must not silently leave single sign-on off.
    throw new ConfigError(['Single sign-on needs both CAIRN_OIDC_ISSUER and CAIRN_OIDC_CLIENT_ID (CAIRN_OIDC_CLIENT_SECRET is optional); set both, or neither.']);
  }
  return {
    port: read.PORT,
    host: read.HOST,
    publicUrl: read.CAIRN_PUBLIC_URL,
    trustProxy: read.CAIRN_TRUST_PROXY,
    requestTimeoutMs: read.CAIRN_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: read.CAIRN_HEADERS_TIMEOUT_MS,
    databasePath: read.CAIRN_DB_PATH,
    databaseUrl: read.DATABASE_URL,
    replicaUrls: read.DATABASE_REPLICA_URLS,
    seedWhenEmpty: read.CAIRN_SEED,
    exposeErrorDetails: read.NODE_ENV === 'development',
    anonymousRead: read.CAIRN_ANONYMOUS_READ,
    oidc:
      read.CAIRN_OIDC_ISSUER !== undefined && read.CAIRN_OIDC_CLIENT_ID !== undefined
        ? { issuer: read.CAIRN_OIDC_ISSUER, clientId: read.CAIRN_OIDC_CLIENT_ID, clientSecret: read.CAIRN_OIDC_CLIENT_SECRET, requireVerifiedEmail: read.CAIRN_OIDC_REQUIRE_VERIFIED_EMAIL }
        : undefined,
    session: { idleMinutes: read.CAIRN_SESSION_IDLE_MINUTES, maxHours: read.CAIRN_SESSION_MAX_HOURS },
    limits: Object.fromEntries(Object.entries(LIMIT_SETTINGS).map(([name, setting]) => [name, read[setting.variable]])) as Limits,
    clock: read.CAIRN_TODAY ? fixedDateClock(read.CAIRN_TODAY) : systemClock,
    offloadCost: read.CAIRN_OFFLOAD_COST,
    readWorkers: read.CAIRN_READ_WORKERS,
  };
}
