import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fee ledger in the database's own words: an entry's amount, shopper and report never change, and
 * once a payout has paid it (payout_id set) it cannot be moved to another payout or marked unpaid. The
 * application already takes entries with UPDATE … WHERE payout_id IS NULL; this makes "a fee is never
 * paid twice" hold whatever code (or hand-written SQL) runs.
 */
export class FeeEntriesPaidOnce1795900000200 implements MigrationInterface {
  name = 'FeeEntriesPaidOnce1795900000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION fee_entries_paid_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.payout_id IS NOT NULL AND NEW.payout_id IS DISTINCT FROM OLD.payout_id THEN
          RAISE EXCEPTION 'fee entry % was already paid by payout %', OLD.id, OLD.payout_id;
        END IF;
        IF (NEW.amount_cents, NEW.shopper_id, NEW.visit_report_id, NEW.campaign_id, NEW.kind, NEW.at)
           IS DISTINCT FROM (OLD.amount_cents, OLD.shopper_id, OLD.visit_report_id, OLD.campaign_id, OLD.kind, OLD.at) THEN
          RAISE EXCEPTION 'fee entry % is part of the ledger and cannot be changed; add a reversal instead', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER fee_entries_paid_once BEFORE UPDATE ON fee_entries FOR EACH ROW EXECUTE FUNCTION fee_entries_paid_once()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER fee_entries_paid_once ON fee_entries`);
    await queryRunner.query(`DROP FUNCTION fee_entries_paid_once()`);
  }
}
