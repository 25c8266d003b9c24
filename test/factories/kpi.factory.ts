// Visits whose stored numbers a test states by hand (the scores are given, not computed), for the
// specs that work their figures out from such rows. A new test should prefer tables.factory.ts, whose
// insertVisit scores the answers like a real submission so the stored rows always agree.
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { AnswerValue, Channel, QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import * as tables from './tables.factory';
import { storeScores } from '../../src/visit-reports/score-writer';

// The KPI-era shapes of the table factories (returning the id); the rows are written by
// tables.factory.ts, the one factory per table.

/** @deprecated use insertClient of tables.factory.ts */
export async function insertClient(db: DataSource, name = `Client ${randomUUID().slice(0, 8)}`): Promise<string> {
  return (await tables.insertClient(db, { name })).id;
}

/** @deprecated use insertTouchpoint of tables.factory.ts (here: region North, no city) */
export async function insertTouchpoint(
  db: DataSource,
  clientId: string,
  overrides: { name?: string; channel?: string; region?: string; city?: string | null } = {},
): Promise<string> {
  const touchpoint = await tables.insertTouchpoint(db, {
    clientId,
    name: overrides.name ?? 'Touchpoint',
    channel: (overrides.channel ?? 'in_person') as Channel,
    region: overrides.region ?? 'North',
    city: overrides.city ?? null,
  });
  return touchpoint.id;
}

/** @deprecated use insertQuestionnaire of tables.factory.ts. A published version holding `definition` as is (give it normalised). */
export async function insertQuestionnaire(db: DataSource, definition: { title: string; language: string }): Promise<string> {
  return (await tables.insertQuestionnaire(db, { definition: definition as QuestionnaireDefinition })).id;
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

/** @deprecated use insertCampaign of tables.factory.ts (here: an active March 2026 wave without scenarios) */
export async function insertCampaign(db: DataSource, input: CampaignRowInput): Promise<string> {
  const campaign = await tables.insertCampaign(db, {
    ...input,
    name: input.name ?? 'Campaign',
    startsOn: input.startsOn ?? '2026-03-01',
    endsOn: input.endsOn ?? '2026-03-31',
    status: (input.status ?? 'active') as tables.CampaignInput['status'],
    scenarios: input.scenarios ?? [],
  });
  return campaign.id;
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
  const assignment = await tables.insertAssignment(db, {
    campaignId: input.campaignId,
    touchpointId: input.touchpointId,
    scenarioKey: input.scenario ?? null,
    shopperId: input.shopperId,
    status,
    windowStart: new Date(Date.parse(input.visitedAt) - 2 * tables.DAY),
    windowEnd: new Date(Date.parse(input.visitedAt) + 2 * tables.DAY),
    plannedAt: new Date(input.visitedAt),
  });
  const [report] = await db.query(
    `INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, narrative, employee,
                                submitted_at, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7, CASE WHEN $6::varchar = 'approved' THEN now() END) RETURNING id`,
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
