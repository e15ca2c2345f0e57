/**
 * What a client sees of an error. Cairn's refusals (CairnError) become GraphQL errors here and
 * nowhere else; other known errors keep their code and message; class-validator failures become
 * one readable sentence; anything unexpected becomes a bare internal error carrying the request
 * id under which it was logged. Outside development, messages never echo the caller's input back
 * and carry no "did you mean" hints about the schema.
 */
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../domain/refusal';
import { CairnError } from '../services/errors';
import { RequestContext } from './context';

/** Cairn's own refusals, and the request errors of graphql-js and Apollo: the client's to fix. */
const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

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

/** A refusal as GraphQL shows it: `extensions` { code, field, ...details }. */
function extensionsOf(error: CairnError): Record<string, unknown> {
  return { code: error.code, ...(error.field ? { field: error.field } : {}), ...error.details };
}

/** Under GraphQL a refusal is answered with HTTP 200, except a missing or refused sign-in: 401. */
function httpStatusOf(error: CairnError): number | undefined {
  return error.code === ErrorCode.UNAUTHENTICATED ? 401 : undefined;
}

/**
 * For errors Apollo meets outside execution (building the request context), where only a
 * GraphQLError keeps its code and status; anything else passes through unchanged. Such a request
 * is refused whole (no data), so its status says so: 401, 403 for a cross-site write, else 400.
 */
export function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof CairnError)) return error;
  const status = httpStatusOf(error) ?? (error.code === ErrorCode.FORBIDDEN ? 403 : 400);
  return new GraphQLError(error.message, { originalError: error, extensions: { ...extensionsOf(error), http: { status } } });
}

/**
 * The error's own code; Apollo marks some request errors (persisted queries) only with a 4xx HTTP
 * status, and those are the client's too.
 */
function codeOf(error: unknown): string | undefined {
  if (error instanceof CairnError) return error.code;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: number } } } | undefined)?.extensions;
  if (typeof extensions?.code === 'string') return extensions.code;
  const status = Number(extensions?.http?.status);
  return status >= 400 && status < 500 ? 'BAD_REQUEST' : undefined;
}

/**
 * graphql-js messages quote the offending input; keep what was wrong, drop the value itself.
 * Names from the document (fields, arguments, types) stay: the grammar lets them be names only.
 * The keys of a variable's object and the operationName are any text, so they go.
 */
export function withoutEchoedInput(message: string): string {
  return message
    .replace(/ Did you mean [^?]*\?/g, '')
    .replace(/Field "(?![_A-Za-z]\w*" is not defined by type "\w+"\.$)[\s\S]*" is not defined by type "(\w+)"\./, 'A field not defined by type "$1" was given.')
    .replace(/^Unknown operation named "[\s\S]*"\.$/, 'Unknown operation: operationName names no operation of the document.')
    .replace(/got invalid value [\s\S]*?((?: at "[^"]*")?; )/, 'got an invalid value$1')
    .replace(/, found [\s\S]*?([;.]\s|$)/, ', found an invalid value$1')
    .replace(/(cannot represent[^:]*): [\s\S]*$/, '$1.')
    .replace(/Value "[\s\S]*?" does not exist in "(\w+)" enum\./, 'The value does not exist in the "$1" enum.')
    .replace(/^(Syntax Error: [\s\S]*?found )"[\s\S]*$/, '$1an unexpected token.')
    .replace(/^(Syntax Error: Unexpected )(Name|String|Int|Float|BlockString) "[\s\S]*$/, '$1$2.');
}

export function formatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown>; originalError?: { extensions?: Record<string, unknown> } } | undefined;
    if (original instanceof CairnError) formatted = { ...formatted, extensions: { ...extensionsOf(original), ...formatted.extensions, code: original.code } };
    const validationErrors = original?.extensions?.validationErrors as ValidationFailure[] | undefined;
    if (validationErrors) {
      const problems = messagesOf(validationErrors);
      return { message: `Invalid input: ${problems.map((p) => p.message).join('; ')}.`, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: problems } };
    }
    // A literal that a scalar refused (e.g. date: "2025-02-30") is the user's input, not a malformed query.
    const innerCode = (error as { originalError?: { extensions?: Record<string, unknown> } })?.originalError?.extensions?.code;
    const code = innerCode === ErrorCode.BAD_USER_INPUT ? ErrorCode.BAD_USER_INPUT : (codeOf(error) ?? String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    if (CLIENT_CODES.has(code)) {
      if (exposeDetails) return { ...formatted, extensions: { ...formatted.extensions, code } };
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: withoutEchoedInput(formatted.message), extensions: { ...extensions, code } };
    }
    // Logged with the request id by the errorHandling plugin; the client gets only that id.
    return exposeDetails ? formatted : { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * Gives a refusal met in a resolver its HTTP status (set before Apollo formats the errors); logs
 * unexpected errors server-side under the request id, and hands that id to the client so a
 * report can be matched with the log line.
 */
export const errorHandling: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors, response }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          const status = original instanceof CairnError ? httpStatusOf(original) : undefined;
          if (status) response.http.status = status;
          const code = codeOf(error) ?? codeOf(original);
          if (!code || !CLIENT_CODES.has(code)) console.error(`[request ${contextValue?.requestId ?? '-'}] Internal error:`, original);
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).requestId = contextValue?.requestId;
        }
      },
    };
  },
};
