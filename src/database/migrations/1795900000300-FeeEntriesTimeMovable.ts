import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger trigger of 1795900000200 also froze an entry's time, but moving whole waves in time is
 * legitimate (the demo back-dates its first wave, entries included): only what is owed, to whom, for
 * what, and which payout paid it stay fixed.
 */
export class FeeEntriesTimeMovable1795900000300 implements MigrationInterface {
  name = 'FeeEntriesTimeMovable1795900000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(fn(false));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(fn(true));
  }
}

function fn(withTime: boolean): string {
  const time = withTime ? ', NEW.at' : '';
  const oldTime = withTime ? ', OLD.at' : '';
  return `
    CREATE OR REPLACE FUNCTION fee_entries_paid_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.payout_id IS NOT NULL AND NEW.payout_id IS DISTINCT FROM OLD.payout_id THEN
        RAISE EXCEPTION 'fee entry % was already paid by payout %', OLD.id, OLD.payout_id;
      END IF;
      IF (NEW.amount_cents, NEW.shopper_id, NEW.visit_report_id, NEW.campaign_id, NEW.kind${time})
         IS DISTINCT FROM (OLD.amount_cents, OLD.shopper_id, OLD.visit_report_id, OLD.campaign_id, OLD.kind${oldTime}) THEN
        RAISE EXCEPTION 'fee entry % is part of the ledger and cannot be changed; add a reversal instead', OLD.id;
      END IF;
      RETURN NEW;
    END $$`;
}
