/**
 * Entities built straight from raw rows, for the hot read paths. TypeORM's full hydration took
 * about a fifth of a 10,000-milestone dashboard; these entities have no relations to hydrate,
 * so a column-by-column copy gives the same objects.
 */
import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** SQLite returns "YYYY-MM-DD HH:MM:SS" (UTC) for timestamps in raw rows, PostgreSQL a Date. */
export function timestamp(value: string | Date): Date {
  if (value instanceof Date) return value;
  // Read by hand: Date's string parser was 7% of a 10,000-milestone dashboard.
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(value);
  if (!match) return new Date(value);
  const [, year, month, day, hour, minute, second, fraction = '0'] = match;
  return new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Number(fraction.padEnd(3, '0'))));
}

type Convert = (value: unknown) => unknown;

const KEEP: Convert = (value) => value;
const NUMBER: Convert = (value) => (value === null ? null : Number(value));
const TIMESTAMP: Convert = (value) => (value === null ? null : timestamp(value as string | Date));
const BOOLEAN: Convert = (value) => (value === null ? null : Boolean(value));

function converterFor(type: unknown): Convert {
  if (type === Number || type === 'integer' || type === 'float') return NUMBER;
  if (type === 'datetime' || type === 'timestamp with time zone' || type === 'timestamp') return TIMESTAMP;
  if (type === 'boolean' || type === Boolean) return BOOLEAN;
  return KEEP;
}

/** How to select one entity's columns (as `prefix` + column name) and build the entity from a raw row. */
export interface LeanColumns<T> {
  select: string[];
  build(row: Record<string, unknown>): T;
}

export function leanColumns<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, alias: string, prefix = ''): LeanColumns<T> {
  const metadata = ds.getMetadata(entity);
  const columns = metadata.columns.map((c) => ({ property: c.propertyName, key: `${prefix}${c.databaseName}`, name: c.databaseName, convert: converterFor(c.type) }));
  const target = metadata.target as new () => T;
  return {
    select: columns.map((c) => `${alias}.${c.name} AS "${c.key}"`),
    build(row) {
      const record = new target() as Record<string, unknown>;
      for (const column of columns) record[column.property] = column.convert(row[column.key]);
      return record as T;
    },
  };
}

/** Runs `query` (aliased `alias`) selecting every column, and builds one `entity` per row. */
export async function leanMany<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, query: SelectQueryBuilder<T>, alias: string): Promise<T[]> {
  const lean = leanColumns(ds, entity, alias);
  const rows: Record<string, unknown>[] = await query.select(lean.select).getRawMany();
  return rows.map((row) => lean.build(row));
}
