/** How Cairn's commands end on an error. */
import { ConfigError } from '../config';

/** A configuration error is the operator's to fix: its message alone, no stack trace. Anything else in full. */
export function exitOnError(error: unknown): never {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
