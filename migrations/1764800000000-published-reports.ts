/** Published (frozen) editions of annual reports. */
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, foreignKey, id, index, integer, text, timestamps } from './helpers';

export class PublishedReports1764800000000 implements MigrationInterface {
  name = 'PublishedReports1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      'published_report',
      [id, integer('plan_id'), integer('year'), integer('edition'), ...timestamps(queryRunner, ['published_at']), text('published_by', 200), text('markdown', null), text('html', null), text('figures', null)],
      [foreignKey('plan_id', 'plan', 'CASCADE')],
      [index('published_report', ['plan_id', 'year', 'edition'], true)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('published_report');
  }
}
