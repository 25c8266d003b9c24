import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { createTestDatabase } from '../setup/test-database';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestContext {
  app: NestFastifyApplication;
  http: TestAgent;
  db: DataSource;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real application on its own copy of the migrated database. `env` may be worked out from that
 * database's URL (e.g. a DATABASE_READ_URL reaching the same database through another connection).
 */
export async function createTestApp(
  env: Record<string, string> | ((databaseUrl: string) => Record<string, string>) = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'incognito-test-data-'));
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DATA_DIR: dataDir,
    DB_POOL_SIZE: '5',
    ...(typeof env === 'function' ? env(database.url) : env),
  });
  const app = await createApp();
  await app.init();
  // Fastify answers once its plugins (helmet, static files, multipart) have loaded.
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    db: app.get(DataSource),
    dataDir,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
