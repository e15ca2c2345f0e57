import { expect } from 'chai';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

describe('progressHistory over HTTP (first sample plan)', () => {
  let server: TestServer;
  let planId: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    planId = (await samplePlans(server)).first;
  });
  after(() => server.stop());

  it('a plan burn-up by fiscal quarter: each point is the plan as of that date', async () => {
    const { plan } = await server.ok(
      `query ($id: ID!) { plan(id: $id) { progressHistory(from: "2015-07-01", to: "2016-06-30", interval: QUARTER) { date progress expectedProgress statusCounts { total OVERDUE COMPLETED } } } }`,
      { id: planId },
    );
    const points = plan.progressHistory;
    expect(points.map((p: { date: string }) => p.date)).to.deep.equal(['2015-09-30', '2015-12-31', '2016-03-31', '2016-06-30']);
    for (const point of points) {
      const asOf = await server.ok(`query ($id: ID!, $d: Date) { plan(id: $id) { progress(asOf: $d) statusCounts(asOf: $d) { total OVERDUE COMPLETED } } }`, { id: planId, d: point.date });
      expect(point.progress).to.equal(asOf.plan.progress);
      expect(point.statusCounts).to.deep.equal(asOf.plan.statusCounts);
      expect(point.expectedProgress).to.be.within(0, 100);
    }
    const progress = points.map((p: { progress: number }) => p.progress);
    expect(progress).to.deep.equal([...progress].sort((a, b) => a - b)); // updates only grow in the sample history
  });

  it('weekly and monthly points end on Sundays and month ends, and always on `to`', async () => {
    const { plan } = await server.ok(
      `query ($id: ID!) { plan(id: $id) { weeks: progressHistory(from: "2015-07-01", to: "2015-07-20", interval: WEEK) { date } months: progressHistory(from: "2015-01-15", to: "2015-03-15") { date } } }`,
      { id: planId },
    );
    expect(plan.weeks.map((p: { date: string }) => p.date)).to.deep.equal(['2015-07-05', '2015-07-12', '2015-07-19', '2015-07-20']);
    expect(plan.months.map((p: { date: string }) => p.date)).to.deep.equal(['2015-01-31', '2015-02-28', '2015-03-15']);
  });

  it('a milestone history shows its own progress, expected progress and status on each date', async () => {
    const { milestones } = await server.ok(`query ($id: ID!) { milestones(filter: { planId: $id, search: "G3.1.M4" }) { nodes { id progressHistory(from: "2015-04-01", to: "2015-09-30") { date progress expectedProgress statusCounts { OVERDUE COMPLETED_LATE ON_TRACK AT_RISK } } } } }`, { id: planId });
    const points = milestones.nodes[0].progressHistory;
    const byDate = new Map(points.map((p: { date: string }) => [p.date, p]));
    // G3.1.M4: due 2015-05-29, 85% reported 2015-05-20, completed late on 2015-08-26.
    expect(byDate.get('2015-06-30')).to.deep.equal({ date: '2015-06-30', progress: 85, expectedProgress: 100, statusCounts: { OVERDUE: 1, COMPLETED_LATE: 0, ON_TRACK: 0, AT_RISK: 0 } });
    expect(byDate.get('2015-09-30')).to.deep.include({ progress: 100, statusCounts: { OVERDUE: 0, COMPLETED_LATE: 1, ON_TRACK: 0, AT_RISK: 0 } });
  });

  it('a milestone history judges each point by the start date in effect then: a start moved today leaves the earlier points as they were', async () => {
    const { plans, agencies } = await server.ok('{ plans { startDate goals { id } } agencies { id shortName } }');
    const goalId = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01').goals[0].id;
    const sfpd = agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
    // 2026-10-19 … 2027-01-27: 100 days, so 1% a day expected; nothing reported.
    const input = { goalId, code: 'HIST.START', title: 'Start moved today', leadAgencyId: sfpd, startDate: '2026-10-19', dueDate: '2027-01-27' };
    const { createMilestone: m } = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', { input });
    await server.ok('mutation ($id: ID!) { moveStartDate(id: $id, newStartDate: "2026-12-08", reason: "Staff start in December") { id } }', { id: m.id });
    const HISTORY = 'progressHistory(from: "2026-11-15", to: "2026-11-28", interval: WEEK) { date progress expectedProgress statusCounts { AT_RISK NOT_STARTED } }';
    const { milestone } = await server.ok(`query ($id: ID!) { milestone(id: $id) { ${HISTORY} } }`, { id: m.id });
    expect(milestone.progressHistory).to.deep.equal([
      { date: '2026-11-15', progress: 0, expectedProgress: 27, statusCounts: { AT_RISK: 1, NOT_STARTED: 0 } },
      { date: '2026-11-22', progress: 0, expectedProgress: 34, statusCounts: { AT_RISK: 1, NOT_STARTED: 0 } },
      { date: '2026-11-28', progress: 0, expectedProgress: 0, statusCounts: { AT_RISK: 0, NOT_STARTED: 1 } },
    ]);
  });

  it('refuses a backwards range and too many points', async () => {
    for (const [from, to, interval] of [
      ['2016-01-01', '2015-01-01', 'MONTH'],
      ['2000-01-01', '2029-12-31', 'WEEK'],
    ]) {
      const result = await server.gql(`query ($id: ID!, $from: Date!, $to: Date!, $i: Interval!) { plan(id: $id) { progressHistory(from: $from, to: $to, interval: $i) { date } } }`, { id: planId, from, to, i: interval });
      expect(result.errors?.[0].extensions?.code, `${from}..${to}`).to.equal('BAD_USER_INPUT');
    }
  });
});
