/** Loading by global ID for queries: a malformed ID is BAD_USER_INPUT, an unknown one NOT_FOUND. */
import DataLoader from 'dataloader';
import { NodeTypeName } from '../../entities/global-id';
import { notFound } from '../../services/errors';
import { rowIdOf } from '../../services/ids';

export async function loadByGlobalId<T>(loader: DataLoader<number, T | undefined>, type: NodeTypeName, id: string, field = 'id'): Promise<T> {
  const row = await loader.load(rowIdOf(id, type, field));
  if (!row) throw notFound(type.toLowerCase(), field);
  return row;
}

/** An optional relation: null when the foreign key is null or the row is gone. */
export async function loadOptional<T>(loader: DataLoader<number, T | undefined>, rowId: number | null): Promise<T | null> {
  return rowId === null ? null : ((await loader.load(rowId)) ?? null);
}
