import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, TestServer } from '../support/test-server';

/** Pairs of ```graphql / ```json blocks in the README's "Example queries" section. */
function readmeExamples(): { query: string; output: unknown }[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.split('## Example queries')[1].split('\n## ')[0];
  const pairs = [...section.matchAll(/```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g)];
  return pairs.map((m) => ({ query: m[1], output: JSON.parse(m[2]) }));
}

describe('README example queries give the output the README shows (sample plans, CAIRN_TODAY=2026-11-28)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
  });
  after(() => server.stop());

  it('has three examples (plan owner, dashboard, analyst)', () => {
    expect(readmeExamples()).to.have.length(3);
  });

  readmeExamples().forEach((example, index) => {
    it(`example ${index + 1}`, async () => {
      expect(await server.gql(example.query)).to.deep.equal(example.output);
    });
  });
});
