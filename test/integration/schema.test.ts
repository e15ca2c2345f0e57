import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { buildCairnSchema } from '../../src/graphql/schema';
import { schemaSdl } from '../../src/graphql/schema-sdl';

const committed = path.resolve(__dirname, '../../../schema.graphql');

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    if (isScalarType(type) && !type.description) missing.push(type.name);
  }
  return missing;
}

describe('schema.graphql', () => {
  it('is the schema the code generates (run `npm run schema` after changing the API)', async () => {
    expect(fs.readFileSync(committed, 'utf8'), 'schema.graphql is stale: run `npm run schema`').to.equal(await schemaSdl());
  });

  it('describes every type, field, argument and enum value', async () => {
    expect(undocumented(await buildCairnSchema())).to.deep.equal([]);
  });
});
