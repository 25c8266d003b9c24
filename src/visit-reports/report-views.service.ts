import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadVisitReport } from '../common/access/access';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { maskPersonalData } from '../kpis/domain/masking';
import { listQuestions } from '../questionnaires/domain/definition';
import { AuditEntryView, ReportListItem, ReportView, AnswerView, SectionScoreView, DimensionScoreView } from './dto/report.dto';
import { ListReportsQuery } from './dto/review.dto';
import { QuestionnaireDefinitions } from './questionnaire-definitions.service';
import type { EmployeeDescription, IntegritySignal, VisitReportStatus } from './visit-report.entity';
import { pageOf } from '../common/http/paging';

interface ReportRow {
  id: string;
  assignment_id: string;
  campaign_id: string;
  questionnaire_id: string;
  client_id: string;
  shopper_id: string;
  shopper_name: string | null;
  shopper_email: string;
  scenario_key: string | null;
  tp_id: string;
  tp_name: string;
  tp_channel: ReportView['touchpoint']['channel'];
  tp_region: string;
  tp_city: string | null;
  status: VisitReportStatus;
  version: number;
  visited_at: Date;
  submitted_at: Date;
  approved_at: Date | null;
  score: number | null;
  knockout: boolean;
  wait_seconds: number | null;
  response_seconds: number | null;
  fcr: boolean | null;
  narrative: string | null;
  employee: EmployeeDescription | null;
  integrity_signals: IntegritySignal[];
  expenses: string;
  return_comment: string | null;
  sections: SectionScoreView[];
  dimensions: DimensionScoreView[];
  answers: AnswerView[];
}

/** Reading visit reports: one report (as each role may see it), the review queue, the audit trail. */
@Injectable()
export class ReportViewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: QuestionnaireDefinitions,
  ) {}

  async get(user: AuthUser, id: string): Promise<ReportView> {
    const [row] = await this.dataSource.query<ReportRow[]>(
      `SELECT vr.id, vr.assignment_id, vr.campaign_id, vr.questionnaire_id, c.client_id, vr.shopper_id,
              u.name AS shopper_name, u.email AS shopper_email, a.scenario_key,
              t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel, t.region AS tp_region, t.city AS tp_city,
              vr.status, vr.version, vr.visited_at, vr.submitted_at, vr.approved_at, vr.score, vr.knockout,
              vr.wait_seconds, vr.response_seconds, vr.fcr, vr.narrative, vr.employee, vr.integrity_signals,
              vr.expenses, vr.return_comment,
              (SELECT coalesce(json_agg(json_build_object('key', s.section_key, 'score', s.score, 'earned', s.earned,
                        'possible', s.possible, 'weight', s.weight, 'knockedOut', s.knocked_out)), '[]'::json)
                 FROM visit_section_scores s WHERE s.visit_report_id = vr.id) AS sections,
              (SELECT coalesce(json_agg(json_build_object('key', d.dimension, 'score', d.score, 'earned', d.earned,
                        'possible', d.possible)), '[]'::json)
                 FROM visit_dimension_scores d WHERE d.visit_report_id = vr.id) AS dimensions,
              (SELECT coalesce(json_agg(json_build_object('questionKey', x.question_key, 'sectionKey', x.section_key,
                        'value', x.value, 'na', x.na, 'applicable', x.applicable, 'counted', x.counted, 'earned', x.earned,
                        'possible', x.possible, 'passed', x.passed)), '[]'::json)
                 FROM visit_answers x WHERE x.visit_report_id = vr.id) AS answers
         FROM visit_reports vr
         JOIN assignments a ON a.id = vr.assignment_id
         JOIN campaigns c ON c.id = vr.campaign_id
         JOIN touchpoints t ON t.id = vr.touchpoint_id
         JOIN users u ON u.id = vr.shopper_id
        WHERE vr.id = $1`,
      [id],
    );
    if (!row) throw notFound('Visit report');
    assertCanReadVisitReport(user, { shopperId: row.shopper_id, status: row.status, clientId: row.client_id });

    // Sections, dimensions and answers in the questionnaire's order.
    const definition = await this.definitions.get(row.questionnaire_id);
    const questions = listQuestions(definition);
    const questionOrder = new Map(questions.map(({ question, order }) => [question.key, order]));
    const sectionOrder = new Map(definition.sections.map((section, index) => [section.key, index]));
    const dimensionOrder = new Map<string, number>();
    for (const { question } of questions)
      if (question.dimension && !dimensionOrder.has(question.dimension)) dimensionOrder.set(question.dimension, dimensionOrder.size);
    const by =
      <T>(order: Map<string, number>, key: (item: T) => string) =>
      (a: T, b: T) =>
        (order.get(key(a)) ?? Infinity) - (order.get(key(b)) ?? Infinity);

    const view: ReportView = {
      id: row.id,
      assignmentId: row.assignment_id,
      campaignId: row.campaign_id,
      questionnaireId: row.questionnaire_id,
      touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region, city: row.tp_city },
      scenarioKey: row.scenario_key,
      status: row.status,
      version: row.version,
      visitedAt: row.visited_at,
      submittedAt: row.submitted_at,
      approvedAt: row.approved_at,
      score: row.score,
      knockout: row.knockout,
      waitSeconds: row.wait_seconds,
      responseSeconds: row.response_seconds,
      fcr: row.fcr,
      narrative: row.narrative,
      sections: [...row.sections].sort(by(sectionOrder, (s: SectionScoreView) => s.key)),
      dimensions: [...row.dimensions].sort(by(dimensionOrder, (d: DimensionScoreView) => d.key)),
      answers: [...row.answers].sort(by(questionOrder, (a: AnswerView) => a.questionKey)),
    };
    if (user.role === 'client') {
      // Never any shopper identity or personal data: what the shopper wrote is masked as the KPI model
      // masks it (a signed narrative, an e-mail or phone in a text answer).
      const textQuestions = new Set(questions.filter(({ question }) => question.type === 'text').map(({ question }) => question.key));
      const mask = (text: string) => maskPersonalData(text, row.shopper_name);
      view.narrative = view.narrative === null ? null : mask(view.narrative);
      view.answers = view.answers.map((answer) =>
        textQuestions.has(answer.questionKey) && typeof answer.value === 'string' ? { ...answer, value: mask(answer.value) } : answer,
      );
      return view;
    }
    view.shopperId = row.shopper_id;
    view.returnComment = row.return_comment;
    view.expenses = Number(row.expenses);
    if (isStaff(user)) {
      view.shopper = { id: row.shopper_id, name: row.shopper_name, email: row.shopper_email };
      view.employee = row.employee;
      view.integritySignals = row.integrity_signals;
    }
    return view;
  }

  /** The review queue (consultants). */
  async list(query: ListReportsQuery): Promise<ReportListItem[]> {
    const { limit, offset } = pageOf(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.campaignId) where.push(`vr.campaign_id = $${params.push(query.campaignId)}`);
    if (query.status) where.push(`vr.status = $${params.push(query.status)}`);
    const rows = await this.dataSource.query<Array<ReportRow & { integrity_signals: IntegritySignal[] }>>(
      `SELECT vr.id, vr.assignment_id, vr.campaign_id, vr.shopper_id, vr.status, vr.version, vr.score, vr.knockout,
              vr.visited_at, vr.submitted_at, vr.integrity_signals,
              t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel, t.region AS tp_region, t.city AS tp_city
         FROM visit_reports vr JOIN touchpoints t ON t.id = vr.touchpoint_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY vr.submitted_at, vr.id
        LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      assignmentId: row.assignment_id,
      campaignId: row.campaign_id,
      touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region, city: row.tp_city },
      shopperId: row.shopper_id,
      status: row.status,
      version: row.version,
      score: row.score,
      knockout: row.knockout,
      visitedAt: row.visited_at,
      submittedAt: row.submitted_at,
      integritySignals: row.integrity_signals,
    }));
  }

  async audit(id: string): Promise<AuditEntryView[]> {
    const [exists] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM visit_reports WHERE id = $1`, [id]);
    if (!exists) throw notFound('Visit report');
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        edited_by: string;
        name: string | null;
        role: string;
        edited_at: Date;
        field: string;
        old_value: unknown;
        new_value: unknown;
        reason: string;
      }>
    >(
      `SELECT e.id, e.edited_by, u.name, u.role, e.edited_at, e.field, e.old_value, e.new_value, e.reason
         FROM report_edits e JOIN users u ON u.id = e.edited_by
        WHERE e.visit_report_id = $1
        ORDER BY e.edited_at, e.field, e.id`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      who: { id: row.edited_by, name: row.name, role: row.role },
      when: row.edited_at,
      field: row.field,
      old: row.old_value,
      new: row.new_value,
      reason: row.reason,
    }));
  }
}
