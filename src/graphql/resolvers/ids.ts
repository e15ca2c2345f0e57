/** Finding by global ID for queries: a malformed ID is BAD_USER_INPUT, an unknown one NOT_FOUND. */
import { NodeTypeName } from '../../entities/global-id';
import { notFound } from '../../services/errors';
import { rowIdOf } from '../../services/ids';

export async function loadByGlobalId<T>(find: (rowId: number) => Promise<T | undefined>, type: NodeTypeName, id: string, field = 'id'): Promise<T> {
  const row = await find(rowIdOf(id, type, field));
  if (!row) throw notFound(type.toLowerCase(), field);
  return row;
}

/** An optional relation: null when the foreign key is null or the row is gone. */
export async function loadOptional<T>(find: (rowId: number) => Promise<T | undefined>, rowId: number | null): Promise<T | null> {
  return rowId === null ? null : ((await find(rowId)) ?? null);
}
