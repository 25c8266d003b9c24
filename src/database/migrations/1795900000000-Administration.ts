import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everyday administration (issue #18): the audit log; optimistic-lock versions on the records an
 * administrator edits; retired touchpoints and archived clients; cancelled campaigns and per-channel
 * bonuses; account profiles, token revocation and one-time password-reset tokens; the fee ledger and
 * payout batches.
 */
export class Administration1795900000000 implements MigrationInterface {
  name = 'Administration1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action varchar(60) NOT NULL,
        entity varchar(40) NOT NULL,
        entity_id uuid NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_at ON audit_log (at)`);

    await queryRunner.query(`ALTER TABLE clients ADD version integer NOT NULL DEFAULT 1, ADD archived_at timestamptz`);
    await queryRunner.query(`ALTER TABLE touchpoints ADD version integer NOT NULL DEFAULT 1, ADD active boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE campaigns ADD version integer NOT NULL DEFAULT 1, ADD channel_bonus_cents jsonb NOT NULL DEFAULT '{}', ADD cancelled_at timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE users ADD version integer NOT NULL DEFAULT 1, ADD tokens_valid_after timestamptz,
         ADD profile jsonb NOT NULL DEFAULT '{"regions":[],"cities":[],"languages":[],"channels":[]}'`,
    );

    await queryRunner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_from date NOT NULL,
        period_to date NOT NULL,
        currency varchar(3) NOT NULL,
        total_cents bigint NOT NULL DEFAULT 0,
        shoppers integer NOT NULL DEFAULT 0,
        paid_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The ledger: +fee when a report is approved, −fee when it is reopened. An entry belongs to at most
    // one payout (payout_id is set once, by an UPDATE … WHERE payout_id IS NULL under the row lock).
    await queryRunner.query(`
      CREATE TABLE fee_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_report_id uuid NOT NULL REFERENCES visit_reports (id) ON DELETE RESTRICT,
        shopper_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE RESTRICT,
        kind varchar(10) NOT NULL CHECK (kind IN ('owed', 'reversal')),
        amount_cents integer NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        payout_id uuid REFERENCES payouts (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX fee_entries_shopper_at ON fee_entries (shopper_id, at)`);
    await queryRunner.query(`CREATE INDEX fee_entries_unpaid_at ON fee_entries (at) WHERE payout_id IS NULL`);
    await queryRunner.query(`CREATE INDEX fee_entries_report ON fee_entries (visit_report_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fee_entries`);
    await queryRunner.query(`DROP TABLE payouts`);
    await queryRunner.query(`DROP TABLE password_reset_tokens`);
    await queryRunner.query(`ALTER TABLE users DROP version, DROP tokens_valid_after, DROP profile`);
    await queryRunner.query(`ALTER TABLE campaigns DROP version, DROP channel_bonus_cents, DROP cancelled_at`);
    await queryRunner.query(`ALTER TABLE touchpoints DROP version, DROP active`);
    await queryRunner.query(`ALTER TABLE clients DROP version, DROP archived_at`);
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
