import { expect } from 'chai';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_LIMITS, DEFAULT_READ_WORKERS, LIMIT_SETTINGS, loadConfig, SETTING_NAMES } from '../../src/config';

const README = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const BOOLEAN_SETTINGS = ['CAIRN_SEED', 'CAIRN_ANONYMOUS_READ', 'CAIRN_OIDC_REQUIRE_VERIFIED_EMAIL'] as const;
const MILLISECOND_SETTINGS = ['CAIRN_REQUEST_TIMEOUT_MS', 'CAIRN_HEADERS_TIMEOUT_MS'] as const;
const SESSION_SETTINGS = ['CAIRN_SESSION_IDLE_MINUTES', 'CAIRN_SESSION_MAX_HOURS'] as const;

/** The ConfigError that loading `env` throws (failing the test when there is none). */
function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

function expectRefused(name: string, value: string, accepted: RegExp): void {
  const error = refusal({ [name]: value });
  expect(error.problems, `${name}=${value}`).to.have.length(1);
  expect(error.message).to.match(new RegExp(`^Configuration error: ${name} `));
  expect(error.message, `${name}=${value}`).to.match(accepted);
  expect(error.message).to.contain(`got ${JSON.stringify(value)}`);
}

describe('configuration from the environment', () => {
  it('defaults: port 4000, SQLite file in data/, sample plans on an empty database, no error details', () => {
    const config = loadConfig({});
    expect(config).to.include({ port: 4000, databasePath: 'data/cairn.sqlite', seedWhenEmpty: true, exposeErrorDetails: false, host: undefined });
  });

  it('every default, in full; an empty value is the default, as unset is, for every variable', () => {
    const { clock, ...defaults } = loadConfig({});
    expect(defaults).to.deep.equal({
      port: 4000,
      host: undefined,
      publicUrl: undefined,
      trustProxy: false,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 20_000,
      databasePath: 'data/cairn.sqlite',
      databaseUrl: undefined,
      replicaUrls: [],
      seedWhenEmpty: true,
      exposeErrorDetails: false,
      anonymousRead: false,
      oidc: undefined,
      session: { idleMinutes: 480, maxHours: 168 },
      limits: DEFAULT_LIMITS,
      offloadCost: 2000,
      readWorkers: DEFAULT_READ_WORKERS,
    });
    expect(clock.fixedToday).to.equal(undefined);
    const { clock: _clock, ...allEmpty } = loadConfig(Object.fromEntries(SETTING_NAMES.map((name) => [name, ''])));
    expect(allEmpty).to.deep.equal(defaults);
  });

  it('CAIRN_TODAY fixes today in every time zone, for demos and reproducible runs', () => {
    const { clock } = loadConfig({ CAIRN_TODAY: '2015-06-30' });
    expect(clock.today('America/Los_Angeles')).to.equal('2015-06-30');
    expect(clock.today('Asia/Tokyo')).to.equal('2015-06-30');
  });

  it('refuses a CAIRN_TODAY that is not a real date, and a bad PORT', () => {
    expect(() => loadConfig({ CAIRN_TODAY: '2015-02-30' })).to.throw(ConfigError, /CAIRN_TODAY/);
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
  });

  it('CAIRN_SEED=false keeps an empty database empty; NODE_ENV=development shows error details', () => {
    expect(loadConfig({ CAIRN_SEED: 'false' }).seedWhenEmpty).to.equal(false);
    expect(loadConfig({ NODE_ENV: 'development' }).exposeErrorDetails).to.equal(true);
  });

  it('offloading: above cost 2000 by default, 0 turns it off; at least one worker', () => {
    expect(loadConfig({})).to.include({ offloadCost: 2000, readWorkers: DEFAULT_READ_WORKERS });
    expect(DEFAULT_READ_WORKERS).to.be.at.least(1);
    expect(loadConfig({ CAIRN_OFFLOAD_COST: '0', CAIRN_READ_WORKERS: '3' })).to.include({ offloadCost: 0, readWorkers: 3 });
    expect(() => loadConfig({ CAIRN_OFFLOAD_COST: '-1' })).to.throw(ConfigError, /CAIRN_OFFLOAD_COST/);
    expect(() => loadConfig({ CAIRN_READ_WORKERS: '0' })).to.throw(ConfigError, /CAIRN_READ_WORKERS/);
  });

  describe('booleans: exactly true/false, 1/0, yes/no, on/off in any case; anything else stops start-up', () => {
    const OIDC = { CAIRN_OIDC_ISSUER: 'https://login.example.org', CAIRN_OIDC_CLIENT_ID: 'cairn' };
    const valueOf: Record<(typeof BOOLEAN_SETTINGS)[number], (config: ReturnType<typeof loadConfig>) => boolean | undefined> = {
      CAIRN_SEED: (config) => config.seedWhenEmpty,
      CAIRN_ANONYMOUS_READ: (config) => config.anonymousRead,
      CAIRN_OIDC_REQUIRE_VERIFIED_EMAIL: (config) => config.oidc?.requireVerifiedEmail,
    };

    it('every accepted spelling, in lower, upper and mixed case', () => {
      for (const name of BOOLEAN_SETTINGS) {
        for (const [spellings, value] of [
          [['true', '1', 'yes', 'on', 'TRUE', 'Yes', 'ON', 'tRuE'], true],
          [['false', '0', 'no', 'off', 'FALSE', 'No', 'OFF', 'fAlSe'], false],
        ] as const) {
          for (const spelling of spellings) expect(valueOf[name](loadConfig({ ...OIDC, [name]: spelling })), `${name}=${spelling}`).to.equal(value);
        }
      }
    });

    it('a typo or another word is refused, naming the variable and the accepted values, never read as true', () => {
      for (const name of BOOLEAN_SETTINGS) {
        for (const value of ['flase', 'disabled', 'N', 'none', 'Y', 't', 'f', 'enabled', '2', '-1', '00', ' true', 'false ', 'yes please', 'null', 'undefined']) {
          expectRefused(name, value, /true, false, 1, 0, yes, no, on, off/);
        }
      }
    });
  });

  describe('numbers: whole numbers in decimal digits, within range', () => {
    const numberSettings = [...Object.values(LIMIT_SETTINGS).map((s) => s.variable), ...MILLISECOND_SETTINGS, ...SESSION_SETTINGS, 'CAIRN_READ_WORKERS', 'CAIRN_OFFLOAD_COST', 'PORT'];

    it('refuses fractions, exponents, signs, hex, spaces, words and unsafe integers in every numeric variable', () => {
      for (const name of numberSettings) {
        for (const value of ['1.5', '1e3', '+5', '-1', '0x10', ' 5', '5 ', '5abc', 'Infinity', 'NaN', '9007199254740993']) {
          expectRefused(name, value, /must be a whole number/);
        }
      }
    });

    it('limits, timeouts and workers are 1 or more; the offload cost and the port may be 0; the port is at most 65535', () => {
      for (const name of [...Object.values(LIMIT_SETTINGS).map((s) => s.variable), ...MILLISECOND_SETTINGS, ...SESSION_SETTINGS, 'CAIRN_READ_WORKERS']) expectRefused(name, '0', /1 or more|from 1 to/);
      expect(loadConfig({ CAIRN_OFFLOAD_COST: '0', PORT: '0' })).to.include({ offloadCost: 0, port: 0 });
      expect(loadConfig({ PORT: '65535' }).port).to.equal(65535);
      expectRefused('PORT', '65536', /from 0 to 65535/);
    });

    it('every limit has its variable, one table for all', () => {
      const env = Object.fromEntries(Object.values(LIMIT_SETTINGS).map((s, i) => [s.variable, String(i + 7)]));
      expect(loadConfig(env).limits).to.deep.equal(Object.fromEntries(Object.keys(LIMIT_SETTINGS).map((name, i) => [name, i + 7])));
      expect(Object.keys(DEFAULT_LIMITS)).to.deep.equal(Object.keys(LIMIT_SETTINGS));
    });

    it('request timeouts: a timer holds at most 2^31 − 1 ms, and the headers may not take longer than the whole request', () => {
      expect(loadConfig({ CAIRN_REQUEST_TIMEOUT_MS: '5000', CAIRN_HEADERS_TIMEOUT_MS: '5000' })).to.include({ requestTimeoutMs: 5000, headersTimeoutMs: 5000 });
      expect(loadConfig({ CAIRN_REQUEST_TIMEOUT_MS: String(2 ** 31 - 1) }).requestTimeoutMs).to.equal(2 ** 31 - 1);
      expectRefused('CAIRN_REQUEST_TIMEOUT_MS', String(2 ** 31), /from 1 to 2147483647/);
      expect(refusal({ CAIRN_REQUEST_TIMEOUT_MS: '5000', CAIRN_HEADERS_TIMEOUT_MS: '5001' }).message).to.equal('Configuration error: CAIRN_HEADERS_TIMEOUT_MS (5001) must not be more than CAIRN_REQUEST_TIMEOUT_MS (5000).');
      expect(refusal({ CAIRN_REQUEST_TIMEOUT_MS: '10000' }).message).to.contain('CAIRN_HEADERS_TIMEOUT_MS (20000)');
    });
  });

  describe('addresses', () => {
    it('CAIRN_PUBLIC_URL: an http(s) URL, kept without a trailing slash; no user, query or fragment', () => {
      expect(loadConfig({ CAIRN_PUBLIC_URL: 'https://plans.example.org' }).publicUrl).to.equal('https://plans.example.org');
      expect(loadConfig({ CAIRN_PUBLIC_URL: 'https://Plans.Example.org:8443/cairn/' }).publicUrl).to.equal('https://plans.example.org:8443/cairn');
      expect(loadConfig({ CAIRN_PUBLIC_URL: 'http://10.0.0.5:4000/' }).publicUrl).to.equal('http://10.0.0.5:4000');
      for (const value of ['plans.example.org', 'ftp://plans.example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:secret@plans.example.org', 'https://plans.example.org/?x=1', 'https://plans.example.org/?', 'https://plans.example.org/#top', 'https://', 'https://exa mple.org']) {
        expect(refusal({ CAIRN_PUBLIC_URL: value }).message, value).to.match(/^Configuration error: CAIRN_PUBLIC_URL must be the http:\/\/ or https:\/\/ address/);
      }
    });

    it('single sign-on: off by default; on with an issuer and a client id (the secret optional); half a configuration stops start-up', () => {
      expect(loadConfig({}).oidc).to.equal(undefined);
      expect(loadConfig({ CAIRN_OIDC_ISSUER: 'https://login.example.org/tenant/v2.0', CAIRN_OIDC_CLIENT_ID: 'cairn' }).oidc).to.deep.equal({
        issuer: 'https://login.example.org/tenant/v2.0',
        clientId: 'cairn',
        clientSecret: undefined,
        requireVerifiedEmail: true,
      });
      expect(loadConfig({ CAIRN_OIDC_ISSUER: 'http://127.0.0.1:9000', CAIRN_OIDC_CLIENT_ID: 'c', CAIRN_OIDC_CLIENT_SECRET: 's' }).oidc).to.include({ issuer: 'http://127.0.0.1:9000', clientSecret: 's' });
      for (const env of [{ CAIRN_OIDC_ISSUER: 'https://login.example.org' }, { CAIRN_OIDC_CLIENT_ID: 'cairn' }, { CAIRN_OIDC_CLIENT_SECRET: 'secret' }]) {
        expect(refusal(env).message, JSON.stringify(env)).to.match(/needs both CAIRN_OIDC_ISSUER and CAIRN_OIDC_CLIENT_ID/);
      }
      for (const issuer of ['http://login.example.org', 'login.example.org', 'ftp://login.example.org', 'https://login.example.org/?x=1', 'https://login.example.org/#x']) {
        expectRefused('CAIRN_OIDC_ISSUER', issuer, /https:\/\/ issuer URL/);
      }
      expect(refusal({ CAIRN_OIDC_ISSUER: 'https://user:pw@login.example.org', CAIRN_OIDC_CLIENT_ID: 'c' }).message).to.match(/CAIRN_OIDC_ISSUER must be the https:\/\/ issuer URL/);
    });

    it('session limits: 480 idle minutes and 168 hours by default; whole numbers from 1 up to a year', () => {
      expect(loadConfig({ CAIRN_SESSION_IDLE_MINUTES: '15', CAIRN_SESSION_MAX_HOURS: '12' }).session).to.deep.equal({ idleMinutes: 15, maxHours: 12 });
      expect(loadConfig({ CAIRN_SESSION_IDLE_MINUTES: '525600', CAIRN_SESSION_MAX_HOURS: '8760' }).session).to.deep.equal({ idleMinutes: 525_600, maxHours: 8_760 });
      expectRefused('CAIRN_SESSION_IDLE_MINUTES', '525601', /from 1 to 525600/);
      expectRefused('CAIRN_SESSION_MAX_HOURS', '8761', /from 1 to 8760/);
    });

    it('HOST: an IP address or a host name', () => {
      for (const value of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', 'cairn.internal']) expect(loadConfig({ HOST: value }).host).to.equal(value);
      for (const value of ['http://localhost', 'local host', 'localhost:4000', '-bad.example', 'under_score.example']) expectRefused('HOST', value, /IP address or a host name/);
    });

    it('DATABASE_URL and DATABASE_REPLICA_URLS: postgres:// URLs, and a refusal does not show the password', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cairn', DATABASE_REPLICA_URLS: 'postgres://r1/c, postgresql://r2/c' })).to.deep.include({ databaseUrl: 'postgres://u@db:5432/cairn', replicaUrls: ['postgres://r1/c', 'postgresql://r2/c'] });
      const error = refusal({ DATABASE_URL: 'mysql://admin:hunter2@db/cairn' });
      expect(error.message).to.match(/DATABASE_URL must be a postgres:\/\/ URL/);
      expect(error.message).to.not.contain('hunter2');
      expect(refusal({ DATABASE_REPLICA_URLS: 'postgres://r1/c,redis://r2' }).message).to.match(/DATABASE_REPLICA_URLS must be postgres:\/\/ URLs separated by commas/);
    });

    it('CAIRN_TRUST_PROXY: true/false, a hop count, or addresses and subnets; Express takes every value accepted', () => {
      const cases: [string, unknown][] = [
        ['false', false],
        ['OFF', false],
        ['0', false],
        ['true', true],
        ['yes', true],
        ['1', 1],
        ['2', 2],
        ['loopback', ['loopback']],
        ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
        ['203.0.113.7', ['203.0.113.7']],
        ['linklocal,uniquelocal,::1', ['linklocal', 'uniquelocal', '::1']],
      ];
      for (const [value, parsed] of cases) {
        const { trustProxy } = loadConfig({ CAIRN_TRUST_PROXY: value });
        expect(trustProxy, value).to.deep.equal(parsed);
        expect(() => express().set('trust proxy', trustProxy), value).to.not.throw();
      }
      for (const value of ['maybe', 'flase', '-1', '1.5', '10.0.0.300', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', 'loopback,', 'localhost', 'all']) {
        expectRefused('CAIRN_TRUST_PROXY', value, /true, false, a number of proxy hops, or proxy addresses/);
      }
    });
  });

  it('NODE_ENV: development shows error details; production and test do not; any other value stops start-up', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).exposeErrorDetails).to.equal(false);
    expect(loadConfig({ NODE_ENV: 'test' }).exposeErrorDetails).to.equal(false);
    for (const value of ['Development', 'dev', 'prod', 'staging']) expectRefused('NODE_ENV', value, /development, production or test/);
  });

  it('every wrong variable is named at once, one line each', () => {
    const error = refusal({ CAIRN_ANONYMOUS_READ: 'flase', PORT: 'http', CAIRN_MAX_DEPTH: 'deep' });
    expect(error.problems.map((p) => p.split(' ')[0]).sort()).to.deep.equal(['CAIRN_ANONYMOUS_READ', 'CAIRN_MAX_DEPTH', 'PORT']);
    expect(error.message.split('\n')).to.have.length(3);
  });

  it('the README documents exactly the variables Cairn reads', () => {
    const section = README.slice(README.indexOf('## Configuration'), README.indexOf('\n## ', README.indexOf('## Configuration') + 1));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).to.deep.equal([...SETTING_NAMES].sort());
  });
});
