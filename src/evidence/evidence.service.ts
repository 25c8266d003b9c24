import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import type { Readable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanReadVisitReport } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError, forbidden, notFound } from '../common/errors/domain-error';
import type { AssignmentStatus } from '../assignments/domain/assignment-state';
import type { IntegritySignal, VisitReportStatus } from '../visit-reports/visit-report.entity';
import type { PhotoCapture } from './domain/exif';
import { ACCEPTED_EVIDENCE_DESCRIPTION, detectEvidenceType, extensionOf, safeOriginalName } from './domain/file-types';
import { neutralName, photoSignals } from './domain/photo-signals';
import { duplicateSignals, photoOf } from './evidence-signals';
import { EvidenceView } from './dto/evidence.dto';
import { sanitizeEvidence } from './evidence-sanitizer';
import { EvidenceStorage } from './evidence-storage';

/** The assignment as evidence rules see it, with its report (if any) and its campaign's client. */
interface AssignmentAccessRow {
  id: string;
  shopperId: string | null;
  status: AssignmentStatus;
  clientId: string;
  reportId: string | null;
  reportShopperId: string | null;
  reportStatus: VisitReportStatus | null;
  visitedAt: Date | null;
}

/** An evidence_files row as the service reads it. */
export interface EvidenceRow {
  id: string;
  assignmentId: string;
  visitReportId: string | null;
  ordinal: number;
  originalName: string;
  mimeType: string;
  sizeBytes: string;
  sha256: string;
  storagePath: string;
  shareableStoragePath: string | null;
  shareableSizeBytes: string | null;
  shareableSha256: string | null;
  sanitizedAt: Date | null;
  capture: PhotoCapture | null;
  requestHash: string | null;
  uploadedBy: string;
  purgedAt: Date | null;
  createdAt: Date;
}

const EVIDENCE_COLUMNS = `e.id, e.assignment_id AS "assignmentId", e.visit_report_id AS "visitReportId", e.ordinal,
  e.original_name AS "originalName", e.mime_type AS "mimeType", e.size_bytes AS "sizeBytes", e.sha256,
  e.storage_path AS "storagePath", e.shareable_storage_path AS "shareableStoragePath",
  e.shareable_size_bytes AS "shareableSizeBytes", e.shareable_sha256 AS "shareableSha256", e.sanitized_at AS "sanitizedAt",
  e.capture, e.request_hash AS "requestHash", e.uploaded_by AS "uploadedBy", e.purged_at AS "purgedAt", e.created_at AS "createdAt"`;

/** What an upload hands over: the file read into memory (EvidenceFileInterceptor). */
export interface UploadedEvidence {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

/** Where an upload goes: straight to the assignment, or through its report (the older route). */
export type UploadTarget = { assignmentId: string } | { reportId: string };

/** A shopper may add evidence while the work is theirs and not yet approved: before and after submitting. */
const UPLOADABLE_ASSIGNMENT: readonly AssignmentStatus[] = ['assigned', 'submitted', 'returned'];
/** Through the report route: while the report is submitted or returned (as before). */
const UPLOADABLE_REPORT: readonly VisitReportStatus[] = ['submitted', 'returned'];
const MAX_KEY_LENGTH = 200;

const isStaff = (actor: AuthUser) => actor.role === 'admin' || actor.role === 'consultant';

/**
 * What a caller may see of a file. Client users get the neutral name and the cleaned copy's size and
 * hash only; the shopper who uploaded it also sees their own file name; staff see the capture data.
 */
export function toEvidenceView(row: EvidenceRow, actor: AuthUser): EvidenceView {
  const kind = row.mimeType.split('/')[0] === 'application' ? 'document' : row.mimeType.split('/')[0];
  const client = actor.role === 'client';
  const size = Number(client ? (row.shareableSizeBytes ?? 0) : row.sizeBytes);
  const view: EvidenceView = {
    id: row.id,
    assignmentId: row.assignmentId,
    visitReportId: row.visitReportId,
    kind,
    mimeType: row.mimeType,
    size,
    sizeBytes: size,
    sha256: client ? (row.shareableSha256 ?? '') : row.sha256,
    name: neutralName(row.ordinal, extensionOf(row.mimeType)),
    createdAt: row.createdAt,
  };
  if (!client) view.originalName = row.originalName;
  if (isStaff(actor)) {
    view.capture = row.capture;
    view.shareable = row.sanitizedAt === null || row.shareableStoragePath !== null;
  }
  return view;
}

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: EvidenceStorage,
  ) {}

  /**
   * Only the shopper of the assignment may add evidence (404 for everyone else), and only while the
   * work is theirs and not approved (409). Checked before the body is read (by the upload guards) and
   * again, under a row lock, when the file is recorded. Returns the assignment id the file goes to.
   */
  async assertCanUpload(
    actor: AuthUser,
    target: UploadTarget,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<AssignmentAccessRow> {
    if ('reportId' in target) {
      const row = await this.findAssignment({ reportId: target.reportId }, manager, lock);
      if (!row || actor.role !== 'shopper' || row.reportShopperId !== actor.id) throw notFound('Visit report');
      if (!UPLOADABLE_REPORT.includes(row.reportStatus!)) {
        throw conflict(`Evidence can be added only while the report is submitted or returned (it is ${row.reportStatus})`);
      }
      return row;
    }
    const row = await this.findAssignment({ assignmentId: target.assignmentId }, manager, lock);
    if (!row || actor.role !== 'shopper' || row.shopperId !== actor.id) throw notFound('Assignment');
    if (!UPLOADABLE_ASSIGNMENT.includes(row.status)) {
      throw conflict(`Evidence can be added only while the assignment is assigned, submitted or returned (it is ${row.status})`, [
        { field: 'status', reason: `the assignment is ${row.status}` },
      ]);
    }
    return row;
  }

  /**
   * Stores the original (for staff and the shopper) and a copy without metadata (for client users),
   * made once here so downloads stay a plain file read. With an Idempotency-Key, a retry of the same
   * upload answers with the file already stored; the key with another file or assignment is 409.
   */
  async upload(actor: AuthUser, target: UploadTarget, file: UploadedEvidence | undefined, idempotencyKey?: string): Promise<EvidenceView> {
    const key = checkOptionalKey(idempotencyKey);
    const access = await this.assertCanUpload(actor, target);
    if (!file || !Buffer.isBuffer(file.buffer)) {
      throw new DomainError('bad_request', 'A file is required in the multipart field "file"', [{ field: 'file', reason: 'required' }]);
    }
    const type = detectEvidenceType(file.buffer);
    if (!type) {
      throw new DomainError('unsupported_media_type', `Evidence must be one of: ${ACCEPTED_EVIDENCE_DESCRIPTION} (judged by the content)`, [
        { field: 'file', reason: 'content is not an accepted image, PDF or audio file' },
      ]);
    }
    const sha256 = sha256Of(file.buffer);
    const requestHash = sha256Of(Buffer.from(`${access.id}|${sha256}`));
    if (key) {
      const replayed = await this.replay(actor, key, requestHash);
      if (replayed) return replayed;
    }

    const { shareable, capture } = await sanitizeEvidence(file.buffer, type);
    const storagePath = await this.storage.put(sha256, file.buffer);
    const shareableSha256 = shareable ? sha256Of(shareable) : null;
    const shareablePath = shareable ? await this.storage.put(shareableSha256!, shareable) : null;
    const originalName = safeOriginalName(file.originalname, `evidence.${type.extension}`);

    const stored = await this.db.transaction(async (manager) => {
      const locked = await this.assertCanUpload(actor, target, manager, true);
      // Serialises uploads of the same content, so two assignments sharing a file always see each other.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`evidence:${sha256}`]);
      const [row] = await manager.query<EvidenceRow[]>(
        `INSERT INTO evidence_files (assignment_id, visit_report_id, ordinal, original_name, mime_type, size_bytes, sha256, storage_path,
                                     shareable_storage_path, shareable_size_bytes, shareable_sha256, sanitized_at, capture,
                                     idempotency_key, request_hash, uploaded_by)
         SELECT $1, $2, COALESCE((SELECT max(ordinal) FROM evidence_files WHERE assignment_id = $1), 0) + 1, $3, $4, $5, $6, $7,
                $8, $9, $10, now(), $11::jsonb, $12, $13, $14
         ON CONFLICT (uploaded_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING ${EVIDENCE_COLUMNS.replace(/\be\./g, '')}`,
        [
          locked.id,
          locked.reportId,
          originalName,
          type.mimeType,
          file.buffer.length,
          sha256,
          storagePath,
          shareablePath,
          shareable?.length ?? null,
          shareableSha256,
          capture ? JSON.stringify(capture) : null,
          key,
          key ? requestHash : null,
          actor.id,
        ],
      );
      if (!row) return null; // the key was taken by a racing retry: answered below, outside this transaction
      if (locked.reportId) {
        await this.appendSignals(manager, locked.reportId, await duplicateSignals(manager, locked.id, [row]));
        if (locked.visitedAt) {
          await this.appendSignals(manager, locked.reportId, photoSignals([photoOf(row)], new Date(locked.visitedAt)));
        }
      }
      return row;
    });
    if (stored) return toEvidenceView(stored, actor);
    return (await this.replay(actor, key!, requestHash))!;
  }

  /** The file stored earlier with this key (same assignment and content), 409 for another request, null when the key is new. */
  private async replay(actor: AuthUser, key: string, requestHash: string): Promise<EvidenceView | null> {
    const [row] = await this.db.query<EvidenceRow[]>(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence_files e WHERE e.uploaded_by = $1 AND e.idempotency_key = $2`,
      [actor.id, key],
    );
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw conflict('This Idempotency-Key was already used for a different upload', [
        { field: 'Idempotency-Key', reason: 'already used with another file or assignment; use a new key for a new upload' },
      ]);
    }
    return toEvidenceView(row, actor);
  }

  /** Appends signals to a report, each at most once (same kind and reason). */
  private async appendSignals(manager: EntityManager, reportId: string, signals: IntegritySignal[]): Promise<void> {
    for (const signal of signals) {
      await manager.query(
        `UPDATE visit_reports SET integrity_signals = integrity_signals || $2::jsonb
          WHERE id = $1 AND NOT (integrity_signals @> $2::jsonb)`,
        [reportId, JSON.stringify([signal])],
      );
    }
  }

  /** GET /visit-reports/:id/evidence: whoever may read the report (client users: approved reports of their client). */
  async listForReport(actor: AuthUser, reportId: string): Promise<EvidenceView[]> {
    const access = await this.findAssignment({ reportId });
    if (!access) throw notFound('Visit report');
    assertCanReadVisitReport(actor, { shopperId: access.reportShopperId!, status: access.reportStatus!, clientId: access.clientId });
    return this.listRows(access.id, actor);
  }

  /** GET /assignments/:id/evidence: the assigned shopper and staff. */
  async listForAssignment(actor: AuthUser, assignmentId: string): Promise<EvidenceView[]> {
    if (actor.role === 'client') throw forbidden('Client users see evidence through approved visit reports');
    const access = await this.findAssignment({ assignmentId });
    if (!access || (!isStaff(actor) && access.shopperId !== actor.id)) throw notFound('Assignment');
    return this.listRows(access.id, actor);
  }

  private async listRows(assignmentId: string, actor: AuthUser): Promise<EvidenceView[]> {
    // A shopper sees only the files they uploaded, whatever else the job holds.
    const rows = await this.db.query<EvidenceRow[]>(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence_files e
        WHERE e.assignment_id = $1 AND e.purged_at IS NULL AND ($2::uuid IS NULL OR e.uploaded_by = $2)
        ORDER BY e.ordinal`,
      [assignmentId, actor.role === 'shopper' ? actor.id : null],
    );
    if (actor.role !== 'client') return rows.map((row) => toEvidenceView(row, actor));
    // Client users see the cleaned copies' sizes and hashes (files stored before copies existed get
    // theirs now, once), and never a file withheld from them (no cleaned copy could be made).
    const cleaned: EvidenceRow[] = [];
    for (const row of rows) cleaned.push(row.sanitizedAt ? row : await this.sanitizeStored(row));
    return cleaned.filter((row) => row.shareableStoragePath !== null).map((row) => toEvidenceView(row, actor));
  }

  /**
   * A download. Client users get the copy without metadata, under the neutral name; a file that could
   * not be cleaned is withheld from them (404, as for a file they may not see). Everyone else who may
   * read the report (or, before it exists, the assignment) gets the original.
   */
  async open(actor: AuthUser, evidenceId: string): Promise<{ file: EvidenceView; stream: Readable; size: number; downloadName: string }> {
    const [row] = await this.db.query<EvidenceRow[]>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence_files e WHERE e.id = $1`, [evidenceId]);
    const access = row ? await this.findAssignment({ assignmentId: row.assignmentId }) : null;
    if (!row || !access || row.purgedAt) throw notFound('Evidence file');
    const mayRead = access.reportId
      ? canReadReport(actor, { shopperId: access.reportShopperId!, status: access.reportStatus!, clientId: access.clientId })
      : isStaff(actor) || (actor.role === 'shopper' && access.shopperId === actor.id);
    if (!mayRead || (actor.role === 'shopper' && row.uploadedBy !== actor.id)) throw notFound('Evidence file');

    const name = neutralName(row.ordinal, extensionOf(row.mimeType));
    if (actor.role !== 'client') {
      const stored = await this.storage.open(row.storagePath);
      if (!stored) throw notFound('Evidence file');
      return { file: toEvidenceView(row, actor), ...stored, downloadName: row.originalName };
    }
    const shareable = row.sanitizedAt ? row : await this.sanitizeStored(row);
    const stored = shareable.shareableStoragePath ? await this.storage.open(shareable.shareableStoragePath) : null;
    if (!stored) throw notFound('Evidence file');
    return { file: toEvidenceView(shareable, actor), ...stored, downloadName: name };
  }

  /** Files stored before cleaned copies existed get theirs on the first client download. */
  private async sanitizeStored(row: EvidenceRow): Promise<EvidenceRow> {
    const original = await this.storage.read(row.storagePath);
    const type = original ? detectEvidenceType(original) : null;
    if (!original || !type) return row;
    const { shareable, capture } = await sanitizeEvidence(original, type);
    const shareableSha256 = shareable ? sha256Of(shareable) : null;
    const shareablePath = shareable ? await this.storage.put(shareableSha256!, shareable) : null;
    await this.db.query(
      `UPDATE evidence_files SET shareable_storage_path = $2, shareable_size_bytes = $3, shareable_sha256 = $4, sanitized_at = now(),
              capture = COALESCE(capture, $5::jsonb)
        WHERE id = $1 AND sanitized_at IS NULL`,
      [row.id, shareablePath, shareable?.length ?? null, shareableSha256, capture ? JSON.stringify(capture) : null],
    );
    return {
      ...row,
      shareableStoragePath: shareablePath,
      shareableSizeBytes: shareable ? String(shareable.length) : null,
      shareableSha256,
      sanitizedAt: new Date(),
    };
  }

  private async findAssignment(
    by: { assignmentId: string } | { reportId: string },
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<AssignmentAccessRow | null> {
    const where = 'reportId' in by ? 'a.id = (SELECT assignment_id FROM visit_reports WHERE id = $1)' : 'a.id = $1';
    const rows = await manager.query<AssignmentAccessRow[]>(
      `SELECT a.id, a.shopper_id AS "shopperId", a.status, c.client_id AS "clientId",
              r.id AS "reportId", r.shopper_id AS "reportShopperId", r.status AS "reportStatus", r.visited_at AS "visitedAt"
         FROM assignments a
         JOIN campaigns c ON c.id = a.campaign_id
         LEFT JOIN visit_reports r ON r.assignment_id = a.id
        WHERE ${where} ${lock ? 'FOR UPDATE OF a' : ''}`,
      ['reportId' in by ? by.reportId : by.assignmentId],
    );
    return rows[0] ?? null;
  }
}

function canReadReport(actor: AuthUser, report: { shopperId: string; status: string; clientId: string }): boolean {
  try {
    assertCanReadVisitReport(actor, report);
    return true;
  } catch {
    return false;
  }
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function checkOptionalKey(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
    throw new DomainError('bad_request', 'The Idempotency-Key header must be 1 to 200 characters', [
      { field: 'Idempotency-Key', reason: `1 to ${MAX_KEY_LENGTH} characters, unique per upload` },
    ]);
  }
  return key;
}
