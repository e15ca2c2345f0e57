/**
 * The plan model. Written with the QueryRunner Table API so the same file runs on SQLite and
 * PostgreSQL; only the timestamp type differs between the two.
 */
import { MigrationInterface, QueryRunner, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { createTable, date, float, foreignKey, id, index, integer, recordColumns, text, timestamps } from './helpers';

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (name: string, columns: TableColumnOptions[], foreignKeys: TableForeignKey[] = [], indices: TableIndex[] = []) =>
      createTable(queryRunner, name, columns, foreignKeys, indices);

    await create('agency', [
      id,
      text('name', 200, { isUnique: true }),
      text('short_name', 20, { isUnique: true }),
      text('kind', 30),
      text('jurisdiction', 20),
      ...recordColumns(queryRunner),
    ]);

    await create(
      'plan',
      [
        id,
        text('title', 200),
        text('description', null, { default: "''" }),
        date('start_date'),
        date('end_date'),
        text('time_zone', 64, { default: "'America/Los_Angeles'" }),
        integer('fiscal_year_start_month', { default: 7 }),
        integer('staff_agency_id', { isNullable: true }),
        integer('at_risk_threshold', { default: 25 }),
        integer('update_cadence_days', { default: 61 }),
        integer('suppression_threshold', { default: 11 }),
        ...recordColumns(queryRunner),
      ],
      [foreignKey('staff_agency_id', 'agency', 'SET NULL')],
    );

    await create(
      'committee',
      [id, integer('plan_id'), text('name', 200), text('description', null, { default: "''" }), integer('chair_agency_id', { isNullable: true }), ...recordColumns(queryRunner)],
      [foreignKey('plan_id', 'plan', 'CASCADE'), foreignKey('chair_agency_id', 'agency', 'SET NULL')],
      [index('committee', ['plan_id', 'name'], true)],
    );

    await create(
      'committee_member',
      [integer('committee_id', { isPrimary: true }), integer('agency_id', { isPrimary: true })],
      [foreignKey('committee_id', 'committee', 'CASCADE'), foreignKey('agency_id', 'agency', 'CASCADE')],
      [index('committee_member', ['agency_id'])],
    );

    await create(
      'goal',
      [
        id,
        integer('plan_id'),
        integer('parent_id', { isNullable: true }),
        integer('committee_id', { isNullable: true }),
        integer('lead_agency_id', { isNullable: true }),
        text('code', 40),
        text('title', 200),
        text('description', null, { default: "''" }),
        float('weight', 1),
        integer('position', { default: 0 }),
        ...recordColumns(queryRunner),
      ],
      [
        foreignKey('plan_id', 'plan', 'CASCADE'),
        foreignKey('parent_id', 'goal', 'RESTRICT'),
        foreignKey('committee_id', 'committee', 'SET NULL'),
        foreignKey('lead_agency_id', 'agency', 'SET NULL'),
      ],
      [index('goal', ['plan_id', 'code'], true), index('goal', ['parent_id']), index('goal', ['committee_id'])],
    );

    await create(
      'milestone',
      [
        id,
        integer('plan_id'),
        integer('goal_id'),
        integer('lead_agency_id'),
        text('code', 40),
        text('title', 200),
        text('description', null, { default: "''" }),
        date('start_date'),
        date('due_date'),
        date('baseline_due_date'),
        date('completed_on', { isNullable: true }),
        date('cancelled_on', { isNullable: true }),
        text('cancel_reason', null, { isNullable: true }),
        float('weight', 1),
        text('visibility', 10, { default: "'PUBLIC'" }),
        integer('position', { default: 0 }),
        ...recordColumns(queryRunner),
      ],
      [foreignKey('plan_id', 'plan', 'CASCADE'), foreignKey('goal_id', 'goal', 'RESTRICT'), foreignKey('lead_agency_id', 'agency', 'RESTRICT')],
      [
        index('milestone', ['plan_id', 'code'], true),
        index('milestone', ['goal_id', 'position']),
        index('milestone', ['lead_agency_id']),
        index('milestone', ['plan_id', 'due_date']),
      ],
    );

    await create(
      'milestone_partner',
      [integer('milestone_id', { isPrimary: true }), integer('agency_id', { isPrimary: true }), text('role', 20)],
      [foreignKey('milestone_id', 'milestone', 'CASCADE'), foreignKey('agency_id', 'agency', 'CASCADE')],
      [index('milestone_partner', ['agency_id'])],
    );

    await create(
      'milestone_dependency',
      [integer('milestone_id', { isPrimary: true }), integer('depends_on_id', { isPrimary: true })],
      [foreignKey('milestone_id', 'milestone', 'CASCADE'), foreignKey('depends_on_id', 'milestone', 'CASCADE')],
      [index('milestone_dependency', ['depends_on_id'])],
    );

    await create(
      'progress_update',
      [
        id,
        integer('milestone_id'),
        date('reported_on'),
        { name: 'percent_complete', type: 'float' },
        text('note', null, { default: "''" }),
        text('author', 200, { default: "''" }),
        ...timestamps(queryRunner, ['created_at']),
      ],
      [foreignKey('milestone_id', 'milestone', 'CASCADE')],
      [index('progress_update', ['milestone_id', 'reported_on'])],
    );

    await create(
      'due_date_change',
      [
        id,
        integer('milestone_id'),
        date('changed_on'),
        date('from_date'),
        date('to_date'),
        text('reason', null),
        text('author', 200, { default: "''" }),
        ...timestamps(queryRunner, ['created_at']),
      ],
      [foreignKey('milestone_id', 'milestone', 'CASCADE')],
      [index('due_date_change', ['milestone_id', 'changed_on'])],
    );

    // No foreign keys: the trail must outlive what it describes.
    await create(
      'audit_entry',
      [
        id,
        text('occurred_at', 30),
        text('actor', 200),
        text('action', 60),
        text('entity_type', 40),
        integer('entity_row_id'),
        integer('plan_id', { isNullable: true }),
        text('changes', null),
      ],
      [],
      [index('audit_entry', ['entity_type', 'entity_row_id']), index('audit_entry', ['plan_id', 'occurred_at'])],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_entry', 'due_date_change', 'progress_update', 'milestone_dependency', 'milestone_partner', 'milestone', 'goal', 'committee_member', 'committee', 'plan', 'agency']) {
      await queryRunner.dropTable(table);
    }
  }
}
