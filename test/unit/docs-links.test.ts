import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

// The project stands alone: its README and docs link only to files inside the repository.
const root = path.resolve(__dirname, '../../..');

function markdownFiles(): string[] {
  const docs = fs.readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => path.join('docs', f))];
}

/** Link targets of a Markdown file: `[text](target)` and `[label]: target`. */
function linkTargets(text: string): string[] {
  const inline = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  const reference = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]);
  return [...inline, ...reference];
}

describe('README and docs stand alone', () => {
  for (const file of markdownFiles()) {
    it(`${file} links only to files inside the repository, and they exist`, () => {
      const relativeTargets = linkTargets(fs.readFileSync(path.join(root, file), 'utf8'))
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
        .map((target) => decodeURI(target.split('#')[0]));
      for (const target of relativeTargets) {
        const resolved = path.resolve(path.dirname(path.join(root, file)), target);
        expect(path.relative(root, resolved), `${file} → ${target}`).to.not.match(/^\.\./);
        expect(fs.existsSync(resolved), `${file} → ${target} exists`).to.equal(true);
      }
    });
  }

  it('docs/rules.md states the rules users rely on', () => {
    const rules = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    for (const heading of ['## Dates and time', '## Numbers', '## Roll-ups', '## Reporting periods', '## Who may see and do what']) {
      expect(rules).to.include(heading);
    }
  });
});
