import { expect } from 'chai';
import { startTestServer, TestServer } from '../support/test-server';

/** Forecast propagation through the API, on a small plan built with mutations (today 2026-11-28). */
describe('forecastCompletion over HTTP: a slip upstream shows downstream', () => {
  let server: TestServer;
  let upstream: string;
  let downstream: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28', seed: false });
    const { createAgency } = await server.ok('mutation { createAgency(input: { name: "Forecast Agency", shortName: "FA", kind: OTHER, jurisdiction: CITY }) { id } }');
    const { createPlan } = await server.ok('mutation { createPlan(input: { title: "Forecast plan", startDate: "2026-01-01", endDate: "2027-12-31" }) { id } }');
    const { createGoal } = await server.ok('mutation ($p: ID!) { createGoal(input: { planId: $p, code: "G1", title: "Goal" }) { id } }', { p: createPlan.id });
    const create = async (code: string, startDate: string, dueDate: string) =>
      (
        await server.ok('mutation ($g: ID!, $a: ID!, $code: String!, $s: Date!, $d: Date!) { createMilestone(input: { goalId: $g, leadAgencyId: $a, code: $code, title: $code, startDate: $s, dueDate: $d }) { id } }', {
          g: createGoal.id,
          a: createAgency.id,
          code,
          s: startDate,
          d: dueDate,
        })
      ).createMilestone.id;
    // A started 60 days ago and is 10% done; B started 30 days ago and is 90% done.
    upstream = await create('A', '2026-09-29', '2027-06-30');
    downstream = await create('B', '2026-10-29', '2027-01-31');
    await server.ok('mutation ($a: ID!, $b: ID!) { a: reportProgress(input: { milestoneId: $a, percentComplete: 10 }) { reportedOn } b: reportProgress(input: { milestoneId: $b, percentComplete: 90 }) { reportedOn } }', { a: upstream, b: downstream });
  });

  after(() => server.stop());

  const forecasts = (a: string, b: string) => server.ok('query ($a: ID!, $b: ID!) { a: milestone(id: $a) { forecastCompletion } b: milestone(id: $b) { forecastCompletion status statusReason } }', { a, b });

  it('on its own, each milestone is forecast at its pace so far', async () => {
    const data = await forecasts(upstream, downstream);
    expect(data.a.forecastCompletion).to.equal('2028-05-21'); // 2026-11-28 + ⌈90 × 60 / 10⌉ = 540 days
    expect(data.b.forecastCompletion).to.equal('2026-12-02'); // 2026-11-28 + ⌈10 × 30 / 90⌉ = 4 days
  });

  it('once B depends on A, B is forecast no earlier than A, and is at risk because A is due after it', async () => {
    await server.ok('mutation ($b: ID!, $a: ID!) { addDependency(milestoneId: $b, dependsOnId: $a) { code } }', { a: upstream, b: downstream });
    const data = await forecasts(upstream, downstream);
    expect(data.b.forecastCompletion).to.equal('2028-05-21');
    expect(data.b.status).to.equal('AT_RISK');
    expect(data.b.statusReason).to.equal("Depends on A (FA), due 2027-06-30, after this milestone's due date 2027-01-31.");
  });

  it('once A is completed, B falls back to its own pace', async () => {
    await server.ok('mutation ($a: ID!) { completeMilestone(id: $a) { status } }', { a: upstream });
    const data = await forecasts(upstream, downstream);
    expect(data.a.forecastCompletion).to.equal('2026-11-28');
    expect(data.b.forecastCompletion).to.equal('2026-12-02');
    expect(data.b.status).to.equal('ON_TRACK');
  });
});
