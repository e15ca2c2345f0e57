import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PartnerRole } from '../domain/enums';

/** An agency that supports or is consulted on a milestone it does not lead. */
@Entity('milestone_partner')
export class MilestonePartner {
  @PrimaryColumn({ type: 'integer' })
  milestoneId: number;

  @PrimaryColumn({ type: 'integer' })
  agencyId: number;

  @Column({ type: 'varchar', length: 20 })
  role: PartnerRole;
}
