import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Role } from '../domain/enums';
import { BaseRecord, Node } from './base-record';
import { DateTimeScalar } from './scalars';

@ObjectType({ implements: Node, description: 'Someone who signs in, with single sign-on or a bearer token. Only admins see users.' })
@Entity('app_user')
export class User extends BaseRecord {
  @Field({ description: 'Display name, recorded in the audit trail.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Role, { description: 'ADMIN, EDITOR or VIEWER.' })
  @Column({ type: 'varchar', length: 10 })
  role: Role;

  /** The agency an editor edits for (viewers may have one too, to see its restricted milestones). */
  @Column({ type: 'integer', nullable: true })
  agencyId: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user was disabled (their tokens revoked, their sessions ended); null while they may sign in.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  disabledAt: string | null;

  /** The address the user was invited with, lower-cased; single sign-on finds the user by it. */
  @Field(() => String, { nullable: true, description: 'The address the user was invited with, lower-cased; their first single sign-on with it links them. Null for a user with tokens only.' })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** The OpenID identity linked at the first sign-in: later sign-ins must present the same one. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  oidcIssuer: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  oidcSubject: string | null;
}
