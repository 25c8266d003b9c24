// Once per `npm test`: one PostgreSQL (embedded unless DATABASE_URL names one), one migrated template
// database. Each e2e file then copies the template (CREATE DATABASE … TEMPLATE) and stays independent.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { JOB_SCHEMA } from '../../src/jobs/job-queue';
import { TEMPLATE_DATABASE } from './test-database';

export default async function globalSetup(): Promise<void> {
  // The e2e and web projects share this setup: in one `npm test` the second call finds it done.
  const state = globalThis as { __incognitoTestTemplateReady?: boolean };
  if (state.__incognitoTestTemplateReady) return;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      databaseDir: mkdtempSync(join(tmpdir(), 'incognito-test-pg-')),
      persistent: false,
    });
    (globalThis as { __incognitoTestDatabase?: unknown }).__incognitoTestDatabase = server;
    adminUrl = server.urlFor('postgres');
  }
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.destroy();
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  const template = new DataSource(buildDataSourceOptions(templateUrl.toString(), 2));
  await template.initialize();
  await template.runMigrations();
  await template.destroy();
  // pg-boss's own schema, which it would otherwise create in each test database when an app starts.
  const boss = new PgBoss({ connectionString: templateUrl.toString(), schema: JOB_SCHEMA, max: 1 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  state.__incognitoTestTemplateReady = true;
}
