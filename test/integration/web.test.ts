import { expect } from 'chai';
import { startTestServer, TestServer } from '../support/test-server';

/** The pages' HTTP edges, without a browser (the browser tests, test/browser, need Chromium). */
describe('Web pages: served from this server with a strict policy, the API untouched', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startTestServer({ seed: false });
    origin = new URL(server.url).origin;
  });
  after(() => server.stop());

  const expectOwnOriginPolicy = (response: Response) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("default-src 'self'").and.contain("script-src 'self'").and.contain("connect-src 'self'");
    expect(csp).to.not.match(/https?:|\*/);
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
  };

  it('/ redirects to the dashboard', async () => {
    const response = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(response.status).to.equal(302);
    expect(response.headers.get('location')).to.equal('/dashboard');
  });

  it('the dashboard and, for a browser, /graphql are HTML pages whose scripts come from /assets', async () => {
    for (const [url, accept] of [[`${origin}/dashboard`, '*/*'], [server.url, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']]) {
      const response = await fetch(url, { headers: { accept } });
      expect(response.status, url).to.equal(200);
      expect(response.headers.get('content-type')).to.contain('text/html');
      expect(response.headers.get('cache-control')).to.equal('no-cache');
      expectOwnOriginPolicy(response);
      const html = await response.text();
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources.filter((s) => !s.startsWith('/') && !s.startsWith('#'))).to.deep.equal([]);
      for (const source of sources.filter((s) => s.startsWith('/assets/'))) {
        const asset = await fetch(`${origin}${source}`);
        expect(asset.status, source).to.equal(200);
        expect(asset.headers.get('content-type'), source).to.match(/javascript|css|svg/);
        expect(asset.headers.get('etag'), source).to.be.a('string');
      }
    }
  });

  it('a GraphQL client still gets GraphQL from GET /graphql', async () => {
    const query = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'text/html,*/*;q=0.8', 'apollo-require-preflight': 'true', authorization: `Bearer ${server.adminToken}` } });
    expect(await query.json()).to.deep.equal({ data: { __typename: 'Query' } });
    const noQuery = await fetch(server.url, { headers: { accept: 'application/json' } });
    expect(noQuery.headers.get('content-type')).to.not.contain('text/html');
  });

  it('an unknown asset is a 404', async () => {
    expect((await fetch(`${origin}/assets/ide/nothing.js`)).status).to.equal(404);
  });
});
