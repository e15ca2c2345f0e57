import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DateScalar } from './scalars';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A meeting of the whole task force (no committee) or of one committee.' })
@Entity('meeting')
export class Meeting extends BaseRecord {
  @Column({ type: 'integer' })
  planId: number;

  /** Null for a meeting of the whole task force. */
  @Column({ type: 'integer', nullable: true })
  committeeId: number | null;

  @Field(() => DateScalar, { description: 'The day it meets.' })
  @Column({ type: 'date' })
  date: string;

  @Field({ description: 'Title, e.g. "Task force meeting, January 2027".' })
  @Column({ type: 'varchar', length: 200 })
  title: string;
}
