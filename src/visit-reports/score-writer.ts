// Writes a visit's stored scores (docs/domain.md §4: reports aggregate stored numbers): the report's score
// columns, its answer, section and dimension rows, and its alerts. Every way a report gets scored (first
// submission, resubmission, reviewer edit, the test factories) writes them through here.
import type { SqlRunner } from '../database/transactions';
import { SqlParams } from '../kpis/visit-scope';
import type { AnswerEdit } from './domain/answer-edits';
import type { VisitRows } from './domain/score-rows';

/** The report whose scores are written. */
export interface ScoredReport {
  id: string;
  campaignId: string;
  touchpointId: string;
}

/** The columns of visit_reports that come from the scoring, by name. */
export function scoreColumns(rows: VisitRows): Record<string, unknown> {
  return {
    score: rows.summary.score,
    knockout: rows.summary.knockout,
    wait_seconds: rows.kpis.waitSeconds,
    response_seconds: rows.kpis.responseSeconds,
    fcr: rows.kpis.fcr,
  };
}

/**
 * The CTEs (`answers_written`, `sections_written`, `dimensions_written`, `alerts_written`) that insert
 * the score rows and alerts for each report `source` yields: a table expression with `id`,
 * `campaign_id` and `touchpoint_id` (the RETURNING of the statement's own report write). When it yields
 * no row, nothing is written. Values are bound through `params`; foreign keys are checked at the end of
 * the statement, so the report may be inserted by the same statement.
 */
export function scoreRowsSql(params: SqlParams, source: string, rows: VisitRows): string {
  const answers = params.add(
    JSON.stringify(
      rows.answers.map((row) => ({
        question_key: row.questionKey,
        section_key: row.sectionKey,
        value: row.value,
        na: row.na,
        applicable: row.applicable,
        counted: row.counted,
        earned: row.earned,
        possible: row.possible,
        passed: row.passed,
      })),
    ),
  );
  const sections = params.add(
    JSON.stringify(
      rows.sections.map((row) => ({
        section_key: row.sectionKey,
        score: row.score,
        earned: row.earned,
        possible: row.possible,
        weight: row.weight,
        knocked_out: row.knockedOut,
      })),
    ),
  );
  const dimensions = params.add(
    JSON.stringify(
      rows.dimensions.map((row) => ({ dimension: row.dimension, score: row.score, earned: row.earned, possible: row.possible })),
    ),
  );
  const alerts = params.add(
    JSON.stringify(rows.alerts.map((alert) => ({ question_key: alert.questionKey, kind: alert.kind, reason: alert.reason }))),
  );
  return `answers_written AS (
       INSERT INTO visit_answers (visit_report_id, question_key, campaign_id, section_key, value, na, applicable, counted, earned, possible, passed)
       SELECT rep.id, r.question_key, rep.campaign_id, r.section_key, NULLIF(r.value, 'null'::jsonb), r.na, r.applicable, r.counted, r.earned, r.possible, r.passed
         FROM ${source} rep, jsonb_to_recordset(${answers}::jsonb) AS r(question_key varchar, section_key varchar, value jsonb, na boolean,
              applicable boolean, counted boolean, earned float8, possible float8, passed boolean)
     ), sections_written AS (
       INSERT INTO visit_section_scores (visit_report_id, section_key, score, earned, possible, weight, knocked_out)
       SELECT rep.id, r.section_key, r.score, r.earned, r.possible, r.weight, r.knocked_out
         FROM ${source} rep, jsonb_to_recordset(${sections}::jsonb) AS r(section_key varchar, score float8, earned float8, possible float8, weight float8, knocked_out boolean)
     ), dimensions_written AS (
       INSERT INTO visit_dimension_scores (visit_report_id, dimension, score, earned, possible)
       SELECT rep.id, r.dimension, r.score, r.earned, r.possible
         FROM ${source} rep, jsonb_to_recordset(${dimensions}::jsonb) AS r(dimension varchar, score float8, earned float8, possible float8)
     ), alerts_written AS (
       INSERT INTO alerts (visit_report_id, campaign_id, touchpoint_id, question_key, kind, reason)
       SELECT rep.id, rep.campaign_id, rep.touchpoint_id, r.question_key, r.kind, r.reason
         FROM ${source} rep, jsonb_to_recordset(${alerts}::jsonb) AS r(question_key varchar, kind varchar, reason text)
     )`;
}

/**
 * Replaces a stored report's scores: its score columns, answer, section and dimension rows and alerts
 * (the old rows are removed first, in their own statement: a statement's CTEs cannot both delete and
 * re-insert a unique key). Run it in the caller's transaction.
 */
export async function storeScores(runner: SqlRunner, report: ScoredReport, rows: VisitRows): Promise<void> {
  await runner.query(
    `WITH a AS (DELETE FROM visit_answers WHERE visit_report_id = $1),
          s AS (DELETE FROM visit_section_scores WHERE visit_report_id = $1),
          d AS (DELETE FROM visit_dimension_scores WHERE visit_report_id = $1)
     DELETE FROM alerts WHERE visit_report_id = $1`,
    [report.id],
  );
  const params = new SqlParams();
  const id = params.add(report.id);
  const set = Object.entries(scoreColumns(rows)).map(([column, value]) => `${column} = ${params.add(value)}`);
  await runner.query(
    `WITH scored AS (UPDATE visit_reports SET ${set.join(', ')} WHERE id = ${id} RETURNING id, campaign_id, touchpoint_id),
          ${scoreRowsSql(params, 'scored', rows)}
     SELECT 1`,
    params.values,
  );
}

/** Appends audit-trail rows in one statement. */
export async function insertReportEdits(
  runner: SqlRunner,
  reportId: string,
  editedBy: string,
  reason: string,
  edits: AnswerEdit[],
): Promise<void> {
  if (!edits.length) return;
  await runner.query(
    `INSERT INTO report_edits (visit_report_id, edited_by, field, old_value, new_value, reason)
     SELECT $1, $2, r.field, r.old_value, r.new_value, $3
       FROM jsonb_to_recordset($4::jsonb) AS r(field varchar, old_value jsonb, new_value jsonb)`,
    [reportId, editedBy, reason, JSON.stringify(edits.map((e) => ({ field: e.field, old_value: e.oldValue, new_value: e.newValue })))],
  );
}
