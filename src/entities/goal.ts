import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A goal of a plan. Goals nest (goal → objective → …) and hold milestones.' })
@Entity('goal')
export class Goal extends BaseRecord {
  @Column({ type: 'integer' })
  planId: number;

  /** Row id of the parent goal; null for a top-level goal. */
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @Column({ type: 'integer', nullable: true })
  committeeId: number | null;

  @Column({ type: 'integer', nullable: true })
  leadAgencyId: number | null;

  @Field({ description: 'Short code, unique in the plan, e.g. "G2" or "G2.1".' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'Title.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'What the goal means to achieve.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => Float, { description: 'Weight in the parent roll-up (> 0, default 1).' })
  @Column({ type: 'float', default: 1 })
  weight: number;

  @Field(() => Int, { description: 'Sort position among its siblings.' })
  @Column({ type: 'integer', default: 0 })
  position: number;
}
