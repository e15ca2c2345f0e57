import { expect } from 'chai';
import { MilestoneStatus, Visibility } from '../../src/domain/enums';
import { insertSyntheticPlan, syntheticPlan } from '../../seeds/synthetic-plan';
import { startTestServer, TestServer } from '../support/test-server';

const TODAY = '2026-11-28';

describe('Synthetic plans (seeds/synthetic-plan.ts)', () => {
  const data = syntheticPlan({ milestones: 500, seed: 1, today: TODAY });

  it('is the same plan for the same seed, and another plan for another seed', () => {
    expect(syntheticPlan({ milestones: 500, seed: 1, today: TODAY })).to.deep.equal(data);
    expect(syntheticPlan({ milestones: 500, seed: 2, today: TODAY }).milestones).not.to.deep.equal(data.milestones);
  });

  it('has N milestones in a goal tree of 20–50 milestones per goal, 30 agencies, partners, updates and moves', () => {
    expect(data.milestones).to.have.length(500);
    expect(data.agencies).to.have.length(30);
    const perGoal = new Map<string, number>();
    for (const m of data.milestones) perGoal.set(m.goalCode, (perGoal.get(m.goalCode) ?? 0) + 1);
    const sizes = data.goals.map((g) => perGoal.get(g.code) ?? 0);
    expect(sizes.slice(0, -1).every((n) => n >= 20 && n <= 50), `goal sizes ${sizes}`).to.equal(true);
    expect(data.goals.filter((g) => g.parentCode !== null)).to.have.length.above(0);
    expect(new Set(data.milestones.map((m) => m.code)).size).to.equal(500);
    expect(data.partners.length).to.be.above(500);
    expect(data.updates.length).to.be.above(1000);
    expect(data.dueDateChanges.length).to.be.above(10);
    expect(data.milestones.filter((m) => m.visibility === Visibility.PARTNERS)).to.have.length.above(0);
  });

  it('only depends on earlier milestones, so the dependency graph is acyclic', () => {
    const index = new Map(data.milestones.map((m, i) => [m.code, i]));
    expect(data.dependencies.length).to.be.above(100);
    for (const d of data.dependencies) expect(index.get(d.dependsOn)!, `${d.code} → ${d.dependsOn}`).to.be.below(index.get(d.code)!);
  });

  describe('inserted and served', () => {
    let server: TestServer;
    let planId: string;

    before(async () => {
      server = await startTestServer({ seed: false, today: TODAY });
      planId = await insertSyntheticPlan(server.dataSource, data);
    });

    after(() => server.stop());

    it('stores every row', async () => {
      const count = async (table: string) => Number((await server.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
      expect(await count('milestone')).to.equal(500);
      expect(await count('goal')).to.equal(data.goals.length);
      expect(await count('progress_update')).to.equal(data.updates.length);
      expect(await count('milestone_dependency')).to.equal(data.dependencies.length);
      expect(await count('date_change')).to.equal(data.dueDateChanges.length);
    });

    it('spreads the milestones over every status on today', async () => {
      const { plan } = await server.ok(`query ($id: ID!) { plan(id: $id) { statusCounts { ${Object.values(MilestoneStatus).join(' ')} total } } }`, { id: planId });
      expect(plan.statusCounts.total).to.equal(500);
      for (const status of Object.values(MilestoneStatus)) expect(plan.statusCounts[status], status).to.be.at.least(10);
    });

    it('reuses the agencies when a second plan is added', async () => {
      await insertSyntheticPlan(server.dataSource, syntheticPlan({ milestones: 20, seed: 2, today: TODAY }));
      expect(Number((await server.dataSource.query('SELECT count(*) AS n FROM agency'))[0].n)).to.equal(30);
    });
  });
});
