import { Inject, Injectable } from '@nestjs/common';
import { objectKeyProblem } from '../storage/object-key';
import { OBJECT_STORAGE, ObjectStorage, StoredObject } from '../storage/object-storage';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed evidence in the object store (the data folder or S3): evidence/<first 2 hex of sha256>/<sha256>.
 * The store writes whole objects only, so a reader never sees half a file and two uploads of the same
 * content cannot corrupt each other (they write the same bytes).
 */
@Injectable()
export class EvidenceStorage {
  constructor(@Inject(OBJECT_STORAGE) private readonly objects: ObjectStorage) {}

  /** The object key, as stored in evidence_files.storage_path (the path relative to the data folder on disk). */
  relativePathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new TypeError('not a sha256 hex digest');
    return `evidence/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(sha256: string, content: Buffer): Promise<string> {
    const key = this.relativePathOf(sha256);
    await this.objects.put(key, content); // the same content may already be there, which is fine
    return key;
  }

  /** A stream of a stored file and its size, or null when it is not stored. */
  async open(storagePath: string): Promise<StoredObject | null> {
    return isEvidenceKey(storagePath) ? this.objects.open(storagePath) : null;
  }

  /** A stored file's bytes, or null when it is not stored. */
  async read(storagePath: string): Promise<Buffer | null> {
    return isEvidenceKey(storagePath) ? this.objects.read(storagePath) : null;
  }

  /** Removes a stored file; nothing when it is already gone. */
  async delete(storagePath: string): Promise<void> {
    if (isEvidenceKey(storagePath)) await this.objects.delete(storagePath);
  }
}

/** storage_path is written only by put(), but never follow one that leaves the evidence folder. */
function isEvidenceKey(storagePath: string): boolean {
  return storagePath.startsWith('evidence/') && !storagePath.startsWith('evidence/tmp/') && objectKeyProblem(storagePath) === null;
}
