import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateTimeScalar } from './scalars';
import { NodeTypeName, toGlobalId } from './global-id';

/** Relay's Node: anything with a global ID can be fetched again with `node(id)`. */
@InterfaceType({ description: 'An object with a global ID, which `node(id)` fetches again.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID, stable across requests.' })
  id: string;
}

/** A table row that clients address by global ID. */
@ObjectType({ description: 'Common columns of records; never exposed on its own.' })
export abstract class RowRecord {
  /** The database row id; clients see the global ID instead. */
  @PrimaryGeneratedColumn({ name: 'id' })
  rowId: number;

  /** The global ID (Relay `Node.id`); the class name is the GraphQL type name. */
  get id(): string {
    return toGlobalId(this.constructor.name as NodeTypeName, this.rowId);
  }
}

/** Columns every editable record has besides its row id: an optimistic-locking version and timestamps. */
@ObjectType({ description: 'Common columns of editable records; never exposed on its own.' })
export abstract class BaseRecord extends RowRecord {
  @Field(() => Int, { description: 'Incremented on every change; pass it back as `expectedVersion` to update safely.' })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  @UpdateDateColumn()
  updatedAt: Date;
}
