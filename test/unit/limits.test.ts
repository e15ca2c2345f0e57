/**
 * The operation limits where no real query can reach: a cost estimator that fails. Cairn's own
 * estimators cannot fail, so a small schema stands in for a future bug; the rule it checks is
 * that an operation whose cost cannot be measured is refused, not run.
 */
import { ApolloServer } from '@apollo/server';
import { expect } from 'chai';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config';
import { RequestContext } from '../../src/graphql/context';
import { operationLimits } from '../../src/graphql/limits';

describe('operation limits: a cost that cannot be measured', () => {
  it('is a refusal: 400, BAD_USER_INPUT naming the cost limit, and the resolver does not run', async () => {
    let ran = false;
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        unmeasurable: {
          type: GraphQLString,
          extensions: {
            complexity: () => {
              throw new Error('estimator bug');
            },
          },
          resolve: () => {
            ran = true;
            return 'ran';
          },
        },
        measurable: { type: GraphQLString, resolve: () => 'ok' },
      },
    });
    const apollo = new ApolloServer<RequestContext>({ schema: new GraphQLSchema({ query }), plugins: [operationLimits(DEFAULT_LIMITS)], includeStacktraceInErrorResponses: false });
    await apollo.start();
    try {
      const contextValue = { requestId: 'unit' } as RequestContext;
      const refused = await apollo.executeOperation({ query: '{ unmeasurable }' }, { contextValue });
      expect(refused.http.status).to.equal(400);
      if (refused.body.kind !== 'single') throw new Error('single result expected');
      expect(refused.body.singleResult.data).to.equal(undefined);
      expect(refused.body.singleResult.errors).to.deep.equal([
        {
          message: 'The estimated query cost could not be measured, so the operation was not run (cost).',
          extensions: { code: 'BAD_USER_INPUT', limit: { name: 'cost', max: DEFAULT_LIMITS.cost } },
        },
      ]);
      expect(ran).to.equal(false);
      const served = await apollo.executeOperation({ query: '{ measurable }' }, { contextValue });
      expect(served.body.kind === 'single' && served.body.singleResult.data).to.deep.equal({ measurable: 'ok' });
    } finally {
      await apollo.stop();
    }
  });
});
