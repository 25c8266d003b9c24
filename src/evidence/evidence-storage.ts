import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { createReadStream, ReadStream } from 'fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'fs/promises';
import { join, relative, resolve, sep } from 'path';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed file store under the data folder: evidence/<first 2 hex of sha256>/<sha256>.
 * A file is written to a temporary name in the same file system and renamed into place, so a reader
 * never sees half a file and two uploads of the same content cannot corrupt each other.
 */
@Injectable()
export class EvidenceStorage {
  private readonly dataDir: string;
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dataDir = resolve(config.dataDir);
    this.root = join(this.dataDir, 'evidence');
  }

  /** The path relative to the data folder, as stored in evidence_files.storage_path. */
  relativePathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new TypeError('not a sha256 hex digest');
    return join('evidence', sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, content: Buffer): Promise<string> {
    const relativePath = this.relativePathOf(sha256);
    const target = join(this.dataDir, relativePath);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    await mkdir(join(this.root, 'tmp'), { recursive: true, mode: 0o700 });
    const temporary = join(this.root, 'tmp', `${sha256}.${randomUUID()}`);
    try {
      await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
      await rename(temporary, target); // atomic; the same content may already be there, which is fine
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return relativePath;
  }

  /** A stream of a stored file and its size, or null when the file is not on disk. */
  async open(storagePath: string): Promise<{ stream: ReadStream; size: number } | null> {
    const absolute = this.inside(storagePath);
    if (!absolute) return null;
    try {
      const info = await stat(absolute);
      if (!info.isFile()) return null;
      return { stream: createReadStream(absolute), size: info.size };
    } catch {
      return null;
    }
  }

  /** A stored file's bytes, or null when it is not on disk. */
  async read(storagePath: string): Promise<Buffer | null> {
    const absolute = this.inside(storagePath);
    if (!absolute) return null;
    try {
      return await readFile(absolute);
    } catch {
      return null;
    }
  }

  /** The absolute path of a stored file; null for one that would leave the evidence folder. */
  private inside(storagePath: string): string | null {
    const absolute = resolve(this.dataDir, storagePath);
    // storage_path is written only by put(), but never follow one that leaves the evidence folder.
    const inside = relative(this.root, absolute);
    return !inside || inside.startsWith('..') || inside.split(sep).includes('..') ? null : absolute;
  }
}
