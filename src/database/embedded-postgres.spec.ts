import { chmodSync, mkdirSync, mkdtempSync, rmSync, type Stats } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError } from '../config/app-config';
import { assertPostgresCanReach, firstClosedDirectory, type SystemAccount } from './embedded-postgres';

const POSTGRES: SystemAccount = { name: 'postgres', uid: 101, gids: [104] };

/** A fake file system: each directory with its owner, group and mode. */
function fakeStat(directories: Record<string, { uid: number; gid: number; mode: number }>) {
  return (path: string): Stats | null => {
    const entry = directories[path];
    return entry ? ({ ...entry, isDirectory: () => true } as unknown as Stats) : null;
  };
}

describe('firstClosedDirectory (issue 12.7: the embedded database died with `spawn …/initdb EACCES` as root)', () => {
  const world = {
    '/': { uid: 0, gid: 0, mode: 0o755 },
    '/root': { uid: 0, gid: 0, mode: 0o700 },
    '/root/incognito': { uid: 0, gid: 0, mode: 0o755 },
    '/opt': { uid: 0, gid: 0, mode: 0o755 },
    '/opt/incognito': { uid: 0, gid: 0, mode: 0o755 },
    '/srv': { uid: 0, gid: 104, mode: 0o750 },
    '/srv/mine': { uid: 101, gid: 0, mode: 0o700 },
    '/srv/other': { uid: 0, gid: 0, mode: 0o750 },
  };
  const stat = fakeStat(world);

  it('finds the private home folder on the way to the project', () => {
    expect(firstClosedDirectory('/root/incognito/node_modules', POSTGRES, stat)).toBe('/root');
  });

  it('lets the account through folders open to others, to its group, or its own', () => {
    expect(firstClosedDirectory('/opt/incognito/node_modules/x', POSTGRES, stat)).toBeNull();
    expect(firstClosedDirectory('/srv/mine/data', POSTGRES, stat)).toBeNull();
    expect(firstClosedDirectory('/srv/other', POSTGRES, stat)).toBe('/srv/other');
  });

  it('checks a folder not made yet by its parents, as embedded-postgres creates it', () => {
    expect(firstClosedDirectory('/opt/incognito/.incognito/postgres', POSTGRES, stat)).toBeNull();
  });

  it('treats an account that does not exist yet as "others"', () => {
    expect(firstClosedDirectory('/srv/mine', { name: 'postgres', uid: -1, gids: [] }, stat)).toBe('/srv');
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('explains in one line, as a configuration problem, a data folder inside a private mktemp -d folder (real file system)', () => {
    const privateDir = mkdtempSync(join(tmpdir(), 'incognito-private-'));
    try {
      mkdirSync(join(privateDir, 'open'), { mode: 0o755 });
      chmodSync(privateDir, 0o700);
      const nobody: SystemAccount = { name: 'postgres', uid: 65534, gids: [65534] };
      let error: unknown;
      try {
        assertPostgresCanReach({ programs: '/', data: join(privateDir, 'open', 'postgres') }, nobody);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toContain(`cannot enter ${privateDir} (mode 700)`);
      expect(problem).toMatch(/move the project and DATA_DIR .* or set DATABASE_URL/);
      expect(problem).not.toContain('\n');
      chmodSync(privateDir, 0o711);
      expect(() => assertPostgresCanReach({ programs: '/', data: join(privateDir, 'open', 'postgres') }, nobody)).not.toThrow();
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
