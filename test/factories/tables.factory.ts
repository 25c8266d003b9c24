// One factory per table, written straight into the database with overridable defaults: every test world
// (world, fieldwork, exports factories, the web seeds) builds on these. Each takes the ids it needs and
// any column to override in one object, and returns the row as tests read it. Users are made through
// the API (users.factory.ts).
//
// insertVisit scores its answers with the submission's own scoreSubmission and stores them with its
// storeScores, so every stored row agrees with its score. insertVisitWithGivenScores is the one way to
// store numbers stated by hand (tests without answers); it writes the same tables the same way.
import { randomBytes } from 'crypto';
import type { DataSource } from 'typeorm';
import type { OpeningHours } from '../../src/clients/domain/opening-hours';
import type { AnswerValue, Channel, QuestionnaireDefinition, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { scoreSubmission } from '../../src/visit-reports/domain/score-rows';
import { storeScores } from '../../src/visit-reports/score-writer';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const one = async <T>(db: DataSource, sql: string, params: unknown[]): Promise<T> => (await db.query<T[]>(sql, params))[0];

// ——— clients ———

export interface ClientRow {
  id: string;
  name: string;
}

export function insertClient(db: DataSource, overrides: { name?: string } = {}): Promise<ClientRow> {
  return one(db, 'INSERT INTO clients (name) VALUES ($1) RETURNING id, name', [overrides.name ?? `Client ${hex(4)}`]);
}

// ——— touchpoints ———

export interface TouchpointRow {
  id: string;
  clientId: string;
  name: string;
  channel: Channel;
  region: string;
  city: string | null;
}

export interface TouchpointInput {
  clientId: string;
  name?: string;
  channel?: Channel;
  region?: string;
  /** Default Madrid; null for none. */
  city?: string | null;
  openingHours?: OpeningHours | null;
  timeZone?: string;
}

export function insertTouchpoint(db: DataSource, input: TouchpointInput): Promise<TouchpointRow> {
  return one(
    db,
    `INSERT INTO touchpoints (client_id, name, channel, region, city, opening_hours, time_zone) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, client_id AS "clientId", name, channel, region, city`,
    [
      input.clientId,
      input.name ?? `Branch ${hex(3)}`,
      input.channel ?? 'in_person',
      input.region ?? 'Centro',
      input.city === undefined ? 'Madrid' : input.city,
      input.openingHours ? JSON.stringify(input.openingHours) : null,
      input.timeZone ?? 'Europe/Madrid',
    ],
  );
}

// ——— questionnaires ———

/** A small but complete questionnaire: a scored section with a critical question and an FCR question, and a comment. */
export function sampleDefinition(title = 'Service quality'): QuestionnaireDefinition {
  return normalizeDefinition({
    title,
    language: 'en',
    sections: [
      {
        key: 'service',
        title: 'Service',
        questions: [
          { key: 'greeting', text: 'Did the employee greet you?', type: 'yes_no', maxPoints: 10, dimension: 'protocol' },
          { key: 'resolved', text: 'Was your request resolved?', type: 'yes_no', maxPoints: 10, dimension: 'resolution', kpi: 'fcr' },
          {
            key: 'data_protected',
            text: 'Was your personal data protected?',
            type: 'yes_no',
            maxPoints: 10,
            dimension: 'data_security',
            critical: true,
            knockoutScope: 'visit',
            recommendation: 'Never read personal data aloud.',
          },
        ],
      },
      {
        key: 'comments',
        title: 'Comments',
        questions: [{ key: 'comment', text: 'Anything else?', type: 'text', required: false }],
      },
    ],
  });
}

export interface QuestionnaireRow {
  id: string;
  lineageId: string;
  version: number;
  title: string;
  definition: QuestionnaireDefinition;
}

/** Published unless told otherwise; the definition is stored as given (give it normalised). */
export function insertQuestionnaire(
  db: DataSource,
  overrides: { definition?: QuestionnaireDefinition; status?: 'draft' | 'published'; createdBy?: string } = {},
): Promise<QuestionnaireRow> {
  const definition = overrides.definition ?? sampleDefinition(`Questionnaire ${hex(3)}`);
  const status = overrides.status ?? 'published';
  return one(
    db,
    `INSERT INTO questionnaires (lineage_id, version, status, title, language, definition, created_by, published_at)
     VALUES (gen_random_uuid(), 1, $1::varchar, $2, $3, $4, $5, CASE WHEN $1::varchar = 'published' THEN now() END)
     RETURNING id, lineage_id AS "lineageId", version, title, definition`,
    [status, definition.title, definition.language, JSON.stringify(definition), overrides.createdBy ?? null],
  );
}

// ——— campaigns ———

export interface CampaignRow {
  id: string;
  clientId: string;
  questionnaireId: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
}

export interface CampaignInput {
  clientId: string;
  questionnaireId: string;
  touchpointIds?: string[];
  name?: string;
  status?: 'draft' | 'active' | 'closed';
  /** Default: 10 days ago to 20 days ahead. */
  startsOn?: string;
  endsOn?: string;
  visitsPerTouchpoint?: number;
  scenarios?: Array<{ key: string; title: string; brief: string }>;
  slaSeconds?: Record<string, number>;
  targets?: Record<string, number>;
  previousCampaignId?: string | null;
  visitFee?: number;
}

export const DEFAULT_SCENARIOS = [{ key: 'card', title: 'Ask for a credit card', brief: 'Ask what a credit card costs.' }];

export async function insertCampaign(db: DataSource, input: CampaignInput): Promise<CampaignRow> {
  const now = Date.now();
  const campaign = await one<CampaignRow>(
    db,
    `INSERT INTO campaigns (client_id, questionnaire_id, name, starts_on, ends_on, status, visits_per_touchpoint, scenarios,
                            sla_seconds, targets, previous_campaign_id, seed, visit_fee, activated_at)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, $7, $8, $9, $10, $11, 'seed-1', $12, CASE WHEN $6::varchar <> 'draft' THEN now() END)
     RETURNING id, client_id AS "clientId", questionnaire_id AS "questionnaireId", name, status,
               to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
    [
      input.clientId,
      input.questionnaireId,
      input.name ?? `Campaign ${hex(3)}`,
      input.startsOn ?? isoDate(new Date(now - 10 * DAY)),
      input.endsOn ?? isoDate(new Date(now + 20 * DAY)),
      input.status ?? 'active',
      input.visitsPerTouchpoint ?? 2,
      JSON.stringify(input.scenarios ?? DEFAULT_SCENARIOS),
      JSON.stringify(input.slaSeconds ?? {}),
      JSON.stringify(input.targets ?? {}),
      input.previousCampaignId ?? null,
      input.visitFee ?? 25,
    ],
  );
  for (const touchpointId of input.touchpointIds ?? []) {
    await db.query('INSERT INTO campaign_touchpoints (campaign_id, touchpoint_id) VALUES ($1, $2)', [campaign.id, touchpointId]);
  }
  return campaign;
}

// ——— assignments ———

export type AssignmentStatus = 'open' | 'assigned' | 'submitted' | 'returned' | 'approved' | 'cancelled' | 'expired';

export interface AssignmentRow {
  id: string;
  campaignId: string;
  touchpointId: string;
  shopperId: string | null;
  status: AssignmentStatus;
  windowStart: Date;
  windowEnd: Date;
}

export interface AssignmentInput {
  campaignId: string;
  touchpointId: string;
  shopperId?: string | null;
  /** Default: assigned with a shopper, open without. */
  status?: AssignmentStatus;
  /** Default 'card' (the default scenario); null for none. */
  scenarioKey?: string | null;
  /** Default: from 3 days ago to 4 days ahead, planned yesterday. */
  windowStart?: Date;
  windowEnd?: Date;
  plannedAt?: Date;
  fee?: number;
}

export function insertAssignment(db: DataSource, input: AssignmentInput): Promise<AssignmentRow> {
  const now = Date.now();
  const shopperId = input.shopperId ?? null;
  return one(
    db,
    `INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, shopper_id, window_start, window_end, planned_at, fee, status, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $4::uuid IS NOT NULL THEN now() END)
     RETURNING id, campaign_id AS "campaignId", touchpoint_id AS "touchpointId", shopper_id AS "shopperId", status,
               window_start AS "windowStart", window_end AS "windowEnd"`,
    [
      input.campaignId,
      input.touchpointId,
      input.scenarioKey === undefined ? 'card' : input.scenarioKey,
      shopperId,
      input.windowStart ?? new Date(now - 3 * DAY),
      input.windowEnd ?? new Date(now + 4 * DAY),
      input.plannedAt ?? new Date(now - DAY),
      input.fee ?? 25,
      input.status ?? (shopperId ? 'assigned' : 'open'),
    ],
  );
}

// ——— visit reports (with their answers, section and dimension scores) ———

export type VisitReportStatus = 'submitted' | 'returned' | 'approved';

export interface VisitReportRow {
  id: string;
  assignmentId: string;
  campaignId: string;
  touchpointId: string;
  shopperId: string;
  status: VisitReportStatus;
  score: number | null;
  narrative: string | null;
}

export interface VisitInput {
  /** The assignment the report is for (it must have a shopper); its status is moved to the report's. */
  assignment: Pick<AssignmentRow, 'id' | 'campaignId' | 'touchpointId' | 'shopperId'>;
  questionnaire: Pick<QuestionnaireRow, 'id' | 'definition'>;
  /** The touchpoint's channel, which decides the questions that apply. Default in_person. */
  channel?: Channel;
  answers: SubmittedAnswer[];
  status?: VisitReportStatus;
  /** Default: yesterday. */
  visitedAt?: Date | string;
  /** Default: a random sentence; null for none. */
  narrative?: string | null;
  employee?: object | null;
  approvedBy?: string;
  /** Store the alerts the scoring raises too (default: none, so a test adds the ones it wants). */
  withAlerts?: boolean;
}

/**
 * A visit report scored from its answers like a real submission (scoreSubmission; answers that do not
 * fit the questionnaire throw) and stored by the submission's storeScores.
 */
export async function insertVisit(db: DataSource, input: VisitInput): Promise<VisitReportRow> {
  const { assignment, questionnaire } = input;
  if (!assignment.shopperId) throw new TypeError('insertVisit needs an assignment with a shopper');
  const scored = scoreSubmission(questionnaire.definition, input.answers, input.channel ?? 'in_person');
  if (scored.rows === undefined) throw new TypeError(`insertVisit: the answers do not fit: ${JSON.stringify(scored.problems)}`);
  const status = input.status ?? 'submitted';
  const report = await insertVisitReportRow(db, {
    assignment: { ...assignment, shopperId: assignment.shopperId },
    questionnaireId: questionnaire.id,
    status,
    visitedAt: input.visitedAt === undefined ? new Date(Date.now() - DAY) : new Date(input.visitedAt),
    narrative: input.narrative === undefined ? `Visit narrative ${hex(4)}` : input.narrative,
    employee: input.employee === undefined ? { name: 'Employee Name', badge: 'B-17' } : input.employee,
    approvedBy: input.approvedBy ?? null,
  });
  const rows = input.withAlerts ? scored.rows : { ...scored.rows, alerts: [] };
  await storeScores(db, report, rows);
  await db.query(`UPDATE assignments SET status = $2, updated_at = now() WHERE id = $1`, [assignment.id, status]);
  return { ...report, score: rows.summary.score };
}

/** The one INSERT INTO visit_reports, shared by insertVisit and insertVisitWithGivenScores; the scores come from storeScores. */
async function insertVisitReportRow(
  db: DataSource,
  input: {
    assignment: { id: string; campaignId: string; touchpointId: string; shopperId: string };
    questionnaireId: string;
    status: VisitReportStatus;
    visitedAt: Date;
    narrative: string | null;
    employee: object | null;
    approvedBy: string | null;
  },
): Promise<VisitReportRow> {
  const { assignment } = input;
  return one<VisitReportRow>(
    db,
    `INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, narrative,
                                employee, submitted_at, approved_at, approved_by)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, $7, $8, $9, $7, CASE WHEN $6::varchar = 'approved' THEN now() END,
             CASE WHEN $6::varchar = 'approved' THEN $10::uuid END)
     RETURNING id, assignment_id AS "assignmentId", campaign_id AS "campaignId", touchpoint_id AS "touchpointId",
               shopper_id AS "shopperId", status, score, narrative`,
    [
      assignment.id,
      assignment.campaignId,
      assignment.touchpointId,
      assignment.shopperId,
      input.questionnaireId,
      input.status,
      input.visitedAt,
      input.narrative,
      input.employee === null ? null : JSON.stringify(input.employee),
      input.approvedBy,
    ],
  );
}

// ——— a visit with hand-given scores ———

export interface GivenAnswerRow {
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

export interface VisitWithGivenScoresInput {
  campaignId: string;
  questionnaireId: string;
  touchpointId: string;
  shopperId: string;
  /** The assignment's scenario; default none. */
  scenario?: string | null;
  /** Default approved. */
  status?: VisitReportStatus;
  visitedAt: string;
  narrative?: string | null;
  /** The employee the shopper described (staff-only field); default none. */
  employee?: Record<string, unknown> | null;
  score: number | null;
  knockout?: boolean;
  waitSeconds?: number | null;
  responseSeconds?: number | null;
  fcr?: boolean | null;
  sections?: Array<{ key: string; score: number | null; earned: number; possible: number; weight?: number; knockedOut?: boolean }>;
  dimensions?: Array<{ key: string; score: number | null; earned: number; possible: number }>;
  answers?: GivenAnswerRow[];
}

/**
 * For tests that state the stored numbers by hand (no answers to score): an assignment (insertAssignment,
 * window around visitedAt) and its report with exactly the given score rows, written by the submission's
 * storeScores. Prefer insertVisit, whose rows always agree with the answers.
 */
export async function insertVisitWithGivenScores(db: DataSource, input: VisitWithGivenScoresInput): Promise<VisitReportRow> {
  const status = input.status ?? 'approved';
  const visitedAt = new Date(input.visitedAt);
  const assignment = await insertAssignment(db, {
    campaignId: input.campaignId,
    touchpointId: input.touchpointId,
    scenarioKey: input.scenario ?? null,
    shopperId: input.shopperId,
    status,
    windowStart: new Date(visitedAt.getTime() - 2 * DAY),
    windowEnd: new Date(visitedAt.getTime() + 2 * DAY),
    plannedAt: visitedAt,
  });
  const report = await insertVisitReportRow(db, {
    assignment: { ...assignment, shopperId: input.shopperId },
    questionnaireId: input.questionnaireId,
    status,
    visitedAt,
    narrative: input.narrative ?? null,
    employee: input.employee ?? null,
    approvedBy: null,
  });
  await storeScores(db, report, {
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
  return { ...report, score: input.score };
}

// ——— appeals and alerts ———

export async function insertAppeal(
  db: DataSource,
  input: {
    visitReportId: string;
    clientId: string;
    filedBy: string;
    reason?: string;
    questionKey?: string | null;
    status?: 'open' | 'upheld' | 'overturned';
  },
): Promise<{ id: string; reason: string }> {
  return one(
    db,
    `INSERT INTO appeals (visit_report_id, client_id, filed_by, question_key, reason, status) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, reason`,
    [
      input.visitReportId,
      input.clientId,
      input.filedBy,
      input.questionKey === undefined ? 'greeting' : input.questionKey,
      input.reason ?? 'The employee did greet the shopper',
      input.status ?? 'open',
    ],
  );
}

export async function insertAlert(
  db: DataSource,
  input: {
    visitReportId: string;
    campaignId: string;
    touchpointId: string;
    questionKey?: string;
    kind?: 'critical_failed' | 'knockout';
    reason?: string;
  },
): Promise<{ id: string; reason: string }> {
  return one(
    db,
    `INSERT INTO alerts (visit_report_id, campaign_id, touchpoint_id, question_key, kind, reason) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, reason`,
    [
      input.visitReportId,
      input.campaignId,
      input.touchpointId,
      input.questionKey ?? 'data_protected',
      input.kind ?? 'critical_failed',
      input.reason ?? 'Critical question failed: data_protected',
    ],
  );
}
