import { Entity, PrimaryColumn } from 'typeorm';

/** An agency's membership of a committee. */
@Entity('committee_member')
export class CommitteeMember {
  @PrimaryColumn({ type: 'integer' })
  committeeId: number;

  @PrimaryColumn({ type: 'integer' })
  agencyId: number;
}
