// Writes a visit's stored scores (answers, section and dimension scores, alerts) in one statement.
import type { SqlRunner } from '../database/transactions';
import type { AnswerEdit } from './domain/answer-edits';
import type { VisitRows } from './domain/score-rows';

/** Removes a report's score rows and alerts before they are written again (resubmission, edit). */
export async function deleteScoreRows(runner: SqlRunner, reportId: string): Promise<void> {
  await runner.query(
    `WITH a AS (DELETE FROM visit_answers WHERE visit_report_id = $1),
          s AS (DELETE FROM visit_section_scores WHERE visit_report_id = $1),
          d AS (DELETE FROM visit_dimension_scores WHERE visit_report_id = $1)
     DELETE FROM alerts WHERE visit_report_id = $1`,
    [reportId],
  );
}

export interface ScoreRowsOptions {
  /** Moves the assignment to this status in the same statement. */
  assignmentStatus?: string;
  /** CTEs run first, as `name AS (…), …` (e.g. the report's own INSERT); their placeholders start at $10. */
  leading?: { sql: string; params: unknown[] };
  /** A SQL condition (over the leading CTEs) every write of the statement depends on. */
  gate?: string;
}

/**
 * Inserts every score row of a report in one round trip (one INSERT … SELECT per table, as CTEs of a
 * single statement; foreign keys are checked at the end of the statement). With `gate`, nothing is
 * written unless it holds, so a statement on its own is all or nothing. Returns the statement's one
 * row: `stored`, whether the rows were written.
 */
export async function insertScoreRows(
  runner: SqlRunner,
  report: { id: string; campaignId: string; touchpointId: string; assignmentId: string },
  rows: Pick<VisitRows, 'answers' | 'sections' | 'dimensions' | 'alerts'>,
  options: ScoreRowsOptions = {},
): Promise<{ stored: boolean }> {
  const answers = rows.answers.map((row) => ({
    question_key: row.questionKey,
    section_key: row.sectionKey,
    value: row.value,
    na: row.na,
    applicable: row.applicable,
    counted: row.counted,
    earned: row.earned,
    possible: row.possible,
    passed: row.passed,
  }));
  const sections = rows.sections.map((row) => ({
    section_key: row.sectionKey,
    score: row.score,
    earned: row.earned,
    possible: row.possible,
    weight: row.weight,
    knocked_out: row.knockedOut,
  }));
  const dimensions = rows.dimensions.map((row) => ({
    dimension: row.dimension,
    score: row.score,
    earned: row.earned,
    possible: row.possible,
  }));
  const alerts = rows.alerts.map((alert) => ({ question_key: alert.questionKey, kind: alert.kind, reason: alert.reason }));
  const gate = options.gate ?? 'true';
  const [result] = (await runner.query(
    `WITH ${options.leading ? `${options.leading.sql}, ` : ''}answers AS (
       INSERT INTO visit_answers (visit_report_id, question_key, campaign_id, section_key, value, na, applicable, counted, earned, possible, passed)
       SELECT $1, r.question_key, $2, r.section_key, NULLIF(r.value, 'null'::jsonb), r.na, r.applicable, r.counted, r.earned, r.possible, r.passed
         FROM jsonb_to_recordset($4::jsonb) AS r(question_key varchar, section_key varchar, value jsonb, na boolean,
              applicable boolean, counted boolean, earned float8, possible float8, passed boolean)
        WHERE ${gate}
     ), sections AS (
       INSERT INTO visit_section_scores (visit_report_id, section_key, score, earned, possible, weight, knocked_out)
       SELECT $1, r.section_key, r.score, r.earned, r.possible, r.weight, r.knocked_out
         FROM jsonb_to_recordset($5::jsonb) AS r(section_key varchar, score float8, earned float8, possible float8, weight float8, knocked_out boolean)
        WHERE ${gate}
     ), dimensions AS (
       INSERT INTO visit_dimension_scores (visit_report_id, dimension, score, earned, possible)
       SELECT $1, r.dimension, r.score, r.earned, r.possible
         FROM jsonb_to_recordset($6::jsonb) AS r(dimension varchar, score float8, earned float8, possible float8)
        WHERE ${gate}
     ), raised AS (
       INSERT INTO alerts (visit_report_id, campaign_id, touchpoint_id, question_key, kind, reason)
       SELECT $1, $2, $3, r.question_key, r.kind, r.reason
         FROM jsonb_to_recordset($7::jsonb) AS r(question_key varchar, kind varchar, reason text)
        WHERE ${gate}
     ), moved AS (
       UPDATE assignments SET status = $8, updated_at = now() WHERE id = $9 AND $8::varchar IS NOT NULL AND ${gate}
     )
     SELECT ${gate} AS stored`,
    [
      report.id,
      report.campaignId,
      report.touchpointId,
      JSON.stringify(answers),
      JSON.stringify(sections),
      JSON.stringify(dimensions),
      JSON.stringify(alerts),
      options.assignmentStatus ?? null,
      report.assignmentId,
      ...(options.leading?.params ?? []),
    ],
  )) as Array<{ stored: boolean }>;
  return { stored: result.stored === true };
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
