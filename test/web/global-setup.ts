// Once per run of the web project: the web bundle, built only when its sources changed since the last
// build, and the e2e project's PostgreSQL and template database (shared when both projects run).
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'fs';
import { join } from 'path';
import e2eGlobalSetup from '../setup/global-setup';
import { CHROMIUM_PATH, chromiumMissingMessage } from './browser';

const ROOT = join(__dirname, '..', '..');
const BUILT_DIR = join(ROOT, 'dist', 'web');
const BUILT_INDEX = join(BUILT_DIR, 'index.html');
/** What the bundle is made of: the web sources, their config, and the server modules they import. */
const SOURCES = ['web', 'src/exports/i18n.ts', 'src/exports/format.ts', 'src/questionnaires/domain', 'package.json'];

function newestModification(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return SOURCES.some((source) => newestModification(join(ROOT, source)) > built);
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stdout.write(`\n${chromiumMissingMessage()}\n`);
    return;
  }
  if (webBuildIsStale()) {
    process.stdout.write('\nweb tests: building the web app (npm run build:web)…\n');
    // Built beside dist/web, then moved in with the old hashed files kept and index.html replaced last, so a
    // test run of another shell serving dist/web meanwhile never meets a missing chunk. NODE_ENV is "test"
    // under jest; the bundle must be the production one the server ships.
    const fresh = `${BUILT_DIR}.build-${process.pid}`;
    execFileSync('npm', ['run', '--silent', 'build:web', '--', '--outDir', fresh], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    mkdirSync(join(BUILT_DIR, 'assets'), { recursive: true });
    for (const file of readdirSync(join(fresh, 'assets'))) renameSync(join(fresh, 'assets', file), join(BUILT_DIR, 'assets', file));
    renameSync(join(fresh, 'index.html'), BUILT_INDEX);
    rmSync(fresh, { recursive: true, force: true });
  }
  await e2eGlobalSetup();
}
