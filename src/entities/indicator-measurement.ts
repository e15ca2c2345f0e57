import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { DateScalar, DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/** A dated value of an indicator. Kept as history; a new measurement never overwrites one. */
@ObjectType({ implements: Node, description: 'A dated value of an indicator.' })
@Entity('indicator_measurement')
export class IndicatorMeasurement extends RowRecord {
  @Column({ type: 'integer' })
  indicatorId: number;

  @Field(() => DateScalar, { description: 'The date the value refers to.' })
  @Column({ type: 'date' })
  measuredOn: string;

  @Column({ type: 'float' })
  value: number;

  @Field({ description: 'Source or remarks.' })
  @Column({ type: 'text', default: '' })
  note: string;

  /** Shown through a field resolver: staff names reach signed-in readers only. */
  @Column({ type: 'varchar', length: 200, default: '' })
  author: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  @CreateDateColumn()
  createdAt: Date;
}
