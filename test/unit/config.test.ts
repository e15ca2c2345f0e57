import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config';

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
});
