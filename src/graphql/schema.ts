import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { AuthCheckerFn, buildSchema, MiddlewareFn } from 'type-graphql';
import { hasRole } from '../domain/access';
import { Role } from '../domain/enums';
import { forbidden, unauthenticated } from '../services/errors';
import './enums';
import { RequestContext } from './context';
import { executionDeadline } from './limits';
import { CsvImportResolver } from './csv-import';
import { DashboardResolver } from './dashboard';
import { AnnualReportResolver } from './annual-report';
import { MeetingResolver } from './meeting';
import { AgencyResolver } from './resolvers/agency-resolver';
import { AuditResolver } from './resolvers/audit-resolver';
import { CommitteeResolver } from './resolvers/committee-resolver';
import { GoalResolver } from './resolvers/goal-resolver';
import { IndicatorMeasurementResolver, IndicatorResolver } from './resolvers/indicator-resolver';
import { MilestoneResolver, ProgressUpdateResolver } from './resolvers/milestone-resolver';
import { NodeResolver } from './resolvers/node-resolver';
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

/** After each mutation, the rest of the request reads fresh data instead of pre-write caches. */
const freshReadsAfterMutation: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const result = await next();
  if (info.parentType.name === 'Mutation') context.afterWrite();
  return result;
};

export async function buildCairnSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AnnualReportResolver, CsvImportResolver, AgencyResolver, AuditResolver, DashboardResolver, MeetingResolver, PlanResolver, CommitteeResolver, GoalResolver, IndicatorResolver, IndicatorMeasurementResolver, MilestoneResolver, ProgressUpdateResolver, NodeResolver],
    validate: { forbidUnknownValues: false },
    globalMiddlewares: [executionDeadline, freshReadsAfterMutation],
    authChecker,
    authMode: 'error',
  });
  schema.getQueryType()!.description = 'Reading plans: everything computed takes an optional `asOf` date.';
  schema.getMutationType()!.description = 'Changing plans: each change is validated, written with its audit entry in one transaction, or not at all.';
  return schema;
}
