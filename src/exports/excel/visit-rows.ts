// The raw data behind the Visits sheet: one row per visit with its answers, read from PostgreSQL in
// keyset-paginated batches so that a campaign of any size streams through in bounded memory. The
// visits are the KPI model's own: the same VisitScope, turned into SQL by the same visitScopeSql.
// Deliberately selects no shopper column: the workbook can never leak what the query never read.
import type { AnswerValue } from '../../questionnaires/domain/definition';
import { SqlParams, VisitScope, visitScopeSql } from '../../kpis/visit-scope';
import type { SqlRunner } from '../../database/transactions';

export interface VisitAnswerCell {
  value: AnswerValue | null;
  na: boolean;
  /** Whether the question counted towards the score (visible, applicable, scored, answered). */
  counted: boolean;
  earned: number | null;
  possible: number | null;
  passed: boolean | null;
}

export interface VisitRow {
  /** The visit report's id; written to the sheet for staff only. */
  id: string;
  visitedAt: Date;
  status: string;
  touchpointName: string;
  channel: string;
  region: string;
  city: string | null;
  /** The assignment's scenario key. */
  scenario: string | null;
  score: number | null;
  knockout: boolean;
  waitSeconds: number | null;
  responseSeconds: number | null;
  fcr: boolean | null;
  /** Section key → the visit's section score (null when N/A). */
  sections: Record<string, number | null>;
  /** Question key → the stored answer and its score. */
  answers: Record<string, VisitAnswerCell>;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * One batch: the visits of the scope (visit-scope.ts, the KPI model's own) after `afterId` in id order,
 * each with its section scores and answers aggregated in SQL.
 */
export function visitBatchSql(scope: VisitScope, afterId: string | null, limit: number): { sql: string; parameters: unknown[] } {
  const params = new SqlParams();
  const { from, where } = visitScopeSql(scope, params, { touchpoint: true, assignment: true });
  const after = afterId !== null ? ` AND vr.id > ${params.add(afterId)}` : '';
  const last = params.add(limit);
  const sql = `
    SELECT vr.id,
           vr.visited_at AS "visitedAt",
           vr.status,
           t.name AS "touchpointName",
           t.channel,
           t.region,
           t.city,
           a.scenario_key AS scenario,
           vr.score,
           vr.knockout,
           vr.wait_seconds AS "waitSeconds",
           vr.response_seconds AS "responseSeconds",
           vr.fcr,
           COALESCE((SELECT jsonb_object_agg(s.section_key, s.score)
                       FROM visit_section_scores s
                      WHERE s.visit_report_id = vr.id), '{}'::jsonb) AS sections,
           COALESCE((SELECT jsonb_object_agg(va.question_key, jsonb_build_object(
                              'value', va.value, 'na', va.na, 'counted', va.counted,
                              'earned', va.earned, 'possible', va.possible, 'passed', va.passed))
                       FROM visit_answers va
                      WHERE va.visit_report_id = vr.id), '{}'::jsonb) AS answers
      FROM ${from}
     WHERE ${where}${after}
     ORDER BY vr.id
     LIMIT ${last}`;
  return { sql, parameters: params.values };
}

/**
 * The visits, in id order, fetched `batchSize` at a time (keyset pagination on the primary key: each
 * batch is an index range scan, no OFFSET, no long-lived cursor holding a connection). The next batch
 * is only read when the consumer asks for it, so a slow download slows the reading, not the memory.
 */
export async function* streamVisitRows(runner: SqlRunner, scope: VisitScope, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<VisitRow> {
  let afterId: string | null = null;
  for (;;) {
    const { sql, parameters } = visitBatchSql(scope, afterId, batchSize);
    const rows = (await runner.query(sql, parameters)) as VisitRow[];
    for (const row of rows) yield normalizeRow(row);
    if (rows.length < batchSize) return;
    afterId = rows[rows.length - 1].id;
  }
}

function normalizeRow(row: VisitRow): VisitRow {
  return {
    ...row,
    visitedAt: row.visitedAt instanceof Date ? row.visitedAt : new Date(row.visitedAt),
    sections: row.sections ?? {},
    answers: row.answers ?? {},
  };
}
