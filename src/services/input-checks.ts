/**
 * What every write does to its input before anything else: trims it, drops or refuses nulls, and
 * checks the plain shapes (text not blank, weight, time zone, reason) that no row is needed for.
 */
import { isValidTimeZone } from '../domain/dates';
import { MAX } from '../entities/limits';
import { userError } from './errors';

/** Surrounding spaces are never meant: "G4.M4 " and "G4.M4" are one code. */
function trimmed<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value])) as T;
}

/** A create input, trimmed, with explicit nulls dropped: a null optional field gets its default, as if left out. */
export function createInput<T extends object>(input: T): T {
  return trimmed(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as T);
}

/** An update input, trimmed; it may set to null only the links that can be cleared. */
export function updateInput<T extends object>(input: T, clearable: string[] = []): T {
  for (const [key, value] of Object.entries(input)) {
    if (value === null && !clearable.includes(key)) throw userError(`${key} cannot be null: leave it out to keep the current value.`, key);
  }
  return trimmed(input);
}

export function requireText(value: string | undefined, field: string): void {
  if (value !== undefined && value.trim() === '') throw userError(`${field} must not be blank.`, field);
}

export function requireWeight(weight: number | undefined): void {
  if (weight !== undefined && !(Number.isFinite(weight) && weight > 0 && weight <= 1000)) throw userError(`weight must be greater than 0 and at most 1000, got ${weight}.`, 'weight');
}

export function requireTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw userError('timeZone is not an IANA time zone (e.g. America/Los_Angeles).', 'timeZone');
}

/** Why a date moved or a milestone was cancelled. */
export function requireReason(reason: string): void {
  if (reason.trim() === '') throw userError('A reason is required.', 'reason');
  if (reason.length > MAX.reason) throw userError(`The reason must be at most ${MAX.reason} characters.`, 'reason');
}
