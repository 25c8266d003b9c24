import { randomUUID } from 'crypto';
import { createReadStream, createWriteStream } from 'fs';
import { constants } from 'fs';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { assertObjectKey } from './object-key';
import { ObjectStorage, StoredObject } from './object-storage';

/** Errors that mean "no such object" rather than a broken disk. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
const isMissing = (error: unknown) => MISSING.has((error as NodeJS.ErrnoException).code ?? '');

/**
 * Objects as files under the data folder, at their key's path. A file is written to a temporary name in
 * a `tmp/` folder of the same file system (the key's top folder's: `evidence/tmp/`) and renamed into
 * place, so a reader never sees half a file and two writers of the same key cannot corrupt each other.
 * Folders are 0700 and files 0600: evidence is personal data.
 */
export class DiskStorage implements ObjectStorage {
  readonly location: string;
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
    this.location = `disk:${this.root}`;
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const target = this.pathOf(key);
    const temporaryFolder = this.temporaryFolderOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await mkdir(temporaryFolder, { recursive: true, mode: 0o700 });
    const temporary = join(temporaryFolder, `${basename(target)}.${randomUUID()}`);
    try {
      if (Buffer.isBuffer(content)) await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
      else await pipeline(content, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await rename(temporary, target); // atomic within one file system
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Throws a one-line Error when the data folder cannot be written (for /health). */
  async assertReachable(): Promise<void> {
    try {
      await access(this.root, constants.W_OK);
    } catch (error) {
      throw new Error(`the data folder ${this.root} cannot be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
        cause: error,
      });
    }
  }

  /** The file of a key; a key that would name a temporary folder or leave the data folder is a TypeError. */
  private pathOf(key: string): string {
    assertObjectKey(key);
    const segments = key.split('/');
    if (segments[0] === 'tmp' || segments[1] === 'tmp') {
      throw new TypeError(`Invalid object key ${JSON.stringify(key)}: "tmp" folders hold files being written`);
    }
    const path = resolve(this.root, key);
    // assertObjectKey already refuses "..": this only guards against a future change of it.
    const inside = relative(this.root, path);
    if (!inside || inside.split(sep)[0] === '..' || isAbsolute(inside)) {
      throw new TypeError(`Invalid object key ${JSON.stringify(key)}: it leaves the data folder`);
    }
    return path;
  }

  /** Temporary files live beside their target's top folder (`evidence/tmp/`), hence on the same file system. */
  private temporaryFolderOf(key: string): string {
    const segments = key.split('/');
    return segments.length > 1 ? join(this.root, segments[0], 'tmp') : join(this.root, 'tmp');
  }
}
