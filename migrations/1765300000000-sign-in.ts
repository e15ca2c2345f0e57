/**
 * Single sign-on: users are invited by email and linked to one OpenID identity (issuer and
 * subject) at their first sign-in; browser sessions and pending sign-ins live in the database,
 * so they survive restarts and work across processes. Session and sign-in keys are stored only as
 * SHA-256 hashes of the random values the browser holds.
 */
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { createTable, foreignKey, index, integer, text } from './helpers';

const INSTANT = 30;

export class SignIn1765300000000 implements MigrationInterface {
  name = 'SignIn1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('app_user', [
      new TableColumn(text('email', 320, { isNullable: true })),
      new TableColumn(text('oidc_issuer', 500, { isNullable: true })),
      new TableColumn(text('oidc_subject', 255, { isNullable: true })),
    ]);
    // Emails are stored lower-cased, so a plain unique index is a case-insensitive one.
    await queryRunner.createIndex('app_user', index('app_user', ['email'], true));
    await queryRunner.createIndex('app_user', index('app_user', ['oidc_issuer', 'oidc_subject'], true));
    await createTable(
      queryRunner,
      'session',
      [
        text('id_hash', 64, { isPrimary: true }),
        integer('user_id'),
        text('created_at', INSTANT),
        text('last_seen_at', INSTANT),
        text('expires_at', INSTANT),
      ],
      [foreignKey('user_id', 'app_user', 'CASCADE')],
      [index('session', ['user_id'])],
    );
    await createTable(queryRunner, 'sign_in_attempt', [
      text('state_hash', 64, { isPrimary: true }),
      text('code_verifier', 128),
      text('nonce', 128),
      text('expires_at', INSTANT),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_attempt');
    await queryRunner.dropTable('session');
    await queryRunner.dropIndex('app_user', 'uq_app_user_oidc_issuer_oidc_subject');
    await queryRunner.dropIndex('app_user', 'uq_app_user_email');
    await queryRunner.dropColumns('app_user', ['oidc_subject', 'oidc_issuer', 'email']);
  }
}
