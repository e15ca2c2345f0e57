/** Read-only tokens: safe to put in a calendar URL, they act as a VIEWER whatever the user's role. */
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class ReadOnlyTokens1764900000000 implements MigrationInterface {
  name = 'ReadOnlyTokens1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('api_token', new TableColumn({ name: 'read_only', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('api_token', 'read_only');
  }
}
