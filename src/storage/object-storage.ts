// Where evidence files and generated reports are kept: the data folder (the default) or an S3-compatible bucket.
import type { Readable } from 'stream';

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
export interface StoredObject {
  stream: Readable;
  size: number;
}
export interface ObjectStorage {
  /** Stores the object under the key; a reader never sees half an object (temp file + rename on disk, one PUT / multipart upload on S3). Overwrites. */
  put(key: string, content: Buffer | Readable): Promise<void>;
  /** A stream of the object and its size, or null when there is no such object. */
  open(key: string): Promise<StoredObject | null>;
  /** The whole object, or null. */
  read(key: string): Promise<Buffer | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Where objects go, for logs and /health (e.g. "disk:/var/lib/incognito" or "s3://bucket/prefix"), never credentials. */
  readonly location: string;
}
