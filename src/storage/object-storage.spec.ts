// The same contract for both stores: the data folder and an S3-compatible bucket (a local s3rver).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../../test/helpers/s3-server';
import { DiskStorage } from './disk-storage';
import { ObjectStorage } from './object-storage';
import { createS3Client, S3Storage } from './s3-storage';

const bytes = (size: number, seed = 1) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251));
const collect = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
/** A stream of unknown length, in uneven chunks. */
const streamOf = (content: Buffer, chunk = 700) =>
  Readable.from(Array.from({ length: Math.ceil(content.length / chunk) }, (_, i) => content.subarray(i * chunk, (i + 1) * chunk)));

const PART_SIZE = 1024;

describe.each(['disk', 's3'] as const)('%s object storage', (kind) => {
  let storage: ObjectStorage;
  let dataDir: string;
  let s3: LocalS3 | undefined;
  /** The S3 commands the store sent, in order. */
  const sent: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'incognito-storage-'));
    if (kind === 'disk') {
      storage = new DiskStorage(dataDir);
    } else {
      s3 = await startLocalS3();
      const config = { kind: 's3' as const, bucket: s3.bucket, prefix: 'some/prefix', endpoint: s3.endpoint, region: 'us-east-1' };
      const client = createS3Client({ ...config, ...S3RVER_CREDENTIALS, forcePathStyle: true });
      client.middlewareStack.add(
        (next, context) => (args) => {
          sent.push(context.commandName!);
          return next(args);
        },
        { step: 'initialize' },
      );
      storage = new S3Storage(client, config, PART_SIZE);
    }
  });
  afterAll(async () => {
    if (storage instanceof S3Storage) storage.close();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says where objects go, without credentials', () => {
    expect(storage.location).toBe(kind === 'disk' ? `disk:${dataDir}` : 's3://incognito-test/some/prefix');
    expect(storage.location).not.toContain('S3RVER');
  });

  it('stores a buffer and gives it back whole, as bytes and as a stream with its size', async () => {
    const content = bytes(3000);
    await storage.put('evidence/ab/first', content);
    expect((await storage.read('evidence/ab/first'))!.equals(content)).toBe(true);
    const opened = await storage.open('evidence/ab/first');
    expect(opened!.size).toBe(content.length);
    expect((await collect(opened!.stream)).equals(content)).toBe(true);
  });

  it('stores a stream of unknown length, shorter and longer than one upload part', async () => {
    for (const [key, content] of [
      ['reports/short.pdf', bytes(PART_SIZE - 10, 2)],
      ['reports/long.pdf', bytes(PART_SIZE * 3 + 500, 3)],
      ['reports/exact.pdf', bytes(PART_SIZE * 2, 4)],
      ['reports/empty.pdf', Buffer.alloc(0)],
    ] as const) {
      await storage.put(key, streamOf(content));
      expect((await storage.read(key))!.equals(content)).toBe(true);
      expect((await storage.open(key))!.size).toBe(content.length);
    }
  });

  it('overwrites an object', async () => {
    await storage.put('reports/again.pdf', bytes(100, 5));
    await storage.put('reports/again.pdf', bytes(50, 6));
    expect((await storage.read('reports/again.pdf'))!.equals(bytes(50, 6))).toBe(true);
  });

  it('answers null for a missing object, and deletes without error whether or not it exists', async () => {
    expect(await storage.open('evidence/zz/missing')).toBeNull();
    expect(await storage.read('evidence/zz/missing')).toBeNull();
    await storage.put('reports/gone.pdf', bytes(10));
    await storage.delete('reports/gone.pdf');
    expect(await storage.read('reports/gone.pdf')).toBeNull();
    await expect(storage.delete('reports/gone.pdf')).resolves.toBeUndefined();
  });

  it('refuses keys that could leave their folder, with a TypeError and before touching the store', async () => {
    for (const key of ['../secret', 'evidence/../../etc/passwd', '/etc/passwd', 'evidence\\ab\\x', 'evidence/a\0b', 'evidence//x', '']) {
      await expect(storage.put(key, bytes(1))).rejects.toThrow(TypeError);
      await expect(storage.open(key)).rejects.toThrow(TypeError);
      await expect(storage.read(key)).rejects.toThrow(TypeError);
      await expect(storage.delete(key)).rejects.toThrow(TypeError);
    }
  });

  it('leaves nothing half-written when the content stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(bytes(PART_SIZE * 2));
        this.destroy(new Error('connection lost'));
      },
    });
    sent.length = 0;
    await expect(storage.put('reports/broken.pdf', failing)).rejects.toThrow('connection lost');
    expect(await storage.read('reports/broken.pdf')).toBeNull();
    if (kind === 's3')
      expect(sent).toContain('AbortMultipartUploadCommand'); // no parts left behind in the bucket
    else expect(readdirSync(join(dataDir, 'reports', 'tmp'))).toEqual([]);
  });

  if (kind === 'disk') {
    it('writes through tmp/ beside the top folder, leaves no temporary file, and keeps files private (0600 in 0700 folders)', async () => {
      await storage.put('evidence/cd/private', bytes(10));
      expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toEqual([]);
      expect(readdirSync(join(dataDir, 'reports', 'tmp'))).toEqual([]);
      expect(statSync(join(dataDir, 'evidence', 'cd', 'private')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'evidence', 'cd')).mode & 0o777).toBe(0o700);
    });

    it('refuses keys inside the temporary folders', async () => {
      await expect(storage.put('evidence/tmp/x', bytes(1))).rejects.toThrow(TypeError);
      await expect(storage.read('tmp/x')).rejects.toThrow(TypeError);
    });
  } else {
    it('keeps objects under the prefix, nowhere else, and nothing in the data folder', async () => {
      const keys = await s3!.listKeys();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((key) => key.startsWith('some/prefix/'))).toBe(true);
      expect(keys).toContain('some/prefix/evidence/ab/first');
      expect(readdirSync(dataDir)).toEqual([]);
    });

    it('says in one line why a bucket cannot be used: none of that name, refused credentials', async () => {
      await expect((storage as S3Storage).assertReachable()).resolves.toBeUndefined();
      const base = { kind: 's3' as const, prefix: '', endpoint: s3!.endpoint, region: 'us-east-1', forcePathStyle: true };
      const missing = new S3Storage(createS3Client({ ...base, bucket: 'no-such-bucket', ...S3RVER_CREDENTIALS }), {
        ...base,
        bucket: 'no-such-bucket',
      });
      await expect(missing.assertReachable()).rejects.toThrow(
        `the bucket "no-such-bucket" at ${s3!.endpoint} cannot be used: no such bucket (HTTP 404)`,
      );
      const stranger = new S3Storage(createS3Client({ ...base, bucket: s3!.bucket, accessKeyId: 'WRONG', secretAccessKey: 'WRONG' }), {
        ...base,
        bucket: s3!.bucket,
      });
      await expect(stranger.assertReachable()).rejects.toThrow(/cannot be used: access denied \(HTTP 403\): check S3_ACCESS_KEY_ID/);
      missing.close();
      stranger.close();
    });

    it('sends a stream longer than one part as a multipart upload of whole parts, and a shorter one as one PUT', async () => {
      sent.length = 0;
      await storage.put('reports/parts.pdf', streamOf(bytes(PART_SIZE * 2 + 1, 7)));
      expect(sent).toEqual([
        'CreateMultipartUploadCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'CompleteMultipartUploadCommand',
      ]);
      sent.length = 0;
      await storage.put('reports/one.pdf', streamOf(bytes(PART_SIZE - 1, 8)));
      expect(sent).toEqual(['PutObjectCommand']);
      expect((await storage.read('reports/parts.pdf'))!.equals(bytes(PART_SIZE * 2 + 1, 7))).toBe(true);
    });
  }
});
