/**
 * The layers point one way (README, "How the code is laid out"; rules in .dependency-cruiser.cjs):
 * the tree as committed has no import that runs back up, and planted ones are caught.
 * `npm test` runs the same check first (npm run lint:layers); this test also shows it can fail.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PLANTED = 'zz-planted-back-arrow.ts';
/** A folder of src/ that no layer names (made and removed by the test). */
const LAYERLESS = 'src/zz-planted-layerless';

function checkLayers(): { status: number | null; output: string } {
  const cli = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [cli, 'src', 'seeds', 'migrations', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('layers', function () {
  this.timeout(60_000);

  it('no file imports a layer above its own, and planted back-arrows are each caught by their rule', () => {
    const clean = checkLayers();
    expect(clean.output).to.not.match(/error/);
    expect(clean.status).to.equal(0);

    const plants: [dir: string, imports: string, rule: string][] = [
      ['src/domain', '../services/errors', 'domain-points-down'],
      ['src/entities', '../graphql/types', 'entities-points-down'],
      ['src/services', '../graphql/enums', 'services-points-down'],
      ['src/http', '../graphql/schema', 'http-points-down'],
      ['src/graphql', '../worker/offload', 'graphql-points-down'],
      ['src/worker', '../server', 'worker-points-down'],
      ['src/domain', 'typeorm', 'domain-is-pure'],
      [LAYERLESS, '../domain/dates', 'every-file-has-a-layer'],
    ];
    const written: string[] = [];
    try {
      plants.forEach(([dir, imports], i) => {
        fs.mkdirSync(path.join(ROOT, dir), { recursive: true });
        const file = path.join(ROOT, dir, `${i}-${PLANTED}`);
        fs.writeFileSync(file, `import '${imports}';\n`);
        written.push(file);
      });
      const { status, output } = checkLayers();
      expect(status).to.not.equal(0);
      plants.forEach(([dir, , rule], i) => expect(output).to.match(new RegExp(`${rule}: ${dir}/${i}-${PLANTED}`)));
    } finally {
      for (const file of written) fs.rmSync(file, { force: true });
      fs.rmSync(path.join(ROOT, LAYERLESS), { recursive: true, force: true });
    }
  });
});
