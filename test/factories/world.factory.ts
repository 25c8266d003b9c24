// A two-tenant world for e2e tests, written straight into the database (users through the API).
// Each insert* helper takes the few ids it needs and overridable defaults (immich-style factories);
// buildWorld() puts them together: clients A and B, each with touchpoints, a published questionnaire,
// an active campaign, assignments in every state, a submitted and an approved visit report, an appeal
// and an alert. Names carry a per-world marker so a test can tell whether one tenant's data leaked.
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import type { Channel, QuestionnaireDefinition, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { scoreVisit } from '../../src/questionnaires/domain/scoring';
import { toVisitRows } from '../../src/visit-reports/domain/score-rows';
import { storeScores } from '../../src/visit-reports/score-writer';
import type { TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from './users.factory';

const DAY = 24 * 3600 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const one = async <T>(db: DataSource, sql: string, params: unknown[]): Promise<T> => ((await db.query(sql, params)) as T[])[0];

export interface ClientRow {
  id: string;
  name: string;
}

export async function insertClient(db: DataSource, overrides: Partial<Omit<ClientRow, 'id'>> = {}): Promise<ClientRow> {
  const name = overrides.name ?? `Client ${randomBytes(4).toString('hex')}`;
  return one(db, 'INSERT INTO clients (name) VALUES ($1) RETURNING id, name', [name]);
}

export interface TouchpointRow {
  id: string;
  clientId: string;
  name: string;
  channel: Channel;
  region: string;
  city: string | null;
}

export async function insertTouchpoint(
  db: DataSource,
  clientId: string,
  overrides: Partial<Omit<TouchpointRow, 'id' | 'clientId'>> & { timeZone?: string } = {},
): Promise<TouchpointRow> {
  const row = {
    name: overrides.name ?? `Branch ${randomBytes(3).toString('hex')}`,
    channel: overrides.channel ?? ('in_person' as Channel),
    region: overrides.region ?? 'Centro',
    city: overrides.city === undefined ? 'Madrid' : overrides.city,
    timeZone: overrides.timeZone ?? 'Europe/Madrid',
  };
  return one(
    db,
    `INSERT INTO touchpoints (client_id, name, channel, region, city, time_zone) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, client_id AS "clientId", name, channel, region, city`,
    [clientId, row.name, row.channel, row.region, row.city, row.timeZone],
  );
}

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

export async function insertQuestionnaire(
  db: DataSource,
  overrides: { title?: string; status?: 'draft' | 'published'; definition?: QuestionnaireDefinition; createdBy?: string } = {},
): Promise<QuestionnaireRow> {
  const title = overrides.title ?? `Questionnaire ${randomBytes(3).toString('hex')}`;
  const definition = overrides.definition ?? sampleDefinition(title);
  const status = overrides.status ?? 'published';
  return one(
    db,
    `INSERT INTO questionnaires (lineage_id, version, status, title, language, definition, created_by, published_at)
     VALUES (gen_random_uuid(), 1, $1::varchar, $2, $3, $4, $5, CASE WHEN $1::varchar = 'published' THEN now() END)
     RETURNING id, lineage_id AS "lineageId", version, title, definition`,
    [status, definition.title, definition.language, JSON.stringify(definition), overrides.createdBy ?? null],
  );
}

export interface CampaignRow {
  id: string;
  clientId: string;
  questionnaireId: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
}

export async function insertCampaign(
  db: DataSource,
  refs: { clientId: string; questionnaireId: string; touchpointIds: string[] },
  overrides: { name?: string; status?: 'draft' | 'active' | 'closed'; startsOn?: string; endsOn?: string; visitsPerTouchpoint?: number; visitFee?: number } = {},
): Promise<CampaignRow> {
  const now = Date.now();
  const campaign = await one<CampaignRow>(
    db,
    `INSERT INTO campaigns (client_id, questionnaire_id, name, starts_on, ends_on, status, visits_per_touchpoint, scenarios,
                            sla_seconds, targets, seed, visit_fee, activated_at)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, $7, $8, $9, $10, $11, $12, CASE WHEN $6::varchar <> 'draft' THEN now() END)
     RETURNING id, client_id AS "clientId", questionnaire_id AS "questionnaireId", name, status,
               to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
    [
      refs.clientId,
      refs.questionnaireId,
      overrides.name ?? `Campaign ${randomBytes(3).toString('hex')}`,
      overrides.startsOn ?? isoDate(new Date(now - 10 * DAY)),
      overrides.endsOn ?? isoDate(new Date(now + 20 * DAY)),
      overrides.status ?? 'active',
      overrides.visitsPerTouchpoint ?? 2,
      JSON.stringify([{ key: 'card', title: 'Ask for a credit card', brief: 'Ask what a credit card costs.' }]),
      JSON.stringify({ in_person: 600, phone: 120 }),
      JSON.stringify({ overall: 85 }),
      'seed-1',
      overrides.visitFee ?? 25,
    ],
  );
  for (const touchpointId of refs.touchpointIds) {
    await db.query('INSERT INTO campaign_touchpoints (campaign_id, touchpoint_id) VALUES ($1, $2)', [campaign.id, touchpointId]);
  }
  return campaign;
}

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

export async function insertAssignment(
  db: DataSource,
  refs: { campaignId: string; touchpointId: string; shopperId?: string | null },
  overrides: { status?: AssignmentStatus; windowStart?: Date; windowEnd?: Date; plannedAt?: Date; fee?: number } = {},
): Promise<AssignmentRow> {
  const now = Date.now();
  const shopperId = refs.shopperId ?? null;
  const status = overrides.status ?? (shopperId ? 'assigned' : 'open');
  const windowStart = overrides.windowStart ?? new Date(now - 5 * DAY);
  const windowEnd = overrides.windowEnd ?? new Date(now + 5 * DAY);
  return one(
    db,
    `INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, shopper_id, window_start, window_end, planned_at, fee, status, assigned_at)
     VALUES ($1, $2, 'card', $3, $4, $5, $6, $7, $8, CASE WHEN $3::uuid IS NOT NULL THEN now() END)
     RETURNING id, campaign_id AS "campaignId", touchpoint_id AS "touchpointId", shopper_id AS "shopperId", status,
               window_start AS "windowStart", window_end AS "windowEnd"`,
    [refs.campaignId, refs.touchpointId, shopperId, windowStart, windowEnd, overrides.plannedAt ?? new Date(now - DAY), overrides.fee ?? 25, status],
  );
}

export type VisitReportStatus = 'submitted' | 'returned' | 'approved';

export interface VisitReportRow {
  id: string;
  assignmentId: string;
  campaignId: string;
  touchpointId: string;
  shopperId: string;
  status: VisitReportStatus;
  score: number | null;
  narrative: string;
}

export const PASSING_ANSWERS: SubmittedAnswer[] = [
  { questionKey: 'greeting', value: true },
  { questionKey: 'resolved', value: true },
  { questionKey: 'data_protected', value: true },
  { questionKey: 'comment', value: 'Friendly and quick.' },
];

/**
 * A visit report for an assignment that has a shopper, scored with the real scoring function and
 * stored by the submission's own score writer (answers, section and dimension scores). The assignment's
 * status is set to match the report's.
 */
export async function insertVisitReport(
  db: DataSource,
  refs: { assignment: AssignmentRow; questionnaire: QuestionnaireRow; channel?: Channel; approvedBy?: string },
  overrides: { status?: VisitReportStatus; answers?: SubmittedAnswer[]; narrative?: string; visitedAt?: Date; employee?: object } = {},
): Promise<VisitReportRow> {
  const { assignment, questionnaire } = refs;
  if (!assignment.shopperId) throw new TypeError('insertVisitReport needs an assignment with a shopper');
  const status = overrides.status ?? 'submitted';
  const answers = overrides.answers ?? PASSING_ANSWERS;
  const scored = scoreVisit(questionnaire.definition, answers, refs.channel ?? 'in_person');
  const fcr = scored.questions.find((question) => question.questionKey === 'resolved');
  const report = await one<VisitReportRow>(
    db,
    `INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, narrative,
                                employee, score, knockout, fcr, submitted_at, approved_at, approved_by)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, $7, $8, $9, $10, $11, $12, now(), CASE WHEN $6::varchar = 'approved' THEN now() END,
             CASE WHEN $6::varchar = 'approved' THEN $13::uuid END)
     RETURNING id, assignment_id AS "assignmentId", campaign_id AS "campaignId", touchpoint_id AS "touchpointId",
               shopper_id AS "shopperId", status, score, narrative`,
    [
      assignment.id,
      assignment.campaignId,
      assignment.touchpointId,
      assignment.shopperId,
      questionnaire.id,
      status,
      overrides.visitedAt ?? new Date(Date.now() - DAY),
      overrides.narrative ?? `Visit narrative ${randomBytes(4).toString('hex')}`,
      JSON.stringify(overrides.employee ?? { name: 'Employee Name', badge: 'B-17' }),
      scored.score,
      scored.knockout,
      fcr?.counted ? fcr.passed : null,
      refs.approvedBy ?? null,
    ],
  );
  // Alerts are left to insertAlert, so tests decide which a report has.
  const rows = toVisitRows(questionnaire.definition, answers, scored);
  await storeScores(db, report, { ...rows, alerts: [] });
  await db.query(`UPDATE assignments SET status = $2, updated_at = now() WHERE id = $1`, [assignment.id, status]);
  return report;
}

export async function insertAppeal(
  db: DataSource,
  refs: { visitReportId: string; clientId: string; filedBy: string },
  overrides: { reason?: string; questionKey?: string | null; status?: 'open' | 'upheld' | 'overturned' } = {},
): Promise<{ id: string; reason: string }> {
  return one(
    db,
    `INSERT INTO appeals (visit_report_id, client_id, filed_by, question_key, reason, status) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, reason`,
    [
      refs.visitReportId,
      refs.clientId,
      refs.filedBy,
      overrides.questionKey === undefined ? 'greeting' : overrides.questionKey,
      overrides.reason ?? 'The employee did greet the shopper',
      overrides.status ?? 'open',
    ],
  );
}

export async function insertAlert(
  db: DataSource,
  refs: { visitReportId: string; campaignId: string; touchpointId: string },
  overrides: { questionKey?: string; kind?: 'critical_failed' | 'knockout'; reason?: string } = {},
): Promise<{ id: string; reason: string }> {
  return one(
    db,
    `INSERT INTO alerts (visit_report_id, campaign_id, touchpoint_id, question_key, kind, reason) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, reason`,
    [
      refs.visitReportId,
      refs.campaignId,
      refs.touchpointId,
      overrides.questionKey ?? 'data_protected',
      overrides.kind ?? 'critical_failed',
      overrides.reason ?? 'Critical question failed: data_protected',
    ],
  );
}

/** One tenant: a client with everything a program has, its client user and the shopper who works for it. */
export interface Tenant {
  label: string;
  /** A random word in every name of this tenant, to look for in other tenants' answers. */
  marker: string;
  client: ClientRow;
  clientUser: Session;
  shopper: Session;
  touchpoints: TouchpointRow[];
  questionnaire: QuestionnaireRow;
  campaign: CampaignRow;
  assignments: { open: AssignmentRow; assigned: AssignmentRow; submitted: AssignmentRow; approved: AssignmentRow };
  reports: { submitted: VisitReportRow; approved: VisitReportRow };
  appeal: { id: string; reason: string };
  alert: { id: string; reason: string };
}

export interface World {
  admin: Session;
  consultant: Session;
  a: Tenant;
  b: Tenant;
}

/** Adds an assigned visit and its report for a tenant's shopper (e.g. a second report to share evidence with). */
export async function insertVisit(
  ctx: Pick<TestContext, 'db'>,
  tenant: Pick<Tenant, 'campaign' | 'touchpoints' | 'questionnaire' | 'shopper'>,
  overrides: { status?: VisitReportStatus; approvedBy?: string; touchpointIndex?: number } = {},
): Promise<{ assignment: AssignmentRow; report: VisitReportRow }> {
  const touchpoint = tenant.touchpoints[overrides.touchpointIndex ?? 0];
  const assignment = await insertAssignment(ctx.db, {
    campaignId: tenant.campaign.id,
    touchpointId: touchpoint.id,
    shopperId: tenant.shopper.user.id,
  });
  const report = await insertVisitReport(
    ctx.db,
    { assignment, questionnaire: tenant.questionnaire, channel: touchpoint.channel, approvedBy: overrides.approvedBy },
    { status: overrides.status ?? 'submitted' },
  );
  return { assignment: { ...assignment, status: report.status }, report };
}

export async function buildTenant(ctx: Pick<TestContext, 'db' | 'http'>, admin: Session, consultant: Session, label: string): Promise<Tenant> {
  const { db } = ctx;
  const marker = `${label.toLowerCase()}${randomBytes(4).toString('hex')}`;
  const client = await insertClient(db, { name: `Client ${label} ${marker}` });
  const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.id, name: `Client user ${marker}` });
  const shopper = await createUser(ctx.http, admin, { role: 'shopper', name: `Shopper ${marker}` });
  const touchpoints = [
    await insertTouchpoint(db, client.id, { name: `Branch ${marker}`, channel: 'in_person', region: `Region ${marker}` }),
    await insertTouchpoint(db, client.id, { name: `Phone line ${marker}`, channel: 'phone', region: `Region ${marker}`, city: null }),
  ];
  const questionnaire = await insertQuestionnaire(db, { title: `Questionnaire ${marker}`, createdBy: consultant.user.id });
  const campaign = await insertCampaign(
    db,
    { clientId: client.id, questionnaireId: questionnaire.id, touchpointIds: touchpoints.map((t) => t.id) },
    { name: `Campaign ${marker}` },
  );
  const tenantSoFar = { campaign, touchpoints, questionnaire, shopper };
  const open = await insertAssignment(db, { campaignId: campaign.id, touchpointId: touchpoints[1].id });
  const assigned = await insertAssignment(db, { campaignId: campaign.id, touchpointId: touchpoints[1].id, shopperId: shopper.user.id });
  const submitted = await insertVisit(ctx, tenantSoFar, { status: 'submitted' });
  const approved = await insertVisit(ctx, tenantSoFar, { status: 'approved', approvedBy: consultant.user.id });
  const appeal = await insertAppeal(
    db,
    { visitReportId: approved.report.id, clientId: client.id, filedBy: clientUser.user.id },
    { reason: `Appeal ${marker}: the greeting did happen` },
  );
  const alert = await insertAlert(
    db,
    { visitReportId: approved.report.id, campaignId: campaign.id, touchpointId: touchpoints[0].id },
    { reason: `Alert ${marker}: data_protected failed` },
  );
  return {
    label,
    marker,
    client,
    clientUser,
    shopper,
    touchpoints,
    questionnaire,
    campaign,
    assignments: { open, assigned, submitted: submitted.assignment, approved: approved.assignment },
    reports: { submitted: submitted.report, approved: approved.report },
    appeal,
    alert,
  };
}

/** Two tenants, A and B, plus an admin and a consultant. */
export async function buildWorld(ctx: Pick<TestContext, 'db' | 'http'>): Promise<World> {
  const admin = await loginAdmin(ctx.http);
  const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
  const a = await buildTenant(ctx, admin, consultant, 'A');
  const b = await buildTenant(ctx, admin, consultant, 'B');
  return { admin, consultant, a, b };
}
