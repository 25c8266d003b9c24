// A shopper who loses a job before reporting it (unassigned, or the job given to someone else) takes
// their unreported evidence with them: it is withdrawn, so the next shopper never lists or downloads
// it (their photos may carry their home's GPS, their name in a file name) and it never joins the next
// shopper's report. Called in the transaction that moves the job.
import type { SqlRunner } from '../database/transactions';

export async function withdrawUnreportedEvidence(runner: SqlRunner, assignmentId: string, shopperId: string): Promise<void> {
  await runner.query(
    `UPDATE evidence_files SET purged_at = now()
      WHERE assignment_id = $1 AND uploaded_by = $2 AND visit_report_id IS NULL AND purged_at IS NULL`,
    [assignmentId, shopperId],
  );
}
