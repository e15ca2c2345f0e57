import 'reflect-metadata';
import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { AuthCheckerFn, buildSchema } from 'type-graphql';
import { hasRole } from '../domain/access';
import { Role } from '../domain/enums';
import { forbidden, unauthenticated } from '../services/errors';
import './enums';
import { RequestContext } from './context';
import { checkDeadline } from './limits';
import { ASSESSED_FIELD_NAMES, AssessedFieldResolver, resolveAssessedField } from './assessed-fields';
import { CsvImportResolver } from './csv-import';
import { DashboardResolver } from './dashboard';
import { AnnualReportResolver } from './annual-report';
import { MeetingResolver } from './meeting';
import { AgencyResolver } from './resolvers/agency-resolver';
import { AuditResolver } from './resolvers/audit-resolver';
import { CommitteeResolver } from './resolvers/committee-resolver';
import { GoalResolver } from './resolvers/goal-resolver';
import { IndicatorMeasurementResolver, IndicatorResolver } from './resolvers/indicator-resolver';
import { DateChangeResolver, DueDateChangeResolver, MilestoneResolver, ProgressUpdateResolver } from './resolvers/milestone-resolver';
import { NodeResolver } from './resolvers/node-resolver';
import { ApiTokenResolver, UserResolver, ViewerTokensResolver } from './resolvers/people-resolver';
import { PlanResolver } from './resolvers/plan-resolver';

/**
 * Roles, checked before a guarded resolver runs (agency scope is checked by the writer, which
 * has the milestone in hand). Anonymous callers are told to sign in; the wrong role is FORBIDDEN.
 */
const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  if (context.viewer.role === null) throw unauthenticated('Sign in to make changes: send "Authorization: Bearer <token>".');
  if (!hasRole(context.viewer, roles)) throw forbidden(`This needs the ${roles.join(' or ')} role; you are ${context.viewer.role}.`);
  return true;
};

/**
 * Wraps every field's resolver with two request-wide rules, as plain synchronous calls (type-graphql
 * global middlewares cost two promises per field, which dominated a 10,000-milestone dashboard):
 * - the deadline: a request that has run past its time stops between two resolvers; in a mutation
 *   only before a root field starts, because once a write has committed its result must reach the client;
 * - after each mutation the rest of the request reads fresh data instead of pre-write caches.
 */
function applyRequestRules(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const isMutation = type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = isMutation
        ? async (source, args, context: RequestContext, info) => {
            checkDeadline(context);
            const result = await resolve(source, args, context, info);
            context.afterWrite();
            return result;
          }
        : (source, args, context: RequestContext, info) => {
            if (info.operation.operation !== 'mutation') checkDeadline(context);
            return resolve(source, args, context, info);
          };
    }
  }
}

export async function buildCairnSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AnnualReportResolver, CsvImportResolver, AgencyResolver, AuditResolver, DashboardResolver, MeetingResolver, PlanResolver, CommitteeResolver, GoalResolver, IndicatorResolver, IndicatorMeasurementResolver, MilestoneResolver, AssessedFieldResolver, ProgressUpdateResolver, DateChangeResolver, DueDateChangeResolver, NodeResolver, UserResolver, ApiTokenResolver, ViewerTokensResolver],
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
  });
  rewriteBuiltSchema(schema);
  return schema;
}

/** Every change made to the schema after type-graphql has built it: what its decorators cannot say, or say only slowly. */
function rewriteBuiltSchema(schema: GraphQLSchema): void {
  // A milestone's assessed fields without type-graphql's promise per field (see assessed-fields.ts).
  const milestoneFields = (schema.getType('Milestone') as GraphQLObjectType).getFields();
  for (const name of ASSESSED_FIELD_NAMES) milestoneFields[name].resolve = resolveAssessedField(name);
  applyRequestRules(schema);
  schema.getQueryType()!.description = 'Reading plans: everything computed takes an optional `asOf` date.';
  schema.getMutationType()!.description = 'Changing plans: each change is validated, written with its audit entry in one transaction, or not at all.';
}
