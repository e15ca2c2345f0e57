/** A real OpenID provider for the tests of single sign-on (integration and browser). */
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A real dynamic import: oidc-provider is ESM only, and tsc would turn `import()` into require(). */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

export interface OpenIdProvider {
  issuer: string;
  /** Registers Cairn's callback, once Cairn's address is known. */
  register(callbackUrls: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** A real OpenID provider (oidc-provider, client `cairn`, secret `cairn-test-secret`) with its development sign-in pages. Listens first (Cairn needs the issuer URL); the provider itself is created when Cairn's callback URL is known. */
export async function startProvider(accounts: Record<string, { email: string; email_verified: boolean }>): Promise<OpenIdProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    async register(callbackUrls) {
      const { default: Provider } = await importEsm('oidc-provider');
      const provider = new Provider(issuer, {
        clients: [{ client_id: 'cairn', client_secret: 'cairn-test-secret', redirect_uris: callbackUrls, grant_types: ['authorization_code'], response_types: ['code'] }],
        claims: { openid: ['sub'], email: ['email', 'email_verified'] },
        cookies: { keys: ['sign-in-test-key'] },
        findAccount: (_ctx: unknown, sub: string) => (accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined),
      });
      provider.on('server_error', (_ctx: unknown, error: Error) => console.error('oidc-provider:', error));
      handler = provider.callback();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
