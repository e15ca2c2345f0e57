import { expect } from 'chai';
import { startTestServer, TestServer } from '../support/test-server';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';

/** The dashboard query of the benchmark (bench/): plan → goals → milestones with lead agency and status. */
const DASHBOARD = `query ($id: ID!) {
  plan(id: $id) {
    title
    goals(all: true) {
      code
      milestones { code title status progress statusReason leadAgency { shortName } }
    }
  }
}`;

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

  async function statementsFor(query: string, size: number): Promise<{ statements: number; milestones: number }> {
    const before = server.statements.count;
    const data = await server.ok(query, { id: plans[size] });
    const milestones = data.plan.goals.reduce((n: number, g: { milestones: unknown[] }) => n + g.milestones.length, 0);
    return { statements: server.statements.count - before, milestones };
  }

  // Every request also costs one statement to look up its token.
  it('the dashboard query costs at most 6 statements (token included), for 10 and for 2,000 milestones alike', async () => {
    const small = await statementsFor(DASHBOARD, 10);
    const large = await statementsFor(DASHBOARD, 2000);
    expect([small.milestones, large.milestones]).to.deep.equal([10, 2000]);
    expect(large.statements, `10 milestones: ${small.statements} statements; 2,000: ${large.statements}`).to.equal(small.statements);
    expect(small.statements).to.be.at.most(6);
    console.log(`      dashboard: ${small.statements} statements for 10 milestones, ${large.statements} for 2,000`);
  });

  it('plan → goals (nested ones too) → milestones → lead agency and partners (with status) do not cost more for 2,000 milestones than for 10', async () => {
    const small = await statementsFor(PLAN_TREE, 10);
    const large = await statementsFor(PLAN_TREE, 2000);
    expect([small.milestones, large.milestones]).to.deep.equal([10, 2000]);
    // Agencies are read whole on first use, so partner agencies that lead nothing cost no extra look-up.
    expect(large.statements, `10 milestones: ${small.statements} statements; 2,000: ${large.statements}`).to.equal(small.statements);
    expect(small.statements).to.be.at.most(7);
  });

  it("one milestone's status and progress: the token look-up plus 2 statements, with or without dependencies", async () => {
    const { plan } = await server.ok(`query ($id: ID!) { plan(id: $id) { goals(all: true) { milestones { id dependsOn { id } } } } }`, { id: plans[2000] });
    const milestones: { id: string; dependsOn: unknown[] }[] = plan.goals.flatMap((g: { milestones: unknown[] }) => g.milestones);
    const standalone = milestones.find((m) => m.dependsOn.length === 0)!;
    const dependent = milestones.find((m) => m.dependsOn.length >= 2)!;
    for (const milestone of [standalone, dependent]) {
      const before = server.statements.count;
      const data = await server.ok('query ($id: ID!) { milestone(id: $id) { status progress statusReason } }', { id: milestone.id });
      expect(data.milestone.status).to.be.a('string');
      expect(server.statements.count - before, `${milestone.dependsOn.length} dependencies`).to.equal(3);
    }
  });
});
