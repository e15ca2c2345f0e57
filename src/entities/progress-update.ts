import { Field, Float, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { DateScalar, DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/** A check-in on a milestone. The history is append-only: nothing overwrites an update. */
@ObjectType({ implements: Node, description: 'A progress check-in on a milestone. Updates are never overwritten; the latest on or before a date counts.' })
@Entity('progress_update')
export class ProgressUpdate extends RowRecord {
  @Column({ type: 'integer' })
  milestoneId: number;

  @Field(() => DateScalar, { description: 'The date the progress refers to.' })
  @Column({ type: 'date' })
  reportedOn: string;

  @Field(() => Float, { description: 'Percent complete, 0–100.' })
  @Column({ type: 'float' })
  percentComplete: number;

  @Field({ description: 'What happened, in the reporter\'s words.' })
  @Column({ type: 'text', default: '' })
  note: string;

  /** Shown through a field resolver: staff names reach signed-in readers only. */
  @Column({ type: 'varchar', length: 200, default: '' })
  author: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  @CreateDateColumn()
  createdAt: Date;
}
