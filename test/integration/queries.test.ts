import { expect } from 'chai';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

const COUNTS = 'statusCounts(asOf: $asOf) { total CANCELLED COMPLETED COMPLETED_LATE OVERDUE AT_RISK NOT_STARTED ON_TRACK }';

describe('queries over HTTP on the sample plans (today fixed at 2026-11-28)', () => {
  let server: TestServer;
  let firstPlanId: string;
  let currentPlanId: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    ({ first: firstPlanId, current: currentPlanId } = await samplePlans(server));
  });

  after(() => server.stop());

  async function milestoneIdByCode(planId: string, code: string): Promise<string> {
    const data = await server.ok('query ($f: MilestoneFilter) { milestones(filter: $f, first: 100) { nodes { id code } } }', { f: { planId, search: code } });
    return data.milestones.nodes.find((n: { code: string }) => n.code === code).id;
  }

  it('lists both sample plans, newest first', async () => {
    const { plans } = await server.ok('{ plans { title startDate endDate timeZone fiscalYearStartMonth staffAgency { shortName } } }');
    expect(plans.map((p: { startDate: string }) => p.startDate)).to.deep.equal(['2025-07-01', '2013-07-01']);
    expect(plans[1]).to.include({ endDate: '2017-06-30', timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 7 });
    expect(plans[1].staffAgency.shortName).to.equal('DOSW');
  });

  it('the current plan is alive today: a mix of statuses, not a wall of red (4 of 44 overdue is under the 10% that makes it off track)', async () => {
    const data = await server.ok(`query ($id: ID!, $asOf: Date) { plan(id: $id) { health(asOf: $asOf) healthReason(asOf: $asOf) progress(asOf: $asOf) ${COUNTS} } }`, { id: currentPlanId, asOf: null });
    expect(data.plan.statusCounts).to.deep.equal({ total: 45, CANCELLED: 1, COMPLETED: 10, COMPLETED_LATE: 2, OVERDUE: 4, AT_RISK: 6, NOT_STARTED: 7, ON_TRACK: 15 });
    expect(data.plan.health).to.equal('AT_RISK');
    expect(data.plan.healthReason).to.equal('4 of 44 milestones (9.09%) are overdue, under the 10% that makes a plan off track; 6 more are at risk.');
    expect(data.plan.progress).to.be.within(1, 99);
  });

  it('the first plan as of its last day (2017-06-30): finished history with some overdue and cancelled, not red', async () => {
    const data = await server.ok(`query ($id: ID!, $asOf: Date) { plan(id: $id) { health(asOf: $asOf) healthReason(asOf: $asOf) ${COUNTS} } }`, { id: firstPlanId, asOf: '2017-06-30' });
    expect(data.plan.statusCounts).to.deep.equal({ total: 63, CANCELLED: 3, COMPLETED: 41, COMPLETED_LATE: 15, OVERDUE: 4, AT_RISK: 0, NOT_STARTED: 0, ON_TRACK: 0 });
    expect(data.plan.health).to.equal('AT_RISK');
    expect(data.plan.healthReason).to.equal('4 of 60 milestones (6.67%) are overdue, under the 10% that makes a plan off track.');
  });

  it('the finished first plan (97% done, 4 of 60 overdue) shows no red anywhere: today, on its dashboard and in its last annual report', async () => {
    const data = await server.ok(
      `query ($id: ID!) { plan(id: $id) { progress health dashboard { health } } annualReport(planId: $id, year: 2017) { summary { health healthReason } markdown html } }`,
      { id: firstPlanId },
    );
    expect(data.plan.progress).to.be.within(97, 98);
    expect(data.plan.health).to.equal('AT_RISK');
    expect(data.plan.dashboard.health).to.equal('AT_RISK');
    expect(data.annualReport.summary).to.deep.equal({ health: 'AT_RISK', healthReason: '4 of 60 milestones (6.67%) are overdue, under the 10% that makes a plan off track.' });
    expect(data.annualReport.markdown).to.contain('- Plan health: **at risk — 4 of 60 milestones (6.67%) are overdue, under the 10% that makes a plan off track.**');
    expect(data.annualReport.html).to.contain('<dt>Plan health</dt><dd>at risk — 4 of 60 milestones (6.67%) are overdue, under the 10% that makes a plan off track.</dd>');
  });

  it('history: what was overdue on 2015-06-30 is judged with the facts of that day', async () => {
    const data = await server.ok(
      `query ($f: MilestoneFilter) { milestones(filter: $f, first: 100) { totalCount nodes { code dueDate(asOf: "2015-06-30") completedOn(asOf: "2015-06-30") status(asOf: "2015-06-30") daysOverdue(asOf: "2015-06-30") completedNow: completedOn } } }`,
      { f: { planId: firstPlanId, status: ['OVERDUE'], asOf: '2015-06-30' } },
    );
    expect(data.milestones.totalCount).to.be.greaterThan(0);
    for (const m of data.milestones.nodes) {
      expect(m.status).to.equal('OVERDUE');
      expect(m.dueDate < '2015-06-30', m.code).to.equal(true);
      expect(m.completedOn).to.equal(null);
      expect(m.daysOverdue).to.be.greaterThan(0);
    }
    // Some of them were completed later: the past does not see that completion.
    expect(data.milestones.nodes.some((m: { completedNow: string | null }) => m.completedNow !== null)).to.equal(true);
  });

  it('plan → goals → milestones carry computed fields that agree with each other', async () => {
    const data = await server.ok(
      `query ($id: ID!) { plan(id: $id) { goals(all: true) { code progress statusCounts { total } milestones { code status progress expectedProgress statusReason daysOverdue daysRemaining slipDays baselineDueDate dueDate lastUpdatedOn updateStale forecastCompletion leadAgency { shortName } } } } }`,
      { id: currentPlanId },
    );
    const milestones = data.plan.goals.flatMap((g: { milestones: unknown[] }) => g.milestones);
    expect(milestones).to.have.length(45);
    for (const m of milestones) {
      expect(m.statusReason, m.code).to.match(/\.$/);
      if (m.status === 'OVERDUE') {
        expect(m.daysOverdue).to.be.greaterThan(0);
        expect(m.statusReason).to.contain(`past its due date ${m.dueDate}`);
      }
      if (m.status === 'ON_TRACK') expect(m.daysRemaining).to.be.greaterThan(0);
      if (m.status === 'COMPLETED') expect(m.progress).to.equal(100);
      expect(m.slipDays).to.equal(Math.round((Date.parse(m.dueDate) - Date.parse(m.baselineDueDate)) / 86400000));
    }
    expect(milestones.filter((m: { slipDays: number }) => m.slipDays > 0)).to.have.length(2);
  });

  it('a list of milestones gives each the same assessed fields as asking for it alone, on every date asked (aliases, fragments, variables)', async () => {
    // Lists are assessed in one batch ahead and their fields answered directly (src/graphql/assessed-fields.ts);
    // milestone(id) goes through the resolvers one by one. Both must say the same.
    const FIELDS = 'dueDate progress expectedProgress status statusReason daysOverdue daysRemaining slipDays lastUpdatedOn updateStale';
    const past = '2026-02-15';
    const query = `query ($id: ID!, $past: Date) { plan(id: $id) { goals(all: true) { milestones { id ${FIELDS} ...Past ... on Milestone { early: status(asOf: "2025-09-30") } } } } }
      fragment Past on Milestone { pastStatus: status(asOf: $past) pastProgress: progress(asOf: $past) pastReason: statusReason(asOf: $past) }`;
    const data = await server.ok(query, { id: currentPlanId, past });
    const listed = data.plan.goals.flatMap((g: { milestones: unknown[] }) => g.milestones);
    expect(listed).to.have.length(45);
    const statuses = new Set(listed.map((m: { status: string }) => m.status));
    expect(statuses.size, 'a mix of statuses to compare').to.be.at.least(4);
    for (const m of listed) {
      const { milestone } = await server.ok(`query ($id: ID!, $past: Date) { milestone(id: $id) { id ${FIELDS} pastStatus: status(asOf: $past) pastProgress: progress(asOf: $past) pastReason: statusReason(asOf: $past) early: status(asOf: "2025-09-30") } }`, { id: m.id, past });
      expect(m, milestone.id).to.deep.equal(milestone);
    }
    expect(listed.some((m: { status: string; pastStatus: string }) => m.status !== m.pastStatus), 'the dates asked make a difference').to.equal(true);
  });

  it('milestone(id) and node(id) find the same milestone; unknown IDs are null for node and NOT_FOUND for milestone', async () => {
    const id = await milestoneIdByCode(currentPlanId, 'G4.M4');
    const data = await server.ok('query ($id: ID!) { milestone(id: $id) { id code status } node(id: $id) { __typename id ... on Milestone { code } } }', { id });
    expect(data.milestone).to.include({ id, code: 'G4.M4', status: 'OVERDUE' });
    expect(data.node).to.deep.equal({ __typename: 'Milestone', id, code: 'G4.M4' });
    const missing = Buffer.from('Milestone:999999').toString('base64url');
    const node = await server.ok('query ($id: ID!) { node(id: $id) { id } }', { id: missing });
    expect(node.node).to.equal(null);
    const result = await server.gql('query ($id: ID!) { milestone(id: $id) { id } }', { id: missing });
    expect(result.errors?.[0].extensions?.code).to.equal('NOT_FOUND');
  });

  it('node(id) resolves every kind of object', async () => {
    const data = await server.ok(`query ($id: ID!) { plan(id: $id) { id committees { id } goals { id leadAgency { id } } indicators { id } meetings { id } } }`, { id: currentPlanId });
    const ids: [string, string][] = [
      ['Plan', data.plan.id],
      ['Committee', data.plan.committees[0].id],
      ['Goal', data.plan.goals[0].id],
      ['Agency', data.plan.goals[0].leadAgency.id],
      ['Indicator', data.plan.indicators[0].id],
      ['Meeting', data.plan.meetings[0].id],
    ];
    for (const [type, id] of ids) {
      const found = await server.ok('query ($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(found.node).to.deep.equal({ __typename: type, id });
    }
  });

  it('milestones connection: filter by plan and status, page with cursors, totalCount over all pages', async () => {
    const query = `query ($f: MilestoneFilter, $after: String) { milestones(filter: $f, first: 3, after: $after, orderBy: { field: DUE_DATE }) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { code dueDate status } } }`;
    const filter = { planId: currentPlanId, status: ['OVERDUE', 'AT_RISK'] };
    const page1 = await server.ok(query, { f: filter });
    expect(page1.milestones.totalCount).to.equal(10);
    expect(page1.milestones.nodes).to.have.length(3);
    expect(page1.milestones.pageInfo).to.include({ hasNextPage: true, hasPreviousPage: false });
    const seen = [...page1.milestones.nodes];
    let after = page1.milestones.pageInfo.endCursor;
    for (let i = 0; i < 5 && after; i++) {
      const page = await server.ok(query, { f: filter, after });
      seen.push(...page.milestones.nodes);
      after = page.milestones.pageInfo.hasNextPage ? page.milestones.pageInfo.endCursor : null;
    }
    expect(seen).to.have.length(10);
    expect(new Set(seen.map((m) => m.code)).size).to.equal(10);
    const dues = seen.map((m) => m.dueDate);
    expect(dues).to.deep.equal([...dues].sort());
    for (const m of seen) expect(['OVERDUE', 'AT_RISK']).to.include(m.status);
  });

  it('orders by urgency (STATUS) and by days overdue, descending', async () => {
    const data = await server.ok(
      `query ($f: MilestoneFilter) { byStatus: milestones(filter: $f, first: 100, orderBy: { field: STATUS }) { nodes { status } } byDays: milestones(filter: $f, first: 5, orderBy: { field: DAYS_OVERDUE, direction: DESC }) { nodes { daysOverdue status } } }`,
      { f: { planId: currentPlanId } },
    );
    const urgency = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'COMPLETED_LATE', 'COMPLETED', 'CANCELLED'];
    const ranks = data.byStatus.nodes.map((n: { status: string }) => urgency.indexOf(n.status));
    expect(ranks).to.deep.equal([...ranks].sort((a: number, b: number) => a - b));
    const days = data.byDays.nodes.map((n: { daysOverdue: number }) => n.daysOverdue);
    expect(days).to.deep.equal([...days].sort((a: number, b: number) => b - a));
    expect(days[0]).to.be.greaterThan(0);
  });

  it('filters by goal including nested goals, matching the goal roll-up count', async () => {
    const data = await server.ok(`query ($id: ID!) { plan(id: $id) { goals { id code children { code } statusCounts { total } } } }`, { id: firstPlanId });
    const nested = data.plan.goals.find((g: { children: unknown[] }) => g.children.length > 0);
    const direct = await server.ok(`query ($id: ID!) { goal(id: $id) { milestones { code } } }`, { id: nested.id });
    const listed = await server.ok(`query ($f: MilestoneFilter) { milestones(filter: $f, first: 100) { totalCount } }`, { f: { goalId: nested.id } });
    expect(listed.milestones.totalCount).to.equal(nested.statusCounts.total);
    expect(listed.milestones.totalCount).to.be.greaterThan(direct.goal.milestones.length);
  });

  it('filters by agency and role, matching the agency roll-ups', async () => {
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const sfpd = agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
    const data = await server.ok(
      `query ($a: ID!, $p: ID!) {
        agency(id: $a) { lead: statusCounts(planId: $p) { total } any: statusCounts(planId: $p, role: ANY) { total } partner: statusCounts(planId: $p, role: PARTNER) { total } health(planId: $p) progress(planId: $p, role: ANY) milestones(planId: $p) { code leadAgency { shortName } } }
        lead: milestones(filter: { agencyId: $a, planId: $p }, first: 100) { totalCount nodes { leadAgency { shortName } } }
        any: milestones(filter: { agencyId: $a, planId: $p, agencyRole: ANY }, first: 100) { totalCount }
        partner: milestones(filter: { agencyId: $a, planId: $p, agencyRole: PARTNER }, first: 100) { totalCount nodes { partners { agency { shortName } } } }
      }`,
      { a: sfpd, p: currentPlanId },
    );
    expect(data.lead.totalCount).to.equal(data.agency.lead.total).and.to.be.greaterThan(0);
    expect(data.any.totalCount).to.equal(data.agency.any.total);
    expect(data.partner.totalCount).to.equal(data.agency.partner.total).and.to.be.greaterThan(0);
    expect(data.any.totalCount).to.equal(data.lead.totalCount + data.partner.totalCount);
    for (const n of data.lead.nodes) expect(n.leadAgency.shortName).to.equal('SFPD');
    for (const n of data.partner.nodes) expect(n.partners.map((p: { agency: { shortName: string } }) => p.agency.shortName)).to.include('SFPD');
    expect(data.agency.milestones).to.have.length(data.lead.totalCount);
  });

  it('committees: members, goals, roll-ups, and the committee filter', async () => {
    const data = await server.ok(`query ($id: ID!) { plan(id: $id) { committees { id name chair { shortName } members { shortName } goals { code } statusCounts { total } health progress } } }`, { id: firstPlanId });
    expect(data.plan.committees.map((c: { name: string }) => c.name).sort()).to.deep.equal(
      ['Child Sex Trafficking Committee', 'Illicit Massage Parlor Committee', 'Sex Worker & Trafficking Committee', 'Super Bowl Committee'].sort(),
    );
    const withGoals = data.plan.committees.find((c: { goals: unknown[] }) => c.goals.length > 0);
    expect(withGoals.members.length).to.be.greaterThan(1);
    const single = await server.ok(`query ($id: ID!) { committee(id: $id) { name plan { id } } milestones(filter: { committeeId: $id }, first: 100) { totalCount } }`, { id: withGoals.id });
    expect(single.committee.plan.id).to.equal(firstPlanId);
    expect(single.milestones.totalCount).to.equal(withGoals.statusCounts.total).and.to.be.greaterThan(0);
  });

  it('filters by due-date range and by text in title or code (case-insensitive)', async () => {
    const data = await server.ok(
      `query ($p: ID!) {
        range: milestones(filter: { planId: $p, dueFrom: "2016-01-01", dueTo: "2016-06-30" }, first: 100) { totalCount nodes { dueDate } }
        text: milestones(filter: { planId: $p, search: "super bowl" }, first: 100) { totalCount nodes { title code } }
        code: milestones(filter: { planId: $p, search: "g2.m1" }, first: 100) { nodes { code } }
      }`,
      { p: firstPlanId },
    );
    expect(data.range.totalCount).to.be.greaterThan(0);
    for (const n of data.range.nodes) expect(n.dueDate >= '2016-01-01' && n.dueDate <= '2016-06-30').to.equal(true);
    expect(data.text.totalCount).to.be.greaterThan(0);
    for (const n of data.text.nodes) expect(n.title.toLowerCase()).to.contain('super bowl');
    expect(data.code.nodes.map((n: { code: string }) => n.code)).to.include('G2.M1');
  });

  it('forecastCompletion: never before what a milestone depends on; the actual date once completed', async () => {
    const data = await server.ok(
      `query ($f: MilestoneFilter) { milestones(filter: $f, first: 100) { nodes { code status completedOn forecastCompletion dependsOn { code status forecastCompletion } } } }`,
      { f: { planId: currentPlanId } },
    );
    const withUpstream = data.milestones.nodes.filter((m: { dependsOn: unknown[] }) => m.dependsOn.length > 0);
    expect(withUpstream.length).to.be.greaterThan(5);
    for (const m of data.milestones.nodes) {
      if (m.status === 'CANCELLED') expect(m.forecastCompletion, m.code).to.equal(null);
      else if (m.completedOn) expect(m.forecastCompletion, m.code).to.equal(m.completedOn);
      else {
        expect(m.forecastCompletion >= server.today, m.code).to.equal(true);
        for (const u of m.dependsOn) if (u.forecastCompletion) expect(m.forecastCompletion >= u.forecastCompletion, `${m.code} after ${u.code}`).to.equal(true);
      }
    }
  });

  it('filters by due-date moves with one open end: movedTo alone, movedFrom alone', async () => {
    const data = await server.ok(
      `query ($p: ID!) {
        both: milestones(filter: { planId: $p, movedFrom: "2013-07-01", movedTo: "2015-06-30" }, first: 100) { totalCount }
        upTo: milestones(filter: { planId: $p, movedTo: "2015-06-30" }, first: 100) { totalCount }
        all: milestones(filter: { planId: $p, movedFrom: "2013-07-01" }, first: 100) { totalCount }
        fromLater: milestones(filter: { planId: $p, movedFrom: "2015-07-01" }, first: 100) { totalCount }
      }`,
      { p: firstPlanId },
    );
    expect(data.both.totalCount).to.be.greaterThan(0);
    expect(data.upTo.totalCount).to.equal(data.both.totalCount);
    expect(data.fromLater.totalCount).to.be.greaterThan(0);
    expect(data.all.totalCount).to.be.at.least(data.fromLater.totalCount).and.at.least(data.upTo.totalCount);
  });

  it('agencies: all of them, with kinds and jurisdictions', async () => {
    const { agencies } = await server.ok('{ agencies { shortName kind jurisdiction } }');
    const byName = new Map(agencies.map((a: { shortName: string }) => [a.shortName, a]));
    expect(byName.get('SFPD')).to.deep.equal({ shortName: 'SFPD', kind: 'LAW_ENFORCEMENT', jurisdiction: 'CITY' });
    expect(byName.get('HSI')).to.deep.equal({ shortName: 'HSI', kind: 'IMMIGRATION', jurisdiction: 'FEDERAL' });
    expect(agencies.length).to.be.greaterThan(15);
  });
});
