import { expect } from 'chai';
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
