/**
 * The errors a client may see. Each carries a code a client can branch on and a message a plan
 * owner understands; anything else is an internal error with no details. The edges translate
 * them once each: GraphQL (src/graphql/errors.ts) to `extensions.code`, HTTP (src/http/errors.ts)
 * to a status.
 * A message names the argument or field that is wrong but never repeats a text the caller sent
 * (an id, cursor, code, name, CSV cell…): what is sent back cannot carry a caller's markup or
 * words. Values Cairn has parsed itself, dates and numbers, may be named.
 */
import { ErrorCode, Refusal } from '../domain/refusal';

/** A refusal: nothing was changed, and the caller can tell why from the code, message and field. */
export class CairnError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The argument or input field that is wrong, when one is. */
    readonly field?: string,
    /** What a client needs to recover, e.g. the version a CONFLICT found. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CairnError';
  }
}

export function userError(message: string, field?: string): CairnError {
  return new CairnError(ErrorCode.BAD_USER_INPUT, message, field);
}

export function notFound(what: string, field = 'id'): CairnError {
  return new CairnError(ErrorCode.NOT_FOUND, `No ${what} with that ${field}.`, field);
}

export function conflict(message: string, details: Record<string, unknown> = {}): CairnError {
  return new CairnError(ErrorCode.CONFLICT, message, undefined, details);
}

export function unauthenticated(message: string): CairnError {
  return new CairnError(ErrorCode.UNAUTHENTICATED, message);
}

export function forbidden(message: string): CairnError {
  return new CairnError(ErrorCode.FORBIDDEN, message);
}

/** Throws what a domain rule refused, if it refused. */
export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw new CairnError(refusal.code, refusal.message, refusal.field);
}
