/**
 * The errors a client may see. Each carries an `extensions.code` a client can branch on and a
 * message a plan owner understands; anything else is an internal error with no details.
 * A message names the argument or field that is wrong but never repeats a text the caller sent
 * (an id, cursor, code, name, CSV cell…): what is sent back cannot carry a caller's markup or
 * words. Values Cairn has parsed itself, dates and numbers, may be named.
 */
import { GraphQLError } from 'graphql';

export function userError(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function notFound(what: string, field = 'id'): GraphQLError {
  return new GraphQLError(`No ${what} with that ${field}.`, { extensions: { code: 'NOT_FOUND', field } });
}

export function conflict(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...details } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
