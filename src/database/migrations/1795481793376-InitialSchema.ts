import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795481793376 implements MigrationInterface {
  name = 'InitialSchema1795481793376';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(20) NOT NULL, "name" character varying(200), "client_id" uuid, "conflict_client_ids" uuid array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "touchpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "channel" character varying(20) NOT NULL, "region" character varying(120) NOT NULL, "city" character varying(120), "address" character varying(300), "handle" character varying(200), "phone" character varying(50), "url" character varying(500), "opening_hours" jsonb, "time_zone" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbfb9c44f3527f036559d3258ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_879c84823569ff1604f294e4c7" ON "touchpoints"  ("client_id") `);
    await queryRunner.query(
      `CREATE TABLE "questionnaires" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lineage_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL, "title" character varying(300) NOT NULL, "language" character varying(10) NOT NULL, "definition" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a01d7cdea895ed9796b29233610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8d5fafa29cf23d7972780ea1c8" ON "questionnaires"  ("lineage_id", "version") `);
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "questionnaire_id" uuid NOT NULL, "name" character varying(300) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "status" character varying(20) NOT NULL, "visits_per_touchpoint" integer NOT NULL, "scenarios" jsonb NOT NULL DEFAULT '[]', "sla_seconds" jsonb NOT NULL DEFAULT '{}', "targets" jsonb NOT NULL DEFAULT '{}', "previous_campaign_id" uuid, "seed" character varying(100) NOT NULL, "visit_fee" numeric(10,2) NOT NULL DEFAULT '0', "retention_days" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5c217c6c468259b1ac4549f9e" ON "campaigns"  ("client_id") `);
    await queryRunner.query(
      `CREATE TABLE "campaign_touchpoints" ("campaign_id" uuid NOT NULL, "touchpoint_id" uuid NOT NULL, CONSTRAINT "PK_357923ecb91b542f5c3caf4bb3b" PRIMARY KEY ("campaign_id", "touchpoint_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "touchpoint_id" uuid NOT NULL, "scenario_key" character varying(100), "shopper_id" uuid, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fee" numeric(10,2) NOT NULL DEFAULT '0', "status" character varying(20) NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ad9aa14fe06d103ece9dd03520" ON "assignments"  ("status", "window_end") `);
    await queryRunner.query(`CREATE INDEX "IDX_a49f866ec447674ee568547b3b" ON "assignments"  ("shopper_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_26f7db9cecf4da1a6d34676967" ON "assignments"  ("campaign_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "visit_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "touchpoint_id" uuid NOT NULL, "shopper_id" uuid NOT NULL, "questionnaire_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "narrative" text, "employee" jsonb, "score" double precision, "knockout" boolean NOT NULL DEFAULT false, "wait_seconds" double precision, "response_seconds" double precision, "fcr" boolean, "integrity_signals" jsonb NOT NULL DEFAULT '[]', "expenses" numeric(10,2) NOT NULL DEFAULT '0', "return_comment" text, "version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_66672217486f67f729930e672ff" UNIQUE ("assignment_id"), CONSTRAINT "PK_0327c0dd563548f1705bbbc2d57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_04b8a793ec9eeb361afc571ba1" ON "visit_reports"  ("touchpoint_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e8759096115cab3449f7188b51" ON "visit_reports"  ("shopper_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0213ea9479917e0782f2ece9a1" ON "visit_reports"  ("campaign_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "visit_section_scores" ("visit_report_id" uuid NOT NULL, "section_key" character varying(100) NOT NULL, "score" double precision, "earned" double precision NOT NULL, "possible" double precision NOT NULL, "weight" double precision NOT NULL, "knocked_out" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_6990472f96d7ae529e00c3086be" PRIMARY KEY ("visit_report_id", "section_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_dimension_scores" ("visit_report_id" uuid NOT NULL, "dimension" character varying(50) NOT NULL, "score" double precision, "earned" double precision NOT NULL, "possible" double precision NOT NULL, CONSTRAINT "PK_edcfc0875a9e366ed91325b095f" PRIMARY KEY ("visit_report_id", "dimension"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_answers" ("visit_report_id" uuid NOT NULL, "question_key" character varying(100) NOT NULL, "campaign_id" uuid NOT NULL, "section_key" character varying(100) NOT NULL, "value" jsonb, "na" boolean NOT NULL DEFAULT false, "applicable" boolean NOT NULL, "counted" boolean NOT NULL, "earned" double precision, "possible" double precision, "passed" boolean, CONSTRAINT "PK_4df7adf32e272b36b877267b06f" PRIMARY KEY ("visit_report_id", "question_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cfd5cf52a12e923de699e3262d" ON "visit_answers"  ("campaign_id", "question_key") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("shopper_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "assignment_id" uuid NOT NULL, "status_code" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb079fc384fbf46b78523f20fd5" PRIMARY KEY ("shopper_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_report_id" uuid NOT NULL, "original_name" character varying(300) NOT NULL, "mime_type" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "storage_path" character varying(500) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f8d1a9a8e0430b749e2f4694460" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bfd442f998d0b03872c64de963" ON "evidence_files"  ("sha256") `);
    await queryRunner.query(`CREATE INDEX "IDX_1f3f474f4e7ff8f1a8a7fcca44" ON "evidence_files"  ("visit_report_id") `);
    await queryRunner.query(
      `CREATE TABLE "report_edits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_report_id" uuid NOT NULL, "edited_by" uuid NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "field" character varying(200) NOT NULL, "old_value" jsonb, "new_value" jsonb, "reason" text NOT NULL, CONSTRAINT "PK_3a7963f6b5bcbf27b56bf810daf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e50f5e18bcf70903ba11177981" ON "report_edits"  ("visit_report_id") `);
    await queryRunner.query(
      `CREATE TABLE "appeals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_report_id" uuid NOT NULL, "client_id" uuid NOT NULL, "filed_by" uuid NOT NULL, "question_key" character varying(100), "reason" text NOT NULL, "status" character varying(20) NOT NULL, "resolution_comment" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ebd2050a02aa78081b5346152bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a01d3a794f59fc1c806949ad23" ON "appeals"  ("visit_report_id") `);
    await queryRunner.query(
      `CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_report_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "touchpoint_id" uuid NOT NULL, "question_key" character varying(100), "kind" character varying(30) NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2b28864c11f090a8bdcf159b51" ON "alerts"  ("campaign_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0d1e90d75674c54f8660c4ed446" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "touchpoints" ADD CONSTRAINT "FK_879c84823569ff1604f294e4c7d" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "FK_b5c217c6c468259b1ac4549f9eb" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "FK_46bdf6e07c5d6f5d6adc427b5f0" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "FK_bf2fbc8a674f3554435c8c8fe72" FOREIGN KEY ("previous_campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_touchpoints" ADD CONSTRAINT "FK_b5cd978dfb178737c4cead8d333" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_touchpoints" ADD CONSTRAINT "FK_ddf79dc6e2b80a6f2ac258d3f14" FOREIGN KEY ("touchpoint_id") REFERENCES "touchpoints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_06fc71679e70a26e5e76fa48572" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_20a411c8a810a0bfdcc7c97183d" FOREIGN KEY ("touchpoint_id") REFERENCES "touchpoints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_fccf17f9677c17aebe1d36b5272" FOREIGN KEY ("shopper_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_reports" ADD CONSTRAINT "FK_66672217486f67f729930e672ff" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_reports" ADD CONSTRAINT "FK_833a32b01cd2e7d757d3576e4db" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_reports" ADD CONSTRAINT "FK_04b8a793ec9eeb361afc571ba17" FOREIGN KEY ("touchpoint_id") REFERENCES "touchpoints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_reports" ADD CONSTRAINT "FK_e8759096115cab3449f7188b51d" FOREIGN KEY ("shopper_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_reports" ADD CONSTRAINT "FK_b8a9dadfe8244be04f2a89d8f4b" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_section_scores" ADD CONSTRAINT "FK_6ec1375fd9155c5139528a3dac4" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_dimension_scores" ADD CONSTRAINT "FK_1fb014ca90f65ebd64008d72ed7" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_answers" ADD CONSTRAINT "FK_c6c9ec4da12731cd6ecd763c9fc" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_records" ADD CONSTRAINT "FK_eaef13e154064337ce30695ad61" FOREIGN KEY ("shopper_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_1f3f474f4e7ff8f1a8a7fcca44d" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_edits" ADD CONSTRAINT "FK_e50f5e18bcf70903ba11177981f" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "FK_a01d3a794f59fc1c806949ad23c" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "FK_4800c3bf864982b1e7f53a0d3bf" FOREIGN KEY ("visit_report_id") REFERENCES "visit_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" DROP CONSTRAINT "FK_4800c3bf864982b1e7f53a0d3bf"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "FK_a01d3a794f59fc1c806949ad23c"`);
    await queryRunner.query(`ALTER TABLE "report_edits" DROP CONSTRAINT "FK_e50f5e18bcf70903ba11177981f"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_1f3f474f4e7ff8f1a8a7fcca44d"`);
    await queryRunner.query(`ALTER TABLE "idempotency_records" DROP CONSTRAINT "FK_eaef13e154064337ce30695ad61"`);
    await queryRunner.query(`ALTER TABLE "visit_answers" DROP CONSTRAINT "FK_c6c9ec4da12731cd6ecd763c9fc"`);
    await queryRunner.query(`ALTER TABLE "visit_dimension_scores" DROP CONSTRAINT "FK_1fb014ca90f65ebd64008d72ed7"`);
    await queryRunner.query(`ALTER TABLE "visit_section_scores" DROP CONSTRAINT "FK_6ec1375fd9155c5139528a3dac4"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP CONSTRAINT "FK_b8a9dadfe8244be04f2a89d8f4b"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP CONSTRAINT "FK_e8759096115cab3449f7188b51d"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP CONSTRAINT "FK_04b8a793ec9eeb361afc571ba17"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP CONSTRAINT "FK_833a32b01cd2e7d757d3576e4db"`);
    await queryRunner.query(`ALTER TABLE "visit_reports" DROP CONSTRAINT "FK_66672217486f67f729930e672ff"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_fccf17f9677c17aebe1d36b5272"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_20a411c8a810a0bfdcc7c97183d"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_06fc71679e70a26e5e76fa48572"`);
    await queryRunner.query(`ALTER TABLE "campaign_touchpoints" DROP CONSTRAINT "FK_ddf79dc6e2b80a6f2ac258d3f14"`);
    await queryRunner.query(`ALTER TABLE "campaign_touchpoints" DROP CONSTRAINT "FK_b5cd978dfb178737c4cead8d333"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_bf2fbc8a674f3554435c8c8fe72"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_46bdf6e07c5d6f5d6adc427b5f0"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_b5c217c6c468259b1ac4549f9eb"`);
    await queryRunner.query(`ALTER TABLE "touchpoints" DROP CONSTRAINT "FK_879c84823569ff1604f294e4c7d"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0d1e90d75674c54f8660c4ed446"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b28864c11f090a8bdcf159b51"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a01d3a794f59fc1c806949ad23"`);
    await queryRunner.query(`DROP TABLE "appeals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e50f5e18bcf70903ba11177981"`);
    await queryRunner.query(`DROP TABLE "report_edits"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f3f474f4e7ff8f1a8a7fcca44"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfd442f998d0b03872c64de963"`);
    await queryRunner.query(`DROP TABLE "evidence_files"`);
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfd5cf52a12e923de699e3262d"`);
    await queryRunner.query(`DROP TABLE "visit_answers"`);
    await queryRunner.query(`DROP TABLE "visit_dimension_scores"`);
    await queryRunner.query(`DROP TABLE "visit_section_scores"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0213ea9479917e0782f2ece9a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8759096115cab3449f7188b51"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04b8a793ec9eeb361afc571ba1"`);
    await queryRunner.query(`DROP TABLE "visit_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26f7db9cecf4da1a6d34676967"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a49f866ec447674ee568547b3b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad9aa14fe06d103ece9dd03520"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TABLE "campaign_touchpoints"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5c217c6c468259b1ac4549f9e"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d5fafa29cf23d7972780ea1c8"`);
    await queryRunner.query(`DROP TABLE "questionnaires"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_879c84823569ff1604f294e4c7"`);
    await queryRunner.query(`DROP TABLE "touchpoints"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "clients"`);
  }
}
