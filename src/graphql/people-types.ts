/** GraphQL inputs and results of the people and token mutations. */
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../domain/enums';
import { ApiToken } from '../entities/api-token';
import { MAX } from '../entities/limits';
import { DateScalar } from '../entities/scalars';
import { IssuedToken, NewToken, NewUser, UserChanges } from '../services/people-writer';

const AT_MOST_NAME = { message: `$property must be at most ${MAX.name} characters` };

const EXPIRES_ON =
  'The last day it works: it stops at the end of that day in the time zone of the newest plan (America/Los_Angeles when there is none). Today or later; none: it does not expire.';

@InputType({ description: 'A person to invite: they sign in with single sign-on using this email.' })
export class InviteUserInput implements NewUser {
  @Field({ description: 'Display name, recorded in the audit trail.' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(MAX.name, AT_MOST_NAME)
  name: string;

  @Field({ description: 'The address their identity provider knows them by; matched without regard to case, unique among users.' })
  @MaxLength(320, { message: '$property must be at most 320 characters' })
  email: string;

  @Field(() => Role, { description: 'ADMIN, EDITOR or VIEWER.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Their agency; required for an EDITOR (who edits its milestones), optional otherwise (a member sees its restricted milestones).' })
  agencyId?: string;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput implements UserChanges {
  @Field({ nullable: true, description: 'Display name.' })
  @IsOptional()
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(MAX.name, AT_MOST_NAME)
  name?: string;

  @Field(() => Role, { nullable: true, description: 'ADMIN, EDITOR or VIEWER. Refused when it would leave no active admin.' })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Their agency; null to clear it (not for an EDITOR).' })
  agencyId?: string | null;
}

@InputType({ description: 'A token an admin issues for a user.' })
export class CreateTokenInput implements NewToken {
  @Field({ description: 'What it is for, e.g. "Nightly export script".' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(MAX.name, AT_MOST_NAME)
  label: string;

  @Field(() => DateScalar, { nullable: true, description: EXPIRES_ON })
  expiresOn?: string;

  @Field({ defaultValue: false, description: 'A read-only token acts as a VIEWER of the user\'s agency whatever their role; only read-only tokens work in URLs (calendar feeds).' })
  readOnly: boolean;
}

@InputType({ description: 'A read-only token of your own, e.g. for a calendar app subscribed to a feed.' })
export class CreateMyTokenInput implements Omit<NewToken, 'readOnly'> {
  @Field({ description: 'What it is for, e.g. "Outlook calendar".' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(MAX.name, AT_MOST_NAME)
  label: string;

  @Field(() => DateScalar, { nullable: true, description: EXPIRES_ON })
  expiresOn?: string;
}

@ObjectType({ description: 'A token just created. Its text is shown here once and never again: Cairn keeps only a hash of it.' })
export class CreatedToken implements IssuedToken {
  @Field({ description: 'The token: send it as "Authorization: Bearer <token>", or, for a read-only one, as `?token=` on a calendar feed. Keep it secret.' })
  token: string;

  @Field(() => ApiToken, { description: 'The token\'s record, as token lists show it.' })
  apiToken: ApiToken;
}
