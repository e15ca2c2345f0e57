/**
 * A milestone's assessed fields (status, progress, statusReason…) answered without a promise each.
 *
 * type-graphql resolves every field that takes an argument through a promise (its argument
 * validation is async), and these fields all take `asOf`. On a 10,000-milestone dashboard those
 * promises, and graphql-js's work to wait for them, were about 30% of the time. So a long list
 * of milestones is assessed in one batch before it returns (`assessedAhead`), and then each of
 * these fields reads the finished assessment directly; a milestone not assessed ahead goes
 * through its resolver in MilestoneResolver as usual, with the same answer.
 */
import { FieldNode, getArgumentValues, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, SelectionSetNode } from 'graphql';
import { MilestoneAssessment } from '../domain/milestone';
import { Milestone } from '../entities';
import { RequestContext } from './context';

/** Milestone fields whose value is the assessment's property of the same name. */
const ASSESSED_FIELDS: readonly (keyof MilestoneAssessment)[] = [
  'startDate',
  'dueDate',
  'progress',
  'expectedProgress',
  'status',
  'statusReason',
  'daysOverdue',
  'daysRemaining',
  'slipDays',
  'lastUpdatedOn',
  'updateStale',
];
const IS_ASSESSED = new Set<string>(ASSESSED_FIELDS);

export function answerAssessedFieldsDirectly(schema: GraphQLSchema): void {
  const fields = (schema.getType('Milestone') as GraphQLObjectType).getFields();
  for (const name of ASSESSED_FIELDS) {
    const field = fields[name];
    const resolve = field.resolve!;
    field.resolve = (milestone: Milestone, args, ctx: RequestContext, info) => {
      const assessment = ctx.reader.settledAssessment(milestone, args.asOf);
      return assessment ? assessment[name] : resolve(milestone, args, ctx, info);
    };
  }
}

/** The `asOf` of every assessed field the query selects on these milestones (null: today). */
function askedDates(selections: SelectionSetNode | undefined, info: GraphQLResolveInfo, fields: ReturnType<GraphQLObjectType['getFields']>, dates: Set<string | null>): void {
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === 'Field' && IS_ASSESSED.has(selection.name.value)) {
      dates.add((getArgumentValues(fields[selection.name.value], selection as FieldNode, info.variableValues).asOf as string | undefined) ?? null);
    } else if (selection.kind === 'InlineFragment') {
      askedDates(selection.selectionSet, info, fields, dates);
    } else if (selection.kind === 'FragmentSpread') {
      askedDates(info.fragments[selection.name.value]?.selectionSet, info, fields, dates);
    }
  }
}

/** Returns `milestones` once they are assessed on every date the query asks about (none if it asks for no assessed field). */
export async function assessedAhead(milestones: Milestone[], ctx: RequestContext, info: GraphQLResolveInfo): Promise<Milestone[]> {
  const fields = (info.schema.getType('Milestone') as GraphQLObjectType).getFields();
  const dates = new Set<string | null>();
  for (const node of info.fieldNodes) askedDates(node.selectionSet, info, fields, dates);
  await Promise.all([...dates].map((date) => ctx.reader.assessAll(milestones, date)));
  return milestones;
}
