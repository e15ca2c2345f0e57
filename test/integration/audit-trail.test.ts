import { expect } from 'chai';
import { Role } from '../../src/domain/enums';
import { startTestServer, TestServer } from '../support/test-server';

describe('auditTrail over HTTP', () => {
  let server: TestServer;
  let milestoneId: string;
  let planId: string;
  let editorToken: string;
  let originalTitle: string;

  const TRAIL = `query ($entityId: ID, $planId: ID, $first: Int, $after: String) {
    auditTrail(entityId: $entityId, planId: $planId, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { action actor entityType entityId occurredAt changes { field before after } }
    }
  }`;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    const data = await server.ok('{ milestones(filter: { search: "G4.M4", dueFrom: "2025-07-01" }, first: 5) { nodes { id code title plan { id } leadAgency { shortName } } } }');
    const milestone = data.milestones.nodes.find((m: { code: string }) => m.code === 'G4.M4');
    originalTitle = milestone.title;
    milestoneId = milestone.id;
    planId = milestone.plan.id;
    editorToken = await server.newToken(Role.EDITOR, milestone.leadAgency.shortName, 'Erin Editor');
    const editor = server.as(editorToken);
    await editor.ok('mutation ($id: ID!) { reportProgress(input: { milestoneId: $id, percentComplete: 85, note: "Draft circulated" }) { reportedOn } }', { id: milestoneId });
    await editor.ok('mutation ($id: ID!) { updateMilestone(id: $id, input: { title: "Renamed by the editor" }) { title } }', { id: milestoneId });
    await editor.ok('mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2027-01-31", reason: "Partner review takes longer") { dueDate } }', { id: milestoneId });
  });

  after(() => server.stop());

  it("a milestone's trail lists its own changes and its progress updates, newest first, with before and after", async () => {
    const data = await server.ok(TRAIL, { entityId: milestoneId });
    const entries = data.auditTrail.nodes;
    expect(entries.map((e: { action: string }) => e.action)).to.deep.equal(['moveDueDate', 'updateMilestone', 'reportProgress']);
    for (const e of entries) expect(e.actor).to.equal('Erin Editor');
    expect(entries[1].changes).to.deep.equal([{ field: 'title', before: originalTitle, after: 'Renamed by the editor' }]);
    expect(entries[0].changes.find((c: { field: string }) => c.field === 'reason').after).to.equal('Partner review takes longer');
    expect(entries[2].entityType).to.equal('ProgressUpdate');
    expect(entries[2].changes.find((c: { field: string }) => c.field === 'percentComplete')).to.deep.equal({ field: 'percentComplete', before: null, after: 85 });
    expect(entries[0].entityId).to.equal(milestoneId);
  });

  it('pages with cursors', async () => {
    const first = await server.ok(TRAIL, { entityId: milestoneId, first: 2 });
    expect(first.auditTrail.nodes).to.have.length(2);
    expect(first.auditTrail.pageInfo.hasNextPage).to.equal(true);
    const second = await server.ok(TRAIL, { entityId: milestoneId, first: 2, after: first.auditTrail.pageInfo.endCursor });
    expect(second.auditTrail.nodes.map((e: { action: string }) => e.action)).to.deep.equal(['reportProgress']);
    expect(second.auditTrail.pageInfo.hasNextPage).to.equal(false);
  });

  it('the plan-wide trail is for admins: an editor is FORBIDDEN', async () => {
    const admin = await server.ok(TRAIL, { planId, first: 100 });
    expect(admin.auditTrail.nodes.map((e: { action: string }) => e.action)).to.include.members(['moveDueDate', 'updateMilestone', 'reportProgress', 'seedSamplePlan']);
    const editor = await server.as(editorToken).gql(TRAIL, { planId });
    expect(editor.errors?.[0].extensions?.code).to.equal('FORBIDDEN');
  });

  it('asking for both or neither of entityId and planId is BAD_USER_INPUT', async () => {
    for (const variables of [{}, { entityId: milestoneId, planId }]) {
      const result = await server.gql(TRAIL, variables);
      expect(result.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    }
  });

  it('a rejected mutation adds nothing to the trail', async () => {
    const before = await server.ok(TRAIL, { entityId: milestoneId });
    const rejected = await server.as(editorToken).gql('mutation ($id: ID!) { reportProgress(input: { milestoneId: $id, percentComplete: 101 }) { reportedOn } }', { id: milestoneId });
    expect(rejected.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    expect(await server.ok(TRAIL, { entityId: milestoneId })).to.deep.equal(before);
  });
});
