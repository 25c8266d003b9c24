// The database a benchmark run works in: embedded PostgreSQL in a temp folder unless DATABASE_URL names a
// server, and always a fresh database of its own, migrated like production.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ensureDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';

export interface BenchContext {
  /** The app's DataSource options on the bench database (pool of `poolSize`). */
  dataSource: DataSource;
  databaseUrl: string;
  /** Results of sections that ran before, by section name (e.g. the seeded campaign for later sections). */
  shared: Map<string, unknown>;
  log(message: string): void;
}

export interface BenchEnvironment {
  context: BenchContext;
  close(): Promise<void>;
}

const POOL_SIZE = 10;

export async function openBenchEnvironment(log: (message: string) => void): Promise<BenchEnvironment> {
  let maintenanceUrl = process.env.DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (!maintenanceUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'incognito-bench-pg-'));
    log(`starting embedded PostgreSQL in ${dataDir}`);
    const server = await startEmbeddedPostgres({ databaseDir: dataDir, persistent: false });
    maintenanceUrl = server.urlFor('postgres');
    stopServer = () => server.stop();
  }
  const name = `incognito_bench_${Date.now()}`;
  await ensureDatabase(maintenanceUrl, name);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl, POOL_SIZE));
  await dataSource.initialize();
  await dataSource.runMigrations();
  log(`database ${name} migrated`);

  return {
    context: { dataSource, databaseUrl, shared: new Map(), log },
    close: async () => {
      await dataSource.destroy();
      if (stopServer) {
        await stopServer();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      } else {
        // A server we did not start: leave it as we found it.
        const admin = new Client({ connectionString: maintenanceUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
