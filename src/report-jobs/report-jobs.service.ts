import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Transform } from 'stream';
import { DataSource } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { DomainError, forbidden, notFound, ruleViolation } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadDatabase, type ReadQueries } from '../database/read-database';
import { inTransaction } from '../database/transactions';
import { ReportQueryDto } from '../exports/dto/report-query.dto';
import { ExportsService } from '../exports/exports.service';
import { PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE, type ReportFileName } from '../exports/format';
import { resolveReportLanguage } from '../exports/i18n';
import { JobContext, JobQueue } from '../jobs/job-queue';
import type { KpiFilters } from '../kpis/kpi-model';
import { KpisService } from '../kpis/kpis.service';
import { OBJECT_STORAGE, type ObjectStorage, type StoredObject } from '../storage/object-storage';
import { UsersService } from '../users/users.service';
import { canonicalFilters, ReportFormat, reportCacheKey, rowProgress } from './domain/report-cache';
import { CreateReportJobDto, ReportJobState, ReportJobView } from './dto/report-job.dto';

const BUILD_JOB = 'report-build';
const PURGE_JOB = 'report-files-purge';
/** Progress is written at most this often while a file is built (each write is a row update). */
const PROGRESS_EVERY_MS = 1000;

interface JobRow {
  id: string;
  campaign_id: string;
  requested_by: string;
  format: ReportFormat;
  language: string;
  filters: KpiFilters;
  cache_key: string;
  state: ReportJobState;
  progress: number;
  error: string | null;
  from_cache: boolean;
  created_at: Date;
  finished_at: Date | null;
  report_file_id: string | null;
  file_name: string | null;
  file_name_ascii: string | null;
  content_type: string | null;
  size: string | null;
  storage_key: string | null;
  expires_at: Date | null;
}

const JOB_SELECT = `
  SELECT j.*, f.file_name, f.file_name_ascii, f.content_type, f.size, f.storage_key, f.expires_at
    FROM report_jobs j LEFT JOIN report_files f ON f.id = j.report_file_id`;

/**
 * Reports built in the background (API.md "Report jobs"): a job is queued on pg-boss and built by
 * whichever instance takes it; its file goes to the object storage (the data folder or S3), so any
 * instance can serve it. A file is reused for any later request with the same cache key (same campaign,
 * format, language, filters, audience and data) until it expires after REPORT_RETENTION_HOURS.
 */
@Injectable()
export class ReportJobsService implements OnModuleInit {
  private readonly logger = new Logger(ReportJobsService.name);

  constructor(
    private readonly dataSource: DataSource,
    /** Where the exports read their data (a replica with DATABASE_READ_URL): a file is filed under that data's fingerprint. */
    @Inject(ReadDatabase) private readonly readDb: ReadQueries,
    private readonly exports: ExportsService,
    private readonly kpis: KpisService,
    private readonly users: UsersService,
    private readonly jobs: JobQueue,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ jobId: string }>({
      name: BUILD_JOB,
      retryLimit: 2,
      retryDelaySeconds: 5,
      // A build cut short by a dying instance is taken up again by another one after this long.
      expireInSeconds: 15 * 60,
      handle: (data, job) => this.build(data.jobId, job),
    });
    this.jobs.define({ name: PURGE_JOB, schedule: '*/15 * * * *', retryLimit: 0, handle: () => this.purgeExpired().then(() => undefined) });
  }

  async create(user: AuthUser, campaignId: string, dto: CreateReportJobDto): Promise<ReportJobView> {
    const campaign = await this.kpis.readableCampaign(user, campaignId);
    const filters = canonicalFilters(dto.filters?.toFilters() ?? {});
    const language = resolveReportLanguage(dto.lang, campaign.language);
    const cacheKey = await this.cacheKeyFor(user, campaignId, dto.format, language, filters, this.dataSource);
    const cached = await this.cachedFile(cacheKey);
    const jobId = await inTransaction(this.dataSource, async ({ manager }) => {
      const [{ id }] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO report_jobs (campaign_id, requested_by, format, language, filters, cache_key, state, progress, report_file_id,
                                  from_cache, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 THEN now() END, CASE WHEN $10 THEN now() END)
         RETURNING id`,
        [
          campaignId,
          user.id,
          dto.format,
          language,
          JSON.stringify(filters),
          cacheKey,
          cached ? 'done' : 'queued',
          cached ? 100 : 0,
          cached,
          cached !== null,
        ],
      );
      // Queued in the same transaction: the job exists if and only if its row does.
      if (!cached) await this.jobs.send(BUILD_JOB, { jobId: id }, manager);
      return id;
    });
    return this.view(user, jobId);
  }

  async view(user: AuthUser, jobId: string): Promise<ReportJobView> {
    return toView(await this.ownJob(user, jobId));
  }

  /** The file of a finished job, to stream; 409 while it is not done, or once its file expired. */
  async download(user: AuthUser, jobId: string): Promise<{ fileName: ReportFileName; contentType: string; file: StoredObject }> {
    const job = await this.ownJob(user, jobId);
    if (job.state !== 'done') throw ruleViolation('REPORT_NOT_READY', `The report job is ${job.state}`);
    const expired = () => ruleViolation('REPORT_EXPIRED', 'The report file was deleted after its retention time; start a new report job');
    if (!job.storage_key || !job.expires_at || job.expires_at.getTime() <= Date.now()) throw expired();
    const file = await this.storage.open(job.storage_key);
    if (!file) throw expired();
    return { fileName: { utf8: job.file_name!, ascii: job.file_name_ascii! }, contentType: job.content_type!, file };
  }

  /** Deletes the files past their retention, and jobs a week older than that. Returns the files deleted. */
  async purgeExpired(): Promise<number> {
    const expired = await this.dataSource.query<Array<{ id: string; storage_key: string }>>(
      `SELECT id, storage_key FROM report_files WHERE expires_at <= now() ORDER BY expires_at LIMIT 1000`,
    );
    for (const file of expired) {
      // The row goes first: a file no row points to is never served, whereas a row without its file would be.
      await this.dataSource.query(`DELETE FROM report_files WHERE id = $1`, [file.id]);
      await this.storage.delete(file.storage_key);
    }
    await this.dataSource.query(`DELETE FROM report_jobs WHERE created_at < now() - make_interval(hours => $1) - interval '7 days'`, [
      this.config.reportRetentionHours,
    ]);
    return expired.length;
  }

  /** The worker: builds the file of a queued job (on whichever instance took it). */
  private async build(jobId: string, attempt: JobContext): Promise<void> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[job]] = await this.dataSource.query<[JobRow[], number]>(
      `UPDATE report_jobs SET state = 'running', started_at = now(), attempts = attempts + 1, progress = 1, error = NULL
        WHERE id = $1 AND state IN ('queued', 'running') RETURNING *`,
      [jobId],
    );
    if (!job) return; // done already (a repeated delivery) or deleted
    try {
      const requester = await this.users.findActiveAuthUser(job.requested_by);
      if (!requester) throw forbidden('The account that asked for the report is no longer active');
      // Access is decided again: the requester may have lost it since, and a cached file must not slip through.
      await this.kpis.readableCampaign(requester, job.campaign_id);
      // The data may have changed since the request: the file is filed under what it is built from,
      // read before building (a change while building then only makes the next request rebuild).
      const cacheKey = await this.cacheKeyFor(requester, job.campaign_id, job.format, job.language, job.filters, this.readDb);
      const fileId = (await this.cachedFile(cacheKey)) ?? (await this.buildFile(job, requester, cacheKey));
      await this.dataSource.query(
        `UPDATE report_jobs SET state = 'done', progress = 100, cache_key = $2, report_file_id = $3, finished_at = now() WHERE id = $1`,
        [jobId, cacheKey, fileId],
      );
    } catch (error) {
      const final = attempt.retryCount >= attempt.retryLimit || error instanceof DomainError;
      this.logger.warn(
        `Report job ${jobId} attempt ${attempt.retryCount + 1} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      await this.dataSource.query(
        `UPDATE report_jobs SET state = $2::varchar, progress = 0, error = $3, finished_at = CASE WHEN $2::varchar = 'failed' THEN now() END WHERE id = $1`,
        [jobId, final ? 'failed' : 'queued', final ? failureMessage(error) : null],
      );
      if (!final) throw error; // pg-boss tries again after a delay, here or on another instance
    }
  }

  private async buildFile(job: JobRow, requester: AuthUser, cacheKey: string): Promise<string> {
    const query = Object.assign(new ReportQueryDto(), job.filters, { lang: job.language });
    const fileId = randomUUID();
    const storageKey = `reports/${fileId}.${job.format}`;
    const progress = this.progressWriter(job.id);
    let fileName: ReportFileName;
    let size: number;
    if (job.format === 'pdf') {
      await progress(10);
      const pdf = await this.exports.pdf(requester, job.campaign_id, query);
      await progress(90);
      await this.storage.put(storageKey, pdf.body);
      ({ fileName } = pdf);
      size = pdf.body.length;
    } else {
      const workbook = await this.exports.prepareXlsx(requester, job.campaign_id, query);
      await progress(10);
      let bytes = 0;
      const out = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const written = workbook
        .write(out, (rows) => void progress(rowProgress(rows, workbook.expectedRows)))
        .catch((error: unknown) => {
          out.destroy(error instanceof Error ? error : new Error(String(error)));
          throw error;
        });
      await Promise.all([this.storage.put(storageKey, out), written]);
      fileName = workbook.fileName;
      size = bytes;
    }
    await this.dataSource.query(
      `INSERT INTO report_files (id, cache_key, storage_key, file_name, file_name_ascii, content_type, size, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8))`,
      [
        fileId,
        cacheKey,
        storageKey,
        fileName.utf8,
        fileName.ascii,
        job.format === 'pdf' ? PDF_CONTENT_TYPE : XLSX_CONTENT_TYPE,
        size,
        this.config.reportRetentionHours,
      ],
    );
    return fileId;
  }

  /** Writes the job's progress, at most once a second and never backwards; never fails the build. */
  private progressWriter(jobId: string): (percent: number) => Promise<void> {
    let lastWrite = 0;
    return async (percent) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS && percent < 90) return;
      lastWrite = now;
      await this.dataSource
        .query(`UPDATE report_jobs SET progress = GREATEST(progress, $2) WHERE id = $1 AND state = 'running'`, [jobId, percent])
        .catch((error: unknown) => this.logger.warn(`Report job ${jobId}: progress not saved: ${String(error)}`));
    };
  }

  /**
   * The cache key of a report, with the data fingerprint read from `db`: the primary when looking a file
   * up, the read connection when building, so that a file built from a lagging replica is filed under
   * the replica's (older) state and is never served for newer data.
   */
  private async cacheKeyFor(
    user: AuthUser,
    campaignId: string,
    format: ReportFormat,
    language: string,
    filters: KpiFilters,
    db: ReadQueries,
  ): Promise<string> {
    const staff = isStaff(user);
    // includeUnapproved is a staff-only choice (ignored for clients): it only divides staff files.
    const effective = staff ? filters : { ...filters, includeUnapproved: undefined };
    return reportCacheKey({
      campaignId,
      format,
      language,
      filters: effective,
      audience: staff ? 'staff' : 'client',
      dataFingerprint: await this.dataFingerprint(campaignId, db),
    });
  }

  /**
   * The state of everything a campaign report is drawn from: the change counters
   * of the campaign's and the previous wave's visit reports (bumped by a trigger on every write), and
   * the rows of the two campaigns, their client and its touchpoints (names, regions, targets…).
   */
  private async dataFingerprint(campaignId: string, db: ReadQueries): Promise<string> {
    const [row] = await db.query<Array<{ fingerprint: string }>>(
      `SELECT concat_ws('|',
                (SELECT coalesce(sum(changes), 0) FROM campaign_data_versions WHERE campaign_id = c.id),
                (SELECT coalesce(sum(changes), 0) FROM campaign_data_versions WHERE campaign_id = c.previous_campaign_id),
                md5(c::text), md5(coalesce(p::text, '')), md5(cl::text),
                (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM touchpoints t WHERE t.client_id = c.client_id)
              ) AS fingerprint
         FROM campaigns c JOIN clients cl ON cl.id = c.client_id LEFT JOIN campaigns p ON p.id = c.previous_campaign_id
        WHERE c.id = $1`,
      [campaignId],
    );
    if (!row) throw notFound('Campaign');
    return row.fingerprint;
  }

  private async cachedFile(cacheKey: string): Promise<string | null> {
    const [file] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM report_files WHERE cache_key = $1 AND expires_at > now() + interval '1 minute' ORDER BY expires_at DESC LIMIT 1`,
      [cacheKey],
    );
    return file?.id ?? null;
  }

  /** A job of the caller's; anyone else's is a 404, as if it did not exist. */
  private async ownJob(user: AuthUser, jobId: string): Promise<JobRow> {
    const [job] = await this.dataSource.query<JobRow[]>(`${JOB_SELECT} WHERE j.id = $1 AND j.requested_by = $2`, [jobId, user.id]);
    if (!job) throw notFound('Report job');
    return job;
  }
}

function toView(job: JobRow): ReportJobView {
  const view: ReportJobView = {
    id: job.id,
    state: job.state,
    progress: job.progress,
    campaignId: job.campaign_id,
    format: job.format,
    lang: job.language,
    fromCache: job.from_cache,
    createdAt: job.created_at.toISOString(),
  };
  if (job.error) view.error = job.error;
  if (job.finished_at) view.finishedAt = job.finished_at.toISOString();
  if (job.state === 'done' && job.file_name) {
    view.fileName = job.file_name;
    view.size = Number(job.size);
    view.expiresAt = job.expires_at!.toISOString();
  }
  return view;
}

/** What a failed job tells its requester: a refusal's own sentence, otherwise nothing internal. */
function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return 'The report could not be built; try again later or ask the consultancy';
}
