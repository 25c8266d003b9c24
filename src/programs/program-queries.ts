// The SQL behind the program model (docs/kpis.md §5b). A wave's visits are its campaigns' visits, each
// campaign scoped by the campaign model's own rules (src/kpis/visit-scope.ts: statuses, channel,
// region, dates), so a program and its campaigns always count the same visits. PostgreSQL aggregates;
// only per-channel (and per-campaign) sums, means and spreads come back.
import type { ReadQueries } from '../database/read-database';
import type { Channel } from '../questionnaires/domain/definition';
import { SYNCHRONOUS_CHANNELS } from '../questionnaires/domain/definition';
import type { Sample } from '../kpis/domain/statistics';
import { SqlParams, touchpointConditions, VisitFilters, visitScopeSql } from '../kpis/visit-scope';

/** The visits of a wave a figure counts: its campaigns, the statuses counted, the user's filters. */
export interface WaveScope {
  campaignIds: string[];
  statuses: string[];
  filters: VisitFilters;
}

/** Narrows a scope to what an action-plan item targets (empty lists: no narrowing). */
export interface Target {
  channels: string[];
  touchpointIds: string[];
}

export interface ScoreRow {
  kind: 'all' | 'channel' | 'campaign';
  key: string | null;
  visits: number;
  score: Sample;
  fcr: Sample;
}

export interface TimingRow {
  channel: Channel;
  n: number;
  median: number | null;
  p90: number | null;
  slaMet: number;
  slaN: number;
  /** The SLA the wave's campaigns set for this channel (the lowest, should they differ). */
  slaSeconds: number | null;
}

export interface QuestionCountRow {
  channel: Channel;
  questionKey: string;
  /** Answer rows of any kind (N/A, not applicable, blank included): the question is on this channel's questionnaire. */
  answers: number;
  counted: number;
  passed: number;
}

export interface DimensionRow {
  channel: Channel;
  dimension: string;
  sample: Sample;
}

const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const SYNCHRONOUS_LIST = SYNCHRONOUS_CHANNELS.map((channel) => `'${channel}'`).join(', ');

/**
 * The wave's visits in scope as one row set (id, campaign_id, touchpoint_id, score, fcr, timings,
 * channel): one scoped SELECT per campaign, glued with UNION ALL, narrowed to the target if any.
 */
function waveVisitsSql(scope: WaveScope, params: SqlParams, target?: Target): string {
  if (scope.campaignIds.length === 0) {
    return `SELECT NULL::uuid AS id, NULL::uuid AS campaign_id, NULL::uuid AS touchpoint_id, NULL::double precision AS score,
                   NULL::boolean AS fcr, NULL::double precision AS wait_seconds, NULL::double precision AS response_seconds,
                   NULL::varchar AS channel WHERE false`;
  }
  const parts = scope.campaignIds.map((campaignId) => {
    const { from, where } = visitScopeSql({ campaignId, statuses: scope.statuses, filters: scope.filters }, params, { touchpoint: true });
    const conditions = [where];
    if (target && target.channels.length > 0) conditions.push(`t.channel = ANY(${params.add(target.channels)}::text[])`);
    if (target && target.touchpointIds.length > 0) conditions.push(`vr.touchpoint_id = ANY(${params.add(target.touchpointIds)}::uuid[])`);
    return `SELECT vr.id, vr.campaign_id, vr.touchpoint_id, vr.score, vr.fcr, vr.wait_seconds, vr.response_seconds, t.channel
              FROM ${from} WHERE ${conditions.join(' AND ')}`;
  });
  return parts.join('\n UNION ALL \n');
}

const sample = (n: unknown, mean: unknown, sd: unknown): Sample => ({ n: num(n), mean: numOrNull(mean), sd: numOrNull(sd) });

export class ProgramQueries {
  /** Read-only: in the app, the read connection (ReadDatabase: the replica when DATABASE_READ_URL is set). */
  constructor(private readonly db: ReadQueries) {}

  /** The visit score and FCR (as 0/100) summarised for the whole wave, per channel and per campaign at once. */
  async scores(scope: WaveScope, target?: Target): Promise<ScoreRow[]> {
    const params = new SqlParams();
    const visits = waveVisitsSql(scope, params, target);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      // GROUPING(channel, campaign_id): 3 = both rolled up (the wave), 1 = a channel row, 2 = a campaign row.
      `SELECT CASE GROUPING(channel, campaign_id) WHEN 3 THEN 'all' WHEN 1 THEN 'channel' ELSE 'campaign' END AS kind,
              COALESCE(channel, campaign_id::text) AS key,
              count(*) AS visits, count(score) AS n, avg(score) AS mean, stddev_samp(score) AS sd,
              count(fcr) AS fcr_n, avg(CASE WHEN fcr THEN 100.0 ELSE 0.0 END) FILTER (WHERE fcr IS NOT NULL) AS fcr_mean,
              stddev_samp(CASE WHEN fcr THEN 100.0 ELSE 0.0 END) FILTER (WHERE fcr IS NOT NULL) AS fcr_sd
         FROM (${visits}) v
        GROUP BY GROUPING SETS ((), (channel), (campaign_id))`,
      params.values,
    );
    return rows.map((row) => ({
      kind: row.kind as ScoreRow['kind'],
      key: (row.key as string | null) ?? null,
      visits: num(row.visits),
      score: sample(row.n, row.mean, row.sd),
      fcr: sample(row.fcr_n, row.fcr_mean, row.fcr_sd),
    }));
  }

  /**
   * Per channel, the timing its kind of channel measures (wait time on synchronous channels, response
   * time on the others): median and p90, and how many visits met the SLA of their own campaign.
   */
  async timing(scope: WaveScope): Promise<TimingRow[]> {
    const params = new SqlParams();
    const visits = waveVisitsSql(scope, params);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT channel, count(timing) AS n,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY timing) AS percentiles,
              count(*) FILTER (WHERE timing IS NOT NULL AND sla IS NOT NULL AND timing <= sla) AS sla_met,
              count(*) FILTER (WHERE timing IS NOT NULL AND sla IS NOT NULL) AS sla_n,
              min(sla) AS sla_seconds
         FROM (SELECT v.channel,
                      CASE WHEN v.channel IN (${SYNCHRONOUS_LIST}) THEN v.wait_seconds ELSE v.response_seconds END AS timing,
                      (c.sla_seconds ->> v.channel)::double precision AS sla
                 FROM (${visits}) v JOIN campaigns c ON c.id = v.campaign_id) x
        GROUP BY channel`,
      params.values,
    );
    return rows.map((row) => {
      const percentiles = (row.percentiles as Array<number | null> | null) ?? [null, null];
      return {
        channel: row.channel as Channel,
        n: num(row.n),
        median: numOrNull(percentiles[0]),
        p90: numOrNull(percentiles[1]),
        slaMet: num(row.sla_met),
        slaN: num(row.sla_n),
        slaSeconds: numOrNull(row.sla_seconds),
      };
    });
  }

  /**
   * Counting and passed answers per channel and question, for the given question keys. Approved visits
   * of an undated scope come from the answer tallies (kept by triggers, keyed by touchpoint); dated
   * scopes, and the submitted visits staff preview, are counted from visit_answers.
   */
  async questionCounts(scope: WaveScope, questionKeys: string[], target?: Target): Promise<QuestionCountRow[]> {
    if (questionKeys.length === 0 || scope.campaignIds.length === 0) return [];
    const { from, to } = scope.filters;
    const tallied = scope.statuses.includes('approved') && from === undefined && to === undefined;
    const params = new SqlParams();
    const keys = params.add(questionKeys);
    const parts: string[] = [];
    if (tallied) {
      const where = [
        `ta.campaign_id = ANY(${params.add(scope.campaignIds)}::uuid[])`,
        `ta.question_key = ANY(${keys}::text[])`,
        ...touchpointConditions('ta.touchpoint_id', scope.filters, params),
      ];
      if (target && target.channels.length > 0) where.push(`tp.channel = ANY(${params.add(target.channels)}::text[])`);
      if (target && target.touchpointIds.length > 0) where.push(`ta.touchpoint_id = ANY(${params.add(target.touchpointIds)}::uuid[])`);
      parts.push(`SELECT tp.channel, ta.question_key, sum(ta.n) AS answers,
                         sum(ta.n) FILTER (WHERE ta.counted) AS counted, sum(ta.n) FILTER (WHERE ta.counted AND ta.passed) AS passed
                    FROM answer_tallies ta JOIN touchpoints tp ON tp.id = ta.touchpoint_id
                   WHERE ${where.join(' AND ')}
                   GROUP BY 1, 2`);
    }
    const counted: WaveScope = tallied ? { ...scope, statuses: scope.statuses.filter((status) => status !== 'approved') } : scope;
    if (counted.statuses.length > 0) {
      const visits = waveVisitsSql(counted, params, target);
      parts.push(`SELECT v.channel, va.question_key, count(*) AS answers,
                         count(*) FILTER (WHERE va.counted) AS counted, count(*) FILTER (WHERE va.counted AND va.passed) AS passed
                    FROM (${visits}) v JOIN visit_answers va ON va.visit_report_id = v.id AND va.campaign_id = v.campaign_id
                   WHERE va.question_key = ANY(${keys}::text[])
                   GROUP BY 1, 2`);
    }
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT channel, question_key, sum(answers) AS answers, sum(counted) AS counted, sum(passed) AS passed
         FROM (${parts.join('\n UNION ALL \n')}) x
        GROUP BY 1, 2`,
      params.values,
    );
    return rows.map((row) => ({
      channel: row.channel as Channel,
      questionKey: row.question_key as string,
      answers: num(row.answers),
      counted: num(row.counted),
      passed: num(row.passed),
    }));
  }

  /** The stored dimension scores per channel and dimension (N/A scores left out): n, mean, sample sd. */
  async dimensionScores(scope: WaveScope, dimensions: string[], target?: Target): Promise<DimensionRow[]> {
    if (dimensions.length === 0 || scope.campaignIds.length === 0) return [];
    const params = new SqlParams();
    const visits = waveVisitsSql(scope, params, target);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT v.channel, d.dimension, count(d.score) AS n, avg(d.score) AS mean, stddev_samp(d.score) AS sd
         FROM (${visits}) v JOIN visit_dimension_scores d ON d.visit_report_id = v.id
        WHERE d.dimension = ANY(${params.add(dimensions)}::text[])
        GROUP BY 1, 2`,
      params.values,
    );
    return rows.map((row) => ({
      channel: row.channel as Channel,
      dimension: row.dimension as string,
      sample: sample(row.n, row.mean, row.sd),
    }));
  }

  /** The distinct channels of each campaign's touchpoints. */
  async campaignChannels(campaignIds: string[]): Promise<Array<{ campaignId: string; channel: Channel }>> {
    if (campaignIds.length === 0) return [];
    const rows: Array<{ campaign_id: string; channel: Channel }> = await this.db.query(
      `SELECT DISTINCT ct.campaign_id, t.channel
         FROM campaign_touchpoints ct JOIN touchpoints t ON t.id = ct.touchpoint_id
        WHERE ct.campaign_id = ANY($1::uuid[])`,
      [campaignIds],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, channel: row.channel }));
  }
}
