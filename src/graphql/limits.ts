/**
 * Abuse limits on operations, each measured before the work it guards, so that refusing any
 * document costs next to nothing: tokens before the document is parsed; depth, aliases, fields
 * and overlaps of every definition in it before it is validated (graphql-js compares every pair of
 * overlapping selections, so their number is its work); the estimated cost, which needs a valid
 * document and the variables, before anything runs. Each fragment is measured once however often
 * it is spread, and counts stop at a ceiling instead of overflowing. Introspection counts like any
 * other field, `__schema` and `__type` costing as many fields as they answer. Execution time is
 * checked before each resolver. Each refusal is a 400 naming the limit and the measured value.
 */
import { ApolloServerPlugin } from '@apollo/server';
import {
  __Schema,
  __Type,
  defaultFieldResolver,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLSkipDirective,
  InlineFragmentNode,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  Source,
  TokenKind,
  TypeMetaFieldDef,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { Limits } from '../config';
import { DEFAULT_PAGE_SIZE } from '../services/paging';
import { RequestContext } from './context';
import { ErrorCode } from '../domain/refusal';

/** Counts stop here rather than lose precision; a count this high is reported as "at least". */
const CEILING = Number.MAX_SAFE_INTEGER;
const plus = (a: number, b: number): number => Math.min(a + b, CEILING);
const times = (a: number, b: number): number => Math.min(a * b, CEILING);

/** `atLeast`: measuring stopped once the limit was certainly passed, so `measured` is a lower bound. */
export function limitExceeded(name: keyof Limits, max: number, measured: number, what: string, atLeast = measured >= CEILING): GraphQLError {
  return new GraphQLError(`${what} is ${atLeast ? 'at least ' : ''}${measured}, over the limit of ${max} (${name}).`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, limit: { name, max, measured }, http: { status: 400 } },
  });
}

/** Typical sizes of lists whose length is not asked for, used to estimate cost. */
export const TYPICAL_SIZE = {
  plans: 5,
  agencies: 50,
  committees: 5,
  members: 10,
  goals: 20,
  milestones: 20,
  agencyMilestones: 50,
  partners: 3,
  dependencies: 3,
  updates: 10,
  dateChanges: 4,
  dueDateChanges: 3,
  historyPoints: 12,
} as const;

/** Cost of a list field whose size is not known in advance: its items times a typical count. */
export function listCost(typicalSize: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + typicalSize * childComplexity;
}

/** Cost of a page: its items times the page size asked for. */
export const pageCost: ComplexityEstimator = ({ args, childComplexity }) => 1 + Math.max(1, Number(args.first) || DEFAULT_PAGE_SIZE) * childComplexity;

/** Tokens of a document, counted as graphql-js's parser counts them, up to `max + 1`. */
function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A syntax error: the parser reports it.
  }
  return count;
}

interface Shape {
  depth: number;
  fields: number;
  aliases: number;
}

/** Where the selections of one response key meet (`a: plans` and `a: plans` in two fragments), with what is selected below them. */
interface Meeting {
  count: number;
  below: Meetings;
}
type Meetings = Map<string, Meeting>;

function pairsIn(meetings: Meetings): number {
  let pairs = 0;
  for (const { count, below } of meetings.values()) pairs = plus(pairs, plus(times(count, count - 1) / 2, pairsIn(below)));
  return pairs;
}

/** Depth, fields, aliases and overlaps of a document's definitions; needs no schema, so it runs before validation. */
class DocumentShape {
  private readonly shapes = new Map<string, Shape>();
  private readonly meetings = new Map<string, Meetings>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  shape(selectionSet: SelectionSetNode): Shape {
    const shape: Shape = { depth: 0, fields: 0, aliases: 0 };
    const add = (inner: Shape) => {
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.fields = plus(shape.fields, inner.fields);
      shape.aliases = plus(shape.aliases, inner.aliases);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? this.shape(selection.selectionSet) : { depth: 0, fields: 0, aliases: 0 };
        add({ depth: inner.depth + 1, fields: plus(inner.fields, 1), aliases: plus(inner.aliases, selection.alias ? 1 : 0) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) add(this.shape(selection.selectionSet));
      else add(this.fragmentShape(selection));
    }
    return shape;
  }

  /** Pairs of selections that share a response key at the same place; `shape` must have bounded the fields first. */
  overlaps(selectionSet: SelectionSetNode): number {
    return pairsIn(this.meet(selectionSet, new Map()));
  }

  private fragmentShape(spread: FragmentSpreadNode): Shape {
    const name = spread.name.value;
    const known = this.shapes.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return { depth: 0, fields: 0, aliases: 0 }; // validation reports it
    this.shapes.set(name, { depth: 0, fields: 0, aliases: 0 }); // a cycle adds nothing; validation reports it
    const shape = this.shape(fragment.selectionSet);
    this.shapes.set(name, shape);
    return shape;
  }

  private meet(selectionSet: SelectionSetNode, into: Meetings): Meetings {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = (selection.alias ?? selection.name).value;
        const meeting = into.get(key) ?? { count: 0, below: new Map() };
        into.set(key, meeting);
        meeting.count++;
        if (selection.selectionSet) this.meet(selection.selectionSet, meeting.below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) this.meet(selection.selectionSet, into);
      else merge(into, this.fragmentMeetings(selection));
    }
    return into;
  }

  private fragmentMeetings(spread: FragmentSpreadNode): Meetings {
    const name = spread.name.value;
    const known = this.meetings.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return new Map();
    this.meetings.set(name, new Map());
    const meetings = this.meet(fragment.selectionSet, new Map());
    this.meetings.set(name, meetings);
    return meetings;
  }
}

function merge(into: Meetings, from: Meetings): void {
  for (const [key, { count, below }] of from) {
    const meeting = into.get(key) ?? { count: 0, below: new Map() };
    into.set(key, meeting);
    meeting.count = plus(meeting.count, count);
    merge(meeting.below, below);
  }
}

/** Refuses the first definition of the document (operations first) that passes a limit. */
function checkShape(document: DocumentNode, limits: Limits): void {
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const measure = new DocumentShape(new Map(fragments.map((d) => [d.name.value, d])));
  for (const { selectionSet } of [...operations, ...fragments]) {
    const shape = measure.shape(selectionSet);
    if (shape.depth > limits.depth) throw limitExceeded('depth', limits.depth, shape.depth, 'The query depth');
    if (shape.aliases > limits.aliases) throw limitExceeded('aliases', limits.aliases, shape.aliases, 'The number of aliases');
    if (shape.fields > limits.fields) throw limitExceeded('fields', limits.fields, shape.fields, 'The number of fields');
    const overlaps = measure.overlaps(selectionSet);
    if (overlaps > limits.overlaps) throw limitExceeded('overlaps', limits.overlaps, overlaps, 'The number of overlapping field pairs');
  }
}

/**
 * The estimated cost of a valid operation: each field 1 plus what it selects, or what its
 * `complexity` estimator says (lists and pages multiply), the costliest possible type of an
 * abstract one. Introspection fields cost what they answer, counted against the schema itself,
 * and counting stops once they alone pass the limit.
 */
class OperationCost {
  private readonly fragmentCosts = new Map<string, number>();
  /** How many introspection fields may still be counted before the limit is certainly passed. */
  private introspectionBudget: number;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly limit: number,
  ) {
    this.introspectionBudget = limit;
  }

  of(selectionSet: SelectionSetNode, type: GraphQLCompositeType): number {
    const byType = new Map<string, number>();
    const add = (on: GraphQLCompositeType, cost: number) => {
      for (const possible of isAbstractType(on) ? this.schema.getPossibleTypes(on) : [on]) byType.set(possible.name, plus(byType.get(possible.name) ?? 0, cost));
    };
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) add(type, this.field(selection, type));
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        if (isCompositeType(on)) add(on, this.of(selection.selectionSet, on));
      } else {
        const fragment = this.fragments.get(selection.name.value);
        const on = fragment && this.schema.getType(fragment.typeCondition.name.value);
        if (isCompositeType(on)) add(on, this.fragmentCost(fragment!, on));
      }
    }
    return Math.max(0, ...byType.values());
  }

  private fragmentCost(fragment: FragmentDefinitionNode, on: GraphQLCompositeType): number {
    const name = fragment.name.value;
    let cost = this.fragmentCosts.get(name);
    if (cost === undefined) {
      this.fragmentCosts.set(name, 0); // a cycle adds nothing (validation has refused cycles anyway)
      cost = this.of(fragment.selectionSet, on);
      this.fragmentCosts.set(name, cost);
    }
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType): number {
    const name = node.name.value;
    if (name === '__typename') return 1;
    if (name === '__schema') return plus(1, this.introspection(node.selectionSet!, __Schema, this.schema));
    if (name === '__type') {
      const type = this.schema.getType(getArgumentValues(TypeMetaFieldDef, node, this.variables).name as string);
      return plus(1, type ? this.introspection(node.selectionSet!, __Type, type) : 0);
    }
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!field) return 1;
    const type = getNamedType(field.type);
    const childComplexity = node.selectionSet && isCompositeType(type) ? this.of(node.selectionSet, type) : 0;
    const args = getArgumentValues(field, node, this.variables);
    const complexity: unknown = field.extensions?.complexity;
    const cost =
      typeof complexity === 'number' ? complexity + childComplexity : typeof complexity === 'function' ? (complexity as ComplexityEstimator)({ args, childComplexity, field, node, type: parent }) : 1 + childComplexity;
    if (typeof cost !== 'number' || Number.isNaN(cost)) throw new Error(`The cost estimator of ${parent.name}.${name} gave ${cost}.`);
    return Math.min(cost, CEILING);
  }

  /** What an introspection selection answers about `source` (the schema, a type, a field…): each field 1, each list item in full. */
  private introspection(selectionSet: SelectionSetNode, type: GraphQLObjectType, source: unknown): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) cost = plus(cost, this.introspection(selection.selectionSet, type, source));
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment) cost = plus(cost, this.introspection(fragment.selectionSet, type, source));
      } else {
        if (--this.introspectionBudget < 0) throw limitExceeded('cost', this.limit, this.limit + 1, 'The estimated query cost', true);
        cost = plus(cost, 1);
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        // graphql-js's own introspection resolvers, which read the schema only.
        const info = { schema: this.schema, fieldName: field.name } as GraphQLResolveInfo;
        const value: unknown = (field.resolve ?? defaultFieldResolver)(source, getArgumentValues(field, selection, this.variables), undefined, info);
        const itemType = getNamedType(field.type) as GraphQLObjectType;
        for (const item of Array.isArray(value) ? value : value == null ? [] : [value]) cost = plus(cost, this.introspection(selection.selectionSet, itemType, item));
      }
    }
    return cost;
  }

  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }
}

/** A failure to measure is a refusal: an operation is run only once its cost is known to be within the limit. */
function unmeasured(max: number): GraphQLError {
  return new GraphQLError('The estimated query cost could not be measured, so the operation was not run (cost).', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, limit: { name: 'cost', max }, http: { status: 400 } },
  });
}

/**
 * Refuses a document over the token, depth, alias, field or overlap limits. Called before Apollo
 * parses and validates it (graphql-js's validation of a hostile document can take seconds), from
 * the request's context function, whose errors Apollo answers as they are, status 400 included;
 * a document that does not parse is left to Apollo to report.
 */
export function checkDocument(source: unknown, limits: Limits): void {
  if (typeof source !== 'string') return;
  const tokens = countTokens(source, limits.tokens);
  if (tokens > limits.tokens) throw limitExceeded('tokens', limits.tokens, tokens, 'The number of tokens', true);
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return;
  }
  checkShape(document, limits);
}

/** The estimated cost, measured once the operation is valid and resolved and before it runs, for the offload plugin too. */
export function operationLimits(limits: Limits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return; // Apollo answers OPERATION_RESOLUTION_FAILURE itself
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit: execution refuses them as BAD_USER_INPUT before any resolver runs.
          if (variables.errors) return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          let cost: number;
          try {
            cost = new OperationCost(schema, fragments, variables.coerced, limits.cost).of(operation.selectionSet, schema.getRootType(operation.operation)!);
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions.limit) throw error;
            console.error(`[request ${contextValue.requestId}] Measuring the cost failed:`, error);
            throw unmeasured(limits.cost);
          }
          if (cost > limits.cost) throw limitExceeded('cost', limits.cost, cost, 'The estimated query cost');
          contextValue.estimatedCost = cost; // the offload plugin reads it to pick heavy reads
        },
      };
    },
  };
}

/** Throws once a request has run past its time; called before each resolver (see schema.ts). */
export function checkDeadline(context: RequestContext): void {
  const elapsed = Date.now() - context.startedAt;
  if (elapsed > context.limits.timeoutMs) throw limitExceeded('timeoutMs', context.limits.timeoutMs, elapsed, 'The execution time in milliseconds');
}
