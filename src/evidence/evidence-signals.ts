// Integrity signals raised by evidence files, shared by the upload and the submission check.
import type { SqlRunner } from '../database/transactions';
import type { IntegritySignal } from '../visit-reports/visit-report.entity';
import type { PhotoCapture } from './domain/exif';
import { extensionOf } from './domain/file-types';
import { neutralName, type PhotoEvidence } from './domain/photo-signals';

/**
 * duplicate_evidence for each content hash that is also attached to another assignment; the reason
 * names the other visit reports (or assignments, before their report exists).
 */
export async function duplicateSignals(
  db: SqlRunner,
  assignmentId: string,
  files: ReadonlyArray<{ sha256: string }>,
): Promise<IntegritySignal[]> {
  const hashes = [...new Set(files.map((file) => file.sha256))];
  if (!hashes.length) return [];
  const others = (await db.query(
    `SELECT e.sha256, array_agg(DISTINCT COALESCE(r.id, e.assignment_id)) AS ids, bool_and(r.id IS NOT NULL) AS "allReports"
       FROM evidence_files e LEFT JOIN visit_reports r ON r.assignment_id = e.assignment_id
      WHERE e.sha256 = ANY($1::varchar[]) AND e.assignment_id <> $2
      GROUP BY e.sha256 ORDER BY e.sha256`,
    [hashes, assignmentId],
  )) as Array<{ sha256: string; ids: string[]; allReports: boolean }>;
  return others.map(({ sha256, ids, allReports }) => {
    const sorted = [...ids].sort();
    const shown = sorted.slice(0, 5).join(', ') + (sorted.length > 5 ? ` and ${sorted.length - 5} more` : '');
    const what = allReports ? (sorted.length === 1 ? 'visit report' : 'visit reports') : 'other visits (reports or assignments)';
    return { kind: 'duplicate_evidence', reason: `Evidence file sha256:${sha256} is also attached to ${what} ${shown}` };
  });
}

/** A stored file as photoSignals reads it. */
export function photoOf(row: { ordinal: number; mimeType: string; capture: PhotoCapture | null }): PhotoEvidence {
  return { name: neutralName(row.ordinal, extensionOf(row.mimeType)), mimeType: row.mimeType, capture: row.capture };
}
