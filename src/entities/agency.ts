import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { AgencyKind, Jurisdiction } from '../domain/enums';
import { BaseRecord, Node } from './base-record';

@ObjectType({ implements: Node, description: 'A public agency or community organisation that leads or supports work in a plan.' })
@Entity('agency')
export class Agency extends BaseRecord {
  @Field({ description: 'Full name, e.g. "San Francisco Police Department".' })
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Field({ description: 'Short name used in lists and explanations, e.g. "SFPD".' })
  @Column({ type: 'varchar', length: 20, unique: true })
  shortName: string;

  @Field(() => AgencyKind, { description: 'What kind of body it is.' })
  @Column({ type: 'varchar', length: 30 })
  kind: AgencyKind;

  @Field(() => Jurisdiction, { description: 'The level of government it belongs to, or NONPROFIT.' })
  @Column({ type: 'varchar', length: 20 })
  jurisdiction: Jurisdiction;
}
