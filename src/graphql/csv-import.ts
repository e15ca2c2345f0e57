/** `importCsv`: milestones and progress updates from a spreadsheet, checked row by row, all or nothing. */
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { Role } from '../domain/enums';
import { IMPORT_COLUMNS, ImportKind, MAX_IMPORT_ROWS } from '../services/csv-import';
import { RequestContext } from './context';

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What a CSV file holds.',
  valuesConfig: {
    MILESTONES: { description: `Milestones by code: new codes are created (admins), known ones updated. Columns: ${[...IMPORT_COLUMNS.MILESTONES.required, ...IMPORT_COLUMNS.MILESTONES.optional].join(', ')}.` },
    PROGRESS_UPDATES: { description: `Progress updates. Columns: ${[...IMPORT_COLUMNS.PROGRESS_UPDATES.required, ...IMPORT_COLUMNS.PROGRESS_UPDATES.optional].join(', ')}.` },
  },
});

@ObjectType({ description: 'A problem with one cell (or row) of an imported file.' })
export class ImportProblemInfo {
  @Field(() => Int, { description: 'Spreadsheet row number; the header is row 1.' }) row: number;
  @Field(() => String, { nullable: true, description: 'The column, when the problem is in one.' }) column: string | null;
  @Field({ description: 'What is wrong, in words a plan owner understands.' }) message: string;
}

@ObjectType({ description: 'The outcome of an import or of its dry run.' })
export class ImportResultInfo {
  @Field({ description: 'True when the rows were written. A dry run, or any problem, writes nothing.' }) applied: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) rows: number;
  @Field(() => Int, { description: 'Rows that create something (or would).' }) created: number;
  @Field(() => Int, { description: 'Rows that update something (or would).' }) updated: number;
  @Field(() => [ImportProblemInfo], { description: 'Every problem found, by row and column.' }) problems: ImportProblemInfo[];
}

@Resolver()
export class CsvImportResolver {
  @Mutation(() => ImportResultInfo, { description: `Imports a CSV file (at most ${MAX_IMPORT_ROWS} rows) into a plan. Without \`apply\` it is a dry run that reports every problem and writes nothing; with it, all rows are written or none.` })
  @Authorized(Role.ADMIN, Role.EDITOR)
  importCsv(
    @Arg('planId', () => ID, { description: 'The plan.' }) planId: string,
    @Arg('kind', () => ImportKind, { description: 'What the file holds.' }) kind: ImportKind,
    @Arg('csv', { description: 'The file\'s text, with a header row.' }) csv: string,
    @Ctx() ctx: RequestContext,
    @Arg('apply', { defaultValue: false, description: 'Write the rows (false: dry run).' }) apply: boolean,
  ): Promise<ImportResultInfo> {
    return ctx.services.importer.import(planId, kind, csv, apply, ctx.viewer);
  }
}
