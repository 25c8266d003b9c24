import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Readable } from 'stream';
import { assertObjectKey } from './object-key';
import { ObjectStorage, StoredObject } from './object-storage';
import { describeStorage, S3StorageConfig } from './storage-config';

/** S3 takes parts of 5 MiB to 5 GiB (the last one may be smaller); a stream shorter than one part is a single PUT. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined, // the SDK's default chain: environment, profile, container or instance role
    // S3-compatible stores (MinIO, Ceph, s3rver…) do not all know the CRC checksums the SDK adds by default.
    ...(config.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}

/** Objects in a bucket (AWS S3 or any S3-compatible store) under `<prefix>/<key>`. */
export class S3Storage implements ObjectStorage {
  readonly location: string;

  constructor(
    private readonly client: S3Client,
    private readonly config: Pick<S3StorageConfig, 'bucket' | 'prefix' | 'endpoint'>,
    private readonly partSize = DEFAULT_PART_SIZE,
  ) {
    this.location = describeStorage(config);
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const Key = this.objectKey(key);
    if (Buffer.isBuffer(content)) {
      await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key, Body: content, ContentLength: content.length }));
      return;
    }
    await this.putStream(Key, content);
  }

  async open(key: string): Promise<StoredObject | null> {
    const Key = this.objectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key }));
      if (!(answer.Body instanceof Readable)) throw new Error(`S3 gave no stream for ${Key}`);
      return { stream: answer.Body, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isNoSuchObject(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Buffer | null> {
    const Key = this.objectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key }));
      if (!answer.Body) throw new Error(`S3 gave no body for ${Key}`);
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if (isNoSuchObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the object existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  /**
   * Throws a one-line Error saying why the bucket cannot be used (unreachable endpoint, no such bucket,
   * refused credentials), within timeoutMs.
   */
  async assertReachable(timeoutMs = 5000): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const where = this.config.endpoint ? ` at ${this.config.endpoint}` : '';
      throw new Error(`the bucket "${this.config.bucket}"${where} cannot be used: ${reasonOf(error, timeoutMs)}`, { cause: error });
    }
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertObjectKey(key);
    return this.config.prefix ? `${this.config.prefix}/${key}` : key;
  }

  /**
   * A stream of unknown length: one PUT when it ends within the first part, otherwise a multipart upload
   * of partSize parts (only the completed upload becomes visible; a failed one is aborted).
   */
  private async putStream(Key: string, stream: Readable): Promise<void> {
    const Bucket = this.config.bucket;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const parts: { ETag: string; PartNumber: number }[] = [];

    const sendPart = async (body: Buffer) => {
      uploadId ??= (await this.client.send(new CreateMultipartUploadCommand({ Bucket, Key }))).UploadId;
      if (!uploadId) throw new Error(`S3 gave no upload id for ${Key}`);
      const PartNumber = parts.length + 1;
      const { ETag } = await this.client.send(
        new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }),
      );
      if (!ETag) throw new Error(`S3 gave no ETag for part ${PartNumber} of ${Key}`);
      parts.push({ ETag, PartNumber });
    };

    try {
      for await (const chunk of stream) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        pending.push(bytes);
        pendingBytes += bytes.length;
        while (pendingBytes >= this.partSize) {
          const all = Buffer.concat(pending);
          await sendPart(all.subarray(0, this.partSize));
          pending = [all.subarray(this.partSize)];
          pendingBytes = pending[0].length;
        }
      }
      const rest = Buffer.concat(pending);
      if (!uploadId) {
        await this.client.send(new PutObjectCommand({ Bucket, Key, Body: rest, ContentLength: rest.length }));
        return;
      }
      if (rest.length) await sendPart(rest);
      await this.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      stream.destroy();
      if (uploadId) {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => undefined);
      }
      throw error;
    }
  }
}

/** No such key; a missing bucket (NoSuchBucket, also a 404) is an error, not a missing object. */
function isNoSuchObject(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (failure?.name === 'NoSuchBucket') return false;
  return failure?.name === 'NoSuchKey' || failure?.name === 'NotFound' || failure?.$metadata?.httpStatusCode === 404;
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const failure = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure?.$metadata?.httpStatusCode;
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  if (status === 404) return 'no such bucket (HTTP 404)';
  if (status === 403) return 'access denied (HTTP 403): check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY';
  if (status === 301 || status === 400) return `the store refused the request (HTTP ${status}): check S3_REGION and S3_ENDPOINT`;
  // Network errors come wrapped ("AWS SDK error wrapper for Error: connect ECONNREFUSED …"): keep the cause.
  const message = (failure?.message ?? String(error))
    .replace(/^AWS SDK error wrapper for (\w*Error: )?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const detail = failure?.code && !message.includes(failure.code) ? `${failure.code} ${message}` : message;
  return status ? `HTTP ${status}${detail ? ` (${detail})` : ''}` : detail;
}
