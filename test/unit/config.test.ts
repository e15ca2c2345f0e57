import { expect } from 'chai';
import { ConfigError, DEFAULT_READ_WORKERS, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('defaults: port 4000, SQLite file in data/, sample plans on an empty database, no error details', () => {
    const config = loadConfig({});
    expect(config).to.include({ port: 4000, databasePath: 'data/cairn.sqlite', seedWhenEmpty: true, exposeErrorDetails: false, host: undefined });
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
});
