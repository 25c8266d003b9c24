// Rows for KPI tests, inserted straight into the tables (the scores are given, not computed), so a test
// can state every stored number and work its KPIs out by hand. Each helper has overridable defaults.
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { AnswerValue } from '../../src/questionnaires/domain/definition';
import { storeScores } from '../../src/visit-reports/score-writer';

export async function insertClient(db: DataSource, name = `Client ${randomUUID().slice(0, 8)}`): Promise<string> {
  const [row] = await db.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [name]);
  return row.id;
}

export async function insertTouchpoint(
  db: DataSource,
  clientId: string,
  overrides: { name?: string; channel?: string; region?: string; city?: string | null } = {},
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO touchpoints (client_id, name, channel, region, city, time_zone) VALUES ($1, $2, $3, $4, $5, 'Europe/Madrid') RETURNING id`,
    [clientId, overrides.name ?? 'Touchpoint', overrides.channel ?? 'in_person', overrides.region ?? 'North', overrides.city ?? null],
  );
  return row.id;
}

/** A published questionnaire version holding `definition` as is (give it in its normalised form). */
export async function insertQuestionnaire(db: DataSource, definition: { title: string; language: string }): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO questionnaires (lineage_id, version, status, title, language, definition, published_at)
     VALUES (gen_random_uuid(), 1, 'published', $1, $2, $3, now()) RETURNING id`,
    [definition.title, definition.language, JSON.stringify(definition)],
  );
  return row.id;
}

export interface CampaignRowInput {
  clientId: string;
  questionnaireId: string;
  touchpointIds: string[];
  name?: string;
  startsOn?: string;
  endsOn?: string;
  status?: string;
  scenarios?: Array<{ key: string; title: string; brief: string }>;
  slaSeconds?: Record<string, number>;
  targets?: Record<string, number>;
  previousCampaignId?: string | null;
}

export async function insertCampaign(db: DataSource, input: CampaignRowInput): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO campaigns (client_id, questionnaire_id, name, starts_on, ends_on, status, visits_per_touchpoint, scenarios,
                            sla_seconds, targets, previous_campaign_id, seed)
     VALUES ($1, $2, $3, $4, $5, $6, 2, $7, $8, $9, $10, 'seed') RETURNING id`,
    [
      input.clientId,
      input.questionnaireId,
      input.name ?? 'Campaign',
      input.startsOn ?? '2026-03-01',
      input.endsOn ?? '2026-03-31',
      input.status ?? 'active',
      JSON.stringify(input.scenarios ?? []),
      JSON.stringify(input.slaSeconds ?? {}),
      JSON.stringify(input.targets ?? {}),
      input.previousCampaignId ?? null,
    ],
  );
  for (const touchpointId of input.touchpointIds) {
    await db.query(`INSERT INTO campaign_touchpoints (campaign_id, touchpoint_id) VALUES ($1, $2)`, [row.id, touchpointId]);
  }
  return row.id;
}

export interface AnswerRowInput {
  questionKey: string;
  sectionKey: string;
  value?: unknown;
  na?: boolean;
  applicable?: boolean;
  counted: boolean;
  earned?: number | null;
  possible?: number | null;
  passed?: boolean | null;
}

export interface VisitRowInput {
  campaignId: string;
  questionnaireId: string;
  touchpointId: string;
  shopperId: string;
  scenario?: string | null;
  status?: 'submitted' | 'returned' | 'approved';
  visitedAt: string;
  narrative?: string | null;
  /** The employee the shopper described (staff-only field). */
  employee?: Record<string, unknown> | null;
  score: number | null;
  knockout?: boolean;
  waitSeconds?: number | null;
  responseSeconds?: number | null;
  fcr?: boolean | null;
  sections?: Array<{ key: string; score: number | null; earned: number; possible: number; weight?: number; knockedOut?: boolean }>;
  dimensions?: Array<{ key: string; score: number | null; earned: number; possible: number }>;
  answers?: AnswerRowInput[];
}

/** One assignment and its visit report with the given stored scores and answers; returns the report id. */
export async function insertVisit(db: DataSource, input: VisitRowInput): Promise<string> {
  const status = input.status ?? 'approved';
  const [assignment] = await db.query(
    `INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, shopper_id, window_start, window_end, planned_at, status, assigned_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz - interval '2 days', $5::timestamptz + interval '2 days', $5, $6, now()) RETURNING id`,
    [input.campaignId, input.touchpointId, input.scenario ?? null, input.shopperId, input.visitedAt, status],
  );
  const [report] = await db.query(
    `INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, narrative, employee,
                                score, knockout, wait_seconds, response_seconds, fcr, submitted_at, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $7, CASE WHEN $6::varchar = 'approved' THEN now() END) RETURNING id`,
    [
      assignment.id,
      input.campaignId,
      input.touchpointId,
      input.shopperId,
      input.questionnaireId,
      status,
      input.visitedAt,
      input.narrative ?? null,
      input.employee ? JSON.stringify(input.employee) : null,
      input.score,
      input.knockout ?? false,
      input.waitSeconds ?? null,
      input.responseSeconds ?? null,
      input.fcr ?? null,
    ],
  );
  // The given rows (and the report's score columns), written by the submission's own score writer.
  await storeScores(db, { id: report.id, campaignId: input.campaignId, touchpointId: input.touchpointId }, {
    answers: (input.answers ?? []).map((answer) => ({
      questionKey: answer.questionKey,
      sectionKey: answer.sectionKey,
      value: answer.value === undefined ? null : (answer.value as AnswerValue | null),
      na: answer.na ?? false,
      applicable: answer.applicable ?? true,
      counted: answer.counted,
      earned: answer.earned ?? null,
      possible: answer.possible ?? null,
      passed: answer.passed ?? null,
    })),
    sections: (input.sections ?? []).map((section) => ({
      sectionKey: section.key,
      score: section.score,
      earned: section.earned,
      possible: section.possible,
      weight: section.weight ?? 1,
      knockedOut: section.knockedOut ?? false,
    })),
    dimensions: (input.dimensions ?? []).map((dimension) => ({
      dimension: dimension.key,
      score: dimension.score,
      earned: dimension.earned,
      possible: dimension.possible,
    })),
    alerts: [],
    kpis: { waitSeconds: input.waitSeconds ?? null, responseSeconds: input.responseSeconds ?? null, fcr: input.fcr ?? null },
    summary: { score: input.score, knockout: input.knockout ?? false, sections: [], dimensions: [] },
  });
  return report.id;
}
