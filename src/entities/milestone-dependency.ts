import { Entity, PrimaryColumn } from 'typeorm';

/** `milestoneId` cannot finish before `dependsOnId`; both in one plan, never in a cycle. */
@Entity('milestone_dependency')
export class MilestoneDependency {
  @PrimaryColumn({ type: 'integer' })
  milestoneId: number;

  @PrimaryColumn({ type: 'integer' })
  dependsOnId: number;
}
