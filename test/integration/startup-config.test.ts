/**
 * Settings as the real processes (`npm start`, migrate, seed, user) read them. A wrong one stops
 * them before they touch anything: exit code 1, one line naming the variable and what it
 * accepts, no stack trace.
 */
import { expect } from 'chai';
import { runToExit, ServerProcess } from '../support/server-process';

// An in-memory database without seeding, and DATABASE_URL emptied (= unset): should a process
// start anyway, it writes nothing anywhere.
const HARMLESS = { PORT: '0', HOST: '127.0.0.1', CAIRN_DB_PATH: ':memory:', DATABASE_URL: '', CAIRN_SEED: 'false' };
const ACCEPTED_BOOLEANS = 'true, false, 1, 0, yes, no, on, off';

describe('a wrong setting stops start-up with a message, never a stack trace', () => {
  // Every spelling is in test/unit/config.test.ts; here, what the process does with one.
  for (const value of ['flase', 'N']) {
    it(`CAIRN_ANONYMOUS_READ=${value} stops the server: exit 1, the variable and the accepted values`, async () => {
      const { code, signal, output } = await runToExit('dist/src/main.js', [], { ...HARMLESS, CAIRN_ANONYMOUS_READ: value });
      expect({ code, signal }, output).to.deep.equal({ code: 1, signal: null });
      expect(output.trim()).to.equal(`Configuration error: CAIRN_ANONYMOUS_READ must be one of ${ACCEPTED_BOOLEANS} (in any case), or unset; got "${value}".`);
    });
  }

  it('several wrong settings are listed together, one line each', async () => {
    const { code, output } = await runToExit('dist/src/main.js', [], { ...HARMLESS, CAIRN_SEED: 'nope', CAIRN_PUBLIC_URL: 'plans.example.org', CAIRN_TRUST_PROXY: 'everyone' });
    expect(code, output).to.equal(1);
    const lines = output.trim().split('\n');
    expect(lines.map((line) => line.split(' ')[2]).sort()).to.deep.equal(['CAIRN_PUBLIC_URL', 'CAIRN_SEED', 'CAIRN_TRUST_PROXY']);
    for (const line of lines) expect(line).to.match(/^Configuration error: \w+ must be .*; got ".*"\.$/);
  });

  for (const [script, args] of [
    ['dist/src/cli/migrate.js', []],
    ['dist/src/cli/seed.js', []],
    ['dist/src/cli/user.js', ['list']],
  ] as const) {
    it(`${script.replace('dist/src/cli/', '').replace('.js', '')} refuses it the same way`, async () => {
      const { code, output } = await runToExit(script, [...args], { ...HARMLESS, CAIRN_ANONYMOUS_READ: 'flase' });
      expect(code, output).to.equal(1);
      expect(output.trim()).to.equal(`Configuration error: CAIRN_ANONYMOUS_READ must be one of ${ACCEPTED_BOOLEANS} (in any case), or unset; got "flase".`);
    });
  }
});

describe('the start-up message', () => {
  it('with CAIRN_PUBLIC_URL, gives the dashboard and IDE at the public address', async () => {
    const server = await ServerProcess.start({ ...HARMLESS, CAIRN_PUBLIC_URL: 'https://plans.example.org/cairn/' });
    try {
      // The second line may arrive in a later chunk than the first, which start() waits for.
      while (!/Dashboard: .*\n/.test(server.output)) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server.output).to.match(/^Cairn is serving GraphQL at http:\/\/127\.0\.0\.1:\d+\/graphql /);
      expect(server.output).to.contain('Dashboard: https://plans.example.org/cairn/dashboard · GraphQL IDE: open https://plans.example.org/cairn/graphql in a browser');
    } finally {
      await server.stop('SIGTERM');
    }
  });
});

