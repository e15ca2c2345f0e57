import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { MilestoneDate } from '../domain/enums';
import { DateScalar, DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/** A recorded move of a milestone's start or due date. The baseline stays; history is never edited. */
@ObjectType({ implements: Node, description: 'A move of a milestone\'s start or due date, with its reason.' })
@Entity('date_change')
export class DateChange extends RowRecord {
  @Column({ type: 'integer' })
  milestoneId: number;

  @Field(() => MilestoneDate, { description: 'Which date moved.' })
  @Column({ type: 'varchar', length: 10, default: MilestoneDate.DUE_DATE })
  which: MilestoneDate;

  @Field(() => DateScalar, { description: 'The day the move was decided (in the plan\'s time zone).' })
  @Column({ type: 'date' })
  changedOn: string;

  @Field(() => DateScalar, { description: 'The date before the move.' })
  @Column({ type: 'date' })
  fromDate: string;

  @Field(() => DateScalar, { description: 'The date after the move.' })
  @Column({ type: 'date' })
  toDate: string;

  @Field({ description: 'Why it moved.' })
  @Column({ type: 'text' })
  reason: string;

  /** Shown through a field resolver: staff names reach signed-in readers only. */
  @Column({ type: 'varchar', length: 200, default: '' })
  author: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  @CreateDateColumn()
  createdAt: Date;
}

/**
 * The same record under the type name `dueDateChanges` has always returned, so existing queries
 * and fragments keep working; that list holds only due-date moves.
 */
@ObjectType({ implements: Node, description: 'A move of a milestone\'s due date, with its reason (`which` is always DUE_DATE).' })
export class DueDateChange extends DateChange {}
