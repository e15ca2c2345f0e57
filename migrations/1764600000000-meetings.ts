/** Meetings of a plan's task force or of one of its committees. */
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, date, foreignKey, id, index, integer, recordColumns, text } from './helpers';

export class Meetings1764600000000 implements MigrationInterface {
  name = 'Meetings1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      'meeting',
      [id, integer('plan_id'), integer('committee_id', { isNullable: true }), date('date'), text('title', 200), ...recordColumns(queryRunner)],
      [foreignKey('plan_id', 'plan', 'CASCADE'), foreignKey('committee_id', 'committee', 'CASCADE')],
      [index('meeting', ['plan_id', 'date']), index('meeting', ['committee_id', 'date'])],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('meeting');
  }
}
