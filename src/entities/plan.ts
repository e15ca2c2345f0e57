import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DateScalar } from './scalars';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A strategic plan: goals and milestones with timelines, carried out by agencies.' })
@Entity('plan')
export class Plan extends BaseRecord {
  @Field({ description: 'Title, e.g. "Strategic Plan FY2014–FY2017".' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'What the plan is for.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => DateScalar, { description: 'First day of the plan.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Last day of the plan.' })
  @Column({ type: 'date' })
  endDate: string;

  @Field({ description: 'IANA time zone in which "today" is reckoned, e.g. America/Los_Angeles.' })
  @Column({ type: 'varchar', length: 64, default: 'America/Los_Angeles' })
  timeZone: string;

  @Field(() => Int, { description: 'Month (1–12) in which the reporting year starts; 7 for San Francisco, 1 for calendar years.' })
  @Column({ type: 'integer', default: 7 })
  fiscalYearStartMonth: number;

  /** Row id of the agency that staffs the plan. */
  @Column({ type: 'integer', nullable: true })
  staffAgencyId: number | null;

  @Field(() => Int, { description: 'A milestone is AT_RISK when expected progress exceeds reported progress by at least this many percentage points.' })
  @Column({ type: 'integer', default: 25 })
  atRiskThreshold: number;

  @Field(() => Int, { description: 'Days without a progress update after which an unfinished, started milestone is stale.' })
  @Column({ type: 'integer', default: 61 })
  updateCadenceDays: number;

  @Field(() => Int, { description: 'A roll-up is OFF_TRACK when at least this percent (1–100) of its milestones that are not cancelled are OVERDUE (and at least one is); with fewer, it is AT_RISK.' })
  @Column({ type: 'integer', default: 10 })
  offTrackShare: number;

  @Field(() => Int, { description: 'Sensitive indicator values below this are suppressed for readers outside the owning agency.' })
  @Column({ type: 'integer', default: 11 })
  suppressionThreshold: number;
}
