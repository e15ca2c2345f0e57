import { expect } from 'chai';
import net from 'node:net';
import { loadConfig } from '../../src/config';
import { startTestServer, TestServer } from '../support/test-server';

describe('HTTP edges: malformed requests get JSON errors, never an HTML stack trace', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(() => server.stop());

  it('a body that is not JSON is a 400 with code BAD_REQUEST', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).to.equal(400);
    const text = await response.text();
    expect(JSON.parse(text)).to.deep.equal({ errors: [{ message: 'The request body must be a JSON object, such as {"query": "{ plans { title } }"}.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).to.not.match(/at |node_modules|SyntaxError/);
  });

  it('an unknown path is a 404 that says where GraphQL is', async () => {
    const response = await fetch(server.url.replace('/graphql', '/nowhere'));
    expect(response.status).to.equal(404);
    expect(((await response.json()) as { errors: unknown[] }).errors[0]).to.deep.equal({ message: 'Not found: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } });
  });

  it('a query that does not parse is GRAPHQL_PARSE_FAILED, and the server keeps serving', async () => {
    const result = await server.gql('{ plans { title ');
    expect(result.errors?.[0].extensions?.code).to.equal('GRAPHQL_PARSE_FAILED');
    expect(await server.ok('{ plans { title } }')).to.deep.equal({ plans: [] });
  });
});

/** Opens a raw connection, sends `head`, then `drip` one byte at a time until the server answers or hangs up. */
function slowClient(url: string, head: string, drip: string): Promise<{ answer: string; cutShort: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    let answer = '';
    let sent = 0;
    const dripping = setInterval(() => {
      if (sent < drip.length) socket.write(drip[sent++]);
    }, 100);
    socket.on('data', (chunk) => (answer += String(chunk)));
    // The server may reset the connection while a byte is on its way; 'close' follows and decides.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearInterval(dripping);
      resolve({ answer, cutShort: sent < drip.length });
    });
  });
}

describe('slow clients are cut off after the request timeouts (CAIRN_REQUEST_TIMEOUT_MS, CAIRN_HEADERS_TIMEOUT_MS)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false, settings: { requestTimeoutMs: 1_500, headersTimeoutMs: 1_000 } });
  });
  after(() => server.stop());

  const body = JSON.stringify({ query: `{ plans { title } } ${'#'.repeat(2_000)}` });

  it('a body sent a byte at a time gets a 408 and is disconnected before it is complete', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const { answer, cutShort } = await slowClient(server.url, head, body);
    expect(answer).to.match(/^HTTP\/1\.1 408 /);
    expect(cutShort, 'disconnected before the body was complete').to.equal(true);
  });

  it('headers sent a byte at a time get a 408 and are disconnected before they are complete', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n`;
    const { answer, cutShort } = await slowClient(server.url, head, `X-Padding: ${'a'.repeat(2_000)}\r\n\r\n`);
    expect(answer).to.match(/^HTTP\/1\.1 408 /);
    expect(cutShort, 'disconnected before the headers were complete').to.equal(true);
  });

  it('requests sent at once are served as before', async () => {
    expect(await server.ok('{ plans { title } }')).to.deep.equal({ plans: [] });
  });
});

describe('behind a proxy: X-Forwarded-Proto counts only from a proxy CAIRN_TRUST_PROXY names', () => {
  const HSTS = 'strict-transport-security';
  const servers: TestServer[] = [];
  const start = async (trustProxy: string) => {
    const server = await startTestServer({ seed: false, settings: loadConfig({ CAIRN_TRUST_PROXY: trustProxy }) });
    servers.push(server);
    return (headers: Record<string, string>) => fetch(server.url.replace('/graphql', '/healthz'), { headers });
  };
  after(() => Promise.all(servers.map((s) => s.stop())));

  it('without trust proxy (the default), a client saying X-Forwarded-Proto: https is not believed', async () => {
    const get = await start('');
    expect((await get({ 'x-forwarded-proto': 'https' })).headers.get(HSTS)).to.equal(null);
  });

  it('trusting the proxy on this machine, its X-Forwarded-Proto: https makes the answer HTTPS-only (HSTS)', async () => {
    const get = await start('loopback');
    expect((await get({ 'x-forwarded-proto': 'https' })).headers.get(HSTS)).to.equal('max-age=31536000');
    expect((await get({ 'x-forwarded-proto': 'http' })).headers.get(HSTS)).to.equal(null);
    expect((await get({})).headers.get(HSTS)).to.equal(null);
  });

  it('trusting only other addresses, a request from this machine is not believed', async () => {
    const get = await start('10.0.0.0/8, 192.168.0.0/16');
    expect((await get({ 'x-forwarded-proto': 'https' })).headers.get(HSTS)).to.equal(null);
  });
});
