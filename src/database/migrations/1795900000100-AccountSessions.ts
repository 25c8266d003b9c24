import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing out a user's other sessions (issue #18): a password change sets users.tokens_valid_after
 * (tokens issued before it stop working) and keeps the one session that made the change working.
 */
export class AccountSessions1795900000100 implements MigrationInterface {
  name = 'AccountSessions1795900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD kept_session_id varchar(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP kept_session_id`);
  }
}
