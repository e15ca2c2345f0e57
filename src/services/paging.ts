/** Page sizes for every connection: 1–100, 50 by default (as GitHub does). */
import { userError } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw userError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`, 'first');
  return size;
}
