/** The IDs callers send: global IDs (entities/global-id.ts), decoded to row ids or refused. */
import { fromGlobalId, NodeTypeName } from '../entities/global-id';
import { userError } from './errors';

/** Decodes a global ID of the expected type; anything else is the caller's mistake. */
export function rowIdOf(globalId: string, type: NodeTypeName, field = 'id'): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw userError(`${field} is not a ${type} ID.`, field);
  return decoded.id;
}
