/**
 * Relay global IDs: opaque to clients, "Type:number" in base64url underneath, so `node(id)`
 * can find any object and clients never build IDs by hand.
 */
export type NodeTypeName = 'Agency' | 'Plan' | 'Committee' | 'Goal' | 'Milestone' | 'ProgressUpdate' | 'DateChange' | 'AuditEntry' | 'Indicator' | 'IndicatorMeasurement' | 'Meeting' | 'PublishedReport' | 'User' | 'ApiToken';

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>(['Agency', 'Plan', 'Committee', 'Goal', 'Milestone', 'ProgressUpdate', 'DateChange', 'AuditEntry', 'Indicator', 'IndicatorMeasurement', 'Meeting', 'PublishedReport', 'User', 'ApiToken']);

const MAX_ROW_ID = 2_147_483_647;

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and row id behind a global ID, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  // Row ids are 32-bit integer columns (on PostgreSQL a larger number is an error, not a miss).
  if (!match || !NODE_TYPES.has(match[1]) || Number(match[2]) > MAX_ROW_ID) return null;
  return { type: match[1] as NodeTypeName, id: Number(match[2]) };
}
