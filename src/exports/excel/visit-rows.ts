// The raw data behind the Visits sheet: one row per visit with its answers, read from PostgreSQL in
// keyset-paginated batches so that a campaign of any size streams through in bounded memory. Filtered
// exactly like the KPI model (DOMAIN.md §3, §5): approved visits only unless staff asked for
// unapproved ones; channel, region, touchpoint, scenario, and inclusive UTC dates on visitedAt.
// Deliberately selects no shopper column: the workbook can never leak what the query never read.
import type { AnswerValue } from '../../questionnaires/domain/definition';
import type { KpiFilters } from '../../kpis/kpi-model';
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

export interface VisitRowsQuery {
  campaignId: string;
  filters: KpiFilters;
  /** Count submitted (not yet approved) visits too. The caller decides who may: staff only. */
  includeUnapproved: boolean;
}

export const DEFAULT_BATCH_SIZE = 2000;

/** Statuses the KPI model counts: approved, plus submitted when a consultant previews unapproved work. */
export function countedStatuses(includeUnapproved: boolean): string[] {
  return includeUnapproved ? ['approved', 'submitted'] : ['approved'];
}

/**
 * The WHERE clause shared by every batch (and by anything else that must count the same visits), with
 * its parameters numbered from $1. Every value is a bound parameter; only column names are pasted.
 */
export function visitFilterSql(query: VisitRowsQuery): { where: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = [`vr.campaign_id = ${bind(query.campaignId)}`, `vr.status = ANY(${bind(countedStatuses(query.includeUnapproved))}::text[])`];
  const { channel, region, touchpointId, scenario, from, to } = query.filters;
  if (channel !== undefined) conditions.push(`t.channel = ${bind(channel)}`);
  if (region !== undefined) conditions.push(`t.region = ${bind(region)}`);
  if (touchpointId !== undefined) conditions.push(`vr.touchpoint_id = ${bind(touchpointId)}`);
  if (scenario !== undefined) conditions.push(`a.scenario_key = ${bind(scenario)}`);
  // Inclusive calendar days in UTC: from 00:00 of `from` up to (not including) 00:00 after `to`.
  if (from !== undefined) conditions.push(`vr.visited_at >= (${bind(from)}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (to !== undefined) conditions.push(`vr.visited_at < ((${bind(to)}::date + 1)::timestamp AT TIME ZONE 'UTC')`);
  return { where: conditions.join(' AND '), parameters };
}

/** One batch: the visits after `afterId` in id order, each with its section scores and answers aggregated in SQL. */
export function visitBatchSql(query: VisitRowsQuery, afterId: string | null, limit: number): { sql: string; parameters: unknown[] } {
  const { where, parameters } = visitFilterSql(query);
  let condition = where;
  if (afterId !== null) {
    parameters.push(afterId);
    condition += ` AND vr.id > $${parameters.length}`;
  }
  parameters.push(limit);
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
      FROM visit_reports vr
      JOIN touchpoints t ON t.id = vr.touchpoint_id
      JOIN assignments a ON a.id = vr.assignment_id
     WHERE ${condition}
     ORDER BY vr.id
     LIMIT $${parameters.length}`;
  return { sql, parameters };
}

/**
 * The visits, in id order, fetched `batchSize` at a time (keyset pagination on the primary key: each
 * batch is an index range scan, no OFFSET, no long-lived cursor holding a connection). The next batch
 * is only read when the consumer asks for it, so a slow download slows the reading, not the memory.
 */
export async function* streamVisitRows(runner: SqlRunner, query: VisitRowsQuery, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<VisitRow> {
  let afterId: string | null = null;
  for (;;) {
    const { sql, parameters } = visitBatchSql(query, afterId, batchSize);
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
