// Issue 19: evidence in object storage. With EVIDENCE_STORAGE=s3://bucket/prefix the files go to an
// S3-compatible store (here a local s3rver started by the test), never to the data folder, and are still
// served only through the API: staff get the original byte for byte, client users the cleaned copy.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readdirSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import sharp from 'sharp';
import { createTestDatabase } from '../setup/test-database';
import { LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../helpers/s3-server';
import { createTestApp, TestContext } from '../helpers/test-app';
import { addTenantVisit, buildWorld, World } from '../factories/world.factory';

jest.setTimeout(90_000);

const NAME = 'Ana Shopper-Garcia';
const PREFIX = 'some/prefix';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A photo with the shopper's name and a position in its EXIF. */
const photo = () =>
  sharp({ create: { width: 24, height: 16, channels: 3, background: 'teal' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: NAME },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 25/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '3/1 42/1 0/1' },
    })
    .toBuffer();

/** A small PDF with the shopper as /Author, with a correct cross-reference table. */
function pdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Author (${NAME}) /Title (Ticket) >>`];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const s3Env = (s3: LocalS3) => ({
  EVIDENCE_STORAGE: `s3://${s3.bucket}/${PREFIX}`,
  S3_ENDPOINT: s3.endpoint,
  S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
});

const NOT_FOUND = { statusCode: 404, error: 'Not Found', message: 'Evidence file not found' };

describe('evidence in an S3-compatible bucket', () => {
  let s3: LocalS3;
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    s3 = await startLocalS3();
    ctx = await createTestApp(s3Env(s3));
    world = await buildWorld(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close();
  });

  const download = (id: string, auth: { Authorization: string }) => ctx.http.get(`/evidence/${id}`).set(auth).responseType('blob');

  it('reports where evidence goes in /health, without credentials', async () => {
    const response = await ctx.http.get('/health').expect(200);
    expect(response.body.info.storage).toEqual({ status: 'up', location: `s3://incognito-test/${PREFIX}` });
    expect(JSON.stringify(response.body)).not.toContain('S3RVER');
  });

  it('stores a photo and a PDF uploaded on an assignment in the bucket under the prefix, and nothing in the data folder', async () => {
    const { assignment, report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    const [image, document] = [await photo(), pdf()];
    const uploaded = [];
    for (const [content, name] of [
      [image, `IMG_${NAME}.jpg`],
      [document, `Ticket ${NAME}.pdf`],
    ] as const) {
      const response = await ctx.http
        .post(`/assignments/${assignment.id}/evidence`)
        .set(world.a.shopper.auth)
        .attach('file', content, name);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ sha256: sha256(content), sizeBytes: content.length });
      uploaded.push(response.body as { id: string });
    }
    const rows = await ctx.db.query<{ storage_path: string; shareable_storage_path: string; shareable_sha256: string }[]>(
      'SELECT storage_path, shareable_storage_path, shareable_sha256 FROM evidence_files WHERE assignment_id = $1 ORDER BY ordinal',
      [assignment.id],
    );
    // the database keeps the same keys as on disk: moving a data folder into a bucket needs no migration
    expect(rows.map((row) => row.storage_path)).toEqual(
      [image, document].map((content) => `evidence/${sha256(content).slice(0, 2)}/${sha256(content)}`),
    );
    expect(rows.every((row) => row.shareable_storage_path === `evidence/${row.shareable_sha256.slice(0, 2)}/${row.shareable_sha256}`)).toBe(
      true,
    );
    const keys = await s3.listKeys();
    for (const row of rows) {
      expect(keys).toContain(`${PREFIX}/${row.storage_path}`);
      expect(keys).toContain(`${PREFIX}/${row.shareable_storage_path}`);
    }
    expect(keys.every((key) => key.startsWith(`${PREFIX}/evidence/`))).toBe(true);
    expect(existsSync(join(ctx.dataDir, 'evidence'))).toBe(false);
    expect(readdirSync(ctx.dataDir)).toEqual([]);

    // staff download the originals byte for byte, under their names
    for (const [index, content] of [image, document].entries()) {
      const staff = await download(uploaded[index].id, world.consultant.auth).expect(200);
      expect(Buffer.isBuffer(staff.body) && staff.body.equals(content)).toBe(true);
      expect(staff.headers['content-length']).toBe(String(content.length));
    }
    const original = await download(uploaded[0].id, world.a.shopper.auth).expect(200);
    expect((original.body as Buffer).equals(image)).toBe(true);

    // once approved, the client user gets the cleaned copies: no name, no position
    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2 WHERE id = $1`, [
      report.id,
      world.consultant.user.id,
    ]);
    const cleanPhoto = await download(uploaded[0].id, world.a.clientUser.auth).expect(200);
    const cleanPdf = await download(uploaded[1].id, world.a.clientUser.auth).expect(200);
    expect(cleanPhoto.headers['content-disposition']).toContain('evidencia-1.jpg');
    for (const clean of [cleanPhoto.body as Buffer, cleanPdf.body as Buffer]) {
      expect(clean.includes(Buffer.from('Garcia'))).toBe(false);
      expect(rows.map((row) => row.shareable_sha256)).toContain(sha256(clean));
    }
    const metadata = await sharp(cleanPhoto.body as Buffer).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 24, height: 16 });
    expect(metadata.exif).toBeUndefined();
    expect(readdirSync(ctx.dataDir)).toEqual([]);
  });

  it('answers a missing object as a missing file on disk: 404, for staff and client users alike', async () => {
    const { assignment, report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    const content = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'navy' } })
      .png()
      .toBuffer();
    const created = await ctx.http
      .post(`/assignments/${assignment.id}/evidence`)
      .set(world.a.shopper.auth)
      .attach('file', content, 'a.png');
    expect(created.status).toBe(201);
    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2 WHERE id = $1`, [
      report.id,
      world.consultant.user.id,
    ]);
    const [row] = await ctx.db.query<{ storage_path: string; shareable_storage_path: string }[]>(
      'SELECT storage_path, shareable_storage_path FROM evidence_files WHERE id = $1',
      [(created.body as { id: string }).id],
    );
    for (const key of [row.storage_path, row.shareable_storage_path]) {
      await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}/${key}` }));
    }
    const id = (created.body as { id: string }).id;
    expect((await ctx.http.get(`/evidence/${id}`).set(world.consultant.auth).expect(404)).body).toEqual(NOT_FOUND);
    expect((await ctx.http.get(`/evidence/${id}`).set(world.a.clientUser.auth).expect(404)).body).toEqual(NOT_FOUND);
  });
});

describe('evidence on the local disk (the default)', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp({ EVIDENCE_STORAGE: 'disk' }); // the variables of the tests above stay in process.env
    world = await buildWorld(ctx);
  });
  afterAll(() => ctx?.close());

  it('reports the data folder in /health, and answers a file missing from it with the same 404', async () => {
    expect((await ctx.http.get('/health').expect(200)).body.info.storage).toEqual({ status: 'up', location: `disk:${ctx.dataDir}` });
    const { assignment } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    const content = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'olive' } })
      .png()
      .toBuffer();
    const created = await ctx.http
      .post(`/assignments/${assignment.id}/evidence`)
      .set(world.a.shopper.auth)
      .attach('file', content, 'a.png');
    expect(created.status).toBe(201);
    rmSync(join(ctx.dataDir, 'evidence', sha256(content).slice(0, 2), sha256(content)));
    const id = (created.body as { id: string }).id;
    expect((await ctx.http.get(`/evidence/${id}`).set(world.consultant.auth).expect(404)).body).toEqual(NOT_FOUND);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => {
    server.close(resolve);
  });
  return port;
}

describe('start-up with an S3 store that cannot be used', () => {
  it('stops before listening, with one line naming EVIDENCE_STORAGE, the bucket, the endpoint and why', async () => {
    const database = await createTestDatabase();
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const dataDir = join(tmpdir(), `incognito-s3-down-${process.pid}`);
    try {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
        cwd: join(__dirname, '..', '..'),
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
          JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
          LOG_LEVEL: 'silent',
          PORT: '0',
          EVIDENCE_STORAGE: 's3://incognito-test/x',
          S3_ENDPOINT: endpoint,
          S3_ACCESS_KEY_ID: 'key',
          S3_SECRET_ACCESS_KEY: 'secret-that-must-not-show',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      // 'close', not 'exit': the output has been read to its end
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
      });
      expect(code).toBe(1);
      expect(stdout).not.toContain('listening');
      // Node 20 also gets the AWS SDK's warning that its releases after January 2027 need Node 22: what follows it is ours.
      const lines = stderr.slice(stderr.indexOf('Invalid configuration:')).trim().split('\n');
      expect(lines).toEqual([
        'Invalid configuration:',
        expect.stringMatching(
          new RegExp(
            `^  - EVIDENCE_STORAGE=s3://incognito-test/x: the bucket "incognito-test" at ${endpoint} cannot be used: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`,
          ),
        ),
      ]);
      expect(stderr).not.toContain('secret-that-must-not-show');
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
