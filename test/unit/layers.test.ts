/**
 * The layers point one way (README, "How the code is laid out"; rules in .dependency-cruiser.cjs):
 * the tree as committed has no import that runs back up, and a planted one is caught.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function checkLayers(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', 'seeds', 'migrations', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('layers', function () {
  this.timeout(60_000);

  it('no file imports a layer above its own', () => {
    const { status, output } = checkLayers();
    expect(output).to.not.match(/error/);
    expect(status).to.equal(0);
  });

  for (const [from, to, rule] of [
    ['src/domain', '../services/errors', 'domain-points-down'],
    ['src/services', '../graphql/enums', 'services-points-down'],
    ['src/http', '../graphql/schema', 'http-points-down'],
    ['src/graphql', '../server', 'graphql-points-down'],
    ['src/domain', 'typeorm', 'domain-is-pure'],
  ]) {
    it(`a planted import from ${from} to ${to} fails the check (${rule})`, () => {
      const planted = path.join(ROOT, from, 'zz-planted-back-arrow.ts');
      fs.writeFileSync(planted, `import '${to}';\n`);
      try {
        const { status, output } = checkLayers();
        expect(status).to.not.equal(0);
        expect(output).to.contain(rule).and.to.contain('zz-planted-back-arrow.ts');
      } finally {
        fs.rmSync(planted, { force: true });
      }
    });
  }
});
