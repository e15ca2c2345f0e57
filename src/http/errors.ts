/**
 * What a client of the plain-HTTP routes sees of an error: a refusal keeps its code and message
 * under the HTTP status that says what it is; anything else is a bare 500, logged here.
 */
import { Response } from 'express';
import { ErrorCode } from '../domain/refusal';
import { CairnError } from '../services/errors';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/** Sends `error` as GraphQL-shaped JSON; `what` names the route in the log line of an unexpected one. */
export function sendError(res: Response, error: unknown, what: string): void {
  if (error instanceof CairnError) {
    res.status(HTTP_STATUS[error.code]).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    return;
  }
  console.error(`${what} failed:`, error);
  res.status(500).json({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
