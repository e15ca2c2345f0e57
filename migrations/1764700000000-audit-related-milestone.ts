/**
 * An audit entry may name a second milestone (a dependency). The entry is then shown only to
 * readers who may see both, judged when it is read, so a milestone restricted later is hidden too.
 */
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { index, integer } from './helpers';

export class AuditRelatedMilestone1764700000000 implements MigrationInterface {
  name = 'AuditRelatedMilestone1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('audit_entry', new TableColumn(integer('related_milestone_id', { isNullable: true })));
    await queryRunner.createIndex('audit_entry', index('audit_entry', ['related_milestone_id']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_entry', 'ix_audit_entry_related_milestone_id');
    await queryRunner.dropColumn('audit_entry', 'related_milestone_id');
  }
}
