import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence belongs to an assignment (a shopper may upload before submitting the report), is numbered
 * within it (the neutral download name `evidencia-3.jpg`), carries a cleaned copy for client users and
 * a photo's capture time and place for reviewers, and can be uploaded again safely with an
 * Idempotency-Key.
 */
export class AssignmentEvidence1795700000000 implements MigrationInterface {
  name = 'AssignmentEvidence1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "assignment_id" uuid`);
    await queryRunner.query(
      `UPDATE "evidence_files" e SET "assignment_id" = r."assignment_id" FROM "visit_reports" r WHERE r."id" = e."visit_report_id"`,
    );
    await queryRunner.query(`ALTER TABLE "evidence_files" ALTER COLUMN "assignment_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ALTER COLUMN "visit_report_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "ordinal" integer`);
    await queryRunner.query(
      `UPDATE "evidence_files" e SET "ordinal" = n.ordinal
         FROM (SELECT id, row_number() OVER (PARTITION BY assignment_id ORDER BY created_at, id) AS ordinal FROM "evidence_files") n
        WHERE n.id = e.id`,
    );
    await queryRunner.query(`ALTER TABLE "evidence_files" ALTER COLUMN "ordinal" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "shareable_storage_path" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "shareable_size_bytes" bigint`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "shareable_sha256" character varying(64)`);
    // NULL for files stored before this migration: their cleaned copy is made on the first client download.
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "sanitized_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "capture" jsonb`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "idempotency_key" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD "request_hash" character varying(64)`);
    await queryRunner.query(`CREATE INDEX "IDX_evidence_files_assignment" ON "evidence_files" ("assignment_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_evidence_files_assignment_ordinal" ON "evidence_files" ("assignment_id", "ordinal")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_evidence_files_idempotency" ON "evidence_files" ("uploaded_by", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_evidence_files_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Files uploaded before the report existed join it when it is stored, in the same statement, so
    // whatever reads evidence by report (back-dating, retention) finds them; the submission code need not know.
    await queryRunner.query(
      `CREATE FUNCTION evidence_files_join_report() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE evidence_files SET visit_report_id = NEW.id WHERE assignment_id = NEW.assignment_id AND visit_report_id IS NULL;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER evidence_files_join_report AFTER INSERT ON visit_reports FOR EACH ROW EXECUTE FUNCTION evidence_files_join_report()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_files_join_report ON visit_reports`);
    await queryRunner.query(`DROP FUNCTION evidence_files_join_report()`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_evidence_files_assignment"`);
    await queryRunner.query(`DROP INDEX "UQ_evidence_files_idempotency"`);
    await queryRunner.query(`DROP INDEX "UQ_evidence_files_assignment_ordinal"`);
    await queryRunner.query(`DROP INDEX "IDX_evidence_files_assignment"`);
    await queryRunner.query(`DELETE FROM "evidence_files" WHERE "visit_report_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ALTER COLUMN "visit_report_id" SET NOT NULL`);
    for (const column of [
      'request_hash',
      'idempotency_key',
      'capture',
      'sanitized_at',
      'shareable_sha256',
      'shareable_size_bytes',
      'shareable_storage_path',
      'ordinal',
      'assignment_id',
    ]) {
      await queryRunner.query(`ALTER TABLE "evidence_files" DROP COLUMN "${column}"`);
    }
  }
}
