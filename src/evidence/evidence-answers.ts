// The submission's check of evidence answers (called from src/visit-reports/submission.service.ts):
// each id an `evidence` question names must be a file this shopper attached to this assignment, and
// the files' own data (duplicates of other visits' files, photo capture times) become integrity signals.
import { unprocessable, type ErrorDetail } from '../common/errors/domain-error';
import type { SqlRunner } from '../database/transactions';
import { listQuestions, type QuestionnaireDefinition, type SubmittedAnswer } from '../questionnaires/domain/definition';
import { hasValue } from '../questionnaires/domain/visibility';
import type { IntegritySignal } from '../visit-reports/visit-report.entity';
import type { PhotoCapture } from './domain/exif';
import { photoSignals } from './domain/photo-signals';
import { duplicateSignals, photoOf } from './evidence-signals';

export interface EvidenceAnswerCheck {
  definition: QuestionnaireDefinition;
  answers: readonly SubmittedAnswer[];
  assignmentId: string;
  shopperId: string;
  visitedAt: Date;
}

/**
 * 422 naming each evidence question whose answer lists a file that is not this shopper's on this
 * assignment (unknown, another assignment's, another shopper's, purged). Otherwise the integrity
 * signals the assignment's files raise, minus those its report already carries (a resubmission keeps
 * its duplicate_evidence signals).
 */
export async function checkEvidenceAnswers(db: SqlRunner, check: EvidenceAnswerCheck): Promise<IntegritySignal[]> {
  const files = (await db.query(
    `SELECT e.id, e.ordinal, e.mime_type AS "mimeType", e.capture, e.sha256
       FROM evidence_files e
      WHERE e.assignment_id = $1 AND e.uploaded_by = $2 AND e.purged_at IS NULL
      ORDER BY e.ordinal`,
    [check.assignmentId, check.shopperId],
  )) as Array<{ id: string; ordinal: number; mimeType: string; capture: PhotoCapture | null; sha256: string }>;
  const attached = new Set(files.map((file) => file.id.toLowerCase()));

  const problems: ErrorDetail[] = [];
  const answers = new Map(check.answers.map((answer) => [answer.questionKey, answer]));
  for (const { question } of listQuestions(check.definition)) {
    const answer = answers.get(question.key);
    if (question.type !== 'evidence' || !hasValue(answer)) continue;
    const ids = (Array.isArray(answer.value) ? answer.value : [answer.value]) as string[];
    for (const id of ids.filter((candidate) => !attached.has(String(candidate).toLowerCase()))) {
      problems.push({
        field: question.key,
        reason: `evidence ${id} is not a file you uploaded to this assignment (POST /assignments/:id/evidence)`,
      });
    }
  }
  if (problems.length)
    throw unprocessable(`Evidence answers must name files uploaded to this assignment (${problems.length} problems)`, problems);

  const signals = [...(await duplicateSignals(db, check.assignmentId, files)), ...photoSignals(files.map(photoOf), check.visitedAt)];
  const [report] = (await db.query(`SELECT integrity_signals AS signals FROM visit_reports WHERE assignment_id = $1`, [
    check.assignmentId,
  ])) as Array<{
    signals: IntegritySignal[];
  }>;
  const kept = new Set((report?.signals ?? []).filter((signal) => signal.kind === 'duplicate_evidence').map((signal) => signal.reason));
  return signals.filter((signal) => !(signal.kind === 'duplicate_evidence' && kept.has(signal.reason)));
}
