import { expect } from 'chai';
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
