// The SQL behind the KPI model (docs/kpis.md §5). Every figure is aggregated by PostgreSQL over the stored
// rows (visit_reports, the three score tables, visit_answers): GROUP BY, FILTER, percentile_cont,
// GROUPING SETS. Only aggregates and small, capped samples of comments come back to JavaScript.
import type { ReadQueries } from '../database/read-database';
import type { Channel } from '../questionnaires/domain/definition';
import { SYNCHRONOUS_CHANNELS } from '../questionnaires/domain/definition';
import { SCORE_BIN_SQL } from './domain/distribution';
import type { Sample } from './domain/statistics';
import { SqlParams, touchpointConditions, VisitScope, visitScopeSql } from './visit-scope';

/** How many of the most recent visits the comment sample is drawn from. */
export const COMMENT_SAMPLE_VISITS = 2000;
/** At most this many comments per section (and narratives) in the model. */
export const COMMENTS_PER_SECTION = 50;
/** At most this many verbatims per failed question. */
export const VERBATIMS_PER_QUESTION = 3;
/** At most this many texts feed the top-terms count. */
export const TERM_SAMPLE_TEXTS = 5000;

export interface CampaignRow {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
  startsOn: string;
  endsOn: string;
  status: string;
  slaSeconds: Record<string, number>;
  targets: Record<string, number>;
  previousCampaignId: string | null;
  previousCampaignName: string | null;
  previousClientId: string | null;
  questionnaireTitle: string;
  language: string;
  definition: unknown;
}

export interface BreakdownRow {
  kind: 'all' | 'channel' | 'region' | 'touchpoint' | 'bin';
  key: string | null;
  visits: number;
  n: number;
  mean: number | null;
  sd: number | null;
  knockouts: number;
  timingN: number;
  median: number | null;
  p90: number | null;
  timingMean: number | null;
  slaMet: number;
  slaN: number;
}

export interface SamplesResult {
  overall: Sample;
  fcr: Sample;
  sections: Map<string, Sample>;
  dimensions: Map<string, Sample>;
}

/** Answers of one question sharing their stored points, counted/passed flags and (when asked) value. */
export interface AnswerGroupRow {
  questionKey: string;
  earned: number | null;
  counted: boolean;
  passed: boolean;
  /** The answer as text (jsonb #>> '{}': true, 3, full, ["a","b"]) for the value keys; else null. */
  value: string | null;
  /** Given: counted, or neither N/A nor blank. */
  answered: boolean;
  n: number;
}

export interface TouchpointRow {
  id: string;
  name: string;
  channel: Channel;
  region: string;
  city: string | null;
}

export interface QualitativeRows {
  comments: Array<{ sectionKey: string; questionKey: string; visitId: string; text: string; sectionScore: number | null }>;
  narratives: Array<{ visitId: string; text: string; score: number | null }>;
  verbatims: Array<{ questionKey: string; visitId: string; text: string }>;
  termTexts: string[];
  /** Every text of the sample (each visit's narrative, empty if none, and its text answers) with the visit's score: what the themes are counted on. */
  sampleTexts: SampleText[];
  /** The sample's visits: how many, and each one's shopper name (masked out of every text shown). */
  sampleVisits: number;
  shopperNames: Record<string, string | null>;
}

export interface SampleText {
  visitId: string;
  score: number | null;
  text: string;
}

export interface ShopperRow {
  shopperId: string;
  name: string | null;
  n: number;
  meanDeviation: number | null;
}

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The visits in scope as a subquery `v` (one row per visit report, see visit-scope.ts); the touchpoints
 * are joined for their channel and region only when `withTouchpoint` asks for them.
 */
function visitsSql(scope: VisitScope, params: SqlParams, withTouchpoint = false): string {
  const { from, where } = visitScopeSql(scope, params, { touchpoint: withTouchpoint });
  return `SELECT vr.id, vr.score, vr.knockout, vr.wait_seconds, vr.response_seconds, vr.fcr, vr.narrative,
                 vr.visited_at, vr.shopper_id, vr.touchpoint_id${withTouchpoint ? ', t.channel, t.region' : ''}
            FROM ${from}
           WHERE ${where}`;
}

/**
 * The comment sample as two CTEs: `cand`, the most recent COMMENT_SAMPLE_VISITS visits in scope (with
 * their score, narrative and shopper's name), and `texts`, their text answers (with their section's score).
 */
function sampleSql(scope: VisitScope, params: SqlParams, textKeys: string[]): string {
  const visits = visitsSql(scope, params);
  const sampleSize = params.add(COMMENT_SAMPLE_VISITS);
  const texts = params.add(textKeys);
  return `cand AS MATERIALIZED (
         SELECT v.id, v.score, NULLIF(btrim(v.narrative), '') AS narrative, v.visited_at,
                (SELECT u.name FROM users u WHERE u.id = v.shopper_id) AS shopper_name
           FROM (${visits}) v
          ORDER BY v.visited_at DESC, v.id
          LIMIT ${sampleSize}
       ),
       -- The sample's rows are reached through the primary keys, visit by visit (OFFSET 0 keeps each
       -- lateral subquery a per-visit index lookup rather than a join over every answer).
       texts AS MATERIALIZED (
         SELECT c.id AS visit_id, c.score AS visit_score, va.question_key, va.section_key, va.text, c.visited_at,
                -- an unscored section (e.g. a closing "comments" section) takes the visit's score instead
                COALESCE((SELECT ss.score FROM visit_section_scores ss
                  WHERE ss.visit_report_id = c.id AND ss.section_key = va.section_key), c.score) AS section_score
           FROM cand c
          CROSS JOIN LATERAL (
            SELECT a.question_key, a.section_key, a.value #>> '{}' AS text
              FROM visit_answers a
             WHERE a.visit_report_id = c.id AND a.question_key = ANY(${texts}::text[]) AND NOT a.na
               AND jsonb_typeof(a.value) = 'string' AND btrim(a.value #>> '{}') <> ''
            OFFSET 0
          ) va
       )`;
}

/**
 * Every text of the sample, each with its visit's score: every visit's narrative (empty when it has none,
 * so that every visit of the sample is there to count), then its text answers.
 */
const SAMPLE_TEXTS_SQL = `(SELECT COALESCE(json_agg(json_build_object('visitId', visit_id, 'score', score, 'text', text) ORDER BY visited_at DESC, visit_id, ord), '[]')
            FROM (SELECT id AS visit_id, score, COALESCE(narrative, '') AS text, visited_at, '' AS ord FROM cand
                  UNION ALL
                  SELECT visit_id, visit_score, text, visited_at, question_key FROM texts) t)`;

const SYNCHRONOUS_LIST = SYNCHRONOUS_CHANNELS.map((channel) => `'${channel}'`).join(', ');

export class KpiQueries {
  /** Read-only: in the app, the read connection (ReadDatabase: the replica when DATABASE_READ_URL is set). */
  constructor(private readonly db: ReadQueries) {}

  async campaign(campaignId: string): Promise<CampaignRow | null> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT c.id, c.name, c.client_id, cl.name AS client_name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on,
              c.status, c.sla_seconds, c.targets, c.previous_campaign_id, p.name AS previous_name, p.client_id AS previous_client_id,
              q.title AS questionnaire_title, q.language, q.definition
         FROM campaigns c
         JOIN clients cl ON cl.id = c.client_id
         JOIN questionnaires q ON q.id = c.questionnaire_id
         LEFT JOIN campaigns p ON p.id = c.previous_campaign_id
        WHERE c.id = $1`,
      [campaignId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      id: row.id as string,
      name: row.name as string,
      clientId: row.client_id as string,
      clientName: row.client_name as string,
      startsOn: row.starts_on as string,
      endsOn: row.ends_on as string,
      status: row.status as string,
      slaSeconds: (row.sla_seconds ?? {}) as Record<string, number>,
      targets: (row.targets ?? {}) as Record<string, number>,
      previousCampaignId: (row.previous_campaign_id as string | null) ?? null,
      previousCampaignName: (row.previous_name as string | null) ?? null,
      previousClientId: (row.previous_client_id as string | null) ?? null,
      questionnaireTitle: row.questionnaire_title as string,
      language: row.language as string,
      definition: row.definition,
    };
  }

  /**
   * The visits in scope grouped five ways at once (GROUPING SETS): all visits, per channel, per region,
   * per touchpoint and per 10-point score bin, each with the score's mean, sd and n and the knockouts;
   * and, per channel, the timing its kind of channel measures (wait time on synchronous channels,
   * response time on the others): median and p90 in one sort, mean, and how many met the channel's SLA.
   * Two queries side by side: the percentiles need a sort the plain aggregates can do without.
   */
  async breakdown(scope: VisitScope, slaSeconds: Record<string, number>): Promise<BreakdownRow[]> {
    const groupsParams = new SqlParams();
    const groupsVisits = visitsSql(scope, groupsParams, true);
    const timingParams = new SqlParams();
    const timingVisits = visitsSql(scope, timingParams, true);
    const sla = timingParams.add(JSON.stringify(slaSeconds));
    const [groups, timings]: Array<Array<Record<string, unknown>>> = await Promise.all([
      this.db.query<Array<Record<string, unknown>>>(
        // GROUPING(channel, region, touchpoint_id, bin) is a bit mask, channel the highest bit (8), then
        // region (4), touchpoint (2), bin (1); a bit is set when that column is NOT grouped in the row's
        // set. So 15 (1111) is the grand total (), 7 (0111) a (channel) row, 11 (1011) a (region) row,
        // 13 (1101) a (touchpoint_id) row and 14 (1110), the ELSE, a (bin) row.
        `SELECT CASE GROUPING(channel, region, touchpoint_id, bin)
                  WHEN 15 THEN 'all' WHEN 7 THEN 'channel' WHEN 11 THEN 'region' WHEN 13 THEN 'touchpoint' ELSE 'bin' END AS kind,
                COALESCE(channel, region, touchpoint_id::text, bin::text) AS key,
                count(*) AS visits, count(score) AS n, avg(score) AS mean, stddev_samp(score) AS sd,
                count(*) FILTER (WHERE knockout) AS knockouts
           FROM (SELECT v.*, ${SCORE_BIN_SQL} AS bin FROM (${groupsVisits}) v) x
          GROUP BY GROUPING SETS ((), (channel), (region), (touchpoint_id), (bin))`,
        groupsParams.values,
      ),
      this.db.query<Array<Record<string, unknown>>>(
        `SELECT channel, count(timing) AS timing_n,
                percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY timing) AS percentiles,
                avg(timing) AS timing_mean,
                count(*) FILTER (WHERE timing IS NOT NULL AND sla IS NOT NULL AND timing <= sla) AS sla_met,
                count(*) FILTER (WHERE timing IS NOT NULL AND sla IS NOT NULL) AS sla_n
           FROM (SELECT v.channel,
                        CASE WHEN v.channel IN (${SYNCHRONOUS_LIST}) THEN v.wait_seconds ELSE v.response_seconds END AS timing,
                        (${sla}::jsonb ->> v.channel)::double precision AS sla
                   FROM (${timingVisits}) v) x
          GROUP BY channel`,
        timingParams.values,
      ),
    ]);
    const timingByChannel = new Map(timings.map((row) => [row.channel as string, row]));
    return groups.map((row) => {
      const timing = row.kind === 'channel' ? timingByChannel.get(row.key as string) : undefined;
      const percentiles = (timing?.percentiles as Array<number | null> | null | undefined) ?? [null, null];
      return {
        kind: row.kind as BreakdownRow['kind'],
        key: (row.key as string | null) ?? null,
        visits: num(row.visits),
        n: num(row.n),
        mean: numOrNull(row.mean),
        sd: numOrNull(row.sd),
        knockouts: num(row.knockouts),
        timingN: num(timing?.timing_n ?? 0),
        median: numOrNull(percentiles[0]),
        p90: numOrNull(percentiles[1]),
        timingMean: numOrNull(timing?.timing_mean),
        slaMet: num(timing?.sla_met ?? 0),
        slaN: num(timing?.sla_n ?? 0),
      };
    });
  }

  /**
   * The summaries the statistics need (n, mean, sample sd): the visit score, FCR (as 0/100 per visit),
   * each section's and each dimension's stored score, N/A (null) scores left out. Used for the
   * current campaign and, for the trend, the previous one. Three queries side by side.
   */
  async samples(scope: VisitScope): Promise<SamplesResult> {
    const visitParams = new SqlParams();
    const visitScope = visitsSql(scope, visitParams);
    const sectionParams = new SqlParams();
    const sectionScope = visitsSql(scope, sectionParams);
    const dimensionParams = new SqlParams();
    const dimensionScope = visitsSql(scope, dimensionParams);
    const [visitRows, sectionRows, dimensionRows]: Array<Array<Record<string, unknown>>> = await Promise.all([
      this.db.query<Array<Record<string, unknown>>>(
        `SELECT count(score) AS n, avg(score) AS mean, stddev_samp(score) AS sd,
                count(fcr) AS fcr_n, avg(CASE WHEN fcr THEN 100.0 ELSE 0.0 END) FILTER (WHERE fcr IS NOT NULL) AS fcr_mean,
                stddev_samp(CASE WHEN fcr THEN 100.0 ELSE 0.0 END) FILTER (WHERE fcr IS NOT NULL) AS fcr_sd
           FROM (${visitScope}) v`,
        visitParams.values,
      ),
      this.db.query<Array<Record<string, unknown>>>(
        `SELECT s.section_key AS key, count(s.score) AS n, avg(s.score) AS mean, stddev_samp(s.score) AS sd
           FROM visit_section_scores s
          WHERE s.visit_report_id IN (SELECT v.id FROM (${sectionScope}) v)
          GROUP BY s.section_key`,
        sectionParams.values,
      ),
      this.db.query<Array<Record<string, unknown>>>(
        `SELECT d.dimension AS key, count(d.score) AS n, avg(d.score) AS mean, stddev_samp(d.score) AS sd
           FROM visit_dimension_scores d
          WHERE d.visit_report_id IN (SELECT v.id FROM (${dimensionScope}) v)
          GROUP BY d.dimension`,
        dimensionParams.values,
      ),
    ]);
    const sample = (n: unknown, mean: unknown, sd: unknown): Sample => ({ n: num(n), mean: numOrNull(mean), sd: numOrNull(sd) });
    const visit = visitRows[0];
    const byKey = (rows: Array<Record<string, unknown>>) =>
      new Map(rows.map((row) => [row.key as string, sample(row.n, row.mean, row.sd)]));
    return {
      overall: sample(visit.n, visit.mean, visit.sd),
      fcr: sample(visit.fcr_n, visit.fcr_mean, visit.fcr_sd),
      sections: byKey(sectionRows),
      dimensions: byKey(dimensionRows),
    };
  }

  /**
   * The answers in scope grouped by question, stored points, counted and passed, so that PostgreSQL
   * groups on cheap columns: the answer tallies read most answers back from their points
   * (answerFromPoints). Only the questions in `valueKeys` (multi-choices, unscored choices, choices whose
   * options share points) are also grouped on their answer, as text. `answered` tells an answer given
   * (counted, or neither N/A nor blank), which is the n of an unscored question.
   *
   * Approved visits come from answer_tallies (kept by triggers, see the AnswerTallies migration) unless
   * the scope has a date range, which the tallies do not key; other statuses, and dated scopes, are
   * counted from visit_answers.
   */
  async answers(scope: VisitScope, valueKeys: string[]): Promise<AnswerGroupRow[]> {
    const { from, to } = scope.filters;
    const tallied = scope.statuses.includes('approved') && from === undefined && to === undefined;
    const params = new SqlParams();
    const valued = params.add(valueKeys);
    const parts: string[] = [];
    if (tallied) parts.push(this.talliedAnswersSql(scope, params, valued));
    const counted: VisitScope = tallied ? { ...scope, statuses: scope.statuses.filter((status) => status !== 'approved') } : scope;
    if (counted.statuses.length > 0) {
      const part = await this.countedAnswersSql(counted, params, valued);
      if (part !== null) parts.push(part);
    }
    if (parts.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT question_key, earned, counted, passed, value, answered, sum(n) AS n
         FROM (${parts.join('\n UNION ALL\n')}) t
        GROUP BY 1, 2, 3, 4, 5, 6`,
      params.values,
    );
    return rows
      .map((row) => ({
        questionKey: row.question_key as string,
        earned: numOrNull(row.earned),
        counted: row.counted === true,
        passed: row.passed === true,
        value: (row.value as string | null) ?? null,
        answered: row.answered === true,
        n: num(row.n),
      }))
      .filter((row) => row.n !== 0);
  }

  /** The approved visits' answer groups from the tallies, with the scope's touchpoint and scenario filters. */
  private talliedAnswersSql(scope: VisitScope, params: SqlParams, valued: string): string {
    const { filters } = scope;
    const where = [`t.campaign_id = ${params.add(scope.campaignId)}`, ...touchpointConditions('t.touchpoint_id', filters, params)];
    if (filters.scenario !== undefined) where.push(`t.scenario_key = ${params.add(filters.scenario)}`);
    return `SELECT t.question_key, t.earned, t.counted, t.passed,
                   CASE WHEN t.question_key = ANY(${valued}::text[]) THEN t.value END AS value, t.answered, sum(t.n) AS n
              FROM answer_tallies t
             WHERE ${where.join(' AND ')}
             GROUP BY 1, 2, 3, 4, 5, 6`;
  }

  /**
   * The answer groups of the visits in scope, counted from visit_answers. When the scope keeps most of
   * the campaign's visits, it is cheaper to aggregate all the campaign's answers on the campaign index
   * alone and take away the answers of the few visits out of scope (found through the primary key) than
   * to join millions of answers with the visits in scope; a narrow scope joins its visits directly; a
   * scope of every visit needs no visits at all. Null when no visit is in scope.
   */
  private async countedAnswersSql(scope: VisitScope, params: SqlParams, valued: string): Promise<string | null> {
    const countParams = new SqlParams();
    const countScope = visitsSql(scope, countParams);
    const [counts] = await this.db.query<Array<{ in_scope: string; total: string }>>(
      `SELECT (SELECT count(*) FROM (${countScope}) v) AS in_scope,
              (SELECT count(*) FROM visit_reports WHERE campaign_id = ${countParams.add(scope.campaignId)}) AS total`,
      countParams.values,
    );
    const inScope = num(counts.in_scope);
    const total = num(counts.total);
    if (inScope === 0) return null;

    const campaign = params.add(scope.campaignId);
    const groups = `va.question_key, va.earned, va.counted, va.passed,
              CASE WHEN va.question_key = ANY(${valued}::text[]) AND NOT va.na THEN va.value #>> '{}' END AS value,
              COALESCE(va.counted OR (NOT va.na AND jsonb_typeof(va.value) <> 'null'), false) AS answered`;
    if (inScope === total) {
      return `SELECT ${groups}, count(*) AS n
                FROM visit_answers va
               WHERE va.campaign_id = ${campaign}
               GROUP BY 1, 2, 3, 4, 5, 6`;
    }
    const visits = visitsSql(scope, params);
    if (inScope * 2 >= total) {
      return `SELECT ${groups}, count(*) AS n
                FROM visit_answers va
               WHERE va.campaign_id = ${campaign}
               GROUP BY 1, 2, 3, 4, 5, 6
              UNION ALL
              SELECT ${groups}, -count(*) AS n
                FROM visit_reports x
                JOIN visit_answers va ON va.visit_report_id = x.id
               WHERE x.campaign_id = ${campaign} AND NOT EXISTS (SELECT 1 FROM (${visits}) v WHERE v.id = x.id)
               GROUP BY 1, 2, 3, 4, 5, 6`;
    }
    // Few visits: their answers through the primary key, never a pass over the campaign's answers.
    return `SELECT ${groups}, count(*) AS n
              FROM (${visits}) v
              JOIN visit_answers va ON va.visit_report_id = v.id AND va.campaign_id = ${campaign}
             GROUP BY 1, 2, 3, 4, 5, 6`;
  }

  /**
   * The comments, from the most recent COMMENT_SAMPLE_VISITS visits in scope: text answers (at most
   * COMMENTS_PER_SECTION per section, newest first, with their section's score), narratives (as many,
   * with the visit's score), for each failed question up to VERBATIMS_PER_QUESTION verbatims (the
   * visit's narrative, else its text answer, preferably from the question's section), the texts the
   * top terms are counted over, every text of the sample for the themes, and the shoppers' names.
   */
  async qualitative(scope: VisitScope, textKeys: string[]): Promise<QualitativeRows> {
    const params = new SqlParams();
    const sample = sampleSql(scope, params, textKeys);
    const perSection = params.add(COMMENTS_PER_SECTION);
    const perQuestion = params.add(VERBATIMS_PER_QUESTION);
    const termTexts = params.add(TERM_SAMPLE_TEXTS);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH ${sample},
       comments AS (
         SELECT t.*, row_number() OVER (PARTITION BY t.section_key ORDER BY t.visited_at DESC, t.visit_id, t.question_key) AS rn
           FROM texts t
       ),
       section_text AS (
         SELECT DISTINCT ON (visit_id, section_key) visit_id, section_key, text FROM texts ORDER BY visit_id, section_key, question_key
       ),
       visit_text AS (
         SELECT DISTINCT ON (visit_id) visit_id, text FROM texts ORDER BY visit_id, question_key
       ),
       failed AS (
         SELECT f.*, row_number() OVER (PARTITION BY f.question_key ORDER BY f.visited_at DESC, f.visit_id) AS rn
           FROM (
             SELECT va.question_key, c.id AS visit_id, c.visited_at, COALESCE(c.narrative, st.text, vt.text) AS text
               FROM cand c
              CROSS JOIN LATERAL (
                SELECT a.question_key, a.section_key FROM visit_answers a
                 WHERE a.visit_report_id = c.id AND a.counted AND a.passed = false
                OFFSET 0
              ) va
               LEFT JOIN section_text st ON st.visit_id = c.id AND st.section_key = va.section_key
               LEFT JOIN visit_text vt ON vt.visit_id = c.id
           ) f
          WHERE f.text IS NOT NULL
       )
       SELECT
         (SELECT COALESCE(json_agg(json_build_object('sectionKey', section_key, 'questionKey', question_key, 'visitId', visit_id,
                                                     'text', text, 'sectionScore', section_score) ORDER BY section_key, rn), '[]')
            FROM comments WHERE rn <= ${perSection}) AS comments,
         (SELECT COALESCE(json_agg(json_build_object('visitId', id, 'text', narrative, 'score', score) ORDER BY visited_at DESC, id), '[]')
            FROM (SELECT * FROM cand WHERE narrative IS NOT NULL ORDER BY visited_at DESC, id LIMIT ${perSection}) n) AS narratives,
         (SELECT COALESCE(json_agg(json_build_object('questionKey', question_key, 'visitId', visit_id, 'text', text) ORDER BY question_key, rn), '[]')
            FROM failed WHERE rn <= ${perQuestion}) AS verbatims,
         (SELECT COALESCE(json_agg(text), '[]') FROM (
             SELECT text FROM texts UNION ALL SELECT narrative FROM cand WHERE narrative IS NOT NULL LIMIT ${termTexts}
           ) s) AS term_texts,
         ${SAMPLE_TEXTS_SQL} AS sample_texts,
         (SELECT count(*) FROM cand) AS sample_visits,
         (SELECT COALESCE(json_object_agg(id, shopper_name), '{}') FROM cand) AS shopper_names`,
      params.values,
    );
    const row = rows[0] ?? {};
    return {
      comments: (row.comments ?? []) as QualitativeRows['comments'],
      narratives: (row.narratives ?? []) as QualitativeRows['narratives'],
      verbatims: (row.verbatims ?? []) as QualitativeRows['verbatims'],
      termTexts: (row.term_texts ?? []) as string[],
      sampleTexts: (row.sample_texts ?? []) as SampleText[],
      sampleVisits: num(row.sample_visits ?? 0),
      shopperNames: (row.shopper_names ?? {}) as Record<string, string | null>,
    };
  }

  /** The themes' side of a comment sample alone (a previous wave, a program's campaigns): its texts and shoppers' names. */
  async sampleTexts(
    scope: VisitScope,
    textKeys: string[],
  ): Promise<{ texts: SampleText[]; visits: number; shopperNames: Record<string, string | null> }> {
    const params = new SqlParams();
    const sample = sampleSql(scope, params, textKeys);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH ${sample}
       SELECT ${SAMPLE_TEXTS_SQL} AS sample_texts, (SELECT count(*) FROM cand) AS sample_visits,
              (SELECT COALESCE(json_object_agg(id, shopper_name), '{}') FROM cand) AS shopper_names`,
      params.values,
    );
    const row = rows[0] ?? {};
    return {
      texts: (row.sample_texts ?? []) as SampleText[],
      visits: num(row.sample_visits ?? 0),
      shopperNames: (row.shopper_names ?? {}) as Record<string, string | null>,
    };
  }

  async touchpoints(ids: string[]): Promise<Map<string, TouchpointRow>> {
    if (ids.length === 0) return new Map();
    const rows: TouchpointRow[] = await this.db.query(
      `SELECT id, name, channel, region, city FROM touchpoints WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Shopper calibration: for each visit with a score, its deviation from the mean score of the OTHER
   * shoppers' visits to the same touchpoint; per shopper the mean of those deviations and how many
   * visits had others to compare with (n). Done on per-(touchpoint, shopper) sums, so it is one pass.
   */
  async shoppers(scope: VisitScope): Promise<ShopperRow[]> {
    const params = new SqlParams();
    const visits = visitsSql(scope, params);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH per_pair AS (
         SELECT v.touchpoint_id, v.shopper_id, sum(v.score) AS total, count(v.score) AS n
           FROM (${visits}) v
          GROUP BY v.touchpoint_id, v.shopper_id
       ),
       per_touchpoint AS (
         SELECT touchpoint_id, sum(total) AS total, sum(n) AS n FROM per_pair GROUP BY touchpoint_id
       ),
       deviations AS (
         SELECT p.shopper_id,
                sum(p.total - p.n * (t.total - p.total) / (t.n - p.n)) FILTER (WHERE t.n > p.n AND p.n > 0) AS deviation_sum,
                sum(p.n) FILTER (WHERE t.n > p.n AND p.n > 0) AS compared
           FROM per_pair p JOIN per_touchpoint t USING (touchpoint_id)
          GROUP BY p.shopper_id
       )
       SELECT d.shopper_id, u.name, COALESCE(d.compared, 0) AS n, d.deviation_sum / NULLIF(d.compared, 0) AS mean_deviation
         FROM deviations d
         LEFT JOIN users u ON u.id = d.shopper_id
        ORDER BY abs(d.deviation_sum / NULLIF(d.compared, 0)) DESC NULLS LAST, d.shopper_id`,
      params.values,
    );
    return rows.map((row) => ({
      shopperId: row.shopper_id as string,
      name: (row.name as string | null) ?? null,
      n: num(row.n),
      meanDeviation: numOrNull(row.mean_deviation),
    }));
  }
}
