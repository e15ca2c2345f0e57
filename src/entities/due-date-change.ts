import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { Node, RowRecord } from './base-record';

/** A recorded move of a milestone's due date. The baseline stays; history is never edited. */
@ObjectType({ implements: Node, description: 'A move of a milestone\'s due date, with its reason.' })
@Entity('due_date_change')
export class DueDateChange extends RowRecord {
  @Column({ type: 'integer' })
  milestoneId: number;

  @Field(() => DateScalar, { description: 'The day the move was decided (in the plan\'s time zone).' })
  @Column({ type: 'date' })
  changedOn: string;

  @Field(() => DateScalar, { description: 'The due date before the move.' })
  @Column({ type: 'date' })
  fromDate: string;

  @Field(() => DateScalar, { description: 'The due date after the move.' })
  @Column({ type: 'date' })
  toDate: string;

  @Field({ description: 'Why it moved.' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Who moved it.' })
  @Column({ type: 'varchar', length: 200, default: '' })
  author: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  @CreateDateColumn()
  createdAt: Date;
}
