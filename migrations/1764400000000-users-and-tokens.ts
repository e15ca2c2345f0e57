/**
 * Users (with a role and, for editors, an agency) and their bearer tokens, stored as hashes; and
 * the milestone an audit entry concerns, so the trail obeys the same visibility as the milestone.
 */
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { createTable, foreignKey, id, index, integer, recordColumns, text, timestamps } from './helpers';

export class UsersAndTokens1764400000000 implements MigrationInterface {
  name = 'UsersAndTokens1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      'app_user',
      [id, text('name', 200), text('role', 10), integer('agency_id', { isNullable: true }), text('disabled_at', 30, { isNullable: true }), ...recordColumns(queryRunner)],
      [foreignKey('agency_id', 'agency', 'RESTRICT')],
      [index('app_user', ['agency_id'])],
    );
    await createTable(
      queryRunner,
      'api_token',
      [
        id,
        integer('user_id'),
        text('token_hash', 64, { isUnique: true }),
        text('label', 200, { default: "''" }),
        text('expires_at', 30, { isNullable: true }),
        text('revoked_at', 30, { isNullable: true }),
        ...timestamps(queryRunner, ['created_at']),
      ],
      [foreignKey('user_id', 'app_user', 'CASCADE')],
      [index('api_token', ['user_id'])],
    );
    await queryRunner.addColumn('audit_entry', new TableColumn(integer('milestone_id', { isNullable: true })));
    await queryRunner.addColumn('audit_entry', new TableColumn(integer('actor_user_id', { isNullable: true })));
    await queryRunner.createIndex('audit_entry', index('audit_entry', ['milestone_id']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_entry', 'ix_audit_entry_milestone_id');
    await queryRunner.dropColumn('audit_entry', 'actor_user_id');
    await queryRunner.dropColumn('audit_entry', 'milestone_id');
    await queryRunner.dropTable('api_token');
    await queryRunner.dropTable('app_user');
  }
}
