import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Many instances on one PostgreSQL (issue #19):
 * - login_failures: the failed-login counters every instance shares (they lived in process memory);
 * - campaign_data_versions: a change counter per campaign, bumped by statement triggers on every visit
 *   report write, spread over 16 rows per campaign (by backend) so concurrent submissions do not queue on
 *   one row lock. Its sum changes with every committed change, in whatever order transactions commit,
 *   which a max(updated_at) would not: the fingerprint of a cached report file;
 * - report_files and report_jobs: reports built in the background and kept for a stated time.
 * pg-boss keeps its own queue tables in the `pgboss` schema, created and upgraded by pg-boss itself.
 */
export class ScaleOut1796000000000 implements MigrationInterface {
  name = 'ScaleOut1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX login_failures_expires_at ON login_failures (expires_at)`);

    await queryRunner.query(`
      CREATE TABLE campaign_data_versions (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        shard smallint NOT NULL,
        changes bigint NOT NULL,
        PRIMARY KEY (campaign_id, shard)
      )`);
    // Statement triggers over transition tables: one upsert per campaign and statement, so a bulk write of
    // many visits costs one counter update (a row trigger would update the same row once per visit).
    for (const [name, rows] of [
      ['bump_campaign_data_version', 'SELECT campaign_id FROM changed_rows'],
      ['bump_campaign_data_version_on_update', 'SELECT campaign_id FROM old_rows UNION ALL SELECT campaign_id FROM changed_rows'],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO campaign_data_versions (campaign_id, shard, changes)
          SELECT campaign_id, pg_backend_pid() % 16, count(*) FROM (${rows}) AS changed GROUP BY campaign_id
          ON CONFLICT (campaign_id, shard) DO UPDATE SET changes = campaign_data_versions.changes + excluded.changes;
          RETURN NULL;
        END $$`);
    }
    await queryRunner.query(`
      CREATE TRIGGER visit_reports_inserted_bump_version AFTER INSERT ON visit_reports
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_campaign_data_version()`);
    await queryRunner.query(`
      CREATE TRIGGER visit_reports_deleted_bump_version AFTER DELETE ON visit_reports
      REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_campaign_data_version()`);
    await queryRunner.query(`
      CREATE TRIGGER visit_reports_updated_bump_version AFTER UPDATE ON visit_reports
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_campaign_data_version_on_update()`);

    await queryRunner.query(`
      CREATE TABLE report_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cache_key char(64) NOT NULL,
        storage_key text NOT NULL,
        file_name text NOT NULL,
        file_name_ascii text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX report_files_cache_key ON report_files (cache_key, expires_at DESC)`);
    await queryRunner.query(`CREATE INDEX report_files_expires_at ON report_files (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE report_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        format varchar(8) NOT NULL CHECK (format IN ('pdf', 'xlsx')),
        language varchar(8) NOT NULL,
        filters jsonb NOT NULL,
        cache_key char(64) NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        report_file_id uuid REFERENCES report_files (id) ON DELETE SET NULL,
        from_cache boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX report_jobs_requested_by ON report_jobs (requested_by, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX report_jobs_report_file_id ON report_jobs (report_file_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_jobs`);
    await queryRunner.query(`DROP TABLE report_files`);
    for (const trigger of ['inserted', 'deleted', 'updated']) {
      await queryRunner.query(`DROP TRIGGER visit_reports_${trigger}_bump_version ON visit_reports`);
    }
    await queryRunner.query(`DROP FUNCTION bump_campaign_data_version_on_update()`);
    await queryRunner.query(`DROP FUNCTION bump_campaign_data_version()`);
    await queryRunner.query(`DROP TABLE campaign_data_versions`);
    await queryRunner.query(`DROP TABLE login_failures`);
  }
}
