/**
 * Why Cairn refuses a request, as plain values: a code a client can branch on, a message a plan
 * owner understands and, when one is to blame, the argument or input field. A rule that can
 * refuse returns a Refusal or null; the service that applies it throws it (services/errors.ts).
 */

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
}

export interface Refusal {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** The input is wrong: asked again as it is, it would be refused again. */
export function badInput(message: string, field: string): Refusal {
  return { code: ErrorCode.BAD_USER_INPUT, message, field };
}

/** The input is fine, but the thing is not in a state that allows it (e.g. completing a completed milestone). */
export function stateConflict(message: string): Refusal {
  return { code: ErrorCode.CONFLICT, message };
}
