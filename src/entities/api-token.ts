import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/** A bearer token. Only its SHA-256 hash is stored; the token itself is shown once, at creation. */
@ObjectType({ implements: Node, description: 'A bearer token of a user: what it is for and when it works. The token itself is shown only once, when it is created; Cairn keeps only a hash of it.' })
@Entity('api_token')
export class ApiToken extends RowRecord {
  @Column({ type: 'integer' })
  userId: number;

  /** Never a GraphQL field, never in the audit trail. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Field({ description: 'What it is for, e.g. "Outlook calendar"; may be empty for tokens made on the command line.' })
  @Column({ type: 'varchar', length: 200, default: '' })
  label: string;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  @CreateDateColumn()
  createdAt: Date;

  /** ISO instant after which the token no longer works; null for no expiry. */
  @Field(() => DateTimeScalar, { nullable: true, description: 'The instant it stops working (the end of its last day); null when it does not expire.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  expiresAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while it is not.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;

  /** Read-only tokens act as a VIEWER (keeping the user's agency); only they may travel in URLs. */
  @Field({ description: 'A read-only token acts as a VIEWER of the user\'s agency whatever the user\'s role, and is the only kind accepted in a URL (`?token=` on calendar feeds and report pages).' })
  @Column({ type: 'boolean', default: false })
  readOnly: boolean;
}
