import { expect } from 'chai';
import { sql } from '../support/database';
import { Role } from '../../src/domain/enums';
import { databaseFingerprint, samplePlans, startTestServer, TestServer } from '../support/test-server';

const INDICATORS = `query ($id: ID!, $asOf: Date) { plan(id: $id) { indicators {
  id name sensitive unit direction targetDate agency { shortName } goal { code }
  baseline { value suppressed } target { value suppressed }
  latest(asOf: $asOf) { measuredOn value suppressed } progress(asOf: $asOf)
  measurements { measuredOn value suppressed }
} } }`;

describe('indicators over HTTP (first sample plan, suppression threshold 11)', () => {
  let server: TestServer;
  let planId: string;
  let survivors: (client: { ok: TestServer['ok'] }, asOf?: string) => Promise<any>;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28', anonymousRead: true });
    planId = (await samplePlans(server)).first;
    survivors = async (client, asOf) => (await client.ok(INDICATORS, { id: planId, asOf })).plan.indicators.find((i: { sensitive: boolean }) => i.sensitive);
  });
  after(() => server.stop());

  it('progress is how far the latest value on or before the date moved from baseline to target', async () => {
    const { plan } = await server.ok(INDICATORS, { id: planId, asOf: '2015-06-30' });
    const trained = plan.indicators.find((i: { name: string }) => i.name.startsWith('City staff trained'));
    expect(trained.latest).to.deep.equal({ measuredOn: '2015-06-30', value: 760, suppressed: false });
    expect(trained.progress).to.equal(38); // 760 of 2000 from 0
    const before = await server.ok(INDICATORS, { id: planId, asOf: '2014-01-01' });
    expect(before.plan.indicators.find((i: { name: string }) => i.name.startsWith('City staff trained')).progress).to.equal(null);
    const end = await server.ok(INDICATORS, { id: planId, asOf: '2017-06-30' });
    expect(end.plan.indicators.find((i: { name: string }) => i.name.startsWith('City staff trained')).progress).to.equal(100); // 2065 ≥ 2000: clamped
  });

  it('a sensitive value below the threshold is null and suppressed for outsiders, visible to admins and the owning agency', async () => {
    const outsider = server.as(await server.newToken(Role.EDITOR, 'SFPD'));
    const viewer = server.as(await server.newToken(Role.VIEWER));
    const insider = server.as(await server.newToken(Role.EDITOR, 'HSA'));
    for (const client of [outsider, viewer, server.as(null)]) {
      const s = await survivors(client, '2014-06-30');
      expect(s.latest).to.deep.equal({ measuredOn: '2014-06-30', value: null, suppressed: true });
      expect(s.progress).to.equal(null); // progress would reveal the value
      expect(s.baseline).to.deep.equal({ value: null, suppressed: true }); // 0 < 11
      expect(s.target).to.deep.equal({ value: 150, suppressed: false });
      expect(s.measurements[0]).to.deep.equal({ measuredOn: '2014-06-30', value: null, suppressed: true });
      expect(s.measurements[1]).to.deep.equal({ measuredOn: '2014-12-31', value: 19, suppressed: false });
      expect(JSON.stringify(s)).to.not.match(/"value":\s*8\b/);
    }
    for (const client of [server, insider]) {
      const s = await survivors(client, '2014-06-30');
      expect(s.latest).to.deep.equal({ measuredOn: '2014-06-30', value: 8, suppressed: false });
      expect(s.progress).to.equal(5.33); // 100 × 8 / 150 = 5.333…
      expect(s.baseline).to.deep.equal({ value: 0, suppressed: false });
    }
  });

  it('progress is suppressed when the baseline or the target is, not only the latest value: any two of them and progress give the third', async () => {
    const outsider = server.as(await server.newToken(Role.EDITOR, 'SFPD'));
    const viewer = server.as(await server.newToken(Role.VIEWER));
    const insider = server.as(await server.newToken(Role.EDITOR, 'HSA'));
    // Survivors referred, on 2017-06-30: baseline 0 (suppressed), latest 139, target 150.
    for (const client of [outsider, viewer, server.as(null)]) {
      const s = await survivors(client, '2017-06-30');
      expect(s.latest).to.deep.equal({ measuredOn: '2017-06-30', value: 139, suppressed: false });
      expect(s.baseline).to.deep.equal({ value: null, suppressed: true });
      expect(s.progress).to.equal(null); // 92.667 would give the baseline: (100·139 − 92.667·150) / (100 − 92.667) = 0
    }
    for (const client of [server, insider]) expect((await survivors(client, '2017-06-30')).progress).to.be.closeTo((100 * 139) / 150, 0.005); // 92.67 rounded to two decimals or not

    // A sensitive indicator whose target (5) is the small number: baseline 40, latest 25.
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const hsa = agencies.find((a: { shortName: string }) => a.shortName === 'HSA').id;
    const input = { planId, agencyId: hsa, name: 'Minors re-trafficked', unit: 'people', baselineValue: 40, targetValue: 5, targetDate: '2017-06-30', sensitive: true };
    const { createIndicator } = await server.ok('mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }', { input });
    await insider.ok('mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }', { input: { indicatorId: createIndicator.id, value: 25, measuredOn: '2016-06-30' } });
    const ONE = 'query ($id: ID!) { indicator(id: $id) { baseline { value suppressed } target { value suppressed } latest { value } progress } node(id: $id) { ... on Indicator { progress } } }';
    for (const client of [outsider, viewer, server.as(null)]) {
      const { indicator, node } = await client.ok(ONE, { id: createIndicator.id });
      expect(indicator).to.deep.equal({ baseline: { value: 40, suppressed: false }, target: { value: null, suppressed: true }, latest: { value: 25 }, progress: null });
      expect(node.progress).to.equal(null);
    }
    for (const client of [server, insider]) expect((await client.ok(ONE, { id: createIndicator.id })).indicator.progress).to.be.closeTo((100 * 15) / 35, 0.005);
    await server.ok('mutation ($id: ID!) { deleteIndicator(id: $id) { id } }', { id: createIndicator.id });
  });

  it('createIndicator, updateIndicator and recordMeasurement: roles, validation and audit', async () => {
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const dpH = agencies.find((a: { shortName: string }) => a.shortName === 'DPH').id;
    const current = (await samplePlans(server)).current;
    const create = `mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id direction version baseline { value } target { value } } }`;
    const input = { planId: current, agencyId: dpH, name: 'Repeat inspections', unit: 'inspections', baselineValue: 40, targetValue: 10, targetDate: '2028-06-30' };
    const editor = server.as(await server.newToken(Role.EDITOR, 'DPH'));
    expect((await editor.gql(create, { input })).errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    const bad = await server.gql(create, { input: { ...input, targetDate: '2030-01-01' } });
    expect(bad.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    const contradiction = await server.gql(create, { input: { ...input, direction: 'INCREASE' } });
    expect(contradiction.errors?.[0].message).to.contain('is a decrease');
    const created = (await server.ok(create, { input })).createIndicator;
    expect(created).to.deep.include({ direction: 'DECREASE', version: 1, baseline: { value: 40 }, target: { value: 10 } });

    const record = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measuredOn value indicator { progress } } }`;
    const recorded = await editor.ok(record, { input: { indicatorId: created.id, value: 25, note: 'Q2 log' } });
    expect(recorded.recordMeasurement).to.deep.equal({ measuredOn: '2026-11-28', value: 25, indicator: { progress: 50 } }); // 40 → 25 of 40 → 10
    const outsider = server.as(await server.newToken(Role.EDITOR, 'SFPD'));
    const before = await databaseFingerprint(server.dataSource);
    expect((await outsider.gql(record, { input: { indicatorId: created.id, value: 20 } })).errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    expect((await editor.gql(record, { input: { indicatorId: created.id, value: 20, measuredOn: '2026-12-01' } })).errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);

    const update = `mutation ($id: ID!, $v: Int) { updateIndicator(id: $id, input: { targetValue: 20 }, expectedVersion: $v) { version target { value } progress } }`;
    expect((await server.gql(update, { id: created.id, v: 7 })).errors?.[0].extensions?.code).to.equal('CONFLICT');
    expect((await server.ok(update, { id: created.id, v: 1 })).updateIndicator).to.deep.equal({ version: 2, target: { value: 20 }, progress: 75 });
    const trail = await server.ok('query ($id: ID!) { auditTrail(entityId: $id) { nodes { action } } }', { id: created.id });
    expect(trail.auditTrail.nodes.map((n: { action: string }) => n.action)).to.deep.equal(['updateIndicator', 'createIndicator']);

    const del = 'mutation ($id: ID!, $v: Int) { deleteIndicator(id: $id, expectedVersion: $v) { id name } }';
    expect((await editor.gql(del, { id: created.id })).errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    expect((await server.gql(del, { id: created.id, v: 1 })).errors?.[0].extensions?.code).to.equal('CONFLICT');
    expect((await server.ok(del, { id: created.id, v: 2 })).deleteIndicator).to.deep.equal({ id: created.id, name: 'Repeat inspections' });
    expect((await server.gql('query ($id: ID!) { indicator(id: $id) { id } }', { id: created.id })).errors?.[0].extensions?.code).to.equal('NOT_FOUND');
    const [{ n }] = await sql(server.dataSource, 'SELECT COUNT(*) AS n FROM indicator_measurement WHERE indicator_id NOT IN (SELECT id FROM indicator)');
    expect(n).to.equal(0);
    const after = await server.ok('query ($id: ID!) { auditTrail(entityId: $id) { nodes { action changes { field before } } } }', { id: created.id });
    expect(after.auditTrail.nodes[0].action).to.equal('deleteIndicator');
    expect(after.auditTrail.nodes[0].changes).to.deep.include({ field: 'measurements', before: 1 });
  });
});
