/** A plan's `offTrackShare`: the percent of a roll-up's milestones that must be OVERDUE for OFF_TRACK. Existing plans get 10. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanOffTrackShare1765000000000 implements MigrationInterface {
  name = 'PlanOffTrackShare1765000000000';

  // Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds a SQLite table, and
  // dropping `plan` there would cascade to every goal and milestone.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE plan ADD COLUMN off_track_share integer NOT NULL DEFAULT 10');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE plan DROP COLUMN off_track_share');
  }
}
