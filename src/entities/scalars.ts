/**
 * `Date` is a calendar date (YYYY-MM-DD) carried as a string end to end; a date that does not
 * exist (2025-02-30) is refused with BAD_USER_INPUT before any resolver runs.
 * `DateTime` (instants, for audit and update timestamps) comes from graphql-scalars.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isValidIsoDate } from '../domain/dates';
import { ErrorCode } from '../domain/refusal';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new GraphQLError('Not a valid date: use YYYY-MM-DD, a day that exists on the calendar.', {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (e.g. 2015-06-30). Not an instant: no time, no zone.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A Date must be a string of the form YYYY-MM-DD.', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    }
    return parseDate(ast.value);
  },
});

export const DateTimeScalar = DateTimeResolver;
