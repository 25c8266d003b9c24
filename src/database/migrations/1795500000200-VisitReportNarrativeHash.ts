import { MigrationInterface, QueryRunner } from 'typeorm';

/** The normalised narrative's fingerprint, indexed, for the duplicate-narrative integrity signal (DOMAIN.md §4b). */
export class VisitReportNarrativeHash1795500000200 implements MigrationInterface {
  name = 'VisitReportNarrativeHash1795500000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit_reports" ADD "narrative_hash" character varying(64)`);
    await queryRunner.query(`CREATE INDEX "IDX_visit_reports_narrative_hash" ON "visit_reports" ("narrative_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_visit_reports_narrative_hash"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP COLUMN "narrative_hash"`);
  }
}
