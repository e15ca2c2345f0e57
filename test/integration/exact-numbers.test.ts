import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Exact numbers through the API (docs/rules.md, "Numbers"), on small plans built with mutations
 * (today 2026-11-28): the at-risk and forecast boundaries that binary floating point got wrong,
 * and one two-decimal figure for the same thing on every path.
 */
describe('exact numbers over HTTP: rules on exact values, figures rounded to two decimals', () => {
  let server: TestServer;
  let planId: string;
  let goalIds: Record<string, string>;
  const ids: Record<string, string> = {};

  before(async () => {
    server = await startTestServer({ today: '2026-11-28', seed: false });
    const { createAgency } = await server.ok('mutation { createAgency(input: { name: "Numbers Agency", shortName: "NA", kind: OTHER, jurisdiction: CITY }) { id } }');
    const plan = async (title: string, atRiskThreshold: number) =>
      (await server.ok('mutation ($t: String!, $r: Int!) { createPlan(input: { title: $t, startDate: "2026-01-01", endDate: "2027-12-31", atRiskThreshold: $r }) { id } }', { t: title, r: atRiskThreshold })).createPlan.id as string;
    planId = await plan('Threshold 25', 25);
    const tenPlanId = await plan('Threshold 10', 10);
    const goal = async (p: string, code: string) => (await server.ok('mutation ($p: ID!, $c: String!) { createGoal(input: { planId: $p, code: $c, title: $c }) { id } }', { p, c: code })).createGoal.id as string;
    goalIds = { G1: await goal(planId, 'G1'), G2: await goal(planId, 'G2'), T1: await goal(tenPlanId, 'T1') };
    const milestone = async (goalId: string, code: string, startDate: string, dueDate: string, percentComplete: number) => {
      const { createMilestone } = await server.ok('mutation ($g: ID!, $a: ID!, $c: String!, $s: Date!, $d: Date!) { createMilestone(input: { goalId: $g, leadAgencyId: $a, code: $c, title: $c, startDate: $s, dueDate: $d }) { id } }', {
        g: goalId,
        a: createAgency.id,
        c: code,
        s: startDate,
        d: dueDate,
      });
      await server.ok('mutation ($m: ID!, $p: Float!) { reportProgress(input: { milestoneId: $m, percentComplete: $p, reportedOn: "2026-11-27" }) { percentComplete } }', { m: createMilestone.id, p: percentComplete });
      ids[code] = createMilestone.id;
    };
    await milestone(goalIds.G1, 'AT-RISK-25', '2026-10-18', '2027-02-20', 7.8);
    await milestone(goalIds.G1, 'FORECAST', '2026-10-08', '2027-06-30', 10.2);
    await milestone(goalIds.G2, 'ONE', '2026-11-25', '2026-11-29', 1); // expected 3 of 4 days: 75
    await milestone(goalIds.G2, 'ONE-POINT-01', '2026-11-25', '2026-12-01', 1.01); // expected 3 of 6 days: 50
    await milestone(goalIds.T1, 'AT-RISK-10', '2026-11-05', '2027-03-10', 8.4);
  });

  after(() => server.stop());

  const MILESTONE = 'query ($id: ID!) { milestone(id: $id) { status statusReason progress expectedProgress forecastCompletion } }';

  it('expected 32.8, reported 7.8, threshold 25 (gap exactly 25) is AT_RISK', async () => {
    const { milestone } = await server.ok(MILESTONE, { id: ids['AT-RISK-25'] });
    expect(milestone).to.include({ status: 'AT_RISK', progress: 7.8, expectedProgress: 32.8 });
    expect(milestone.statusReason).to.equal('Expected 32.8% by 2026-11-28, reported 7.8%.');
  });

  it('expected 18.4, reported 8.4, threshold 10 (gap exactly 10) is AT_RISK', async () => {
    const { milestone } = await server.ok(MILESTONE, { id: ids['AT-RISK-10'] });
    expect(milestone).to.include({ status: 'AT_RISK', progress: 8.4, expectedProgress: 18.4 });
  });

  it('10.2% after 51 days is forecast 449 days on (2028-02-20), not 450', async () => {
    const { milestone } = await server.ok(MILESTONE, { id: ids.FORECAST });
    expect(milestone.forecastCompletion).to.equal('2028-02-20');
  });

  it('refuses a percentComplete with more than two decimals, and records nothing', async () => {
    const updates = async () => (await server.ok('query ($id: ID!) { milestone(id: $id) { updates { percentComplete } } }', { id: ids.ONE })).milestone.updates;
    const before = await updates();
    const response = await server.gql('mutation ($m: ID!) { reportProgress(input: { milestoneId: $m, percentComplete: 7.801 }) { percentComplete } }', { m: ids.ONE });
    expect(response.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    expect(response.errors?.[0].message).to.match(/two decimals/);
    expect(await updates()).to.deep.equal(before);
  });

  it('(1 + 1.01) / 2 = 1.005 shows as 1.01 on every path: goal progress, dashboard, breakdown, annual report', async () => {
    const data = await server.ok(
      `query ($g: ID!, $p: ID!) {
        goal(id: $g) { progress history: progressHistory(from: "2026-11-28", to: "2026-11-28") { progress expectedProgress } dashboard { progress } }
        plan(id: $p) { dashboard { breakdown(by: GOAL) { label progress } } }
        annualReport(planId: $p, year: 2027) { goals { code progress } markdown }
      }`,
      { g: goalIds.G2, p: planId },
    );
    expect(data.goal.progress).to.equal(1.01);
    expect(data.goal.dashboard.progress).to.equal(1.01);
    // Expected: (75 + 50) / 2 = 62.5 on 2026-11-28.
    expect(data.goal.history).to.deep.equal([{ progress: 1.01, expectedProgress: 62.5 }]);
    expect(data.plan.dashboard.breakdown.find((g: { label: string }) => g.label.startsWith('G2')).progress).to.equal(1.01);
    expect(data.annualReport.goals.find((g: { code: string }) => g.code === 'G2').progress).to.equal(1.01);
    expect(data.annualReport.markdown).to.match(/G2 \| 2 \| 1\.01% \|/);
  });

  it('the CSV export has the same two-decimal figures as the API', async () => {
    const response = await fetch(`${new URL(server.url).origin}/export/milestones.csv?planId=${encodeURIComponent(planId)}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(response.status).to.equal(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.code === 'AT-RISK-25')!;
    expect(row).to.include({ status: 'AT_RISK', progress: '7.8', expectedProgress: '32.8', statusReason: 'Expected 32.8% by 2026-11-28, reported 7.8%.' });
    expect(rows.find((r) => r.code === 'ONE-POINT-01')).to.include({ progress: '1.01', expectedProgress: '50' });
  });
});
