/**
 * Abuse limits on operations: depth, aliases, field count and estimated cost are measured
 * after parsing (so variables count) and before anything runs; execution time is checked
 * before each resolver. Each refusal is a 400 naming the limit and the measured value.
 */
import { ApolloServerPlugin } from '@apollo/server';
import { FieldNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Limits } from '../config';
import { DEFAULT_PAGE_SIZE } from '../services/paging';
import { RequestContext } from './context';

export function limitExceeded(name: keyof Limits, max: number, measured: number, what: string): GraphQLError {
  return new GraphQLError(`${what} is ${measured}, over the limit of ${max} (${name}).`, {
    extensions: { code: 'BAD_USER_INPUT', limit: { name, max, measured }, http: { status: 400 } },
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

interface Shape {
  depth: number;
  fields: number;
  aliases: number;
}

/** Depth, field and alias counts of an operation, with fragments expanded; the introspection subtree is free. */
function measure(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Shape {
  const shape: Shape = { depth: 0, fields: 0, aliases: 0 };
  const add = (inner: Shape, depth: number) => {
    shape.depth = Math.max(shape.depth, depth);
    shape.fields += inner.fields;
    shape.aliases += inner.aliases;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.name.value === '__schema' || field.name.value === '__type') continue;
      const inner = field.selectionSet ? measure(field.selectionSet, fragments, seen) : { depth: 0, fields: 0, aliases: 0 };
      add({ depth: 0, fields: inner.fields + 1, aliases: inner.aliases + (field.alias ? 1 : 0) }, inner.depth + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, seen);
      add(inner, inner.depth);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue; // validation reports unknown or cyclic fragments
      const inner = measure(fragment.selectionSet, fragments, new Set([...seen, name]));
      add(inner, inner.depth);
    }
  }
  return shape;
}

export function operationLimits(limits: Limits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return; // Apollo answers OPERATION_RESOLUTION_FAILURE itself
          const fragments = new Map(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const shape = measure((operation as OperationDefinitionNode).selectionSet, fragments);
          if (shape.depth > limits.depth) throw limitExceeded('depth', limits.depth, shape.depth, 'The query depth');
          if (shape.aliases > limits.aliases) throw limitExceeded('aliases', limits.aliases, shape.aliases, 'The number of aliases');
          if (shape.fields > limits.fields) throw limitExceeded('fields', limits.fields, shape.fields, 'The number of fields');
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // variables that do not fit the operation: execution reports them as BAD_USER_INPUT
          }
          contextValue.estimatedCost = cost; // the offload plugin reads it to pick heavy reads
          if (cost > limits.cost) throw limitExceeded('cost', limits.cost, cost, 'The estimated query cost');
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
