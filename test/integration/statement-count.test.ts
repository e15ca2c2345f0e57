import { expect } from 'chai';
import { startTestServer, TestServer } from '../support/test-server';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';

const PLAN_TREE = `query ($id: ID!) {
  plan(id: $id) {
    title
    goals(all: true) {
      code
      milestones {
        code
        status
        progress
        leadAgency { shortName }
        partners { role agency { shortName } }
      }
    }
  }
}`;

describe('DataLoader batching: statements per request do not grow with the plan', () => {
  let server: TestServer;
  const plans: Record<number, string> = {};

  before(async () => {
    server = await startTestServer({ seed: false });
    for (const size of [10, 2000]) plans[size] = await insertSyntheticPlan(server.dataSource, syntheticPlan({ milestones: size, seed: 1, today: server.today }));
  });

  after(() => server.stop());

  async function statementsFor(size: number): Promise<{ statements: number; milestones: number }> {
    const before = server.statements.count;
    const data = await server.ok(PLAN_TREE, { id: plans[size] });
    const milestones = data.plan.goals.reduce((n: number, g: { milestones: unknown[] }) => n + g.milestones.length, 0);
    return { statements: server.statements.count - before, milestones };
  }

  it('plan → goals (nested ones too) → milestones → lead agency and partners (with status) costs the same for 10 and 2,000 milestones', async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(2000);
    expect(small.milestones).to.equal(10);
    expect(large.milestones).to.equal(2000);
    // Not always equal: in a small plan some partner agencies lead nothing, so the agency loader's
    // cache misses them and they take one more (batched) lookup. What matters is no growth.
    expect(large.statements, `10 milestones: ${small.statements} statements; 2,000: ${large.statements}`).to.be.at.most(small.statements);
    expect(small.statements).to.be.at.most(12);
    console.log(`      statements per request: ${small.statements} for 10 milestones, ${large.statements} for 2,000`);
  });
});
