import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { sql } from '../support/database';
import { databaseFingerprint, startTestServer, TestServer } from '../support/test-server';

describe('moveDueDate over HTTP (sample plans, today 2026-11-28)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
  });
  after(() => server.stop());

  async function milestone(status: string): Promise<{ id: string; code: string; dueDate: string; baselineDueDate: string }> {
    const data = await server.ok('query ($s: [MilestoneStatus!]) { milestones(filter: { status: $s, dueFrom: "2025-07-01" }, first: 1) { nodes { id code dueDate baselineDueDate } } }', { s: [status] });
    return data.milestones.nodes[0];
  }

  it('moves an open milestone, keeps the baseline, records the reason, and leaves the past as it was', async () => {
    const m = await milestone('OVERDUE');
    const data = await server.ok(
      `mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-03-31", reason: "Waiting for the state data release") {
        dueDate baselineDueDate slipDays status pastDue: dueDate(asOf: "2026-11-27")
        dueDateChanges { changedOn fromDate toDate reason } } }`,
      { id: m.id },
    );
    const moved = data.moveDueDate;
    expect(moved.dueDate).to.equal('2027-03-31');
    expect(moved.baselineDueDate).to.equal(m.baselineDueDate);
    expect(moved.pastDue).to.equal(m.dueDate);
    expect(moved.status).to.not.equal('OVERDUE');
    expect(moved.dueDateChanges.at(-1)).to.deep.equal({ changedOn: '2026-11-28', fromDate: m.dueDate, toDate: '2027-03-31', reason: 'Waiting for the state data release' });
    const audit = await sql(server.dataSource, "SELECT action, changes FROM audit_entry WHERE action = 'moveDueDate'");
    expect(audit).to.have.length(1);
    expect(JSON.parse(audit[0].changes)).to.deep.include({ dueDate: { before: m.dueDate, after: '2027-03-31' } });
  });

  it('refuses to move the due date of a completed milestone (CONFLICT), changing nothing', async () => {
    const m = await milestone('COMPLETED');
    const before = await databaseFingerprint(server.dataSource);
    const result = await server.gql('mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-03-31", reason: "Late paperwork") { dueDate } }', { id: m.id });
    expect(result.errors?.[0].extensions?.code).to.equal('CONFLICT');
    expect(result.errors?.[0].message).to.contain(`${m.code} is already completed`);
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
  });
});

describe('moveStartDate over HTTP (current sample plan, today 2026-11-28)', () => {
  let server: TestServer;
  let goalId: string;
  let planId: string;
  let sfpd: string;
  let n = 0;
  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    const data = await server.ok('{ plans { id startDate goals { id } } agencies { id shortName } }');
    const current = data.plans.find((p: { startDate: string }) => p.startDate === '2025-07-01');
    [planId, goalId] = [current.id, current.goals[0].id];
    sfpd = data.agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
  });
  after(() => server.stop());

  /** A milestone led by SFPD; by default 2026-10-19 … 2027-01-27, 100 days, so expected progress is 1% a day. */
  async function milestone(dates: { startDate?: string; dueDate?: string } = {}): Promise<{ id: string; code: string }> {
    const code = `SD.M${++n}`;
    const input = { goalId, code, title: `Start moves ${n}`, leadAgencyId: sfpd, startDate: '2026-10-19', dueDate: '2027-01-27', ...dates };
    return (await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id code } }', { input })).createMilestone;
  }

  const csvRow = async (code: string, asOf: string): Promise<Record<string, string>> => {
    const response = await fetch(`${server.url.replace('/graphql', '')}/export/milestones.csv?planId=${planId}&search=${code}&asOf=${asOf}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const [row] = parse(await response.text(), { columns: true }) as Record<string, string>[];
    return row;
  };

  it('moves the start date with a reason, lists the move saying which date moved, and judges each day by the start date then in effect', async () => {
    const m = await milestone();
    const ON = (d: string, alias: string) =>
      `${alias}: milestone(id: $id) { startDate(asOf: "${d}") dueDate(asOf: "${d}") status(asOf: "${d}") expectedProgress(asOf: "${d}") statusReason(asOf: "${d}") updateStale(asOf: "${d}") }`;
    // Yesterday, 39 days into 100 with nothing reported: expected 39%, AT_RISK.
    const yesterday = { startDate: '2026-10-19', dueDate: '2027-01-27', status: 'AT_RISK', expectedProgress: 39, statusReason: 'Expected 39% by 2026-11-27, reported 0%.', updateStale: false };
    expect((await server.ok(`query ($id: ID!) { ${ON('2026-11-27', 'm')} }`, { id: m.id })).m).to.deep.equal(yesterday);

    const { moveStartDate: moved } = await server.ok(
      `mutation ($id: ID!) { moveStartDate(id: $id, newStartDate: "2026-12-08", reason: "  Staff start in December ") {
        startDate dueDate baselineDueDate slipDays status dueDateChanges { id }
        dateChanges { which changedOn fromDate toDate reason author } } }`,
      { id: m.id },
    );
    expect(moved).to.deep.equal({
      startDate: '2026-12-08',
      dueDate: '2027-01-27',
      baselineDueDate: '2027-01-27',
      slipDays: 0,
      status: 'NOT_STARTED',
      dueDateChanges: [],
      dateChanges: [{ which: 'START_DATE', changedOn: '2026-11-28', fromDate: '2026-10-19', toDate: '2026-12-08', reason: 'Staff start in December', author: 'Test admin' }],
    });

    const data = await server.ok(`query ($id: ID!) { ${ON('2026-11-27', 'before')} ${ON('2026-11-28', 'after')} ${ON('2026-12-18', 'later')} }`, { id: m.id });
    expect(data.before, 'the day before the move keeps the start date of the time').to.deep.equal(yesterday);
    expect(data.after).to.deep.equal({ startDate: '2026-12-08', dueDate: '2027-01-27', status: 'NOT_STARTED', expectedProgress: 0, statusReason: 'Starts on 2026-12-08, in 10 days.', updateStale: false });
    // 10 days into 50 (2026-12-08 … 2027-01-27): 20% expected, not 60% as from the old start.
    expect(data.later).to.deep.include({ startDate: '2026-12-08', status: 'ON_TRACK', expectedProgress: 20 });

    const { milestones } = await server.ok('query ($p: ID!, $code: String!) { milestones(filter: { planId: $p, search: $code, status: [AT_RISK], asOf: "2026-11-27" }) { nodes { code } } }', { p: planId, code: m.code });
    expect(milestones.nodes, 'filters judge by the start date in effect too').to.deep.equal([{ code: m.code }]);
    expect(await csvRow(m.code, '2026-11-27')).to.include({ startDate: '2026-10-19', status: 'AT_RISK' });
    expect(await csvRow(m.code, '2026-11-28')).to.include({ startDate: '2026-12-08', status: 'NOT_STARTED' });

    const audit = await sql(server.dataSource, "SELECT changes FROM audit_entry WHERE action = 'moveStartDate'");
    expect(audit).to.have.length(1);
    expect(JSON.parse(audit[0].changes)).to.deep.equal({ startDate: { before: '2026-10-19', after: '2026-12-08' }, reason: { before: null, after: 'Staff start in December' } });

    // A due-date move joins the list; dueDateChanges still lists due-date moves alone, as before.
    const { moveDueDate: both } = await server.ok('mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-02-26", reason: "Budget approved late") { dateChanges { which fromDate toDate } dueDateChanges { __typename which fromDate toDate reason } } }', { id: m.id });
    expect(both.dateChanges).to.deep.equal([
      { which: 'START_DATE', fromDate: '2026-10-19', toDate: '2026-12-08' },
      { which: 'DUE_DATE', fromDate: '2027-01-27', toDate: '2027-02-26' },
    ]);
    expect(both.dueDateChanges).to.deep.equal([{ __typename: 'DueDateChange', which: 'DUE_DATE', fromDate: '2027-01-27', toDate: '2027-02-26', reason: 'Budget approved late' }]);
  });

  it('a start date moved earlier is in effect from the day of the move only', async () => {
    const m = await milestone({ startDate: '2026-12-08' });
    const { moveStartDate } = await server.ok('mutation ($id: ID!) { moveStartDate(id: $id, newStartDate: "2026-10-19", reason: "Work began early") { startDate status expectedProgress then: status(asOf: "2026-11-27") thenStart: startDate(asOf: "2026-11-27") } }', { id: m.id });
    // Today: 40 days into 100, nothing reported → AT_RISK; yesterday it had not started yet.
    expect(moveStartDate).to.deep.equal({ startDate: '2026-10-19', status: 'AT_RISK', expectedProgress: 40, then: 'NOT_STARTED', thenStart: '2026-12-08' });
  });

  const MOVE = 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveStartDate(id: $id, newStartDate: $d, reason: $reason) { startDate } }';
  const refusals: { name: string; d: string; reason: string; code: string; words: string[]; completed?: boolean }[] = [
    { name: 'without a reason', d: '2026-11-01', reason: '  ', code: 'BAD_USER_INPUT', words: ['reason is required'] },
    { name: 'after the due date', d: '2027-01-28', reason: 'Late', code: 'BAD_USER_INPUT', words: ['start date 2027-01-28 is after the due date 2027-01-27'] },
    { name: 'before the plan starts', d: '2025-06-30', reason: 'Early', code: 'BAD_USER_INPUT', words: ['2025-06-30', 'outside the plan'] },
    { name: 'to the date it already has', d: '2026-10-19', reason: 'No change', code: 'BAD_USER_INPUT', words: ['already starts on 2026-10-19'] },
    { name: 'to a date that does not exist', d: '2026-02-30', reason: 'Typo', code: 'BAD_USER_INPUT', words: ['Not a valid date'] },
    { name: 'of a completed milestone', d: '2026-11-01', reason: 'Paperwork', code: 'CONFLICT', words: ['already completed', 'reopen it before moving its start date'], completed: true },
  ];
  for (const r of refusals) {
    it(`refuses to move the start date ${r.name} (${r.code}), changing nothing`, async () => {
      const m = await milestone();
      if (r.completed) await server.ok('mutation ($id: ID!) { completeMilestone(id: $id) { id } }', { id: m.id });
      const before = await databaseFingerprint(server.dataSource);
      const result = await server.gql(MOVE, { id: m.id, d: r.d, reason: r.reason });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(result.errors)).to.equal(r.code);
      for (const w of r.words) expect(result.errors?.[0].message).to.contain(w);
      expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    });
  }
});
