/**
 * What a client sees of an error. Known errors keep their code and message; class-validator
 * failures become one readable sentence; anything unexpected becomes a bare internal error,
 * with no stack, SQL or input echoed back (unless running in development).
 */
import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function messagesOf(failures: ValidationFailure[], prefix = ''): { field: string; message: string }[] {
  return failures.flatMap((f) => {
    const field = prefix ? `${prefix}.${f.property}` : f.property;
    const own = Object.values(f.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...messagesOf(f.children ?? [], field)];
  });
}

export function formatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown>; originalError?: { extensions?: Record<string, unknown> } } | undefined;
    const validationErrors = original?.extensions?.validationErrors as ValidationFailure[] | undefined;
    if (validationErrors) {
      const problems = messagesOf(validationErrors);
      return { message: `Invalid input: ${problems.map((p) => p.message).join('; ')}.`, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields: problems } };
    }
    // A literal that a scalar refused (e.g. date: "2025-02-30") is the user's input, not a malformed query.
    const innerCode = (error as { originalError?: { extensions?: Record<string, unknown> } })?.originalError?.extensions?.code;
    const code = innerCode === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...(exposeDetails ? formatted.extensions : extensions), code } };
    }
    if (!exposeDetails) console.error('Internal error:', error);
    return exposeDetails ? formatted : { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
