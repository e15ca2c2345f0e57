/**
 * The annual report (docs/rules.md, "Reporting periods") over GraphQL and HTTP, on the first sample
 * plan (FY2014–FY2017, fiscal years from July): its figures equal the query API's for the year's
 * last day, it renders as Markdown and self-contained HTML, published editions are frozen, and
 * restricted milestones and suppressed values stay out for outsiders and out of every edition.
 */
import { expect } from 'chai';
import { sql } from '../support/database';
import { Role } from '../../src/domain/enums';
import { WithdrawDerivableIndicatorProgress1765200000000 } from '../../migrations/1765200000000-withdraw-derivable-indicator-progress';
import { asHtmlText, HOSTILE_TITLE, MARKUP_FROM_USERS, renderMarkdown } from '../support/hostile-text';
import { Client, samplePlans, startTestServer, TestServer } from '../support/test-server';

const COUNTS = 'statusCounts { CANCELLED COMPLETED COMPLETED_LATE OVERDUE AT_RISK NOT_STARTED ON_TRACK total }';
const ROLLUP = `milestoneCount progress health ${COUNTS}`;
const REPORT = `
  query ($planId: ID!, $year: Int!) { annualReport(planId: $planId, year: $year) {
    planId planTitle year start end asOf audience url markdown html
    summary { dueInYear completedInYear completedOnTime completedLate overdueAtYearEnd cancelledInYear slippedMilestones dueDateChanges progress health ${COUNTS} }
    completed { code status completedOn dueDate } overdue { code daysOverdue } slips { code changedOn fromDate toDate reason }
    goals { code title ${ROLLUP} } agencies { shortName completedInYear overdueAtYearEnd ${ROLLUP} } committees { name ${ROLLUP} }
    indicators { name sensitive latestOn latest { value suppressed } baseline { value suppressed } target { value suppressed } progress }
    timeline { code baselineDueDate dueDate slipDays status }
  } }`;
const PUBLISH = 'mutation ($planId: ID!, $year: Int!) { publishAnnualReport(planId: $planId, year: $year) { id edition year publishedAt publishedBy markdown html url figures { summary { completedInYear progress } indicators { latest { value suppressed } } } } }';
const LIST = 'query ($planId: ID!, $year: Int) { publishedReports(planId: $planId, year: $year) { edition year publishedBy markdown html url } }';

describe('annual report (first sample plan)', () => {
  let server: TestServer;
  let planId: string;
  const origin = () => server.url.replace(/\/graphql$/, '');
  const get = (path: string, token: string | null = server.adminToken) => fetch(`${origin()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const report = async (client: Client, year: number) => (await client.ok(REPORT, { planId, year })).annualReport;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    planId = (await samplePlans(server)).first;
  });
  after(() => server.stop());

  it('its figures for fiscal 2016 equal what the query API gives for 2016-06-30', async () => {
    const r = await report(server, 2016);
    expect(r).to.deep.include({ year: 2016, start: '2015-07-01', end: '2016-06-30', asOf: '2016-06-30', url: `/reports/${planId}/2016.html` });
    const start = '2015-07-01';
    const end = '2016-06-30';
    const q = await server.ok(
      `query ($id: ID!, $end: Date!, $start: Date!) {
        plan(id: $id) {
          progress(asOf: $end) health(asOf: $end) ${COUNTS.replace('statusCounts', 'statusCounts(asOf: $end)')}
          goals { code progress(asOf: $end) health(asOf: $end) ${COUNTS.replace('statusCounts', 'statusCounts(asOf: $end)')} }
          committees { name progress(asOf: $end) health(asOf: $end) ${COUNTS.replace('statusCounts', 'statusCounts(asOf: $end)')} }
        }
        due: milestones(filter: { planId: $id, asOf: $end, dueFrom: $start, dueTo: $end }, first: 100) { totalCount nodes { code baselineDueDate dueDate(asOf: $end) status(asOf: $end) } }
        moved: milestones(filter: { planId: $id, movedFrom: $start, movedTo: $end }, first: 100) { totalCount nodes { code dueDateChanges { changedOn } } }
        done: milestones(filter: { planId: $id, asOf: $end, status: [COMPLETED, COMPLETED_LATE] }, first: 100) { nodes { code completedOn(asOf: $end) status(asOf: $end) } }
        overdue: milestones(filter: { planId: $id, asOf: $end, status: [OVERDUE] }, first: 100) { totalCount nodes { code } }
        cancelled: milestones(filter: { planId: $id, asOf: $end, status: [CANCELLED] }, first: 100) { nodes { code cancelledOn(asOf: $end) } }
        agencies { shortName progress(asOf: $end, planId: $id) ${COUNTS.replace('statusCounts', 'statusCounts(asOf: $end, planId: $id)')} }
      }`,
      { id: planId, start, end },
    );
    const plan = q.plan;
    expect(r.summary.statusCounts).to.deep.equal(plan.statusCounts);
    expect(r.summary.progress).to.equal(plan.progress);
    expect(r.summary.health).to.equal(plan.health);
    expect(r.summary.overdueAtYearEnd).to.equal(plan.statusCounts.OVERDUE).and.to.equal(q.overdue.totalCount);
    expect(r.overdue.map((m: { code: string }) => m.code).sort()).to.deep.equal(q.overdue.nodes.map((m: { code: string }) => m.code).sort());
    // Due in the year: the same milestones, dates and statuses as the filtered list.
    expect(r.summary.dueInYear).to.equal(q.due.totalCount).and.to.be.greaterThan(0);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(r.timeline.map((t: any) => ({ code: t.code, baselineDueDate: t.baselineDueDate, dueDate: t.dueDate, status: t.status })).sort(byCode)).to.deep.equal([...q.due.nodes].sort(byCode));
    // Completed in the year, on time and late.
    const done = q.done.nodes.filter((m: { completedOn: string }) => m.completedOn >= start && m.completedOn <= end);
    expect(r.summary.completedInYear).to.equal(done.length).and.to.be.greaterThan(0);
    expect(r.summary.completedOnTime).to.equal(done.filter((m: { status: string }) => m.status === 'COMPLETED').length);
    expect(r.summary.completedLate).to.equal(done.filter((m: { status: string }) => m.status === 'COMPLETED_LATE').length);
    expect(r.summary.completedOnTime + r.summary.completedLate).to.equal(r.summary.completedInYear);
    expect(r.summary.cancelledInYear).to.equal(q.cancelled.nodes.filter((m: { cancelledOn: string }) => m.cancelledOn >= start).length);
    // Slipped: the movedFrom/movedTo filter, and every change decided in the year.
    expect(r.summary.slippedMilestones).to.equal(q.moved.totalCount);
    const changes = q.moved.nodes.flatMap((m: { dueDateChanges: { changedOn: string }[] }) => m.dueDateChanges.filter((c) => c.changedOn >= start && c.changedOn <= end));
    expect(r.summary.dueDateChanges).to.equal(changes.length).and.to.equal(r.slips.length);
    for (const s of r.slips) expect(s.reason).to.be.a('string').and.not.equal('');
    // Per goal, committee and agency: the same roll-ups.
    expect(r.goals.map((g: any) => ({ code: g.code, progress: g.progress, health: g.health, statusCounts: g.statusCounts }))).to.deep.equal(plan.goals);
    expect(r.committees.map((c: any) => ({ name: c.name, progress: c.progress, health: c.health, statusCounts: c.statusCounts }))).to.deep.equal(plan.committees);
    for (const a of r.agencies) {
      const api = q.agencies.find((x: { shortName: string }) => x.shortName === a.shortName);
      expect({ progress: a.progress, statusCounts: a.statusCounts }, a.shortName).to.deep.equal({ progress: api.progress, statusCounts: api.statusCounts });
    }
    expect(r.agencies.reduce((n: number, a: { milestoneCount: number }) => n + a.milestoneCount, 0)).to.equal(plan.statusCounts.total);
    // Indicators: the latest value on or before the year's end.
    const trained = r.indicators.find((i: { name: string }) => i.name === 'City staff trained on trafficking indicators');
    expect(trained).to.deep.include({ latestOn: '2016-06-30', latest: { value: 1490, suppressed: false }, target: { value: 2000, suppressed: false } });
    expect(trained.progress).to.equal(74.5);
  });

  it('the HTML is one self-contained page: inline SVG, a status bar per goal, the figures in the text', async () => {
    const r = await report(server, 2016);
    const html: string = r.html;
    expect(html.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(html).to.match(/<\/html>\s*$/);
    expect(html).to.contain('<svg');
    expect((html.match(/<svg class="status-bar"/g) ?? []).length).to.equal(r.goals.length);
    expect((html.match(/<svg class="timeline"/g) ?? []).length).to.equal(1);
    expect((html.match(/<g class="milestone">/g) ?? []).length).to.equal(r.timeline.length);
    expect(html).to.not.match(/https?:\/\//);
    expect(html).to.not.match(/<script|<link|<img|@import|url\(/i);
    expect(html).to.contain(`<dt>Completed on time</dt><dd>${r.summary.completedOnTime}</dd>`);
    expect(html).to.contain(`<dt>Completed late</dt><dd>${r.summary.completedLate}</dd>`);
    expect(html).to.contain(`<dt>Overdue at year end</dt><dd>${r.summary.overdueAtYearEnd}</dd>`);
    for (const g of r.goals) expect(html).to.contain(`<strong>${g.code}</strong>`);
    // Balanced tags for the elements the page uses.
    for (const tag of ['table', 'tr', 'svg', 'g', 'dl', 'h2']) expect((html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, tag).to.equal((html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
  });

  it('the Markdown has every section, and the stable URLs serve it and the HTML (downloadable)', async () => {
    const r = await report(server, 2016);
    const md: string = r.markdown;
    expect(md).to.contain('# Annual report 2016: ');
    for (const section of ['## Summary', '## Completed in the year', '## Overdue at year end', '## Due dates moved during the year', '## Goals', '## Agencies', '## Committees', '## Indicators', '## Milestones due in the year']) {
      expect(md).to.contain(section);
    }
    expect(md).to.contain(`- Completed on time: **${r.summary.completedOnTime}**`);
    const page = await get(r.url);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.contain('text/html');
    expect(page.headers.get('content-disposition')).to.equal(null);
    expect(await page.text()).to.equal(r.html);
    const download = await get(`${r.url}?download=1`);
    expect(download.headers.get('content-disposition')).to.match(/^attachment; filename="?annual-report-2016\.html"?$/);
    const markdown = await get(`/reports/${planId}/2016.md`);
    expect(markdown.headers.get('content-type')).to.contain('text/markdown');
    expect(await markdown.text()).to.equal(md);
    expect((await get(`/reports/${planId}/2016.html`, null)).status).to.equal(401);
    expect((await get(`/reports/${planId}/2016.html?token=${server.adminToken}`, null)).status).to.equal(401); // not read-only
    const readOnly = await server.newToken(Role.ADMIN, undefined, 'Report reader', true);
    expect((await get(`/reports/${planId}/2016.html?token=${readOnly}`, null)).status).to.equal(200);
    expect((await get(`/reports/${planId}/1999.html`)).status).to.equal(400);
  });

  it('a year that does not overlap the plan is BAD_USER_INPUT', async () => {
    for (const year of [2013, 2018, 0, -5, 100000]) {
      const result = await server.gql(REPORT, { planId, year });
      expect(result.errors?.[0].extensions?.code, String(year)).to.equal('BAD_USER_INPUT');
    }
    const publish = await server.gql(PUBLISH, { planId, year: 2030 });
    expect(publish.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
    expect((await server.ok(LIST, { planId })).publishedReports).to.deep.equal([]);
  });

  it('a VIEWER may not publish', async () => {
    const viewer = server.as(await server.newToken(Role.VIEWER));
    const result = await viewer.gql(PUBLISH, { planId, year: 2016 });
    expect(result.errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    expect((await viewer.ok(LIST, { planId })).publishedReports).to.deep.equal([]);
  });

  it('publishing freezes an edition: later changes show in the live report only; publishing again makes edition 2', async () => {
    const first = (await server.ok(PUBLISH, { planId, year: 2016 })).publishAnnualReport;
    expect(first).to.deep.include({ edition: 1, year: 2016, publishedBy: 'Test admin', url: `/reports/${planId}/2016/editions/1.html` });
    const audit = await sql(server.dataSource, "SELECT action FROM audit_entry WHERE entity_type = 'PublishedReport'");
    expect(audit).to.deep.equal([{ action: 'publishAnnualReport' }]);
    const before = await report(server, 2016);
    // A milestone still open at the year's end gets a progress report dated within the year.
    const open = before.timeline.find((t: { status: string }) => t.status === 'OVERDUE' || t.status === 'AT_RISK' || t.status === 'ON_TRACK' || t.status === 'NOT_STARTED');
    expect(open, 'an unfinished milestone due in fiscal 2016').to.not.equal(undefined);
    const { milestones } = await server.ok('query ($id: ID!, $code: String!) { milestones(filter: { planId: $id, search: $code }, first: 5) { nodes { id code } } }', { id: planId, code: open.code });
    const id = milestones.nodes.find((m: { code: string }) => m.code === open.code).id;
    await server.ok('mutation ($id: ID!) { reportProgress(input: { milestoneId: $id, percentComplete: 97.5, reportedOn: "2016-06-15", note: "Late figure" }) { id } }', { id });
    const after = await report(server, 2016);
    expect(after.summary.progress).to.not.equal(before.summary.progress);
    expect(after.html).to.not.equal(before.html);

    const listed = (await server.ok(LIST, { planId, year: 2016 })).publishedReports;
    expect(listed).to.have.length(1);
    expect(listed[0].html).to.equal(first.html);
    expect(listed[0].markdown).to.equal(first.markdown);
    const frozen = await get(first.url);
    expect(frozen.status).to.equal(200);
    expect(await frozen.text()).to.equal(first.html);
    expect(await (await get(`/reports/${planId}/2016/editions/1.md`)).text()).to.equal(first.markdown);

    const second = (await server.ok(PUBLISH, { planId, year: 2016 })).publishAnnualReport;
    expect(second.edition).to.equal(2);
    // Editions are computed for the public: the same figures a VIEWER (no agency) sees live.
    const publicNow = await report(server.as(await server.newToken(Role.VIEWER)), 2016);
    expect(second.figures.summary.progress).to.equal(publicNow.summary.progress).and.not.equal(first.figures.summary.progress);
    expect(second.html).to.not.equal(first.html);
    const both = (await server.ok(LIST, { planId })).publishedReports;
    expect(both.map((p: { edition: number; year: number }) => [p.year, p.edition])).to.deep.equal([[2016, 1], [2016, 2]]);
    expect(both[0].html).to.equal(first.html);
    expect(both[1].html).to.equal(second.html);
    expect(await (await get(second.url)).text()).to.equal(second.html);
    expect(await (await get(first.url)).text()).to.equal(first.html);
    expect((await get(`/reports/${planId}/2016/editions/3.html`)).status).to.equal(404);
  });

  it('an edition published before reports had healthReason still reads: its health as published, healthReason null', async () => {
    const { publishAnnualReport: edition } = await server.ok('mutation ($planId: ID!, $year: Int!) { publishAnnualReport(planId: $planId, year: $year) { id } }', { planId, year: 2015 });
    const [row] = await sql(server.dataSource, "SELECT id, figures FROM published_report WHERE year = 2015 ORDER BY edition DESC");
    const old = JSON.parse(row.figures);
    for (const r of [old.summary, ...old.goals, ...old.agencies, ...old.committees]) delete r.healthReason;
    await sql(server.dataSource, 'UPDATE published_report SET figures = ? WHERE id = ?', [JSON.stringify(old), row.id]);
    const EDITION = 'query ($planId: ID!) { publishedReports(planId: $planId, year: 2015) { id figures { summary { health healthReason } goals { health healthReason } agencies { healthReason } committees { healthReason } } } }';
    const { figures } = (await server.ok(EDITION, { planId })).publishedReports.find((r: { id: string }) => r.id === edition.id);
    expect(figures.summary).to.deep.equal({ health: old.summary.health, healthReason: null });
    for (const list of [figures.goals, figures.agencies, figures.committees]) for (const r of list) expect(r.healthReason).to.equal(null);
  });

  it('suppression: a sensitive value below the threshold never reaches outsiders, nor any published edition', async () => {
    const survivors = 'Survivors referred to services through the city protocol';
    const insider = (await report(server, 2014)).indicators.find((i: { name: string }) => i.name === survivors);
    expect(insider.latest).to.deep.equal({ value: 8, suppressed: false });
    const outsider = server.as(await server.newToken(Role.EDITOR, 'SFPD'));
    const seen = await report(outsider, 2014);
    const row = seen.indicators.find((i: { name: string }) => i.name === survivors);
    expect(row).to.deep.include({ latest: { value: null, suppressed: true }, progress: null, latestOn: '2014-06-30' });
    expect(row.baseline).to.deep.equal({ value: null, suppressed: true }); // a baseline of 0 is below the threshold too
    const line = (text: string) => text.split('\n').find((l) => l.includes(survivors))!;
    expect(line(seen.markdown)).to.contain('suppressed').and.not.match(/\| 8 \|/);
    expect(seen.html).to.contain('suppressed');
    // Published as the public, even though an admin publishes it.
    const published = (await server.ok(PUBLISH, { planId, year: 2014 })).publishAnnualReport;
    const frozen = published.figures.indicators.find((i: { latest: unknown }) => (i.latest as { suppressed: boolean } | null)?.suppressed);
    expect(frozen).to.deep.equal({ latest: { value: null, suppressed: true } });
    expect(line(published.markdown)).to.contain('suppressed').and.not.match(/\| 8 \|/);
    expect(published.markdown).to.contain('Prepared for the public');
    const stored = await sql(server.dataSource, 'SELECT figures FROM published_report WHERE year = 2014');
    expect(JSON.parse(stored[0].figures).indicators.find((i: { name: string }) => i.name === survivors).latest).to.deep.equal({ value: null, suppressed: true });
  });

  it('suppression: progress that would give away a suppressed baseline is withheld in the live report (GraphQL, Markdown, HTML, over HTTP) and in published editions', async () => {
    // Fiscal 2017: baseline 0 (suppressed), latest 139, target 150; progress 92.67 gives the baseline back.
    const survivors = 'Survivors referred to services through the city protocol';
    const mdRow = (text: string) => text.split('\n').find((l) => l.startsWith(`| ${survivors}`))!;
    const htmlRow = (text: string) => text.match(new RegExp(`<tr><td>${survivors}.*?</tr>`))![0];
    const outsider = await server.newToken(Role.EDITOR, 'SFPD');
    const viewer = await server.newToken(Role.VIEWER);
    const insider = await server.newToken(Role.EDITOR, 'HSA');
    for (const token of [outsider, viewer]) {
      const r = await report(server.as(token), 2017);
      const row = r.indicators.find((i: { name: string }) => i.name === survivors);
      expect(row).to.deep.include({ baseline: { value: null, suppressed: true }, latest: { value: 139, suppressed: false }, target: { value: 150, suppressed: false }, progress: null });
      const md = await (await get(`/reports/${planId}/2017.md`, token)).text();
      const html = await (await get(`/reports/${planId}/2017.html`, token)).text();
      expect(md).to.equal(r.markdown);
      expect(html).to.equal(r.html);
      expect(mdRow(md)).to.contain('| suppressed | 139 |').and.not.match(/%/);
      expect(htmlRow(html)).to.contain('<td>139</td>').and.not.match(/%/);
    }
    for (const token of [server.adminToken, insider]) {
      const r = await report(server.as(token), 2017);
      expect(r.indicators.find((i: { name: string }) => i.name === survivors).progress).to.be.closeTo((100 * 139) / 150, 0.005); // 92.67 rounded to two decimals or not
      expect(mdRow(await (await get(`/reports/${planId}/2017.md`, token)).text())).to.match(/\| 92\.(7|67)% \|$/);
    }
    // Published by an admin, computed for the public.
    await server.ok(PUBLISH, { planId, year: 2017 });
    const { publishedReports } = await server.ok('query ($planId: ID!) { publishedReports(planId: $planId, year: 2017) { url markdown html figures { indicators { name progress baseline { suppressed } } markdown } } }', { planId });
    const [edition] = publishedReports;
    expect(edition.figures.indicators.find((i: { name: string }) => i.name === survivors)).to.deep.equal({ name: survivors, progress: null, baseline: { suppressed: true } });
    expect(mdRow(edition.markdown)).to.contain('| suppressed | 139 |').and.not.match(/%/);
    expect(mdRow(edition.figures.markdown)).to.not.match(/%/);
    expect(htmlRow(edition.html)).to.not.match(/%/);
    for (const token of [server.adminToken, viewer]) {
      expect(mdRow(await (await get(edition.url.replace(/\.html$/, '.md'), token)).text())).to.not.match(/%/);
      expect(htmlRow(await (await get(edition.url, token)).text())).to.not.match(/%/);
    }
  });

  it('an edition published before that rule loses, on migration, the progress that gives the suppressed baseline back, and nothing else', async () => {
    const survivors = 'Survivors referred to services through the city protocol';
    await server.ok(PUBLISH, { planId, year: 2017 });
    const EDITIONS = 'SELECT id, figures, markdown, html FROM published_report ORDER BY id';
    const published = await sql(server.dataSource, EDITIONS);
    const latest = published.at(-1);
    // The edition as the code before issue 11 wrote it: 92.7% beside the suppressed baseline.
    const figures = JSON.parse(latest.figures);
    figures.indicators.find((i: { name: string }) => i.name === survivors).progress = (100 * 139) / 150;
    const markdown = latest.markdown.replace(new RegExp(`^(\\| ${survivors} .*)\\| — \\|$`, 'm'), '$1| 92.7% |');
    const html = latest.html.replace(new RegExp(`(<tr><td>${survivors} .*?)<td>—</td></tr>`), '$1<td>92.7%</td></tr>');
    expect(markdown).to.not.equal(latest.markdown);
    expect(html).to.not.equal(latest.html);
    await sql(server.dataSource, 'UPDATE published_report SET figures = ?, markdown = ?, html = ? WHERE id = ?', [JSON.stringify(figures), markdown, html, latest.id]);

    const runner = server.dataSource.createQueryRunner();
    try {
      await new WithdrawDerivableIndicatorProgress1765200000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await sql(server.dataSource, EDITIONS)).to.deep.equal(published);
  });

  it('Markdown shows the sample titles as typed: no backslashes before parentheses, no entities for &', async () => {
    const md: string = (await report(server, 2016)).markdown;
    expect(md).to.contain("# Annual report 2016: Mayor's Task Force on Anti-Human Trafficking: Strategic Plan FY2014–FY2017 (illustrative)\n");
    expect(md).to.match(/^\| Sex Worker & Trafficking Committee \| \d+ \|/m);
    expect(md).to.not.match(/\\[()&!#+]|&amp;|&lt;/);
  });

  it('text from users stays text in the live report and a published edition, as Markdown and as HTML, over GraphQL and HTTP', async () => {
    const data = await server.ok(
      'query ($id: ID!) { plan(id: $id) { goals { id code } } milestones(filter: { planId: $id, visibility: PUBLIC, dueFrom: "2015-07-01", dueTo: "2016-06-30" }, first: 1) { nodes { id code } } }',
      { id: planId },
    );
    const goal = data.plan.goals[0];
    const milestone = data.milestones.nodes[0];
    await server.ok('mutation ($id: ID!, $title: String!) { updateGoal(id: $id, input: { title: $title }) { id } }', { id: goal.id, title: HOSTILE_TITLE });
    await server.ok('mutation ($id: ID!, $title: String!) { updateMilestone(id: $id, input: { title: $title }) { id } }', { id: milestone.id, title: HOSTILE_TITLE });
    const live = await report(server, 2016);
    const published = (await server.ok(PUBLISH, { planId, year: 2016 })).publishAnnualReport;
    const text = async (path: string) => (await get(path)).text();
    const edition = `/reports/${planId}/2016/editions/${published.edition}`;
    const markdowns: [string, string][] = [['live', live.markdown], ['live .md', await text(`/reports/${planId}/2016.md`)], ['published', published.markdown], ['published .md', await text(`${edition}.md`)]];
    const htmls: [string, string][] = [['live', live.html], ['live .html', await text(`/reports/${planId}/2016.html`)], ['published', published.html], ['published .html', await text(`${edition}.html`)]];
    for (const [where, html] of [...markdowns.map(([w, md]): [string, string] => [`${w} (Markdown)`, renderMarkdown(md)]), ...htmls]) {
      expect(html, where).to.not.match(MARKUP_FROM_USERS);
      // One cell each, as typed: the `|` split nothing.
      expect(html, where).to.contain(`<td><strong>${goal.code}</strong> ${asHtmlText(HOSTILE_TITLE)}</td>`);
      expect(html, where).to.contain(`<td><strong>${milestone.code}</strong> ${asHtmlText(HOSTILE_TITLE)}</td>`);
    }
  });

  it('restricted (PARTNERS) milestones are left out of published editions and of an outsider\'s live report', async () => {
    const { milestones } = await server.ok('query ($id: ID!) { milestones(filter: { planId: $id, visibility: PARTNERS }, first: 20) { nodes { code title } } }', { id: planId });
    expect(milestones.nodes.length).to.be.greaterThan(0);
    const anonymousTotal = async (year: number) => (await report(server.as(await server.newToken(Role.VIEWER)), year)).summary.statusCounts.total;
    for (const year of [2014, 2015, 2016, 2017]) {
      const admin = await report(server, year);
      expect(await anonymousTotal(year)).to.equal(admin.summary.statusCounts.total - milestones.nodes.length);
    }
    const published = (await server.ok(PUBLISH, { planId, year: 2015 })).publishAnnualReport;
    for (const m of milestones.nodes) {
      expect(published.markdown).to.not.contain(`**${m.code}**`);
      expect(published.html).to.not.contain(`<strong>${m.code}</strong>`);
    }
  });
});
