/** `npm run schema`: writes schema.graphql from the code (a test fails when the file is stale). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../graphql/schema-sdl';

async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../../schema.graphql');
  fs.writeFileSync(target, await schemaSdl());
  console.log(`Wrote ${target}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
