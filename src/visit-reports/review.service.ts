import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { inTransaction, type SqlRunner } from '../database/transactions';
import { recordFeeOwed, reverseFee } from '../fees/fee-ledger';
import {
  InvalidTransitionError,
  canTransition,
  type AssignmentAction,
  type AssignmentStatus,
} from '../assignments/domain/assignment-state';
import { AuthUser } from '../common/auth/auth-user';
import { notFound, ruleViolation } from '../common/errors/domain-error';
import { listQuestions, type AnswerValue, type Channel, type SubmittedAnswer } from '../questionnaires/domain/definition';
import { answerChangeKeyProblems, applyAnswerChanges, diffAnswers, storedAnswers } from './domain/answer-edits';
import { scoreSubmission } from './domain/score-rows';
import { AnswerDto } from './dto/answer.dto';
import { ReportView } from './dto/report.dto';
import { EditReportDto, ReturnReportDto } from './dto/review.dto';
import { QuestionnaireDefinitions } from './questionnaire-definitions.service';
import { ReportViewsService } from './report-views.service';
import { insertReportEdits, storeScores } from './score-writer';
import type { VisitReportStatus } from './visit-report.entity';

/** Report statuses a reviewer may edit: not while the shopper is correcting a returned report. */
const EDITABLE = ['submitted', 'approved'];

export interface EditableReport {
  id: string;
  version: number;
  status: VisitReportStatus;
  assignmentId: string;
  campaignId: string;
  touchpointId: string;
  questionnaireId: string;
  clientId: string;
  channel: Channel;
  answers: SubmittedAnswer[];
}

/** Review by consultants: approve, return for correction, and audited edits that re-score the visit. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: QuestionnaireDefinitions,
    private readonly views: ReportViewsService,
  ) {}

  async approve(user: AuthUser, id: string): Promise<ReportView> {
    await this.transition(id, 'approve', 'approved', async (runner) => {
      await runner.query(
        `UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, user.id],
      );
      await runner.query(
        `INSERT INTO report_edits (visit_report_id, edited_by, field, old_value, new_value, reason)
         VALUES ($1, $2, 'status', '"submitted"', '"approved"', 'approved')`,
        [id, user.id],
      );
      await recordFeeOwed(runner, id);
    });
    return this.views.get(user, id);
  }

  async return(user: AuthUser, id: string, dto: ReturnReportDto): Promise<ReportView> {
    await this.transition(id, 'return', 'returned', async (runner) => {
      await runner.query(
        `UPDATE visit_reports SET status = 'returned', return_comment = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.comment],
      );
      await runner.query(
        `INSERT INTO report_edits (visit_report_id, edited_by, field, old_value, new_value, reason)
         VALUES ($1, $2, 'status', '"submitted"', '"returned"', $3)`,
        [id, user.id, dto.comment],
      );
    });
    return this.views.get(user, id);
  }

  /** Approved → returned: the shopper corrects it and submits again; the fee owed for it is reversed. */
  async reopen(user: AuthUser, id: string, dto: ReturnReportDto): Promise<ReportView> {
    await this.transition(id, 'reopen', 'returned', async (runner) => {
      await runner.query(
        `UPDATE visit_reports SET status = 'returned', return_comment = $2, approved_at = NULL, approved_by = NULL,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.comment],
      );
      await runner.query(
        `INSERT INTO report_edits (visit_report_id, edited_by, field, old_value, new_value, reason)
         VALUES ($1, $2, 'status', '"approved"', '"returned"', $3)`,
        [id, user.id, dto.comment],
      );
      await reverseFee(runner, id);
    });
    return this.views.get(user, id);
  }

  /** PATCH /visit-reports/:id: the changed answers are applied, the whole set re-validated and re-scored. */
  async edit(user: AuthUser, id: string, dto: EditReportDto): Promise<ReportView> {
    const report = await this.loadEditable(this.dataSource, id);
    if (report.version !== dto.version) throw staleVersion(dto.version, report.version);
    await inTransaction(this.dataSource, (runner) => this.applyEdit(runner, user, report, dto.version, dto.answers, dto.reason));
    return this.views.get(user, id);
  }

  /** The report with its current answers, read in one statement so they belong to the same version. */
  async loadEditable(runner: SqlRunner, id: string): Promise<EditableReport> {
    const [row] = (await runner.query(
      `SELECT vr.id, vr.version, vr.status, vr.assignment_id, vr.campaign_id, vr.touchpoint_id, vr.questionnaire_id,
              c.client_id, t.channel,
              (SELECT coalesce(json_agg(json_build_object('questionKey', x.question_key, 'value', x.value, 'na', x.na)), '[]'::json)
                 FROM visit_answers x WHERE x.visit_report_id = vr.id) AS answers
         FROM visit_reports vr JOIN campaigns c ON c.id = vr.campaign_id JOIN touchpoints t ON t.id = vr.touchpoint_id
        WHERE vr.id = $1`,
      [id],
    )) as Array<{
      id: string;
      version: number;
      status: VisitReportStatus;
      assignment_id: string;
      campaign_id: string;
      touchpoint_id: string;
      questionnaire_id: string;
      client_id: string;
      channel: Channel;
      answers: Array<{ questionKey: string; value: AnswerValue | null; na: boolean }>;
    }>;
    if (!row) throw notFound('Visit report');
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      assignmentId: row.assignment_id,
      campaignId: row.campaign_id,
      touchpointId: row.touchpoint_id,
      questionnaireId: row.questionnaire_id,
      clientId: row.client_id,
      channel: row.channel,
      answers: storedAnswers(row.answers),
    };
  }

  /**
   * Applies answer changes inside the caller's transaction: validates the full answer set, bumps the
   * version only if it is still `expectedVersion` (in the UPDATE's WHERE clause; 409 otherwise),
   * replaces the stored scores and alerts, and writes one audit row per changed answer.
   */
  async applyEdit(
    runner: QueryRunner,
    user: AuthUser,
    report: EditableReport,
    expectedVersion: number,
    changes: AnswerDto[],
    reason: string,
  ): Promise<void> {
    if (!EDITABLE.includes(report.status)) {
      throw ruleViolation('NOT_EDITABLE', `A ${report.status} report cannot be edited; it is with the shopper for correction`, [
        { field: 'status', reason: `the report is ${report.status}` },
      ]);
    }
    const definition = await this.definitions.get(report.questionnaireId);
    const known = new Set(listQuestions(definition).map(({ question }) => question.key));
    const changeProblems = answerChangeKeyProblems(changes, known);
    if (changeProblems.length) throw ruleViolation('ANSWERS_INVALID', 'The changes name unknown or repeated questions', changeProblems);

    const submitted: SubmittedAnswer[] = changes.map(({ questionKey, value, na }) => ({ questionKey, value, na }));
    const answers = applyAnswerChanges(report.answers, submitted);
    const scored = scoreSubmission(definition, answers, report.channel);
    if (scored.rows === undefined) {
      throw ruleViolation(
        'ANSWERS_INVALID',
        `After these changes the answers do not fit the questionnaire (${scored.problems.length} problems)`,
        scored.problems,
      );
    }

    const updated = await runner.query(
      `UPDATE visit_reports SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND status = ANY($3)`,
      [report.id, expectedVersion, EDITABLE],
      true,
    );
    if (!updated.affected) {
      const [current] = (await runner.query(`SELECT version, status FROM visit_reports WHERE id = $1`, [report.id])) as Array<{
        version: number;
        status: string;
      }>;
      if (current && current.version === expectedVersion) {
        throw ruleViolation('NOT_EDITABLE', `A ${current.status} report cannot be edited`, [
          { field: 'status', reason: `the report is ${current.status}` },
        ]);
      }
      throw staleVersion(expectedVersion, current?.version);
    }
    await storeScores(runner, report, scored.rows);
    await insertReportEdits(
      runner,
      report.id,
      user.id,
      reason,
      diffAnswers(
        report.answers,
        answers,
        submitted.map((a) => a.questionKey),
      ),
    );
  }

  /** Moves report and assignment together; the assignment row lock makes concurrent reviews queue. */
  private async transition(
    id: string,
    action: Extract<AssignmentAction, 'approve' | 'return' | 'reopen'>,
    to: AssignmentStatus,
    writeReport: (runner: QueryRunner) => Promise<void>,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (runner) => {
      const [row] = (await runner.query(
        `SELECT a.id AS assignment_id, a.status FROM visit_reports vr JOIN assignments a ON a.id = vr.assignment_id
          WHERE vr.id = $1 FOR UPDATE OF a`,
        [id],
      )) as Array<{ assignment_id: string; status: AssignmentStatus }>;
      if (!row) throw notFound('Visit report');
      if (!canTransition(row.status, action)) {
        throw ruleViolation('INVALID_TRANSITION', new InvalidTransitionError(row.status, action).message, [
          { field: 'status', reason: `the assignment is ${row.status}` },
        ]);
      }
      await writeReport(runner);
      await runner.query(`UPDATE assignments SET status = $2, updated_at = now() WHERE id = $1`, [row.assignment_id, to]);
    });
  }
}

function staleVersion(sent: number, current: number | undefined) {
  return ruleViolation(
    'STALE_VERSION',
    `The report has changed since version ${sent}${current ? ` (it is at version ${current})` : ''}; reload it and try again`,
    [{ field: 'version', reason: 'stale' }],
  );
}
