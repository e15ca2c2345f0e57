/**
 * One figure per thing (docs/rules.md, "Roll-ups"): every goal, agency and committee of both sample
 * plans has the same progress, health, healthReason and milestone count on every path — its own
 * fields, its dashboard, the breakdown rows that name it (plan, parent goal, committee and agency
 * dashboards), the live annual report (GraphQL, Markdown and HTML over HTTP) and a published
 * edition — on several dates, for an admin and for a reader who sees what the public sees.
 */
import { expect } from 'chai';
import { Health, Role } from '../../src/domain/enums';
import { healthText, percent } from '../../src/services/report-render';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

interface Figure {
  progress: number | null;
  health: string | null;
  healthReason: string | null;
  total: number;
}

interface Group extends Figure {
  key: string;
  label: string;
}

const COUNTED = 'progress health healthReason statusCounts { total }';
const ON = (args: string) => `progress(${args}) health(${args}) healthReason(${args}) statusCounts(${args}) { total }`;
const GROUP = `key label milestoneCount ${COUNTED}`;
const DASHBOARD = (args: string, breakdowns: string) => `dashboard(${args}) { ${COUNTED} ${breakdowns} }`;

function figure(x: { progress: number | null; health: string | null; healthReason: string | null; statusCounts: { total: number } }): Figure {
  return { progress: x.progress, health: x.health, healthReason: x.healthReason, total: x.statusCounts.total };
}

function groups(list: (Figure & { key: string; label: string; milestoneCount: number; statusCounts: { total: number } })[]): Map<string, Group> {
  for (const g of list) expect(g.milestoneCount, `${g.label}: milestoneCount = statusCounts.total`).to.equal(g.statusCounts.total);
  return new Map(list.map((g) => [g.key, { key: g.key, label: g.label, ...figure(g) }]));
}

function reportFigure(r: { progress: number | null; health: string | null; healthReason: string | null; milestoneCount: number }): Figure {
  return { progress: r.progress, health: r.health, healthReason: r.healthReason, total: r.milestoneCount };
}

/** The cells after the name of each row of a Markdown table under `heading`, in order. */
function markdownRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(`\n${heading}\n\n`)[1];
  expect(section, heading).to.not.equal(undefined);
  const lines = section.split('\n');
  const table = lines.slice(2, lines.findIndex((line) => !line.startsWith('|')));
  return table.map((line) => line.slice(2, -2).split(/(?<!\\) \| /).slice(1));
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

/** The cells after the name of each row of the HTML table under `<h2>heading</h2>`, in order. */
function htmlRows(html: string, heading: string): string[][] {
  const section = html.split(`<h2>${heading}</h2>\n`)[1];
  expect(section, heading).to.not.equal(undefined);
  const table = section.slice(0, section.indexOf('</table>'));
  return [...table.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((row) => [...`<td>${row[1]}`.matchAll(/<td>(.*?)<\/td>/g)].slice(1).map((cell) => decodeHtml(cell[1])));
}

/** A report row's Milestones, Progress and Health cells as the renderer writes the figure. */
function cells(f: Figure): string[] {
  return [String(f.total), percent(f.progress), healthText({ health: f.health as Health | null, healthReason: f.healthReason ?? '' })];
}

interface Checkpoint {
  asOf: string | null;
  /** The reporting year whose report describes that date, if any. */
  year: number | null;
}

const CHECKPOINTS: Record<'current' | 'first', Checkpoint[]> = {
  current: [
    { asOf: '2026-06-30', year: 2026 },
    { asOf: null, year: 2027 }, // today, 2026-11-28: the running year's report
    { asOf: '2025-12-31', year: null },
  ],
  first: [
    { asOf: '2014-06-30', year: 2014 },
    { asOf: '2015-06-30', year: 2015 },
    { asOf: '2015-12-31', year: null },
    { asOf: '2016-06-30', year: 2016 },
    { asOf: '2017-06-30', year: 2017 },
    { asOf: null, year: null }, // today, after the plan ended
  ],
};

describe('one figure per thing: goal, agency and committee roll-ups agree on every path (sample plans)', () => {
  let server: TestServer;
  let plans: { first: string; current: string };
  let publicToken: string;
  const origin = () => server.url.replace(/\/graphql$/, '');

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    plans = await samplePlans(server);
    // A viewer of no agency sees what the public sees: the published editions' audience.
    publicToken = await server.newToken(Role.VIEWER, undefined, 'Public-like viewer');
  });
  after(() => server.stop());

  async function figuresOn(client: Client, planId: string, asOf: string | null) {
    const v = { p: planId, asOf };
    const at = 'asOf: $asOf';
    const { plan } = await client.ok(
      `query ($p: ID!, $asOf: Date) { plan(id: $p) { ${ON(at)} ${DASHBOARD(at, `byGoal: breakdown(by: GOAL) { ${GROUP} } byAgency: breakdown(by: AGENCY) { ${GROUP} } byCommittee: breakdown(by: COMMITTEE) { ${GROUP} }`)} } }`,
      v,
    );
    const { plan: withGoals } = await client.ok(
      `query ($p: ID!, $asOf: Date) { plan(id: $p) { goals(all: true) { id code parent { id } ${ON(at)} ${DASHBOARD(at, `byGoal: breakdown(by: GOAL) { ${GROUP} }`)} } } }`,
      v,
    );
    const { plan: withCommittees } = await client.ok(
      `query ($p: ID!, $asOf: Date) { plan(id: $p) { committees { id name goals { id } ${ON(at)} ${DASHBOARD(at, `byGoal: breakdown(by: GOAL) { ${GROUP} }`)} } } }`,
      v,
    );
    const inPlan = 'asOf: $asOf, planId: $p';
    const { agencies } = await client.ok(
      `query ($p: ID!, $asOf: Date) { agencies { id shortName ${ON(inPlan)} ${DASHBOARD(inPlan, `byAgency: breakdown(by: AGENCY) { ${GROUP} }`)} } }`,
      v,
    );
    return { plan, goals: withGoals.goals, committees: withCommittees.committees, agencies };
  }

  type Figures = Awaited<ReturnType<typeof figuresOn>>;

  /** Each thing's own fields against its dashboard and every breakdown row that names it. */
  function expectFieldsAndDashboardsAgree(f: Figures, label: string): void {
    const planGroups = { goal: groups(f.plan.dashboard.byGoal), agency: groups(f.plan.dashboard.byAgency), committee: groups(f.plan.dashboard.byCommittee) };
    expect(figure(f.plan.dashboard), `${label}: plan dashboard`).to.deep.equal(figure(f.plan));
    const compared = new Set<string>();
    const inGroup = (rows: Map<string, Group>, id: string, own: Figure, where: string) => {
      const row = rows.get(id);
      if (own.total === 0) {
        expect(row, `${where}: no row without milestones`).to.equal(undefined);
        return;
      }
      expect(row, `${where}: a row`).to.not.equal(undefined);
      const { key: _key, label: _label, ...rowFigure } = row!;
      expect(rowFigure, where).to.deep.equal(own);
      compared.add(row!.key);
    };

    const goalsById = new Map<string, any>(f.goals.map((g: any) => [g.id, g]));
    for (const g of f.goals) {
      const own = figure(g);
      expect(figure(g.dashboard), `${label}: ${g.code} dashboard`).to.deep.equal(own);
      if (g.parent === null) inGroup(planGroups.goal, g.id, own, `${label}: ${g.code} in the plan's breakdown by goal`);
      else inGroup(groups(goalsById.get(g.parent.id).dashboard.byGoal), g.id, own, `${label}: ${g.code} in its parent's breakdown by goal`);
    }
    for (const c of f.committees) {
      const own = figure(c);
      expect(figure(c.dashboard), `${label}: ${c.name} dashboard`).to.deep.equal(own);
      inGroup(planGroups.committee, c.id, own, `${label}: ${c.name} in the plan's breakdown by committee`);
      const byGoal = groups(c.dashboard.byGoal);
      for (const { id } of c.goals) inGroup(byGoal, id, figure(goalsById.get(id)), `${label}: goal ${id} in ${c.name}'s breakdown by goal`);
    }
    for (const a of f.agencies) {
      const own = figure(a);
      expect(figure(a.dashboard), `${label}: ${a.shortName} dashboard`).to.deep.equal(own);
      inGroup(planGroups.agency, a.id, own, `${label}: ${a.shortName} in the plan's breakdown by agency`);
      // Its own dashboard (milestones it leads) has one row: itself.
      if (own.total > 0) expect([...groups(a.dashboard.byAgency).keys()], `${label}: ${a.shortName}'s breakdown by agency`).to.deep.equal([a.id]);
    }
    // Every row of the plan's breakdowns that names a thing was compared ("No committee" names none).
    for (const [by, rows] of Object.entries(planGroups)) {
      for (const key of rows.keys()) if (key !== 'none') expect(compared.has(key), `${label}: ${by} row ${key} compared`).to.equal(true);
    }
  }

  /** The report's goal, agency and committee rows against the things' own figures, then its Markdown and HTML against its rows. */
  function expectReportAgrees(report: any, f: Figures, label: string): void {
    expect(reportFigure({ ...report.summary, milestoneCount: report.summary.statusCounts.total }), `${label}: summary`).to.deep.equal(figure(f.plan));
    const topGoals = f.goals.filter((g: any) => g.parent === null);
    expect(report.goals.map((g: any) => g.code)).to.deep.equal(topGoals.map((g: any) => g.code));
    report.goals.forEach((row: any, i: number) => expect(reportFigure(row), `${label}: goal ${row.code}`).to.deep.equal(figure(topGoals[i])));
    const agencies = new Map<string, any>(f.agencies.map((a: any) => [a.shortName, a]));
    for (const row of report.agencies) expect(reportFigure(row), `${label}: agency ${row.shortName}`).to.deep.equal(figure(agencies.get(row.shortName)));
    const leading = f.agencies.filter((a: any) => a.statusCounts.total > 0).map((a: any) => a.shortName).sort();
    expect(report.agencies.map((a: any) => a.shortName).sort(), `${label}: agencies`).to.deep.equal(leading);
    expect(report.committees.map((c: any) => c.name)).to.deep.equal(f.committees.map((c: any) => c.name));
    report.committees.forEach((row: any, i: number) => expect(reportFigure(row), `${label}: committee ${row.name}`).to.deep.equal(figure(f.committees[i])));
  }

  function expectTextsAgree(report: any, markdown: string, html: string, label: string): void {
    const sections: [string, string, any[]][] = [
      ['## Goals', 'Goals', report.goals],
      ['## Agencies (milestones they lead)', 'Agencies (milestones they lead)', report.agencies],
      ['## Committees', 'Committees', report.committees],
    ];
    for (const [mdHeading, htmlHeading, rows] of sections) {
      const want = rows.map((r) => cells(reportFigure(r)));
      expect(markdownRows(markdown, mdHeading).map((row) => row.slice(0, 3)), `${label}: Markdown ${mdHeading}`).to.deep.equal(want);
      expect(htmlRows(html, htmlHeading).map((row) => row.slice(0, 3)), `${label}: HTML ${htmlHeading}`).to.deep.equal(want);
    }
    expect(markdown, `${label}: Markdown summary`).to.contain(`- Plan progress: **${percent(report.summary.progress)}**`);
    expect(markdown, `${label}: Markdown summary`).to.contain(`- Plan health: **${healthText(report.summary)}**`);
  }

  const REPORT_ROWS = `summary { ${COUNTED} } goals { code milestoneCount progress health healthReason } agencies { shortName milestoneCount progress health healthReason } committees { name milestoneCount progress health healthReason }`;

  for (const planKey of ['current', 'first'] as const) {
    for (const { asOf, year } of CHECKPOINTS[planKey]) {
      const when = asOf ?? 'today (2026-11-28)';
      it(`${planKey} plan, as of ${when}: fields, dashboards and breakdowns${year ? `, the live ${year} report and a published edition` : ''}`, async () => {
        const planId = plans[planKey];
        for (const [who, client] of [['admin', server], ['public', server.as(publicToken)]] as const) {
          const label = `${planKey} plan, ${when}, ${who}`;
          const f = await figuresOn(client, planId, asOf);
          expectFieldsAndDashboardsAgree(f, label);
          if (year === null) continue;

          const { annualReport: report } = await client.ok(`query ($p: ID!, $y: Int!) { annualReport(planId: $p, year: $y) { asOf markdown html ${REPORT_ROWS} } }`, { p: planId, y: year });
          expect(report.asOf).to.equal(asOf ?? server.today);
          expectReportAgrees(report, f, `${label}, live report`);
          expectTextsAgree(report, report.markdown, report.html, `${label}, live report`);
          const token = who === 'admin' ? server.adminToken : publicToken;
          const overHttp = async (path: string) => {
            const response = await fetch(`${origin()}${path}`, { headers: { authorization: `Bearer ${token}` } });
            expect(response.status, path).to.equal(200);
            return response.text();
          };
          const [markdown, html] = await Promise.all([overHttp(`/reports/${planId}/${year}.md`), overHttp(`/reports/${planId}/${year}.html`)]);
          expectTextsAgree(report, markdown, html, `${label}, live report over HTTP`);

          if (who !== 'public') continue;
          // An edition is computed for the public: it must show what the public-like viewer sees.
          const { publishAnnualReport: edition } = await server.ok('mutation ($p: ID!, $y: Int!) { publishAnnualReport(planId: $p, year: $y) { edition } }', { p: planId, y: year });
          const { publishedReports } = await client.ok(`query ($p: ID!, $y: Int) { publishedReports(planId: $p, year: $y) { edition figures { ${REPORT_ROWS} } } }`, { p: planId, y: year });
          const published = publishedReports.find((r: any) => r.edition === edition.edition).figures;
          expectReportAgrees(published, f, `${label}, edition ${edition.edition}`);
          const [editionMarkdown, editionHtml] = await Promise.all([
            overHttp(`/reports/${planId}/${year}/editions/${edition.edition}.md`),
            overHttp(`/reports/${planId}/${year}/editions/${edition.edition}.html`),
          ]);
          expectTextsAgree(published, editionMarkdown, editionHtml, `${label}, edition ${edition.edition} over HTTP`);
        }
      });
    }
  }

  it('the issue 11 case: as of 2026-06-30 the FY2026 plan\'s G1 and G4 are 25.71 and 16.67 in the breakdown by goal as in their progress', async () => {
    const { plan } = await server.ok(
      `query ($p: ID!) { plan(id: $p) { goals { code progress(asOf: "2026-06-30") } dashboard(asOf: "2026-06-30") { breakdown(by: GOAL) { label progress } } } }`,
      { p: plans.current },
    );
    const field = new Map(plan.goals.map((g: any) => [g.code, g.progress]));
    const row = new Map(plan.dashboard.breakdown.map((g: any) => [g.label.split(' ')[0], g.progress]));
    for (const [code, value] of [['G1', 25.71], ['G4', 16.67]] as const) {
      expect(field.get(code), code).to.be.closeTo(value, 0.005);
      expect(row.get(code), code).to.equal(field.get(code));
    }
  });
});
