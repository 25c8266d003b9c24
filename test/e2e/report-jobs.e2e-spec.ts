// Report jobs (API.md "Report jobs"): POST /campaigns/:id/report-jobs → 202, GET /report-jobs/:id with
// its progress, GET /report-jobs/:id/download. Built by the pg-boss worker of the test app, on the
// exports' small Spanish campaign (test/factories/exports.factory.ts); reused while the data is the
// same, rebuilt once a visit is approved, deleted after its retention.
import * as ExcelJS from 'exceljs';
import { existsSync } from 'fs';
import { join } from 'path';
import { readPdf } from '../../src/exports/testing/pdf-text';
import { JobQueue } from '../../src/jobs/job-queue';
import { ReportJobsService } from '../../src/report-jobs/report-jobs.service';
import { seedExportsCast, SHOPPER_EMAIL_PREFIX, SHOPPER_NAME, type ExportsWorld } from '../factories/exports.factory';
import { createUser, Session } from '../factories/users.factory';
import { createTestApp, TestContext } from '../helpers/test-app';
import { binary } from '../helpers/binary';

jest.setTimeout(90_000);

interface JobView {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error?: string;
  fromCache: boolean;
  fileName?: string;
  size?: number;
  expiresAt?: string;
}

describe('report jobs', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let client: Session;
  let otherClient: Session;
  let shopper: Session;
  let world: ExportsWorld;

  beforeAll(async () => {
    ctx = await createTestApp({
      JOB_POLLING_SECONDS: '1',
      REPORT_RETENTION_HOURS: '24',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    ({ admin, consultant, shopper, client, otherClient, world } = await seedExportsCast(ctx));
  });
  afterAll(() => ctx.close());

  const start = (session: Session, body: object, campaignId = world.campaignId) =>
    ctx.http.post(`/campaigns/${campaignId}/report-jobs`).set(session.auth).send(body);
  const status = async (session: Session, id: string) =>
    (await ctx.http.get(`/report-jobs/${id}`).set(session.auth).expect(200)).body as JobView;
  const download = (session: Session, id: string) =>
    ctx.http.get(`/report-jobs/${id}/download`).set(session.auth).buffer(true).parse(binary);
  const refusal = async (session: Session, id: string) =>
    (await ctx.http.get(`/report-jobs/${id}/download`).set(session.auth).expect(409)).body as object;

  /** Polls the job as the web app does until it is done or failed; returns every progress seen. */
  async function finished(session: Session, id: string): Promise<{ job: JobView; progress: number[] }> {
    const progress: number[] = [];
    for (let i = 0; i < 600; i++) {
      const job = await status(session, id);
      progress.push(job.progress);
      if (job.state === 'done' || job.state === 'failed') return { job, progress };
      await new Promise((resolve) => {
        setTimeout(resolve, 100);
      });
    }
    throw new Error(`job ${id} did not finish`);
  }

  let firstPdf: Buffer;
  let firstJobId: string;

  it('builds a client’s PDF in the background, tells its progress, and serves it without shopper data', async () => {
    const created = await start(client, { format: 'pdf', lang: 'es' }).expect(202);
    expect(created.body).toMatchObject({ state: 'queued', progress: 0, fromCache: false, format: 'pdf', lang: 'es' });
    firstJobId = created.body.id;
    const { job, progress } = await finished(client, firstJobId);
    expect(job).toMatchObject({ state: 'done', progress: 100 });
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never backwards
    expect(job.fileName).toMatch(/^oleada-2-atención-al-cliente-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(new Date(job.expiresAt!).getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const response = await download(client, firstJobId).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment; filename="oleada-2-atencion-al-cliente-');
    firstPdf = response.body as Buffer;
    expect(firstPdf.length).toBe(job.size);
    const { text } = await readPdf(firstPdf);
    expect(text).toContain('Oleada 2 – Atención al cliente');
    for (const secret of [SHOPPER_NAME, SHOPPER_EMAIL_PREFIX, shopper.user.id]) expect(text).not.toContain(secret);
  });

  it('serves the same report again from the stored file while nothing changed', async () => {
    const again = await start(client, { format: 'pdf', lang: 'es', filters: {} }).expect(202);
    expect(again.body).toMatchObject({ state: 'done', progress: 100, fromCache: true });
    expect(again.body.id).not.toBe(firstJobId);
    const response = await download(client, again.body.id).expect(200);
    expect(Buffer.compare(response.body as Buffer, firstPdf)).toBe(0);
  });

  it('does not give a client the file built for staff, nor another language or filter', async () => {
    for (const [session, body] of [
      [consultant, { format: 'pdf', lang: 'es' }],
      [client, { format: 'pdf', lang: 'en' }],
      [client, { format: 'pdf', lang: 'es', filters: { channel: 'phone' } }],
    ] as const) {
      const created = await start(session, body).expect(202);
      expect(created.body.fromCache).toBe(false);
      expect((await finished(session, created.body.id)).job.state).toBe('done');
    }
  });

  it('builds the report again once a visit is approved', async () => {
    const [{ id: submitted }] = await ctx.db.query<Array<{ id: string }>>(
      `SELECT id FROM visit_reports WHERE campaign_id = $1 AND status = 'submitted'`,
      [world.campaignId],
    );
    await ctx.http.post(`/visit-reports/${submitted}/approve`).set(consultant.auth).expect(200);
    const created = await start(client, { format: 'pdf', lang: 'es' }).expect(202);
    expect(created.body.fromCache).toBe(false);
    const { job } = await finished(client, created.body.id);
    const { text } = await readPdf((await download(client, job.id).expect(200)).body as Buffer);
    const model = (await ctx.http.get(`/campaigns/${world.campaignId}/kpis`).set(client.auth).expect(200)).body as { n: number };
    expect(model.n).toBe(4);
    expect(text).not.toBe((await readPdf(firstPdf)).text);
  });

  it('streams an Excel workbook into storage with one row per visit', async () => {
    const created = await start(consultant, { format: 'xlsx', lang: 'en', filters: { includeUnapproved: true } }).expect(202);
    const { job } = await finished(consultant, created.body.id);
    expect(job.state).toBe('done');
    const response = await download(consultant, job.id).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const visits = workbook.worksheets.find((sheet) => sheet.name === 'Visits')!;
    const [{ count }] = await ctx.db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM visit_reports WHERE campaign_id = $1 AND status IN ('submitted', 'approved')`,
      [world.campaignId],
    );
    expect(visits.actualRowCount - 1).toBe(count);
  });

  it('shows a job only to whoever started it, and refuses shoppers and other clients’ campaigns', async () => {
    await ctx.http.get(`/report-jobs/${firstJobId}`).set(otherClient.auth).expect(404);
    await ctx.http.get(`/report-jobs/${firstJobId}`).set(consultant.auth).expect(404);
    await ctx.http.get(`/report-jobs/${firstJobId}/download`).set(otherClient.auth).expect(404);
    await start(otherClient, { format: 'pdf' }).expect(404);
    await start(shopper, { format: 'pdf' }).expect(403);
    await ctx.http.get('/report-jobs/5b1e0f8e-0000-4000-8000-000000000000').set(client.auth).expect(404);
    await start(client, { format: 'pdf' }, '5b1e0f8e-0000-4000-8000-000000000000').expect(404);
  });

  it('answers bad requests with a 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ format: 'doc' }, 'format'],
      [{}, 'format'],
      [{ format: 'pdf', lang: 'fr' }, 'lang'],
      [{ format: 'pdf', filters: { channel: 'fax' } }, 'filters.channel'],
      [{ format: 'pdf', filters: { from: '2026-13-01' } }, 'filters.from'],
      [{ format: 'pdf', filters: { nickname: 'x' } }, 'filters.nickname'],
      [{ format: 'pdf', filters: { region: 'a\u0000b' } }, 'filters.region'],
    ];
    for (const [body, field] of cases) {
      const response = await start(client, body).expect(400);
      expect((response.body.details as Array<{ field: string }>).map((detail) => detail.field)).toContain(field);
    }
    await ctx.http.get('/report-jobs/not-a-uuid').set(client.auth).expect(400);
  });

  it('refuses a download while the job is not done, and once its file expired; the purge deletes the file', async () => {
    const [{ id: queued }] = await ctx.db.query<Array<{ id: string }>>(
      `INSERT INTO report_jobs (campaign_id, requested_by, format, language, filters, cache_key, state)
       VALUES ($1, $2, 'pdf', 'es', '{}', repeat('0', 64), 'queued') RETURNING id`,
      [world.campaignId, client.user.id],
    );
    expect(await refusal(client, queued)).toMatchObject({ code: 'REPORT_NOT_READY' });

    const [file] = await ctx.db.query<Array<{ id: string; storage_key: string }>>(
      `SELECT f.id, f.storage_key FROM report_jobs j JOIN report_files f ON f.id = j.report_file_id WHERE j.id = $1`,
      [firstJobId],
    );
    expect(existsSync(join(ctx.dataDir, file.storage_key))).toBe(true);
    const [, expiring] = await ctx.db.query<[unknown, number]>(`UPDATE report_files SET expires_at = now() - interval '1 second'`);
    expect(await refusal(client, firstJobId)).toMatchObject({ code: 'REPORT_EXPIRED' });
    expect(await ctx.app.get(ReportJobsService).purgeExpired()).toBe(expiring);
    expect(existsSync(join(ctx.dataDir, file.storage_key))).toBe(false);
    expect(await refusal(client, firstJobId)).toMatchObject({ code: 'REPORT_EXPIRED' });
    // An expired file is never reused: the same request builds again.
    const rebuilt = await start(client, { format: 'pdf', lang: 'es' }).expect(202);
    expect(rebuilt.body).toMatchObject({ state: 'queued', fromCache: false });
    expect((await finished(client, rebuilt.body.id)).job.state).toBe('done');
  });

  it('fails a job for good, with a reason, when its requester can no longer read the campaign', async () => {
    const leaver = await createUser(ctx.http, admin, { role: 'client', clientId: world.clientId });
    const [{ id }] = await ctx.db.query<Array<{ id: string }>>(
      `INSERT INTO report_jobs (campaign_id, requested_by, format, language, filters, cache_key, state)
       VALUES ($1, $2, 'pdf', 'es', '{}', repeat('0', 64), 'queued') RETURNING id`,
      [world.campaignId, leaver.user.id],
    );
    await ctx.db.query(`UPDATE users SET client_id = $2 WHERE id = $1`, [leaver.user.id, world.otherClientId]);
    await ctx.app.get(JobQueue).send('report-build', { jobId: id });
    const { job } = await finished(leaver, id);
    expect(job).toMatchObject({ state: 'failed', progress: 0, error: 'Campaign not found' });
  });
});
