import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Pool } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { primaryPool } from '../database/pool';
import { inTransaction, type SqlRunner } from '../database/transactions';
import { canTransition, type AssignmentStatus } from '../assignments/domain/assignment-state';
import { AuthUser } from '../common/auth/auth-user';
import { checkEvidenceAnswers } from '../evidence/evidence-answers';
import { DomainError, notFound, ruleViolation } from '../common/errors/domain-error';
import { isWithinOpeningHours, type OpeningHours } from '../clients/domain/opening-hours';
import { listQuestions, type Channel, type QuestionnaireDefinition, type SubmittedAnswer } from '../questionnaires/domain/definition';
import { diffAnswers, storedAnswers } from './domain/answer-edits';
import { narrativeFingerprint } from './domain/narrative';
import { submissionRequestHash } from './domain/request-hash';
import { scoreSubmission, type VisitRows } from './domain/score-rows';
import { SubmissionView, SubmitReportDto } from './dto/submission.dto';
import { QuestionnaireDefinitions } from './questionnaire-definitions.service';
import { insertReportEdits, scoreColumns, scoreRowsSql, storeScores } from './score-writer';
import { SqlParams } from '../kpis/visit-scope';
import type { IntegritySignal } from './visit-report.entity';

const MAX_KEY_LENGTH = 200;
/** A phone clock a little ahead of the server's is not a visit in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

interface SubmissionContext {
  id: string;
  status: AssignmentStatus;
  shopper_id: string | null;
  window_start: Date;
  window_end: Date;
  campaign_id: string;
  touchpoint_id: string;
  campaign_status: string;
  questionnaire_id: string;
  channel: Channel;
  opening_hours: OpeningHours | null;
  time_zone: string;
  request_hash: string | null;
  response_body: SubmissionView | null;
  /** Another report whose normalised narrative is the same as this one's. */
  duplicate_narrative_of: string | null;
  /** Whether this shopper has files attached to the assignment (only then can evidence raise signals). */
  has_evidence_files: boolean;
}

/** Everything a submission is checked against, in one round trip (the key's earlier use, if any, included). */
const CONTEXT_SQL = `SELECT a.id, a.status, a.shopper_id, a.window_start, a.window_end, a.campaign_id, a.touchpoint_id,
         c.status AS campaign_status, c.questionnaire_id, t.channel, t.opening_hours, t.time_zone,
         i.request_hash, i.response_body,
         (SELECT d.id FROM visit_reports d WHERE $4::varchar IS NOT NULL AND d.narrative_hash = $4::varchar
             AND d.assignment_id <> a.id ORDER BY d.submitted_at LIMIT 1) AS duplicate_narrative_of,
         EXISTS (SELECT 1 FROM evidence_files e WHERE e.assignment_id = a.id AND e.uploaded_by = $2 AND e.purged_at IS NULL)
           AS has_evidence_files
    FROM assignments a
    JOIN campaigns c ON c.id = a.campaign_id
    JOIN touchpoints t ON t.id = a.touchpoint_id
    LEFT JOIN idempotency_records i ON i.shopper_id = $2 AND i.key = $3
   WHERE a.id = $1`;

/** The report's own columns a submission writes, by column name (the score columns come from the rows). */
interface ReportFields {
  visited_at: Date;
  narrative: string | null;
  narrative_hash: string | null;
  /** JSON text of the employee description, or null. */
  employee: string | null;
  /** JSON text of the integrity signals worked out for this submission. */
  integrity_signals: string;
  expenses: number;
}

/** A validated, scored submission, ready to be stored. */
interface Submission {
  user: AuthUser;
  key: string;
  requestHash: string;
  report: { campaignId: string; touchpointId: string; assignmentId: string };
  rows: VisitRows;
  fields: ReportFields;
  answers: SubmittedAnswer[];
  questionnaireId: string;
  view: (id: string, version: number) => SubmissionView;
}

@Injectable()
export class SubmissionService {
  /** A first report's two statements go to the pool directly (src/database/pool.ts). */
  private readonly pool: Pool;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: QuestionnaireDefinitions,
  ) {
    this.pool = primaryPool(dataSource);
  }

  /**
   * POST /assignments/:id/report. Safe to retry: the same Idempotency-Key and body give the first
   * answer again, even when the retries race (the key's primary key and a row lock on the
   * assignment decide, in the statement or transaction that stores the report); the same key with
   * another body is 409.
   */
  async submit(user: AuthUser, assignmentId: string, idempotencyKey: string | undefined, dto: SubmitReportDto): Promise<SubmissionView> {
    const key = checkKey(idempotencyKey);
    const requestHash = submissionRequestHash(assignmentId, dto);
    const narrativeHash = narrativeFingerprint(dto.narrative);

    const {
      rows: [context],
    } = await this.pool.query<SubmissionContext>({
      name: 'submission-context',
      text: CONTEXT_SQL,
      values: [assignmentId, user.id, key, narrativeHash],
    });
    if (context?.request_hash) return replay(context.request_hash, requestHash, context.response_body!);
    if (!context || context.shopper_id !== user.id) throw notFound('Assignment');
    assertMaySubmit(context.status);
    if (context.campaign_status !== 'active') {
      throw ruleViolation(
        'CAMPAIGN_NOT_ACTIVE',
        `The campaign is ${context.campaign_status}; reports are accepted only while it is active`,
        [{ field: 'campaign', reason: `campaign is ${context.campaign_status}` }],
      );
    }

    const visitedAt = new Date(dto.visitedAt);
    const windowStart = new Date(context.window_start);
    const windowEnd = new Date(context.window_end);
    if (visitedAt < windowStart || visitedAt >= windowEnd) {
      throw ruleViolation('OUTSIDE_WINDOW', 'visitedAt is outside the assignment window', [
        { field: 'visitedAt', reason: `must be within ${windowStart.toISOString()} .. ${windowEnd.toISOString()} (end excluded)` },
      ]);
    }
    if (visitedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw ruleViolation('VISIT_IN_FUTURE', 'visitedAt is in the future', [{ field: 'visitedAt', reason: 'must not be in the future' }]);
    }

    const definition = await this.definitions.get(context.questionnaire_id);
    const answers: SubmittedAnswer[] = dto.answers.map(({ questionKey, value, na }) => ({ questionKey, value, na }));
    const scored = scoreSubmission(definition, answers, context.channel);
    if (scored.rows === undefined) {
      throw ruleViolation(
        'ANSWERS_INVALID',
        `The answers do not fit the questionnaire (${scored.problems.length} problems)`,
        scored.problems,
      );
    }
    const { rows } = scored;

    // Evidence answers must name files this shopper attached to this assignment (422 otherwise); the files raise their own
    // signals. With neither an evidence question nor a file (most reports) there is nothing to check.
    const evidenceSignals =
      context.has_evidence_files || hasEvidenceQuestion(definition)
        ? await checkEvidenceAnswers(this.dataSource, { definition, answers, assignmentId, shopperId: user.id, visitedAt })
        : [];
    const signals = [...integritySignals(context, visitedAt), ...evidenceSignals];
    const view = (id: string, version: number): SubmissionView => ({
      id,
      assignmentId,
      status: 'submitted',
      score: rows.summary.score,
      knockout: rows.summary.knockout,
      sections: rows.summary.sections,
      dimensions: rows.summary.dimensions,
      version,
    });
    const fields: ReportFields = {
      visited_at: visitedAt,
      narrative: dto.narrative ?? null,
      narrative_hash: narrativeHash,
      employee: dto.employee ? JSON.stringify(dto.employee) : null,
      integrity_signals: JSON.stringify(signals),
      expenses: dto.expenses ?? 0,
    };
    const report = { campaignId: context.campaign_id, touchpointId: context.touchpoint_id, assignmentId };
    const submission: Submission = {
      user,
      key,
      requestHash,
      report,
      rows,
      fields,
      answers,
      view,
      questionnaireId: context.questionnaire_id,
    };
    // A first report (the usual case) is one statement; a resubmission after a return edits the stored
    // report in a transaction.
    return context.status === 'assigned' ? this.submitFirst(submission) : this.resubmit(submission);
  }

  /**
   * The first report of an assignment in one statement, all or nothing: it locks the assignment, and
   * only while the assignment is still `assigned` does it claim the key, insert the report with its
   * score rows and alerts, and move the assignment to `submitted`. A racer with the same key waits on
   * the lock, then finds the assignment submitted and writes nothing; it then answers with the stored
   * response (same body) or 409 (another body or assignment).
   */
  private async submitFirst(submission: Submission): Promise<SubmissionView> {
    const { user, key, requestHash, report, rows, fields, view, questionnaireId } = submission;
    const body = view(randomUUID(), 1);
    const params = new SqlParams();
    const assignment = params.add(report.assignmentId);
    const shopper = params.add(user.id);
    const columns: Record<string, unknown> = {
      id: body.id,
      assignment_id: report.assignmentId,
      campaign_id: report.campaignId,
      touchpoint_id: report.touchpointId,
      shopper_id: user.id,
      questionnaire_id: questionnaireId,
      status: 'submitted',
      ...fields,
      ...scoreColumns(rows),
      version: 1,
    };
    const values = Object.values(columns).map((value) => params.add(value));
    const text = `WITH locked AS (SELECT a.status FROM assignments a WHERE a.id = ${assignment} FOR UPDATE),
            claimed AS (
              INSERT INTO idempotency_records (shopper_id, key, request_hash, assignment_id, status_code, response_body)
              SELECT ${shopper}, ${params.add(key)}, ${params.add(requestHash)}, ${assignment}, 201, ${params.add(JSON.stringify(body))}::jsonb
                FROM locked WHERE locked.status = 'assigned'
              ON CONFLICT DO NOTHING RETURNING key
            ),
            report AS (
              INSERT INTO visit_reports (${Object.keys(columns).join(', ')}, submitted_at)
              SELECT ${values.join(', ')}, now() FROM claimed
              RETURNING id, campaign_id, touchpoint_id
            ),
            ${scoreRowsSql(params, 'report', rows)},
            moved AS (UPDATE assignments SET status = 'submitted', updated_at = now() WHERE id = ${assignment} AND EXISTS (SELECT 1 FROM report))
       SELECT EXISTS (SELECT 1 FROM report) AS stored`;
    const {
      rows: [{ stored }],
    } = await this.pool.query<{ stored: boolean }>({ name: statementName(text), text, values: params.values });
    if (stored) return body;
    // Nothing written: the key is someone's (a racer with this key, or an earlier use elsewhere), or the
    // assignment moved on since it was read.
    const replayed = await storedResponse(this.dataSource, user.id, key, requestHash);
    if (replayed) return replayed;
    const [current] = await this.dataSource.query<
      Array<{
        status: AssignmentStatus;
      }>
    >(`SELECT status FROM assignments WHERE id = $1`, [report.assignmentId]);
    if (!current) throw notFound('Assignment');
    assertMaySubmit(current.status);
    return this.resubmit(submission);
  }

  /**
   * A report sent back to the shopper, submitted again (also the way a first report that lost its
   * assignment to another state is refused): the assignment is locked, the key claimed, the report's
   * answers and scores replaced and its version bumped, in one transaction.
   */
  private async resubmit(submission: Submission): Promise<SubmissionView> {
    const { user, key, requestHash, report: target, rows, fields, answers, view } = submission;
    return inTransaction(this.dataSource, async (runner) => {
      const [locked] = (await runner.query(
        `SELECT a.status, vr.id AS report_id, vr.version
           FROM assignments a LEFT JOIN visit_reports vr ON vr.assignment_id = a.id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [target.assignmentId],
      )) as Array<{ status: AssignmentStatus; report_id: string | null; version: number | null }>;
      const reportId = locked.report_id ?? randomUUID();
      const body = view(reportId, (locked.version ?? 0) + 1);

      // The key is claimed first: a concurrent request with the same key waits here for this
      // transaction and then finds the key taken.
      const claimed = await runner.query(
        `INSERT INTO idempotency_records (shopper_id, key, request_hash, assignment_id, status_code, response_body)
         VALUES ($1, $2, $3, $4, 201, $5::jsonb) ON CONFLICT DO NOTHING RETURNING key`,
        [user.id, key, requestHash, target.assignmentId, JSON.stringify(body)],
        true,
      );
      if (!claimed.records.length) {
        // Read through the transaction's own connection (it sees the racer's committed key): taking a
        // second one from the pool while holding this one deadlocks when every pooled connection belongs
        // to a racer doing the same (then 500s). Nothing was written, so committing is a rollback.
        return (await storedResponse(runner, user.id, key, requestHash))!;
      }
      assertMaySubmit(locked.status);
      // Only a returned report gets here with a submittable assignment; a first report is submitFirst's.
      if (!locked.report_id)
        throw ruleViolation('CONCURRENT_CHANGE', 'The assignment changed while the report was being stored; try again');

      await this.replaceReport(runner, user, locked.report_id, locked.version!, fields, answers);
      await storeScores(runner, { id: reportId, ...target }, rows);
      await runner.query(`UPDATE assignments SET status = 'submitted', updated_at = now() WHERE id = $1`, [target.assignmentId]);
      return body;
    });
  }

  /** A resubmission after a return: the report keeps its id and gets the new fields, the version bumped (the scores are storeScores'). */
  private async replaceReport(
    runner: QueryRunner,
    user: AuthUser,
    reportId: string,
    version: number,
    fields: ReportFields,
    answers: SubmittedAnswer[],
  ): Promise<void> {
    const previous = (await runner.query(`SELECT question_key AS "questionKey", value, na FROM visit_answers WHERE visit_report_id = $1`, [
      reportId,
    ])) as Array<{ questionKey: string; value: SubmittedAnswer['value'] & {}; na: boolean }>;
    const params = new SqlParams();
    const { integrity_signals: signals, ...plain } = fields;
    const set = Object.entries(plain).map(([column, value]) => `${column} = ${params.add(value)}`);
    const updated = await runner.query(
      `UPDATE visit_reports SET status = 'submitted', ${set.join(', ')},
              -- signals about evidence stay with the files, which stay attached; the rest are worked out afresh
              integrity_signals = ${params.add(signals)}::jsonb || COALESCE((SELECT jsonb_agg(s) FROM jsonb_array_elements(integrity_signals) s
                                                          WHERE s ->> 'kind' = 'duplicate_evidence'), '[]'::jsonb),
              version = version + 1, submitted_at = now(), updated_at = now(), approved_at = NULL, approved_by = NULL
        WHERE id = ${params.add(reportId)} AND version = ${params.add(version)}`,
      params.values,
      true,
    );
    if (!updated.affected) throw ruleViolation('CONCURRENT_CHANGE', 'The report changed while it was being resubmitted; try again');
    const before = storedAnswers(previous);
    const edits = diffAnswers(
      before,
      answers,
      [...before, ...answers].map((answer) => answer.questionKey),
    );
    await insertReportEdits(runner, reportId, user.id, 'resubmitted by the shopper after a return', edits);
  }
}

/** Names of the statements built per request whose text is always the same (one name per distinct text). */
const statementNames = new Map<string, string>();

/** The name a statement is prepared under: pg refuses one name for two texts, so the text picks the name. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `submission-${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Whether a questionnaire asks for evidence (listQuestions keeps one list per definition, so this is a short scan). */
function hasEvidenceQuestion(definition: QuestionnaireDefinition): boolean {
  return listQuestions(definition).some(({ question }) => question.type === 'evidence');
}

/** docs/domain.md §4b signals that warn a reviewer; they never block the submission. */
function integritySignals(context: SubmissionContext, visitedAt: Date): IntegritySignal[] {
  const signals: IntegritySignal[] = [];
  if (!isWithinOpeningHours(visitedAt, context.opening_hours, context.time_zone)) {
    signals.push({
      kind: 'outside_opening_hours',
      reason: `visitedAt ${visitedAt.toISOString()} is outside the touchpoint's opening hours (${context.time_zone})`,
    });
  }
  if (context.duplicate_narrative_of) {
    signals.push({
      kind: 'duplicate_narrative',
      reason: `the narrative duplicates that of visit report ${context.duplicate_narrative_of}`,
    });
  }
  return signals;
}

function checkKey(key: string | undefined): string {
  if (key === undefined || key.trim() === '') {
    throw new DomainError('bad_request', 'The Idempotency-Key header is required', [
      { field: 'Idempotency-Key', reason: 'required: a unique value per report, reused only to retry the same request' },
    ]);
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new DomainError('bad_request', 'The Idempotency-Key header is too long', [
      { field: 'Idempotency-Key', reason: `at most ${MAX_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}

/** The answer stored with a key already used (replayed, or 409 when the request differs); null if the key is free. */
async function storedResponse(runner: SqlRunner, shopperId: string, key: string, requestHash: string): Promise<SubmissionView | null> {
  const [record] = (await runner.query(`SELECT request_hash, response_body FROM idempotency_records WHERE shopper_id = $1 AND key = $2`, [
    shopperId,
    key,
  ])) as Array<{ request_hash: string; response_body: SubmissionView }>;
  return record ? replay(record.request_hash, requestHash, record.response_body) : null;
}

function replay(storedHash: string, requestHash: string, body: SubmissionView): SubmissionView {
  if (storedHash !== requestHash) {
    throw ruleViolation('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', [
      { field: 'Idempotency-Key', reason: 'already used with another body or assignment; use a new key for a new request' },
    ]);
  }
  return body;
}

function assertMaySubmit(status: AssignmentStatus): void {
  if (!canTransition(status, 'submit')) {
    throw ruleViolation('INVALID_TRANSITION', `A report is accepted only while the assignment is assigned or returned; it is ${status}`, [
      { field: 'status', reason: `the assignment is ${status}` },
    ]);
  }
}
