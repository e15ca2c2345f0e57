import { expect } from 'chai';
import { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, openSession, screenshot, Session, skipWithoutChromium } from '../support/browser';
import { startTestServer, TestServer } from '../support/test-server';

describe('Browser: the GraphQL IDE at /graphql, served from this server alone', function () {
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  const origin = () => new URL(server.url).origin;

  before(async function () {
    skipWithoutChromium(this);
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async function () {
    if (session) await screenshot(session.page, `ide-${this.currentTest?.title.replace(/\W+/g, '-')}`);
    await session?.context.close();
  });

  it('runs the sample query with the token given in the sign-in field and shows the answer', async () => {
    // Before signing in, GraphiQL's schema request is turned away.
    session = await openSession(browser, { expectedFailures: ['401 /graphql'] });
    const { page } = session;
    await page.goto(server.url); // a browser's GET /graphql asks for text/html
    await page.getByLabel('Token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const answer = page.waitForResponse((r) => r.url() === server.url && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('PlansAtAGlance'));
    await page.locator('.graphiql-execute-button').click();
    const response = await answer;
    expect(response.request().headers().authorization).to.equal(`Bearer ${server.adminToken}`);
    const body = (await response.json()) as { data: { viewer: { name: string }; plans: { title: string }[] } };
    // The sample query works on the sample plans: it is the API's own answer for this admin.
    const expected = await server.ok<{ plans: { title: string }[] }>('{ plans { title } }');
    expect(body.data.viewer.name).to.equal('Test admin');
    expect(body.data.plans.map((p) => p.title)).to.deep.equal(expected.plans.map((p) => p.title));
    await page.locator('.graphiql-response').getByText(expected.plans[0].title, { exact: false }).first().waitFor();
    expect(session.problems).to.deep.equal([]);
    expect(foreignRequests(session.requests, origin())).to.deep.equal([]);
    // Monaco's editor, JSON and GraphQL workers came from this server.
    expect(session.requests.filter((url) => url.endsWith('.worker.js')).map((url) => new URL(url).pathname)).to.include.members(['/assets/ide/editor.worker.js', '/assets/ide/graphql.worker.js']);
  });

  it('without a token, says how to get one', async () => {
    session = await openSession(browser, { expectedFailures: ['401 /graphql'] });
    const { page } = session;
    await page.goto(server.url);
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('status').getByText('npm run --silent dev-token').waitFor();
    expect(session.problems).to.deep.equal([]);
    expect(foreignRequests(session.requests, origin())).to.deep.equal([]);
  });
});
