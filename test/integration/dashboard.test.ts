import { expect } from 'chai';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

const DASHBOARD = `query ($id: ID!, $asOf: Date) {
  plan(id: $id) {
    progress(asOf: $asOf) health(asOf: $asOf) statusCounts(asOf: $asOf) { total OVERDUE AT_RISK }
    dashboard(asOf: $asOf) {
      asOf progress health statusCounts { total OVERDUE AT_RISK NOT_STARTED ON_TRACK COMPLETED COMPLETED_LATE CANCELLED }
      byGoal: breakdown(by: GOAL) { key label milestoneCount progress overdueDays statusCounts { total OVERDUE } }
      byAgency: breakdown(by: AGENCY) { label milestoneCount }
      byCommittee: breakdown(by: COMMITTEE) { label milestoneCount }
      byStatus: breakdown(by: STATUS) { key milestoneCount }
      upcoming(days: 60) { dueDate status milestone { code } }
      overdue { daysOverdue status statusReason milestone { code } }
      atRisk { status statusReason progress expectedProgress milestone { code } }
      staleUpdates { updateStale lastUpdatedOn milestone { code } }
    }
    goals { id progress(asOf: $asOf) statusCounts(asOf: $asOf) { total } }
  }
}`;

describe('dashboard roll-ups in one request (sample plans, today 2026-11-28)', () => {
  let server: TestServer;
  let currentPlan: string;
  let firstPlan: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28', anonymousRead: true });
    ({ current: currentPlan, first: firstPlan } = await samplePlans(server));
  });
  after(() => server.stop());

  for (const [label, asOf] of [
    ['today', null],
    ['as of 2015-06-30 (first plan)', '2015-06-30'],
  ] as const) {
    it(`agrees with the plan's own roll-ups and with itself, ${label}`, async () => {
      const { plan } = await server.ok(DASHBOARD, { id: asOf ? firstPlan : currentPlan, asOf });
      const d = plan.dashboard;
      expect(d.asOf).to.equal(asOf);
      expect(d.progress).to.equal(plan.progress);
      expect(d.health).to.equal(plan.health);
      expect(d.statusCounts).to.deep.include(plan.statusCounts);
      const total = d.statusCounts.total;
      for (const groups of [d.byGoal, d.byAgency, d.byCommittee, d.byStatus]) {
        expect(groups.reduce((n: number, g: { milestoneCount: number }) => n + g.milestoneCount, 0)).to.equal(total);
      }
      // GOAL groups are the top-level goals, with the goals' own roll-ups.
      expect(d.byGoal.map((g: { key: string }) => g.key)).to.deep.equal(plan.goals.map((g: { id: string }) => g.id));
      d.byGoal.forEach((group: { statusCounts: { total: number } }, i: number) => expect(group.statusCounts.total).to.equal(plan.goals[i].statusCounts.total));
      for (const s of d.byStatus) expect(s.milestoneCount).to.equal(d.statusCounts[s.key]);
      expect(d.overdue).to.have.length(d.statusCounts.OVERDUE);
      expect(d.atRisk).to.have.length(d.statusCounts.AT_RISK);
      const overdueDays = d.overdue.reduce((n: number, m: { daysOverdue: number }) => n + m.daysOverdue, 0);
      expect(d.byGoal.reduce((n: number, g: { overdueDays: number }) => n + g.overdueDays, 0)).to.equal(overdueDays);
    });
  }

  it('lists are in urgency order and carry the reasons', async () => {
    const { plan } = await server.ok(DASHBOARD, { id: currentPlan, asOf: null });
    const d = plan.dashboard;
    const days = d.overdue.map((m: { daysOverdue: number }) => m.daysOverdue);
    expect(days).to.deep.equal([...days].sort((a, b) => b - a));
    for (const m of d.overdue) expect(m.statusReason).to.contain('past its due date');
    for (const m of d.atRisk) expect(m.statusReason.length).to.be.greaterThan(10);
    const dues = d.upcoming.map((m: { dueDate: string }) => m.dueDate);
    expect(dues).to.deep.equal([...dues].sort());
    for (const m of d.upcoming) {
      expect(m.dueDate >= '2026-11-28' && m.dueDate <= '2027-01-27').to.equal(true);
      expect(['ON_TRACK', 'AT_RISK', 'NOT_STARTED']).to.include(m.status);
    }
    for (const m of d.staleUpdates) expect(m.updateStale).to.equal(true);
  });

  it('the status breakdown is most urgent first, in the order of the STATUS sort', async () => {
    const { plan } = await server.ok(DASHBOARD, { id: currentPlan, asOf: null });
    const keys = plan.dashboard.byStatus.map((g: { key: string }) => g.key);
    expect(keys.length).to.be.greaterThan(3);
    const urgency = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED_LATE', 'COMPLETED', 'CANCELLED'];
    expect(keys).to.deep.equal(urgency.filter((status) => keys.includes(status)));
  });

  it('goal, committee and agency dashboards have the same shape', async () => {
    const data = await server.ok(`query ($id: ID!) { plan(id: $id) {
      goals { dashboard { statusCounts { total } breakdown(by: GOAL) { milestoneCount } } statusCounts { total } }
      committees { dashboard { statusCounts { total } breakdown(by: STATUS) { milestoneCount } } statusCounts { total } }
    } agencies { shortName dashboard(planId: $id, role: ANY) { statusCounts { total } overdue { milestone { code } } } statusCounts(planId: $id, role: ANY) { total } } }`, { id: currentPlan });
    for (const owner of [...data.plan.goals, ...data.plan.committees]) {
      expect(owner.dashboard.statusCounts.total).to.equal(owner.statusCounts.total);
    }
    for (const agency of data.agencies) expect(agency.dashboard.statusCounts.total, agency.shortName).to.equal(agency.statusCounts.total);
  });

  it('counts follow visibility: anonymous readers do not count restricted milestones', async () => {
    const admin = await server.ok('query ($id: ID!) { plan(id: $id) { dashboard { statusCounts { total } } } milestones(filter: { planId: $id, visibility: PARTNERS }) { totalCount } }', { id: currentPlan });
    const anonymous = await server.as(null).ok('query ($id: ID!) { plan(id: $id) { dashboard { statusCounts { total } byGoal: breakdown(by: GOAL) { milestoneCount } } } }', { id: currentPlan });
    expect(admin.milestones.totalCount).to.be.greaterThan(0);
    expect(anonymous.plan.dashboard.statusCounts.total).to.equal(admin.plan.dashboard.statusCounts.total - admin.milestones.totalCount);
  });

  it('upcoming(days) outside 1–366 is BAD_USER_INPUT', async () => {
    const result = await server.gql('query ($id: ID!) { plan(id: $id) { dashboard { upcoming(days: 0) { dueDate } } } }', { id: currentPlan });
    expect(result.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
  });
});
