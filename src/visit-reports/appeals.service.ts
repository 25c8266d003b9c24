import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadVisitReport } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { notFound, ruleViolation } from '../common/errors/domain-error';
import { listQuestions } from '../questionnaires/domain/definition';
import { AppealView, ResolvedAppealView } from './dto/report.dto';
import { FileAppealDto, ListAppealsQuery, ResolveAppealDto } from './dto/review.dto';
import { QuestionnaireDefinitions } from './questionnaire-definitions.service';
import { ReviewService } from './review.service';
import { pageOf } from '../common/http/paging';
import { inTransaction } from '../database/transactions';

interface AppealRow {
  id: string;
  visit_report_id: string;
  campaign_id: string;
  tp_id: string;
  tp_name: string;
  tp_channel: AppealView['touchpoint']['channel'];
  tp_region: string;
  tp_city: string | null;
  question_key: string | null;
  reason: string;
  status: string;
  resolution_comment: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

const APPEAL_SELECT = `
  SELECT ap.id, ap.visit_report_id, vr.campaign_id, t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel,
         t.region AS tp_region, t.city AS tp_city, ap.question_key, ap.reason, ap.status, ap.resolution_comment,
         ap.resolved_at, ap.created_at
    FROM appeals ap JOIN visit_reports vr ON vr.id = ap.visit_report_id JOIN touchpoints t ON t.id = vr.touchpoint_id`;

function toAppealView(row: AppealRow): AppealView {
  return {
    id: row.id,
    visitReportId: row.visit_report_id,
    campaignId: row.campaign_id,
    touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region, city: row.tp_city },
    questionKey: row.question_key,
    reason: row.reason,
    status: row.status,
    resolutionComment: row.resolution_comment,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
  };
}

/** Clients dispute approved visits; consultants uphold them or overturn them through the audited edit path. */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: QuestionnaireDefinitions,
    private readonly review: ReviewService,
  ) {}

  async file(user: AuthUser, reportId: string, dto: FileAppealDto): Promise<AppealView> {
    const [report] = await this.dataSource.query<
      Array<{ id: string; status: string; shopper_id: string; questionnaire_id: string; client_id: string }>
    >(
      `SELECT vr.id, vr.status, vr.shopper_id, vr.questionnaire_id, c.client_id
         FROM visit_reports vr JOIN campaigns c ON c.id = vr.campaign_id WHERE vr.id = $1`,
      [reportId],
    );
    if (!report) throw notFound('Visit report');
    assertCanReadVisitReport(user, { shopperId: report.shopper_id, status: report.status, clientId: report.client_id });
    if (report.status !== 'approved') {
      throw ruleViolation('NOT_APPROVED', 'Only approved visits can be appealed', [
        { field: 'status', reason: `the report is ${report.status}` },
      ]);
    }
    if (dto.questionKey) {
      const definition = await this.definitions.get(report.questionnaire_id);
      if (!listQuestions(definition).some(({ question }) => question.key === dto.questionKey)) {
        throw ruleViolation('UNKNOWN_QUESTION', 'The appeal names an unknown question', [
          { field: 'questionKey', reason: `there is no question "${dto.questionKey}" in this visit's questionnaire` },
        ]);
      }
    }
    // One open appeal per visit and question (or per visit as a whole) at a time. The report row is
    // locked so two clients filing the same appeal at once cannot both pass the NOT EXISTS check.
    const inserted = await inTransaction(this.dataSource, async (runner) => {
      await runner.query(`SELECT 1 FROM visit_reports WHERE id = $1 FOR UPDATE`, [reportId]);
      return (await runner.query(
        `INSERT INTO appeals (visit_report_id, client_id, filed_by, question_key, reason, status)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::varchar, $5::text, 'open'
          WHERE NOT EXISTS (SELECT 1 FROM appeals WHERE visit_report_id = $1::uuid AND status = 'open'
                              AND question_key IS NOT DISTINCT FROM $4::varchar)
         RETURNING id`,
        [reportId, report.client_id, user.id, dto.questionKey ?? null, dto.reason],
      )) as Array<{ id: string }>;
    });
    if (!inserted.length) {
      throw ruleViolation('APPEAL_ALREADY_OPEN', 'An appeal on this visit (and question) is already open', [
        { field: 'questionKey', reason: 'already appealed' },
      ]);
    }
    return this.findView(inserted[0].id);
  }

  async resolve(user: AuthUser, appealId: string, dto: ResolveAppealDto): Promise<ResolvedAppealView> {
    const overturn = dto.decision === 'overturned';
    if (overturn && !dto.answers?.length) {
      throw ruleViolation('APPEAL_DECISION_INVALID', 'An overturn needs the corrected answers', [
        { field: 'answers', reason: 'required when the decision is overturned' },
      ]);
    }
    if (!overturn && dto.answers?.length) {
      throw ruleViolation('APPEAL_DECISION_INVALID', 'An upheld appeal changes nothing', [
        { field: 'answers', reason: 'only allowed when the decision is overturned' },
      ]);
    }
    await inTransaction(this.dataSource, async (runner) => {
      const [appeal] = (await runner.query(`SELECT id, status, visit_report_id, reason FROM appeals WHERE id = $1 FOR UPDATE`, [
        appealId,
      ])) as Array<{
        id: string;
        status: string;
        visit_report_id: string;
        reason: string;
      }>;
      if (!appeal) throw notFound('Appeal');
      if (appeal.status !== 'open') {
        throw ruleViolation('APPEAL_RESOLVED', `This appeal was already resolved (${appeal.status})`, [
          { field: 'status', reason: `the appeal is ${appeal.status}` },
        ]);
      }
      if (overturn) {
        const report = await this.review.loadEditable(runner, appeal.visit_report_id);
        const why = `appeal ${appeal.id} overturned: ${dto.comment ?? appeal.reason}`;
        await this.review.applyEdit(runner, user, report, report.version, dto.answers!, why);
      }
      await runner.query(`UPDATE appeals SET status = $2, resolution_comment = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [
        appealId,
        dto.decision,
        dto.comment ?? null,
        user.id,
      ]);
    });
    const view = await this.findView(appealId);
    const [report] = await this.dataSource.query<Array<{ id: string; version: number; score: number | null; knockout: boolean }>>(
      `SELECT id, version, score, knockout FROM visit_reports WHERE id = $1`,
      [view.visitReportId],
    );
    return { ...view, report };
  }

  async list(user: AuthUser, query: ListAppealsQuery): Promise<AppealView[]> {
    const { limit, offset } = pageOf(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (user.role === 'client') where.push(`ap.client_id = $${params.push(user.clientId)}`);
    if (query.status) where.push(`ap.status = $${params.push(query.status)}`);
    if (query.visitReportId) where.push(`ap.visit_report_id = $${params.push(query.visitReportId)}`);
    const rows = await this.dataSource.query<AppealRow[]>(
      `${APPEAL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ap.created_at, ap.id LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`,
      params,
    );
    return rows.map(toAppealView);
  }

  private async findView(id: string): Promise<AppealView> {
    const [row] = await this.dataSource.query<AppealRow[]>(`${APPEAL_SELECT} WHERE ap.id = $1`, [id]);
    if (!row) throw notFound('Appeal');
    return toAppealView(row);
  }
}
