/**
 * People and tokens: admins list, invite, change, disable and enable users and issue and revoke
 * anyone's tokens; every signed-in user lists their own tokens and makes and revokes read-only
 * ones (for calendar feeds). Token texts appear once, in `CreatedToken`, and nowhere else.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isTokenActive } from '../../domain/people';
import { Role } from '../../domain/enums';
import { Agency, ApiToken, User } from '../../entities';
import { RequestContext } from '../context';
import { listCost } from '../limits';
import { CreatedToken, CreateMyTokenInput, CreateTokenInput, InviteUserInput, UpdateUserInput } from '../people-types';
import { ViewerInfo } from '../types';
import { loadOptional } from './ids';

/** A task force has tens of people, each with a few tokens. */
const TYPICAL_USERS = 50;
const TYPICAL_TOKENS = 5;

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { complexity: listCost(TYPICAL_USERS), description: 'Every user, by name, with their tokens (never the tokens themselves). Admins only.' })
  @Authorized(Role.ADMIN)
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.reader.people.users();
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the user belongs to, if any.' })
  agency(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return loadOptional((rowId) => ctx.reader.agency(rowId), user.agencyId);
  }

  @FieldResolver(() => Boolean, { description: 'True when the user is disabled: they cannot sign in, and their tokens were revoked.' })
  disabled(@Root() user: User): boolean {
    return user.disabledAt !== null;
  }

  @FieldResolver(() => Boolean, { description: 'True once the user has signed in with single sign-on, which linked their identity at the provider; later sign-ins must come from that identity.' })
  linkedToSingleSignOn(@Root() user: User): boolean {
    return user.oidcSubject !== null;
  }

  @FieldResolver(() => [ApiToken], { complexity: listCost(TYPICAL_TOKENS), description: 'Their tokens, newest first, revoked and expired ones included.' })
  tokens(@Root() user: User, @Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return ctx.reader.people.tokensOf(user.rowId);
  }

  @Mutation(() => User, { description: 'Invites a person: they sign in with single sign-on using the email given here (the first sign-in links their identity). Admins only.' })
  @Authorized(Role.ADMIN)
  inviteUser(@Arg('input', () => InviteUserInput, { description: 'The person.' }) input: InviteUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.people.inviteUser(input, ctx.viewer);
  }

  @Mutation(() => User, { description: 'Changes a user\'s name, role or agency; takes effect on their next request. Refused when it would leave no active admin. Admins only.' })
  @Authorized(Role.ADMIN)
  updateUser(
    @Arg('id', () => ID, { description: 'The user.' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'The changes.' }) input: UpdateUserInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<User> {
    return ctx.services.people.updateUser(id, input, expectedVersion, ctx.viewer);
  }

  @Mutation(() => User, { description: 'Disables a user: they can no longer sign in, their tokens are revoked and their browser sessions end. Refused when it would leave no active admin. Admins only.' })
  @Authorized(Role.ADMIN)
  disableUser(@Arg('id', () => ID, { description: 'The user.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.people.disableUser(id, ctx.viewer);
  }

  @Mutation(() => User, { description: 'Lets a disabled user sign in again. Their old tokens stay revoked. Admins only.' })
  @Authorized(Role.ADMIN)
  enableUser(@Arg('id', () => ID, { description: 'The user.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.people.enableUser(id, ctx.viewer);
  }

  @Mutation(() => CreatedToken, { description: 'Issues a token for a user and returns it, the only time it is shown. Admins only.' })
  @Authorized(Role.ADMIN)
  createToken(
    @Arg('userId', () => ID, { description: 'The user it acts for.' }) userId: string,
    @Arg('input', () => CreateTokenInput, { description: 'The token.' }) input: CreateTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedToken> {
    return ctx.services.people.createToken(userId, input, ctx.viewer);
  }

  @Mutation(() => ApiToken, { description: 'Revokes any user\'s token: it stops working at once. Admins only.' })
  @Authorized(Role.ADMIN)
  revokeToken(@Arg('id', () => ID, { description: 'The token.' }) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return ctx.services.people.revokeToken(id, ctx.viewer);
  }

  @Mutation(() => CreatedToken, { description: 'Makes a read-only token of your own, e.g. for a calendar app, and returns it, the only time it is shown. Not with a read-only token.' })
  @Authorized()
  createMyToken(@Arg('input', () => CreateMyTokenInput, { description: 'The token.' }) input: CreateMyTokenInput, @Ctx() ctx: RequestContext): Promise<CreatedToken> {
    return ctx.services.people.createMyToken(input, ctx.viewer);
  }

  @Mutation(() => ApiToken, { description: 'Revokes one of your own tokens: it stops working at once. Not with a read-only token.' })
  @Authorized()
  revokeMyToken(@Arg('id', () => ID, { description: 'The token; NOT_FOUND unless it is yours.' }) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return ctx.services.people.revokeMyToken(id, ctx.viewer);
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => Boolean, { description: 'True while it works: neither revoked nor past its expiry.' })
  active(@Root() token: ApiToken, @Ctx() ctx: RequestContext): boolean {
    return isTokenActive(token, ctx.services.clock.now());
  }
}

@Resolver(() => ViewerInfo)
export class ViewerTokensResolver {
  @FieldResolver(() => [ApiToken], { complexity: listCost(TYPICAL_TOKENS), description: 'Your own tokens, newest first, revoked and expired ones included (never the tokens themselves); none when anonymous.' })
  tokens(@Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return ctx.reader.people.ownTokens();
  }
}
