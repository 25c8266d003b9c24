import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { tinyPng } from '../helpers/files';
import { createTestApp, TestContext } from '../helpers/test-app';
import { addTenantVisit, buildWorld, World } from '../factories/world.factory';

// jest.config.js sets testTimeout per project, where jest ignores it (a global option); e2e setup on a
// busy 2-core machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

const UPLOAD_MAX_BYTES = 4096;

const png = tinyPng;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** supertest buffers only text bodies by itself; this collects any body as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('evidence files', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) });
    world = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  const upload = (reportId: string, auth: { Authorization: string }, content: Buffer, filename: string, contentType?: string) =>
    ctx.http
      .post(`/visit-reports/${reportId}/evidence`)
      .set(auth)
      .attach('file', content, contentType ? { filename, contentType } : filename);

  const signalsOf = async (reportId: string) =>
    (await ctx.db.query('SELECT integrity_signals FROM visit_reports WHERE id = $1', [reportId]))[0].integrity_signals as {
      kind: string;
      reason: string;
    }[];

  const evidenceCount = async () => Number((await ctx.db.query('SELECT count(*)::int AS n FROM evidence_files'))[0].n);

  it("accepts a PNG from the report's shopper, stores it under its hash and answers 201 with its metadata", async () => {
    const content = png('first photo');
    const report = world.a.reports.submitted;
    const response = await upload(report.id, world.a.shopper.auth, content, 'counter.png').expect(201);
    const hash = sha256(content);
    expect(response.body).toEqual({
      id: expect.any(String),
      assignmentId: report.assignmentId,
      visitReportId: report.id,
      kind: 'image',
      mimeType: 'image/png',
      size: content.length,
      sizeBytes: content.length,
      sha256: hash,
      name: expect.stringMatching(/^evidencia-\d+\.png$/),
      originalName: 'counter.png',
      createdAt: expect.any(String),
    });

    const onDisk = join(ctx.dataDir, 'evidence', hash.slice(0, 2), hash);
    expect(readFileSync(onDisk).equals(content)).toBe(true);
    // written through a temporary file, none of which is left behind
    expect(readdirSync(join(ctx.dataDir, 'evidence', 'tmp'))).toEqual([]);
    const [row] = await ctx.db.query('SELECT storage_path, uploaded_by, size_bytes FROM evidence_files WHERE id = $1', [response.body.id]);
    expect(row).toEqual({
      storage_path: join('evidence', hash.slice(0, 2), hash),
      uploaded_by: world.a.shopper.user.id,
      size_bytes: String(content.length),
    });
    // a single upload of new content raises no integrity signal
    expect(await signalsOf(report.id)).toEqual([]);
  });

  it('accepts a PDF, typed by its content whatever name and type the client gives', async () => {
    const response = await upload(
      world.a.reports.submitted.id,
      world.a.shopper.auth,
      PDF,
      'receipt.bin',
      'application/octet-stream',
    ).expect(201);
    expect(response.body).toMatchObject({
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      originalName: 'receipt.bin',
    });
  });

  it('refuses a text file named .jpg with 415 and stores nothing', async () => {
    const before = await evidenceCount();
    const text = Buffer.from('I am plain text pretending to be a photo.\n'.repeat(4));
    const response = await upload(world.a.reports.submitted.id, world.a.shopper.auth, text, 'photo.jpg', 'image/jpeg').expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', message: expect.stringContaining('PNG') });
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(await evidenceCount()).toBe(before);
    expect(existsSync(join(ctx.dataDir, 'evidence', sha256(text).slice(0, 2), sha256(text)))).toBe(false);
  });

  it('refuses an SVG (an image that can carry scripts) with 415', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await upload(world.a.reports.submitted.id, world.a.shopper.auth, svg, 'chart.svg', 'image/svg+xml').expect(415);
  });

  it('refuses a file larger than UPLOAD_MAX_BYTES with 413 in the error shape', async () => {
    const before = await evidenceCount();
    const big = png('too big', UPLOAD_MAX_BYTES + 100);
    const response = await upload(world.a.reports.submitted.id, world.a.shopper.auth, big, 'big.png').expect(413);
    expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
    expect(await evidenceCount()).toBe(before);
  });

  it('answers 400 naming the field when no file is sent', async () => {
    const response = await ctx.http.post(`/visit-reports/${world.a.reports.submitted.id}/evidence`).set(world.a.shopper.auth).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it("answers 404 to anyone but the report's shopper, and 401 without a token", async () => {
    const report = world.a.reports.submitted;
    const content = png('not yours');
    for (const session of [world.b.shopper, world.a.clientUser, world.b.clientUser, world.consultant, world.admin]) {
      const response = await upload(report.id, session.auth, content, 'x.png').expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    await ctx.http.post(`/visit-reports/${report.id}/evidence`).attach('file', content, 'x.png').expect(401);
    await upload('00000000-0000-4000-8000-000000000000', world.a.shopper.auth, content, 'x.png').expect(404);
    await upload('not-a-uuid', world.a.shopper.auth, content, 'x.png').expect(400);
    expect(await ctx.db.query('SELECT 1 FROM evidence_files WHERE sha256 = $1', [sha256(content)])).toEqual([]);
  });

  it('keeps a non-ASCII file name and gives it back in Content-Disposition', async () => {
    const content = png('named in spanish');
    const created = await upload(world.a.reports.submitted.id, world.a.shopper.auth, content, 'recepción 1.png').expect(201);
    expect(created.body.originalName).toBe('recepción 1.png');
    const download = await ctx.http.get(`/evidence/${created.body.id}`).set(world.a.shopper.auth).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="recepci_n 1.png"; filename*=UTF-8''recepci%C3%B3n%201.png`);
  });

  it('lists and downloads evidence for the shopper and consultants, byte for byte', async () => {
    const report = world.a.reports.submitted;
    for (const session of [world.a.shopper, world.consultant, world.admin]) {
      const list = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(session.auth).expect(200);
      expect(list.body.map((file: { mimeType: string }) => file.mimeType)).toEqual(['image/png', 'application/pdf', 'image/png']);
    }
    const list = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.a.shopper.auth).expect(200);
    const pdf = list.body.find((file: { mimeType: string }) => file.mimeType === 'application/pdf');
    const download = await ctx.http.get(`/evidence/${pdf.id}`).set(world.consultant.auth).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="receipt.bin"; filename*=UTF-8''receipt.bin`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.isBuffer(download.body) && download.body.equals(PDF)).toBe(true);
  });

  it('hides evidence of unapproved reports from client users and everything from other tenants, with 404', async () => {
    const report = world.a.reports.submitted;
    const [file] = (await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.a.shopper.auth).expect(200)).body;
    for (const session of [world.a.clientUser, world.b.clientUser, world.b.shopper]) {
      const list = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(session.auth).expect(404);
      expect(JSON.stringify(list.body)).not.toContain(file.sha256);
      await ctx.http.get(`/evidence/${file.id}`).set(session.auth).expect(404);
    }
  });

  it("shows an approved report's evidence to its own client only, and takes no more uploads (409)", async () => {
    const { report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    // A real image: the client gets a copy re-encoded without metadata (evidence-metadata.e2e-spec.ts checks every kind).
    const content = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    const created = await upload(report.id, world.a.shopper.auth, content, 'approved.png').expect(201);
    await ctx.http.get(`/evidence/${created.body.id}`).set(world.a.clientUser.auth).expect(404);

    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2 WHERE id = $1`, [
      report.id,
      world.consultant.user.id,
    ]);

    const list = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.a.clientUser.auth).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'evidencia-1.png' })]);
    expect(list.body[0].originalName).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(world.a.shopper.user.id); // no shopper identity
    const download = await ctx.http.get(`/evidence/${created.body.id}`).set(world.a.clientUser.auth).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="evidencia-1.png"; filename*=UTF-8''evidencia-1.png`);
    expect(sha256(download.body)).toBe(list.body[0].sha256);
    expect(await sharp(download.body).raw().toBuffer()).toEqual(await sharp(content).raw().toBuffer());

    await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.b.clientUser.auth).expect(404);
    await ctx.http.get(`/evidence/${created.body.id}`).set(world.b.clientUser.auth).expect(404);

    const late = await upload(report.id, world.a.shopper.auth, png('too late'), 'late.png').expect(409);
    expect(late.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('approved') });
  });

  it('accepts evidence on a returned report', async () => {
    const { report } = await addTenantVisit(ctx, world.a, { status: 'returned' });
    await upload(report.id, world.a.shopper.auth, png('correction'), 'fixed.png').expect(201);
  });

  it('flags, without blocking, a file whose hash is already attached to another report', async () => {
    const first = world.b.reports.submitted;
    const { report: second } = await addTenantVisit(ctx, world.b, { status: 'submitted' });
    const content = png('reused photo');

    await upload(first.id, world.b.shopper.auth, content, 'original.png').expect(201);
    // the same content twice on the same report is not a duplicate across reports
    await upload(first.id, world.b.shopper.auth, content, 'again.png').expect(201);
    expect(await signalsOf(first.id)).toEqual([]);

    const reused = await upload(second.id, world.b.shopper.auth, content, 'reused.png').expect(201);
    expect(reused.body.sha256).toBe(sha256(content));
    const signals = await signalsOf(second.id);
    expect(signals).toEqual([{ kind: 'duplicate_evidence', reason: expect.stringContaining(first.id) }]);
    expect(signals[0].reason).toContain(sha256(content));
    // the first report is left alone, and a second copy on the same report does not repeat the signal
    expect(await signalsOf(first.id)).toEqual([]);
    await upload(second.id, world.b.shopper.auth, content, 'reused-again.png').expect(201);
    expect(await signalsOf(second.id)).toHaveLength(1);
    // one file on disk for all four rows
    const rows = await ctx.db.query('SELECT DISTINCT storage_path FROM evidence_files WHERE sha256 = $1', [sha256(content)]);
    expect(rows).toHaveLength(1);
  });
});
