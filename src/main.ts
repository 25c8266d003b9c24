// Launcher: brings up the database (embedded unless DATABASE_URL is set), the JWT secret, then the app.
import { mkdirSync, writeFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { createApp } from './app.factory';
import { ensureDatabase, startEmbeddedPostgres, EmbeddedDatabase } from './database/embedded-postgres';
import { ensureJwtSecret } from './config/jwt-secret';
import { APP_CONFIG, AppConfig, ConfigError } from './config/app-config';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || './.incognito');
  mkdirSync(dataDir, { recursive: true });
  process.env.JWT_SECRET ||= ensureJwtSecret(dataDir);

  let embedded: EmbeddedDatabase | undefined;
  const urlFile = join(dataDir, 'database-url');
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ databaseDir: join(dataDir, 'postgres'), persistent: true });
    await ensureDatabase(embedded.urlFor('postgres'), 'incognito');
    process.env.DATABASE_URL = embedded.urlFor('incognito');
    writeFileSync(urlFile, process.env.DATABASE_URL, { mode: 0o600 }); // for the TypeORM CLI
  }

  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  // Every interface, as Node's own default (Fastify's alone is localhost only).
  await app.listen(config.port, '0.0.0.0');
  process.stdout.write(`Incognito listening on http://localhost:${config.port} (API docs: /docs)\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing in-flight requests and shutting down\n`);
    try {
      await app.close(); // stops accepting, lets in-flight requests end, closes the pool
    } finally {
      if (embedded) {
        await embedded.stop();
        rmSync(urlFile, { force: true });
      }
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
