import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Role } from '../../src/domain/enums';
import { FORMULA_TITLES } from '../support/hostile-text';
import { databaseFingerprint, samplePlans, startTestServer, TestServer } from '../support/test-server';

const IMPORT = `mutation ($p: ID!, $kind: ImportKind!, $csv: String!, $apply: Boolean) {
  importCsv(planId: $p, kind: $kind, csv: $csv, apply: $apply) { applied rows created updated problems { row column message } }
}`;

describe('CSV import over HTTP (current sample plan, today 2026-11-28)', () => {
  let server: TestServer;
  let planId: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    planId = (await samplePlans(server)).current;
  });
  after(() => server.stop());

  const milestones = [
    'code,goal,title,leadAgency,startDate,dueDate,weight',
    'G2.M90,G2,Imported evaluation framework,DOSW,2026-12-01,2027-06-30,2',
    'G2.M91,G2,Imported data dictionary,DOSW,2026-12-01,2027-03-31,',
  ].join('\n');

  it('a dry run reports what would happen and writes nothing; apply writes every row', async () => {
    const before = await databaseFingerprint(server.dataSource);
    const dry = await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: milestones });
    expect(dry.importCsv).to.deep.equal({ applied: false, rows: 2, created: 2, updated: 0, problems: [] });
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    const applied = await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: milestones, apply: true });
    expect(applied.importCsv).to.deep.include({ applied: true, created: 2 });
    const data = await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "Imported" }) { nodes { code weight dueDate leadAgency { shortName } goal { code } } } }', { p: planId });
    expect(data.milestones.nodes.map((n: { code: string }) => n.code).sort()).to.deep.equal(['G2.M90', 'G2.M91']);
    expect(data.milestones.nodes.find((n: { code: string }) => n.code === 'G2.M90')).to.deep.include({ weight: 2, dueDate: '2027-06-30', leadAgency: { shortName: 'DOSW' }, goal: { code: 'G2' } });
  });

  it('every problem is reported by row and column; one bad row means nothing is written', async () => {
    const csv = [
      'code,title,startDate,dueDate,dueDateReason,weight,visibility',
      'G2.M90,Renamed by import,,,,,',
      'G2.M91,,2026-02-30,,,,',
      'G2.M90,,,2027-09-30,,,',
      'G2.M91,,,,,-1,',
      'G2.M91,,,,,,SECRET',
      'G9.M1,New without goal,2026-12-01,2027-01-01,,,',
      `G2.M90,${'x'.repeat(201)},,,,,`,
    ].join('\n');
    const before = await databaseFingerprint(server.dataSource);
    const result = (await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv, apply: true })).importCsv;
    expect(result.applied).to.equal(false);
    expect(result.problems.map((p: { row: number; column: string }) => [p.row, p.column])).to.deep.equal([
      [3, 'startDate'],
      [4, 'dueDateReason'],
      [5, 'weight'],
      [6, 'visibility'],
      [7, 'goal'],
      [8, 'title'],
    ]);
    expect(result.problems[0].message).to.contain('YYYY-MM-DD');
    expect(result.problems[1].message).to.contain('needs a reason');
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
  });

  it('progress updates: all or nothing, with the writer\'s own rules (0–100, not in the future)', async () => {
    const good = 'code,percentComplete,reportedOn,note\nG2.M90,10,2026-11-27,Kick-off\nG2.M91,5,,Scoping';
    const bad = 'code,percentComplete,reportedOn,note\nG2.M90,20,2026-11-28,ok\nG2.M91,150,,too much\nNOPE,5,,unknown\nG2.M90,30,2026-12-25,future';
    const before = await databaseFingerprint(server.dataSource);
    const rejected = (await server.ok(IMPORT, { p: planId, kind: 'PROGRESS_UPDATES', csv: bad, apply: true })).importCsv;
    expect(rejected.problems.map((p: { row: number; column: string }) => [p.row, p.column])).to.deep.equal([
      [3, 'percentComplete'],
      [4, 'code'],
      [5, 'reportedOn'],
    ]);
    expect(await databaseFingerprint(server.dataSource)).to.equal(before);
    const accepted = (await server.ok(IMPORT, { p: planId, kind: 'PROGRESS_UPDATES', csv: good, apply: true })).importCsv;
    expect(accepted).to.deep.equal({ applied: true, rows: 2, created: 2, updated: 0, problems: [] });
    const m = await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "G2.M91" }) { nodes { progress lastUpdatedOn } } }', { p: planId });
    expect(m.milestones.nodes[0]).to.deep.equal({ progress: 5, lastUpdatedOn: '2026-11-28' });
  });

  it('the file itself: missing and unknown columns, and malformed CSV', async () => {
    const missing = (await server.ok(IMPORT, { p: planId, kind: 'PROGRESS_UPDATES', csv: 'code,percent\nG2.M90,5' })).importCsv;
    expect(missing.problems).to.deep.equal([
      { row: 1, column: 'percentComplete', message: 'The column "percentComplete" is missing.' },
      { row: 1, column: null, message: 'Column 2 is not a known column; expected code, percentComplete, reportedOn, note.' },
    ]);
    const malformed = (await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: 'code,title\n"G2.M90,unterminated' })).importCsv;
    expect(malformed.applied).to.equal(false);
    expect(malformed.problems[0].message).to.contain('not valid CSV');
  });

  it('roles and scope: an editor updates only its agency\'s milestones and cannot create any; a viewer cannot import', async () => {
    const dosw = server.as(await server.newToken(Role.EDITOR, 'DOSW'));
    const dph = server.as(await server.newToken(Role.EDITOR, 'DPH'));
    const viewer = server.as(await server.newToken(Role.VIEWER));
    const update = 'code,title\nG2.M90,Renamed by DOSW';
    expect((await dosw.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: update, apply: true })).importCsv).to.deep.include({ applied: true, updated: 1 });
    const outsider = (await dph.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: update, apply: true })).importCsv;
    expect(outsider.applied).to.equal(false);
    expect(outsider.problems[0].message).to.contain('leads or partners on');
    const create = (await dosw.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: 'code,goal,title,leadAgency,startDate,dueDate\nG2.M92,G2,New,DOSW,2026-12-01,2027-01-31' })).importCsv;
    expect(create.problems[0]).to.deep.include({ row: 2, column: 'code' });
    expect(create.problems[0].message).to.contain('only an admin');
    expect((await viewer.gql(IMPORT, { p: planId, kind: 'MILESTONES', csv: update })).errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    expect((await server.as(null).gql(IMPORT, { p: planId, kind: 'MILESTONES', csv: update })).errors?.[0].extensions?.code).to.equal('UNAUTHENTICATED');
  });

  it('round trip: the CSV export of the imported milestones carries the imported values', async () => {
    const response = await fetch(`${server.url.replace('/graphql', '')}/export/milestones.csv?planId=${planId}&search=G2.M9&orderBy=CODE`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const lines = (await response.text()).trim().split('\n');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.match(/^G2\.M90,Renamed by DOSW,G2,DOSW,/);
    expect(lines[2]).to.match(/^G2\.M91,Imported data dictionary,G2,DOSW,/);
  });

  it('round trip: titles that look like formulas are neutralised in the export and come back from it exactly as typed', async () => {
    const { plan, agencies } = await server.ok('query ($p: ID!) { plan(id: $p) { goals { id code } } agencies { id shortName } }', { p: planId });
    const goalId = plan.goals.find((g: { code: string }) => g.code === 'G2').id;
    const leadAgencyId = agencies.find((a: { shortName: string }) => a.shortName === 'DOSW').id;
    for (const [i, { title }] of FORMULA_TITLES.entries()) {
      const input = { goalId, code: `G2.F${i}`, title, leadAgencyId, startDate: '2026-12-01', dueDate: '2027-06-30' };
      await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', { input });
    }
    const titles = async () => (await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "G2.F" }, orderBy: { field: CODE }) { nodes { title } } }', { p: planId })).milestones.nodes.map((n: { title: string }) => n.title);
    expect(await titles()).to.deep.equal(FORMULA_TITLES.map((t) => t.title));

    const response = await fetch(`${server.url.replace('/graphql', '')}/export/milestones.csv?planId=${planId}&search=G2.F&orderBy=CODE`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const exported = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(exported.map((r) => r.title)).to.deep.equal(FORMULA_TITLES.map((t) => t.cell));
    await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: stringify([['code', 'title'], ...exported.map((r) => [r.code, 'Renamed in between'])]), apply: true });
    expect(new Set(await titles())).to.deep.equal(new Set(['Renamed in between']));
    // The exported code and title columns, cells as the export wrote them, imported back.
    const back = (await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: stringify([['code', 'title'], ...exported.map((r) => [r.code, r.title])]), apply: true })).importCsv;
    expect(back).to.deep.include({ applied: true, updated: FORMULA_TITLES.length, problems: [] });
    expect(await titles()).to.deep.equal(FORMULA_TITLES.map((t) => t.title));
  });

  it('a later row sees what an earlier row of the same file wrote (one transaction, on either database)', async () => {
    const csv = [
      'code,goal,title,leadAgency,startDate,dueDate,dueDateReason',
      'G2.M95,G2,Created by the import,DOSW,2026-12-01,2027-03-31,',
      'G2.M95,,Renamed in the same file,,,2027-05-31,Moved in the same file',
    ].join('\n');
    const result = (await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv, apply: true })).importCsv;
    expect(result).to.deep.equal({ applied: true, rows: 2, created: 1, updated: 1, problems: [] });
    const data = await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "G2.M95" }) { nodes { title dueDate baselineDueDate } } }', { p: planId });
    expect(data.milestones.nodes).to.deep.equal([{ title: 'Renamed in the same file', dueDate: '2027-05-31', baselineDueDate: '2027-03-31' }]);
  });

  it('a start date moves only with a startDateReason, recorded as a start-date move; a start past the old due date follows the due date\'s move', async () => {
    const unexplained = (await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv: 'code,startDate\nG2.M91,2026-12-15', apply: true })).importCsv;
    expect(unexplained.applied).to.equal(false);
    expect(unexplained.problems).to.deep.equal([{ row: 2, column: 'startDateReason', message: "Moving G2.M91's start date from 2026-12-01 to 2026-12-15 needs a reason." }]);
    const csv = 'code,startDate,startDateReason,dueDate,dueDateReason\nG2.M91,2027-04-15,Pilot runs first,2027-06-30,Pilot runs first';
    expect((await server.ok(IMPORT, { p: planId, kind: 'MILESTONES', csv, apply: true })).importCsv).to.deep.include({ applied: true, updated: 1, problems: [] });
    const data = await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "G2.M91" }) { nodes { startDate dueDate dateChanges { which fromDate toDate reason } } } }', { p: planId });
    expect(data.milestones.nodes).to.deep.equal([
      {
        startDate: '2027-04-15',
        dueDate: '2027-06-30',
        dateChanges: [
          { which: 'DUE_DATE', fromDate: '2027-03-31', toDate: '2027-06-30', reason: 'Pilot runs first' },
          { which: 'START_DATE', fromDate: '2026-12-01', toDate: '2027-04-15', reason: 'Pilot runs first' },
        ],
      },
    ]);
  });
});
