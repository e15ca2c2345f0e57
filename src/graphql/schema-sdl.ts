import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildCairnSchema } from './schema';

/** The schema as committed in schema.graphql: sorted, so diffs show real changes only. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildCairnSchema()))}\n`;
}
