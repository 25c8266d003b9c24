import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import type { ReadStream } from 'fs';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { assertCanReadVisitReport } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError, notFound } from '../common/errors/domain-error';
import { EvidenceFile, IntegritySignal, VisitReportStatus } from '../visit-reports/visit-report.entity';
import { ACCEPTED_EVIDENCE_DESCRIPTION, detectEvidenceType, safeOriginalName } from './domain/file-types';
import { EvidenceView } from './dto/evidence.dto';
import { EvidenceStorage } from './evidence-storage';

/** The report as access rules see it: its shopper, its status and its campaign's client. */
interface ReportAccessRow {
  id: string;
  shopperId: string;
  status: VisitReportStatus;
  clientId: string;
}

/** What an upload hands over: multer's in-memory file. */
export interface UploadedEvidence {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

/** Evidence may be added while the shopper is still working on the report. */
const UPLOADABLE: readonly VisitReportStatus[] = ['submitted', 'returned'];

export function toEvidenceView(row: EvidenceFile): EvidenceView {
  return {
    id: row.id,
    visitReportId: row.visitReportId,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    originalName: row.originalName,
    createdAt: row.createdAt,
  };
}

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: EvidenceStorage,
  ) {}

  /**
   * Only the shopper who wrote the report may add evidence (404 for everyone else), and only while it
   * is submitted or returned (409). Checked before the body is read (by EvidenceUploadGuard) and again,
   * under a row lock, when the file is recorded.
   */
  async assertCanUpload(actor: AuthUser, reportId: string, manager: EntityManager = this.db.manager, lock = false): Promise<ReportAccessRow> {
    const report = await this.findReport(reportId, manager, lock);
    if (!report || actor.role !== 'shopper' || report.shopperId !== actor.id) throw notFound('Visit report');
    if (!UPLOADABLE.includes(report.status)) {
      throw conflict(`Evidence can be added only while the report is submitted or returned (it is ${report.status})`);
    }
    return report;
  }

  async upload(actor: AuthUser, reportId: string, file: UploadedEvidence | undefined): Promise<EvidenceView> {
    await this.assertCanUpload(actor, reportId);
    if (!file || !Buffer.isBuffer(file.buffer)) {
      throw new DomainError('bad_request', 'A file is required in the multipart field "file"', [{ field: 'file', reason: 'required' }]);
    }
    const type = detectEvidenceType(file.buffer);
    if (!type) {
      throw new DomainError('unsupported_media_type', `Evidence must be one of: ${ACCEPTED_EVIDENCE_DESCRIPTION} (judged by the content)`, [
        { field: 'file', reason: 'content is not an accepted image, PDF or audio file' },
      ]);
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storagePath = await this.storage.put(sha256, file.buffer);
    const originalName = safeOriginalName(file.originalname, `evidence.${type.extension}`);

    return this.db.transaction(async (manager) => {
      await this.assertCanUpload(actor, reportId, manager, true);
      // Serialises uploads of the same content, so two reports sharing a file always see each other.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`evidence:${sha256}`]);
      const [row] = (await manager.query(
        `INSERT INTO evidence_files (visit_report_id, original_name, mime_type, size_bytes, sha256, storage_path, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, visit_report_id AS "visitReportId", original_name AS "originalName", mime_type AS "mimeType",
                   size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"`,
        [reportId, originalName, type.mimeType, file.buffer.length, sha256, storagePath, actor.id],
      )) as EvidenceFile[];

      const others = (await manager.query(
        `SELECT DISTINCT visit_report_id AS id FROM evidence_files WHERE sha256 = $1 AND visit_report_id <> $2 ORDER BY 1`,
        [sha256, reportId],
      )) as { id: string }[];
      if (others.length) await this.appendDuplicateSignal(manager, reportId, sha256, others.map((other) => other.id));
      return toEvidenceView(row);
    });
  }

  /** Warns reviewers, never blocks: appended in SQL, once per file content and report. */
  private async appendDuplicateSignal(manager: EntityManager, reportId: string, sha256: string, otherReportIds: string[]): Promise<void> {
    const shown = otherReportIds.slice(0, 5).join(', ') + (otherReportIds.length > 5 ? ` and ${otherReportIds.length - 5} more` : '');
    const signal: IntegritySignal = {
      kind: 'duplicate_evidence',
      reason: `Evidence file sha256:${sha256} is also attached to ${otherReportIds.length === 1 ? 'visit report' : 'visit reports'} ${shown}`,
    };
    await manager.query(
      `UPDATE visit_reports SET integrity_signals = integrity_signals || $2::jsonb
       WHERE id = $1
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(integrity_signals) s
                         WHERE s->>'kind' = 'duplicate_evidence' AND s->>'reason' LIKE $3)`,
      [reportId, JSON.stringify([signal]), `Evidence file sha256:${sha256} %`],
    );
  }

  async list(actor: AuthUser, reportId: string): Promise<EvidenceView[]> {
    const report = await this.findReport(reportId);
    if (!report) throw notFound('Visit report');
    assertCanReadVisitReport(actor, report);
    const rows = await this.db.getRepository(EvidenceFile).find({
      where: { visitReportId: reportId, purgedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toEvidenceView);
  }

  async open(actor: AuthUser, evidenceId: string): Promise<{ file: EvidenceView; stream: ReadStream; size: number }> {
    const file = await this.db.getRepository(EvidenceFile).findOneBy({ id: evidenceId });
    const report = file ? await this.findReport(file.visitReportId) : null;
    if (!file || !report) throw notFound('Evidence file');
    try {
      assertCanReadVisitReport(actor, report);
    } catch {
      throw notFound('Evidence file');
    }
    const stored = file.purgedAt ? null : await this.storage.open(file.storagePath);
    if (!stored) throw notFound('Evidence file');
    return { file: toEvidenceView(file), ...stored };
  }

  private async findReport(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<ReportAccessRow | null> {
    const rows = (await manager.query(
      `SELECT r.id, r.shopper_id AS "shopperId", r.status, c.client_id AS "clientId"
       FROM visit_reports r JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    )) as ReportAccessRow[];
    return rows[0] ?? null;
  }
}
