/** The one way the dashboard reads data: POST /graphql, the public API, with the stored token. */
import { storedToken } from './token';

export class ApiError extends Error {
  constructor(
    message: string,
    /** extensions.code of the first error, e.g. UNAUTHENTICATED. */
    readonly code: string | undefined,
    /** extensions.field of the first error: the argument or input field to blame, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Response<T>;
  const error = body.errors?.[0];
  if (error || !body.data) throw new ApiError(error?.message ?? `The server answered HTTP ${response.status}.`, error?.extensions?.code, error?.extensions?.field);
  return body.data;
}

/** A GET of one of the server's plain-HTTP routes (exports, reports) with the token as a header. */
export async function download(url: string): Promise<Blob> {
  const token = storedToken();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Response<unknown> | null;
    throw new ApiError(body?.errors?.[0]?.message ?? `The server answered HTTP ${response.status}.`, body?.errors?.[0]?.extensions?.code);
  }
  return response.blob();
}
