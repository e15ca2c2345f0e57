import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Visibility } from '../domain/enums';
import { DateScalar } from './scalars';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A dated deliverable of a goal, owned by a lead agency. Status and progress are computed from its timeline and updates.' })
@Entity('milestone')
export class Milestone extends BaseRecord {
  /** Denormalised from the goal: codes are unique per plan and most queries filter by plan. */
  @Column({ type: 'integer' })
  planId: number;

  @Column({ type: 'integer' })
  goalId: number;

  @Column({ type: 'integer' })
  leadAgencyId: number;

  @Field({ description: 'Short code, unique in the plan, e.g. "G2.M3".' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'Title.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'What will be delivered.' })
  @Column({ type: 'text', default: '' })
  description: string;

  /** The current start and due dates; the GraphQL fields (with `asOf`) are resolved from the change history. */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Field(() => DateScalar, { description: 'The due date as first set. It never changes; `slipDays` measures the distance.' })
  @Column({ type: 'date' })
  baselineDueDate: string;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'date', nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when it was.' })
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Field(() => Float, { description: 'Weight in its goal\'s progress (> 0, default 1).' })
  @Column({ type: 'float', default: 1 })
  weight: number;

  @Field(() => Visibility, { description: 'PUBLIC, or PARTNERS: seen only by its lead and partner agencies and admins.' })
  @Column({ type: 'varchar', length: 10, default: Visibility.PUBLIC })
  visibility: Visibility;

  @Field(() => Int, { description: 'Sort position within its goal.' })
  @Column({ type: 'integer', default: 0 })
  position: number;
}
