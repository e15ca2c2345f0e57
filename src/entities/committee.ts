import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A committee of a plan, e.g. the Child Sex Trafficking committee, with a chair and member agencies.' })
@Entity('committee')
export class Committee extends BaseRecord {
  @Column({ type: 'integer' })
  planId: number;

  @Field({ description: 'Name, unique within the plan.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'What the committee works on.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'integer', nullable: true })
  chairAgencyId: number | null;
}
