/** Indicators with targets, owned by an agency, and their dated measurements. */
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, date, foreignKey, id, index, integer, recordColumns, text, timestamps } from './helpers';

export class Indicators1764500000000 implements MigrationInterface {
  name = 'Indicators1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      'indicator',
      [
        id,
        integer('plan_id'),
        integer('goal_id', { isNullable: true }),
        integer('agency_id'),
        text('name', 200),
        text('description', null, { default: "''" }),
        text('unit', 60),
        { name: 'baseline_value', type: 'float' },
        { name: 'target_value', type: 'float' },
        date('target_date'),
        text('direction', 10),
        { name: 'sensitive', type: 'boolean', default: false },
        ...recordColumns(queryRunner),
      ],
      [foreignKey('plan_id', 'plan', 'CASCADE'), foreignKey('goal_id', 'goal', 'SET NULL'), foreignKey('agency_id', 'agency', 'RESTRICT')],
      [index('indicator', ['plan_id']), index('indicator', ['goal_id'])],
    );
    await createTable(
      queryRunner,
      'indicator_measurement',
      [
        id,
        integer('indicator_id'),
        date('measured_on'),
        { name: 'value', type: 'float' },
        text('note', null, { default: "''" }),
        text('author', 200, { default: "''" }),
        ...timestamps(queryRunner, ['created_at']),
      ],
      [foreignKey('indicator_id', 'indicator', 'CASCADE')],
      [index('indicator_measurement', ['indicator_id', 'measured_on'])],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('indicator_measurement');
    await queryRunner.dropTable('indicator');
  }
}
