import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema, MiddlewareFn } from 'type-graphql';
import './enums';
import { RequestContext } from './context';
import { AgencyResolver } from './resolvers/agency-resolver';
import { CommitteeResolver } from './resolvers/committee-resolver';
import { GoalResolver } from './resolvers/goal-resolver';
import { MilestoneResolver, ProgressUpdateResolver } from './resolvers/milestone-resolver';
import { NodeResolver } from './resolvers/node-resolver';
import { PlanResolver } from './resolvers/plan-resolver';

/** After each mutation, the rest of the request reads fresh data instead of pre-write caches. */
const freshReadsAfterMutation: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const result = await next();
  if (info.parentType.name === 'Mutation') context.afterWrite();
  return result;
};

export async function buildCairnSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AgencyResolver, PlanResolver, CommitteeResolver, GoalResolver, MilestoneResolver, ProgressUpdateResolver, NodeResolver],
    validate: { forbidUnknownValues: false },
    globalMiddlewares: [freshReadsAfterMutation],
  });
  schema.getQueryType()!.description = 'Reading plans: everything computed takes an optional `asOf` date.';
  schema.getMutationType()!.description = 'Changing plans: each change is validated, written with its audit entry in one transaction, or not at all.';
  return schema;
}
