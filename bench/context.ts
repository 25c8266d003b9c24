// The database a benchmark run works in: embedded PostgreSQL in a temp folder unless DATABASE_URL names a
// server, and always a fresh database of its own, migrated like production. Also the child processes that
// sections measure apart from this one (the app under load, an export and its memory).
import { ChildProcess, execFileSync, fork } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
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
  /**
   * Starts a bench file (e.g. `__filename`) in a child process, compiled to plain JavaScript as production
   * runs it: under ts-node the child would also carry TypeScript's compiler (40–80 MB of RSS here, and its GC).
   */
  forkCompiled(file: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
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

  let compiledDir: string | null = null;
  const forkCompiled = (file: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
    compiledDir ??= compileBench(log);
    const entry = join(compiledDir, relative(ROOT, file).replace(/\.ts$/, '.js'));
    // BENCH_CHILD_NODE_ARGS passes node options to the children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const execArgv = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
    return fork(entry, args, { env: { ...env, NODE_PATH: join(ROOT, 'node_modules') }, execArgv, stdio: 'inherit' });
  };

  return {
    context: { dataSource, databaseUrl, shared: new Map(), log, forkCompiled },
    close: async () => {
      if (compiledDir) rmSync(compiledDir, { recursive: true, force: true });
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

const ROOT = resolve(__dirname, '..');

/**
 * Every bench file and what it imports, compiled into a temp folder (same layout as the project) without a
 * type check, which ts-node has just done; packages are found through NODE_PATH. Returns the folder.
 */
function compileBench(log: (message: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'incognito-bench-js-'));
  const config = join(dir, 'tsconfig.json');
  const compilerOptions = { rootDir: ROOT, outDir: dir, noCheck: true, incremental: false, sourceMap: false };
  writeFileSync(
    config,
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions, files: [join(__dirname, 'run.ts')], include: [] }),
  );
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
  log(`compiled the bench to JavaScript for child processes in ${Date.now() - started} ms`);
  return dir;
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

/** Two decimals, for the printed figures. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
