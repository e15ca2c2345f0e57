/**
 * The viewer's bearer token, kept in this browser's localStorage and shared by the IDE and the
 * dashboard (same origin). It never goes anywhere but this server's /graphql.
 */
const KEY = 'cairn.token';

export function storedToken(): string | null {
  return localStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(KEY, token.trim());
  else localStorage.removeItem(KEY);
}

/** What to tell someone the server turned away (HTTP 401 / UNAUTHENTICATED). */
export const HOW_TO_SIGN_IN =
  'This server needs a token. Print one with `npm run --silent dev-token` (local admin) or `npm run user -- token --user N`, paste it in the token field and choose Sign in.';
