/**
 * Start dates move like due dates, with who, when, from, to and why: the due-date change table
 * becomes `date_change`, each row saying which date moved. Existing rows are due-date moves.
 */
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { index, text } from './helpers';

export class StartDateChanges1765100000000 implements MigrationInterface {
  name = 'StartDateChanges1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('due_date_change', 'ix_due_date_change_milestone_id_changed_on');
    await queryRunner.renameTable('due_date_change', 'date_change');
    await queryRunner.addColumn('date_change', new TableColumn(text('which', 10, { default: "'DUE_DATE'" })));
    await queryRunner.createIndex('date_change', index('date_change', ['milestone_id', 'changed_on']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old table can hold only due-date moves: start-date moves are dropped (the start dates themselves stay).
    await queryRunner.query("DELETE FROM date_change WHERE which = 'START_DATE'");
    await queryRunner.dropIndex('date_change', 'ix_date_change_milestone_id_changed_on');
    await queryRunner.dropColumn('date_change', 'which');
    await queryRunner.renameTable('date_change', 'due_date_change');
    await queryRunner.createIndex('due_date_change', index('due_date_change', ['milestone_id', 'changed_on']));
  }
}
