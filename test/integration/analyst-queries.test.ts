import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, TestServer } from '../support/test-server';

const dir = path.resolve(__dirname, '../../../docs/queries');
const variables = JSON.parse(fs.readFileSync(path.join(dir, 'variables.json'), 'utf8')) as Record<string, Record<string, unknown>>;

/** What each documented query must show on the sample plans (today 2026-11-28). */
const expectations: Record<string, (data: any) => void> = {
  'my-overdue-milestones': (d) => {
    expect(d.milestones.totalCount).to.be.greaterThan(0);
    for (const m of d.milestones.nodes) expect(['OVERDUE', 'AT_RISK']).to.include(m.status);
  },
  'plan-health-by-goal': (d) => {
    expect(d.plan.goals).to.have.length(6);
    expect(d.plan.goals.reduce((n: number, g: { statusCounts: { total: number } }) => n + g.statusCounts.total, 0)).to.equal(d.plan.statusCounts.total);
  },
  'what-slipped-this-fiscal-year': (d) => {
    expect(d.milestones.totalCount).to.be.greaterThan(0);
    for (const m of d.milestones.nodes) {
      expect(m.dueDateChanges.some((c: { changedOn: string }) => c.changedOn >= '2015-07-01' && c.changedOn <= '2016-06-30'), m.code).to.equal(true);
      expect(m.slipDays).to.not.equal(0);
    }
  },
  'agency-scorecard': (d) => {
    expect(d.agency.shortName).to.equal('SFPD');
    expect(d.agency.all.statusCounts.total).to.be.at.least(d.agency.lead.statusCounts.total);
  },
  'progress-trend': (d) => {
    expect(d.plan.progressHistory).to.have.length(16);
    expect(d.plan.progressHistory.at(-1).date).to.equal('2017-06-30');
  },
};

describe('docs/queries: every ready-to-run query works on the sample plans', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
  });
  after(() => server.stop());

  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  it('documents five queries, each with variables and a check', () => {
    expect(files.map((f) => f.replace('.graphql', '')).sort()).to.deep.equal(Object.keys(expectations).sort());
    expect(Object.keys(variables).sort()).to.deep.equal(Object.keys(expectations).sort());
  });

  for (const file of files) {
    const name = file.replace('.graphql', '');
    it(name, async () => {
      const data = await server.ok(fs.readFileSync(path.join(dir, file), 'utf8'), variables[name]);
      expectations[name](data);
    });
  }
});
