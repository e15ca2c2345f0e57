import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/** One change, written in the same transaction as the change itself. */
@ObjectType({ implements: Node, description: 'A recorded change: who, when, which entity, and the values before and after.' })
@Entity('audit_entry')
export class AuditEntry extends RowRecord {
  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  @Column({ type: 'varchar', length: 30 })
  occurredAt: string;

  /** The user's name; the GraphQL field withholds it from anonymous readers. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** The user who made it; null for the seed and other system changes. */
  @Column({ type: 'integer', nullable: true })
  actorUserId: number | null;

  @Field({ description: 'The mutation or action, e.g. "moveDueDate".' })
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Field({ description: 'The kind of entity changed, e.g. "Milestone".' })
  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'integer' })
  entityRowId: number;

  @Column({ type: 'integer', nullable: true })
  planId: number | null;

  /** The milestone the change concerns (itself, its updates, partners or dependencies), if any. */
  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  /** A second milestone the change names (a dependency); the entry is visible only with both. */
  @Column({ type: 'integer', nullable: true })
  relatedMilestoneId: number | null;

  /** JSON: { field: { before, after } }; the GraphQL `changes` field lists them. */
  @Column({ type: 'text' })
  changes: string;
}
