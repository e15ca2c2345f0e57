/**
 * A milestone's assessed fields (status, progress, statusReason…): each is the property of the
 * same name of the milestone's assessment on `asOf` (PlanReader.assess). ASSESSED_FIELDS is the one
 * list of them; from it come their GraphQL fields (AssessedFieldResolver), their one resolver
 * (`resolveAssessedField`) and the batch that assesses a long list ahead (`assessedAhead`).
 *
 * Why the batch and a resolver of their own: type-graphql resolves every field that takes an
 * argument through a promise (its argument validation is async), and these fields all take `asOf`.
 * On a 10,000-milestone dashboard those promises, and graphql-js's work to wait for them, were
 * about 30% of the time. So a long list of milestones is assessed in one batch before it returns,
 * and schema.ts has these fields resolved by `resolveAssessedField` itself, which reads a finished
 * assessment without a promise; a milestone not assessed ahead waits for its assessment, with the
 * same answer.
 */
import { FieldNode, getArgumentValues, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { IsoDate } from '../domain/dates';
import { MilestoneStatus } from '../domain/enums';
import { MilestoneAssessment } from '../domain/milestone';
import { Milestone } from '../entities';
import { DateScalar } from '../entities/scalars';
import { RequestContext } from './context';
import { AS_OF } from './resolvers/rollup-fields';

interface AssessedField {
  type: () => object;
  nullable?: boolean;
  description: string;
}

/** The Milestone fields whose value is the assessment's property of the same name. */
const ASSESSED_FIELDS = {
  startDate: { type: () => DateScalar, description: 'The start date in effect on `asOf` (moves recorded later had not happened yet).' },
  dueDate: { type: () => DateScalar, description: 'The due date in effect on `asOf` (moves recorded later had not happened yet).' },
  progress: { type: () => Float, description: 'Percent complete: 100 once completed, else the latest update on or before `asOf`, else 0.' },
  expectedProgress: { type: () => Float, description: 'Where progress should be by `asOf` if work ran evenly from start to due date, rounded to two decimals.' },
  status: { type: () => MilestoneStatus, description: 'Status on `asOf` (see MilestoneStatus for the rules).' },
  statusReason: { type: () => String, description: 'One sentence explaining the status with the facts behind it.' },
  daysOverdue: { type: () => Int, description: 'Days past the due date while OVERDUE; days late when COMPLETED_LATE; else 0.' },
  daysRemaining: { type: () => Int, description: 'Days until the due date while unfinished and not overdue; else 0.' },
  slipDays: { type: () => Int, description: 'How far the due date has moved from the baseline, in days (negative if earlier).' },
  lastUpdatedOn: { type: () => DateScalar, nullable: true, description: 'Date of the latest progress update on or before `asOf`.' },
  updateStale: { type: () => Boolean, description: "True when an unfinished, started milestone has had no update for more than the plan's update cadence." },
} satisfies Partial<Record<keyof MilestoneAssessment, AssessedField>>;

type AssessedFieldName = keyof typeof ASSESSED_FIELDS;

export const ASSESSED_FIELD_NAMES = Object.keys(ASSESSED_FIELDS) as AssessedFieldName[];
const IS_ASSESSED = new Set<string>(ASSESSED_FIELD_NAMES);

/** An assessed field's resolver: from the assessment this request has finished, without a promise, else once it is assessed. */
export function resolveAssessedField(name: AssessedFieldName) {
  return (milestone: Milestone, { asOf }: { asOf?: IsoDate | null }, ctx: RequestContext) => {
    const settled = ctx.reader.settledAssessment(milestone, asOf);
    return settled ? settled[name] : ctx.reader.assess(milestone, asOf).then((assessment) => assessment[name]);
  };
}

/**
 * Declares the assessed fields to type-graphql (type, description, the `asOf` argument), one
 * method per field of ASSESSED_FIELDS; each answers through `resolveAssessedField`.
 */
@Resolver(() => Milestone)
export class AssessedFieldResolver {}

for (const name of ASSESSED_FIELD_NAMES) {
  const { type, ...options } = ASSESSED_FIELDS[name] as AssessedField;
  const resolve = resolveAssessedField(name);
  const prototype = AssessedFieldResolver.prototype;
  const method = { value: (milestone: Milestone, ctx: RequestContext, asOf?: IsoDate) => resolve(milestone, { asOf }, ctx) };
  Object.defineProperty(prototype, name, method);
  Root()(prototype, name, 0);
  Ctx()(prototype, name, 1);
  Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF })(prototype, name, 2);
  FieldResolver(type, options)(prototype, name, method);
}

/** The `asOf` of every assessed field the query selects on these milestones. */
function askedDates(selections: SelectionSetNode | undefined, info: GraphQLResolveInfo, fields: ReturnType<GraphQLObjectType['getFields']>, dates: Set<IsoDate | null | undefined>): void {
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === 'Field' && IS_ASSESSED.has(selection.name.value)) {
      dates.add(getArgumentValues(fields[selection.name.value], selection as FieldNode, info.variableValues).asOf as IsoDate | null | undefined);
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
  const dates = new Set<IsoDate | null | undefined>();
  for (const node of info.fieldNodes) askedDates(node.selectionSet, info, fields, dates);
  await Promise.all([...dates].map((date) => ctx.reader.assessAll(milestones, date)));
  return milestones;
}
