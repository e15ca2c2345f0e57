import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Direction } from '../domain/indicator';
import { DateScalar } from './scalars';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A measure with a target for a plan or goal (e.g. survivors receiving services), owned by an agency.' })
@Entity('indicator')
export class Indicator extends BaseRecord {
  @Column({ type: 'integer' })
  planId: number;

  @Column({ type: 'integer', nullable: true })
  goalId: number | null;

  @Column({ type: 'integer' })
  agencyId: number;

  @Field({ description: 'Name, e.g. "Survivors referred to services".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'What is measured and how.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field({ description: 'Unit, e.g. "people" or "inspections".' })
  @Column({ type: 'varchar', length: 60 })
  unit: string;

  @Column({ type: 'float' })
  baselineValue: number;

  @Column({ type: 'float' })
  targetValue: number;

  @Field(() => DateScalar, { description: 'When the target should be reached.' })
  @Column({ type: 'date' })
  targetDate: string;

  @Field(() => Direction, { description: 'Whether the target is above (INCREASE) or below (DECREASE) the baseline.' })
  @Column({ type: 'varchar', length: 10 })
  direction: Direction;

  @Field({ description: 'Victim and survivor counts: values below the plan\'s suppression threshold are hidden outside the owning agency.' })
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;
}
