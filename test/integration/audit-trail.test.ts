import { expect } from 'chai';
import { Role } from '../../src/domain/enums';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

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

/**
 * Audit entries of a sensitive indicator and its measurements follow the rule of the values
 * themselves (docs/rules.md, "Who may see and do what"): a recorded value below the threshold reaches only
 * admins and the indicator's agency; others get null with `suppressed: true`. Staff names
 * (the actor, and authors in the changes) do not reach anonymous readers.
 */
describe('auditTrail of a sensitive indicator (Survivors referred…, threshold 11), with anonymous reads on', () => {
  let server: TestServer;
  let indicatorId: string;
  let measurementId: string;
  let below: { label: string; client: Client }[];
  let above: { label: string; client: Client }[];

  const CHANGES = 'query ($id: ID!) { auditTrail(entityId: $id, first: 100) { nodes { action actor changes { field before after suppressed } } } }';
  const change = (nodes: any[], action: string, field: string) => nodes.find((n) => n.action === action).changes.find((c: { field: string }) => c.field === field);

  before(async () => {
    server = await startTestServer({ today: '2026-11-28', anonymousRead: true });
    const { first } = await samplePlans(server);
    const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { indicators { id sensitive } } }', { id: first });
    indicatorId = plan.indicators.find((i: { sensitive: boolean }) => i.sensitive).id;
    const hsa = server.as(await server.newToken(Role.EDITOR, 'HSA', 'Hana of HSA'));
    above = [
      { label: 'admin', client: server },
      { label: 'HSA editor', client: hsa },
    ];
    below = [
      { label: 'anonymous', client: server.as(null) },
      { label: 'viewer', client: server.as(await server.newToken(Role.VIEWER)) },
      { label: 'SFPD editor', client: server.as(await server.newToken(Role.EDITOR, 'SFPD')) },
    ];
    const recorded = await hsa.ok('mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }', { input: { indicatorId, value: 4, measuredOn: '2015-03-31', note: 'Late count' } });
    measurementId = recorded.recordMeasurement.id;
    // Baseline 0 → 3 (both small), then target 150 → 9 (large to small), then baseline 3 → 20 (small to large).
    const update = 'mutation ($id: ID!, $input: UpdateIndicatorInput!) { updateIndicator(id: $id, input: $input) { id } }';
    await server.ok(update, { id: indicatorId, input: { baselineValue: 3 } });
    await server.ok(update, { id: indicatorId, input: { targetValue: 9, direction: 'INCREASE' } });
    await server.ok(update, { id: indicatorId, input: { baselineValue: 20, direction: 'DECREASE' } });
  });
  after(() => server.stop());

  it("a measurement's recorded value: null and suppressed below the threshold, the number above", async () => {
    for (const { label, client } of below) {
      const { auditTrail } = await client.ok(CHANGES, { id: measurementId });
      expect(change(auditTrail.nodes, 'recordMeasurement', 'value'), label).to.deep.equal({ field: 'value', before: null, after: null, suppressed: true });
      expect(change(auditTrail.nodes, 'recordMeasurement', 'measuredOn'), label).to.deep.equal({ field: 'measuredOn', before: null, after: '2015-03-31', suppressed: false });
      const { indicator } = await client.ok('query ($id: ID!) { indicator(id: $id) { measurements { id value suppressed } } }', { id: indicatorId });
      expect(indicator.measurements.find((m: { id: string }) => m.id === measurementId), label).to.deep.equal({ id: measurementId, value: null, suppressed: true });
    }
    for (const { label, client } of above) {
      const { auditTrail } = await client.ok(CHANGES, { id: measurementId });
      expect(change(auditTrail.nodes, 'recordMeasurement', 'value'), label).to.deep.equal({ field: 'value', before: null, after: 4, suppressed: false });
    }
  });

  it("the indicator's baseline and target changes: each value before and after by the same rule", async () => {
    for (const { label, client } of below) {
      const nodes = (await client.ok(CHANGES, { id: indicatorId })).auditTrail.nodes;
      const [toTwenty, toNine, toThree] = nodes.filter((n: { action: string }) => n.action === 'updateIndicator');
      expect(toThree.changes.find((c: { field: string }) => c.field === 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: null, after: null, suppressed: true });
      expect(toNine.changes.find((c: { field: string }) => c.field === 'targetValue'), label).to.deep.equal({ field: 'targetValue', before: 150, after: null, suppressed: true });
      expect(toTwenty.changes.find((c: { field: string }) => c.field === 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: null, after: 20, suppressed: true });
      expect(JSON.stringify(nodes), label).to.not.match(/"(before|after)":\s*(0|3|9)\b/);
    }
    for (const { label, client } of above) {
      const nodes = (await client.ok(CHANGES, { id: indicatorId })).auditTrail.nodes;
      const [toTwenty, toNine, toThree] = nodes.filter((n: { action: string }) => n.action === 'updateIndicator');
      expect(toThree.changes.find((c: { field: string }) => c.field === 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: 0, after: 3, suppressed: false });
      expect(toNine.changes.find((c: { field: string }) => c.field === 'targetValue'), label).to.deep.equal({ field: 'targetValue', before: 150, after: 9, suppressed: false });
      expect(toTwenty.changes.find((c: { field: string }) => c.field === 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: 3, after: 20, suppressed: false });
    }
    // The plan-wide trail (admins only) shows every number.
    const { first } = await samplePlans(server);
    const { auditTrail } = await server.ok('query ($id: ID!) { auditTrail(planId: $id, first: 100) { nodes { action changes { field after suppressed } } } }', { id: first });
    expect(change(auditTrail.nodes, 'recordMeasurement', 'value')).to.deep.equal({ field: 'value', after: 4, suppressed: false });
  });

  it('a deleted sensitive indicator: its agency and sensitivity are gone with it, so its recorded values reach only admins', async () => {
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const { current } = await samplePlans(server);
    const input = { planId: current, agencyId: agencies.find((a: { shortName: string }) => a.shortName === 'HSA').id, name: 'Minors identified', unit: 'people', baselineValue: 2, targetValue: 30, targetDate: '2028-06-30', sensitive: true };
    const { createIndicator } = await server.ok('mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }', { input });
    const { recordMeasurement } = await server.ok('mutation ($id: ID!) { recordMeasurement(input: { indicatorId: $id, value: 7 }) { id } }', { id: createIndicator.id });
    await server.ok('mutation ($id: ID!) { deleteIndicator(id: $id) { id } }', { id: createIndicator.id });
    for (const { label, client } of [...below, above[1]]) {
      const deleted = (await client.ok(CHANGES, { id: createIndicator.id })).auditTrail.nodes;
      expect(change(deleted, 'createIndicator', 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: null, after: null, suppressed: true });
      expect(change(deleted, 'deleteIndicator', 'baselineValue'), label).to.deep.equal({ field: 'baselineValue', before: null, after: null, suppressed: true });
      const measured = (await client.ok(CHANGES, { id: recordMeasurement.id })).auditTrail.nodes;
      expect(change(measured, 'recordMeasurement', 'value'), label).to.deep.equal({ field: 'value', before: null, after: null, suppressed: true });
    }
    const deleted = (await server.ok(CHANGES, { id: createIndicator.id })).auditTrail.nodes;
    expect(change(deleted, 'deleteIndicator', 'baselineValue')).to.deep.equal({ field: 'baselineValue', before: 2, after: null, suppressed: false });
    expect(change((await server.ok(CHANGES, { id: recordMeasurement.id })).auditTrail.nodes, 'recordMeasurement', 'value')).to.deep.include({ after: 7, suppressed: false });
  });

  it('staff names reach signed-in readers only: for anonymous readers the actor is null and authors in the changes are withheld', async () => {
    const anonymous = (await server.as(null).ok(CHANGES, { id: measurementId })).auditTrail.nodes;
    expect(anonymous.map((n: { actor: string | null }) => n.actor)).to.deep.equal([null]);
    expect(change(anonymous, 'recordMeasurement', 'author')).to.deep.equal({ field: 'author', before: null, after: null, suppressed: true });
    expect(JSON.stringify(anonymous)).to.not.contain('Hana');
    const planTrail = (await server.as(null).ok(CHANGES, { id: (await samplePlans(server)).first })).auditTrail.nodes;
    expect(planTrail.map((n: { action: string; actor: string | null }) => [n.action, n.actor])).to.deep.equal([['seedSamplePlan', null]]);
    for (const { label, client } of [...below.slice(1), ...above]) {
      const nodes = (await client.ok(CHANGES, { id: measurementId })).auditTrail.nodes;
      expect(nodes.map((n: { actor: string }) => n.actor), label).to.deep.equal(['Hana of HSA']);
      expect(change(nodes, 'recordMeasurement', 'author'), label).to.deep.equal({ field: 'author', before: null, after: 'Hana of HSA', suppressed: false });
    }
  });

  it('staff names elsewhere follow the same rule: authors of updates, date moves and measurements, and publishers, are null for anonymous readers', async () => {
    const planId = (await samplePlans(server)).first;
    await server.ok('mutation ($planId: ID!) { publishAnnualReport(planId: $planId, year: 2015) { edition } }', { planId });
    const NAMES = `query ($planId: ID!, $indicatorId: ID!) {
      milestones(first: 100, filter: { planId: $planId }) { nodes { updates { author } dateChanges { author } dueDateChanges { author } } }
      indicator(id: $indicatorId) { measurements { author } }
      publishedReports(planId: $planId) { publishedBy }
    }`;
    const names = (data: any): (string | null)[] => [
      ...data.milestones.nodes.flatMap((m: any) => [...m.updates, ...m.dateChanges, ...m.dueDateChanges].map((x: { author: string | null }) => x.author)),
      ...data.indicator.measurements.map((m: { author: string | null }) => m.author),
      ...data.publishedReports.map((r: { publishedBy: string | null }) => r.publishedBy),
    ];
    const anonymous = names(await server.as(null).ok(NAMES, { planId, indicatorId }));
    expect(anonymous.length).to.be.greaterThan(20);
    expect(anonymous.every((name) => name === null)).to.equal(true);
    for (const { label, client } of [...below.slice(1), ...above]) {
      const shown = names(await client.ok(NAMES, { planId, indicatorId }));
      expect(shown.length, label).to.be.at.least(anonymous.length);
      expect(shown.every((name) => typeof name === 'string'), label).to.equal(true);
      expect(shown, label).to.include('Hana of HSA');
    }
  });
});
