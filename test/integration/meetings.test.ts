import { expect } from 'chai';
import { asHtmlText, HOSTILE_TITLE, MARKUP_FROM_USERS, renderMarkdown } from '../support/hostile-text';
import { Role } from '../../src/domain/enums';
import { toGlobalId } from '../../src/entities/global-id';
import { samplePlans, startTestServer, TestServer } from '../support/test-server';

describe('meetings and briefings over HTTP (first sample plan)', () => {
  let server: TestServer;
  let planId: string;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    planId = (await samplePlans(server)).first;
  });
  after(() => server.stop());

  it('the task force meets every two months and each committee quarterly, across the plan', async () => {
    const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { meetings { date committee { name } } committees { name } } }', { id: planId });
    const taskForce = plan.meetings.filter((m: { committee: unknown }) => m.committee === null);
    expect(taskForce).to.have.length(24); // 4 years × 6
    expect(taskForce[0].date).to.equal('2013-07-11');
    for (const c of plan.committees) expect(plan.meetings.filter((m: { committee: { name: string } | null }) => m.committee?.name === c.name)).to.have.length(16);
  });

  it('the July 2015 task force briefing, hand-checked against the sample plan', async () => {
    const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { meetings(from: "2015-07-01", to: "2015-07-31") { id title committee { name } } } }', { id: planId });
    const meeting = plan.meetings.find((m: { committee: unknown }) => m.committee === null);
    const data = await server.ok(
      `query ($id: ID!) { meeting(id: $id) { title date previous { date } next { date } briefing {
        since until horizon counts { completed newlyOverdue dueDatesMoved fallingDue staleUpdates }
        completed { milestone { code } } newlyOverdue { milestone { code } daysOverdue statusReason }
        dueDatesMoved { milestone { milestone { code } } changedOn fromDate toDate reason }
        fallingDue { milestone { code } dueDate } staleUpdates { milestone { code } lastUpdatedOn } markdown } } }`,
      { id: meeting.id },
    );
    const m = data.meeting;
    expect(m).to.deep.include({ title: 'Task force meeting, July 2015', date: '2015-07-09', previous: { date: '2015-05-14' }, next: { date: '2015-09-10' } });
    const b = m.briefing;
    expect(b).to.deep.include({ since: '2015-05-14', until: '2015-07-09', horizon: '2015-09-10' });
    expect(b.counts).to.deep.equal({ completed: 2, newlyOverdue: 2, dueDatesMoved: 1, fallingDue: 1, staleUpdates: 4 });
    // G3.M6 completed 2015-06-10 and G1.M4 2015-06-18, both after the May meeting.
    expect(b.completed.map((x: { milestone: { code: string } }) => x.milestone.code)).to.deep.equal(['G3.M6', 'G1.M4']);
    // G3.1.M4 was due 2015-05-29 (completed only in August); G4.M2's due date moved to 2015-06-30.
    expect(b.newlyOverdue.map((x: { milestone: { code: string }; daysOverdue: number }) => [x.milestone.code, x.daysOverdue])).to.deep.equal([['G3.1.M4', 41], ['G4.M2', 9]]);
    expect(b.dueDatesMoved).to.have.length(1);
    expect(b.dueDatesMoved[0]).to.deep.include({ changedOn: '2015-05-20', fromDate: '2015-06-30', toDate: '2015-12-31' });
    expect(b.dueDatesMoved[0].milestone.milestone.code).to.equal('G3.1.M2');
    expect(b.fallingDue).to.deep.equal([{ milestone: { code: 'G1.1.M2' }, dueDate: '2015-08-31' }]);
    expect(b.markdown).to.contain('## Briefing: Task force meeting, July 2015');
    expect(b.markdown).to.contain('### Completed (2)');
    expect(b.markdown).to.contain('- **G3.1.M2** CSEC screening across probation and child welfare (JPD): 2015-06-30 → 2015-12-31 (2015-05-20): ');
    expect(b.markdown).to.contain('### Stale updates (4)');
  });

  it('the briefing as a self-contained HTML page says what the Markdown says; both are served at stable URLs', async () => {
    const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { meetings(from: "2015-07-01", to: "2015-07-31") { id date committee { name } } } }', { id: planId });
    const meeting = plan.meetings.find((m: { committee: unknown }) => m.committee === null);
    const { briefing } = (await server.ok('query ($id: ID!) { meeting(id: $id) { briefing { counts { completed newlyOverdue dueDatesMoved fallingDue staleUpdates } updateRequests { agency { shortName } } markdown html url } } }', { id: meeting.id })).meeting;
    expect(briefing.url).to.equal(`/meetings/${meeting.id}/briefing.html`);
    const html: string = briefing.html;
    expect(html.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(html).to.not.match(/https?:\/\//);
    expect(html).to.not.match(/<script|<link|<img|<iframe|@import|url\(/i);
    // One content: the Markdown's headings are the page's, its list items the page's items.
    const mdHeadings = [...briefing.markdown.matchAll(/^#{2,3} (.*)$/gm)].map((m) => m[1]);
    const htmlHeadings = [...html.matchAll(/<h[12]>(.*?)<\/h[12]>/g)].map((m) => m[1]);
    expect(htmlHeadings).to.deep.equal(mdHeadings);
    const c = briefing.counts;
    expect(htmlHeadings.slice(1)).to.deep.equal([
      `Completed (${c.completed})`,
      `Newly overdue (${c.newlyOverdue})`,
      `Due dates moved (${c.dueDatesMoved})`,
      `Falling due before the next meeting (${c.fallingDue})`,
      `Stale updates (${c.staleUpdates})`,
      `Agencies asked for an update (${briefing.updateRequests.length})`,
    ]);
    const mdItems = [...briefing.markdown.matchAll(/^- (.*)$/gm)].map((m) => m[1].replace(/\*\*(.*?)\*\*/g, '$1')).filter((t) => t !== 'None.');
    const htmlItems = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1].replace(/<\/?strong>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
    expect(htmlItems).to.deep.equal(mdItems);
    expect(html).to.contain('<li><strong>G3.1.M2</strong> CSEC screening across probation and child welfare (JPD): 2015-06-30 → 2015-12-31 (2015-05-20): ');

    const origin = server.url.replace(/\/graphql$/, '');
    const get = (path: string, token: string | null = server.adminToken) => fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const page = await get(briefing.url);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.contain('text/html');
    expect(page.headers.get('content-security-policy')).to.equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page.headers.get('content-disposition')).to.equal(null);
    expect(await page.text()).to.equal(html);
    const markdown = await get(briefing.url.replace(/\.html$/, '.md?download=1'));
    expect(markdown.headers.get('content-type')).to.contain('text/markdown');
    expect(markdown.headers.get('content-disposition')).to.match(new RegExp(`^attachment; filename="?briefing-${meeting.date}\\.md"?$`));
    expect(await markdown.text()).to.equal(briefing.markdown);
    expect((await get(briefing.url, null)).status).to.equal(401);
    expect((await get('/meetings/not-an-id/briefing.html')).status).to.equal(400);
    expect((await get(`/meetings/${planId}/briefing.md`)).status).to.equal(400); // a plan's ID, not a meeting's
    expect((await get(`/meetings/${toGlobalId('Meeting', 987654)}/briefing.md`)).status).to.equal(404);
  });

  it("a committee's briefing covers only its goals' milestones and its own previous meeting", async () => {
    const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { meetings(from: "2016-02-01", to: "2016-02-28") { id committee { id name } } } }', { id: planId });
    const committeeMeeting = plan.meetings.find((m: { committee: { name: string } | null }) => m.committee?.name === 'Super Bowl Committee');
    const data = await server.ok(
      `query ($id: ID!, $c: ID!) { meeting(id: $id) { date previous { date committee { name } } briefing { completed { milestone { code goal { code } } } fallingDue { milestone { code } } } } committee(id: $c) { goals { code } } }`,
      { id: committeeMeeting.id, c: committeeMeeting.committee.id },
    );
    expect(data.meeting.previous).to.deep.equal({ date: '2015-11-10', committee: { name: 'Super Bowl Committee' } });
    const goalCodes = data.committee.goals.map((g: { code: string }) => g.code);
    for (const c of data.meeting.briefing.completed) expect(goalCodes.some((g: string) => c.milestone.goal.code.startsWith(g)), c.milestone.code).to.equal(true);
  });

  it('createMeeting: admins only, date within the plan, committee of the same plan', async () => {
    const create = 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { title date committee { name } previous { date } } }';
    const ok = await server.ok(create, { input: { planId, date: '2015-08-01', title: 'Extra task force meeting' } });
    expect(ok.createMeeting).to.deep.equal({ title: 'Extra task force meeting', date: '2015-08-01', committee: null, previous: { date: '2015-07-09' } });
    const outside = await server.gql(create, { input: { planId, date: '2018-01-01', title: 'Too late' } });
    expect(outside.errors?.[0].extensions?.code).to.equal('BAD_USER_INPUT');
  });

  describe('a meeting still ahead (current plan; today is 2026-11-28)', () => {
    const briefingQuery = `query ($id: ID!) { meeting(id: $id) { date briefing {
      since until projection horizon markdown
      updateRequests { agency { shortName } milestones { milestone { id code } status updateStale } } } } }`;
    type Request = { agency: { shortName: string }; milestones: { milestone: { id: string; code: string }; status: string; updateStale: boolean }[] };
    let ahead: { id: string; date: string };
    /** Every milestone the admin sees with this filter, page by page. */
    async function allMilestones<T>(filter: object, fields: string): Promise<T[]> {
      const rows: T[] = [];
      for (let after: string | null = null; ; ) {
        const { milestones }: { milestones: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: T[] } } = await server.ok(`query ($f: MilestoneFilter, $after: String) { milestones(filter: $f, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`, { f: filter, after });
        rows.push(...milestones.nodes);
        if (!milestones.pageInfo.hasNextPage) return rows;
        after = milestones.pageInfo.endCursor;
      }
    }
    let held: { id: string; date: string };

    before(async () => {
      const current = (await samplePlans(server)).current;
      const { plan } = await server.ok('query ($id: ID!) { plan(id: $id) { meetings { id date committee { id } } } }', { id: current });
      const taskForce = plan.meetings.filter((m: { committee: unknown }) => m.committee === null);
      ahead = taskForce.find((m: { date: string }) => m.date > '2026-11-28');
      held = taskForce.filter((m: { date: string }) => m.date <= '2026-11-28').at(-1);
    });

    it('is a projection as of today, and says so; a meeting already held is not', async () => {
      const future = (await server.ok(briefingQuery, { id: ahead.id })).meeting;
      expect(future.briefing).to.deep.include({ since: held.date, until: '2026-11-28', projection: true });
      expect(future.briefing.horizon > future.date).to.equal(true);
      expect(future.briefing.markdown).to.contain('This meeting is still ahead: the briefing is as of 2026-11-28 and is a projection.');
      const past = (await server.ok(briefingQuery, { id: held.id })).meeting;
      expect(past.briefing).to.deep.include({ until: held.date, projection: false });
      expect(past.briefing.markdown).to.not.contain('still ahead');
    });

    it('asks the lead agencies of stale, overdue and at-risk milestones for an update, as the milestones say today', async () => {
      const { briefing } = (await server.ok(briefingQuery, { id: ahead.id })).meeting;
      type Row = { code: string; status: string; updateStale: boolean; leadAgency: { shortName: string } };
      const milestones = await allMilestones<Row>({ planId: (await samplePlans(server)).current }, 'code status updateStale leadAgency { shortName }');
      const expected = new Map<string, string[]>();
      for (const m of milestones) {
        if (!(m.updateStale || m.status === 'OVERDUE' || m.status === 'AT_RISK')) continue;
        expected.set(m.leadAgency.shortName, [...(expected.get(m.leadAgency.shortName) ?? []), m.code]);
      }
      const requests = briefing.updateRequests as Request[];
      expect(requests.length).to.be.greaterThan(0);
      expect(requests.map((r) => r.agency.shortName)).to.deep.equal([...expected.keys()].sort((a, b) => a.localeCompare(b)));
      for (const r of requests) {
        expect(r.milestones.map((m) => m.milestone.code).sort(), r.agency.shortName).to.deep.equal(expected.get(r.agency.shortName)!.sort());
        for (const m of r.milestones) expect(m.updateStale || m.status === 'OVERDUE' || m.status === 'AT_RISK').to.equal(true);
      }
      expect(briefing.markdown).to.contain(`### Agencies asked for an update (${requests.length})`);
      for (const r of requests) expect(briefing.markdown).to.contain(`- **${r.agency.shortName}**: ${r.milestones.map((m) => m.milestone.code).join(', ')}`);
    });

    it('a reader who cannot see restricted (PARTNERS) milestones is not told of them', async () => {
      const current = (await samplePlans(server)).current;
      const restrictedRows = await allMilestones<{ id: string; code: string; plan: { id: string } }>({ visibility: 'PARTNERS' }, 'id code plan { id }');
      const restricted = new Set(restrictedRows.map((m) => m.id));
      // The sample's restricted milestones in this plan are on track: make one overdue, so its lead is asked.
      const g3m4 = restrictedRows.find((m) => m.code === 'G3.M4' && m.plan.id === current)!;
      await server.ok('mutation ($id: ID!) { moveDueDate(id: $id, newDueDate: "2026-11-20", reason: "Deadline brought forward.") { id } }', { id: g3m4.id });
      const ids = (b: { updateRequests: Request[] }) => b.updateRequests.flatMap((r) => r.milestones.map((m) => m.milestone.id));
      const asAdmin = (await server.ok(briefingQuery, { id: ahead.id })).meeting.briefing;
      expect(ids(asAdmin).some((id) => restricted.has(id)), 'the admin is asked about a restricted milestone').to.equal(true);
      const outsider = server.as(await server.newToken(Role.VIEWER));
      const asOutsider = (await outsider.ok(briefingQuery, { id: ahead.id })).meeting.briefing;
      expect(ids(asOutsider).filter((id) => restricted.has(id))).to.deep.equal([]);
      expect(ids(asOutsider)).to.deep.equal(ids(asAdmin).filter((id) => !restricted.has(id)));
    });
  });

  it('the briefing Markdown shows text from users as text: plan and meeting titles, milestone titles and reasons', async () => {
    // A task-force meeting of the current plan two days from now; a due date moved today, for a hostile reason.
    const current = (await samplePlans(server)).current;
    await server.ok('mutation ($id: ID!, $title: String!) { updatePlan(id: $id, input: { title: $title }) { id } }', { id: current, title: HOSTILE_TITLE });
    const { milestones } = await server.ok('query ($p: ID!) { milestones(filter: { planId: $p, search: "G4.M5" }) { nodes { id code dueDate leadAgency { shortName } } } }', { p: current });
    const m = milestones.nodes[0];
    await server.ok('mutation ($id: ID!, $title: String!) { updateMilestone(id: $id, input: { title: $title }) { id } }', { id: m.id, title: HOSTILE_TITLE });
    await server.ok('mutation ($id: ID!, $d: Date!, $reason: String!) { moveDueDate(id: $id, newDueDate: $d, reason: $reason) { id } }', { id: m.id, d: '2027-09-30', reason: HOSTILE_TITLE });
    const meeting = (await server.ok('mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', { input: { planId: current, date: '2026-11-30', title: HOSTILE_TITLE } })).createMeeting;
    const { briefing } = (await server.ok('query ($id: ID!) { meeting(id: $id) { briefing { counts { dueDatesMoved } markdown } } }', { id: meeting.id })).meeting;
    expect(briefing.counts.dueDatesMoved).to.be.greaterThan(0);

    const html = renderMarkdown(briefing.markdown);
    expect(html).to.not.match(MARKUP_FROM_USERS);
    expect(html.match(/<h2>/g)).to.have.length(1);
    expect(html.match(/<h3>/g)).to.have.length(6);
    const title = asHtmlText(HOSTILE_TITLE);
    expect(html).to.contain(`<h2>Briefing: ${title}</h2>`);
    expect(html).to.contain(`<p>${title}, 2026-11-30. Changes since `);
    expect(html).to.contain(`<li><strong>${m.code}</strong> ${title} (${m.leadAgency.shortName}): ${m.dueDate} → 2027-09-30 (2026-11-28): ${title}</li>`);

    // The HTML briefing escapes the same texts, in the page and in its title.
    const page: string = (await server.ok('query ($id: ID!) { meeting(id: $id) { briefing { html } } }', { id: meeting.id })).meeting.briefing.html;
    expect(page).to.not.match(MARKUP_FROM_USERS);
    expect(page).to.not.match(/<script|<img|<a /);
    expect(page).to.contain(`<title>Briefing: ${asHtmlText(HOSTILE_TITLE)}</title>`);
    expect(page).to.contain(`<h1>Briefing: ${asHtmlText(HOSTILE_TITLE)}</h1>`);
  });
});
