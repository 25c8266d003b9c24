// A two-tenant world for e2e tests, written straight into the database (users through the API).
// Each insert* helper takes the few ids it needs and overridable defaults (immich-style factories);
// buildWorld() puts them together: clients A and B, each with touchpoints, a published questionnaire,
// an active campaign, assignments in every state, a submitted and an approved visit report, an appeal
// and an alert. Names carry a per-world marker so a test can tell whether one tenant's data leaked.
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import type { Channel, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import type { TestContext } from '../helpers/test-app';
import * as tables from './tables.factory';
import type { AssignmentRow, AssignmentStatus, CampaignRow, ClientRow, QuestionnaireRow, TouchpointRow, VisitReportRow, VisitReportStatus } from './tables.factory';
import { createUser, loginAdmin, Session } from './users.factory';

export type { AssignmentRow, AssignmentStatus, CampaignRow, ClientRow, QuestionnaireRow, TouchpointRow, VisitReportRow, VisitReportStatus };
export { insertClient, sampleDefinition } from './tables.factory';

const DAY = 24 * 3600 * 1000;
const one = async <T>(db: DataSource, sql: string, params: unknown[]): Promise<T> => (await db.query<T[]>(sql, params))[0];

// The world's own shapes of the table factories (ids first, overrides second), kept for the specs that
// call them; the rows are written by tables.factory.ts, the one factory per table.

/** @deprecated use insertTouchpoint of tables.factory.ts */
export function insertTouchpoint(
  db: DataSource,
  clientId: string,
  overrides: Omit<tables.TouchpointInput, 'clientId'> = {},
): Promise<TouchpointRow> {
  return tables.insertTouchpoint(db, { clientId, ...overrides });
}

/** @deprecated use insertQuestionnaire of tables.factory.ts */
export function insertQuestionnaire(
  db: DataSource,
  overrides: { title?: string; status?: 'draft' | 'published'; definition?: tables.QuestionnaireRow['definition']; createdBy?: string } = {},
): Promise<QuestionnaireRow> {
  const title = overrides.title ?? `Questionnaire ${randomBytes(3).toString('hex')}`;
  return tables.insertQuestionnaire(db, { ...overrides, definition: overrides.definition ?? tables.sampleDefinition(title) });
}

/** The world's campaign: SLA and targets set, so the reports have something to compare with. */
export function insertCampaign(
  db: DataSource,
  refs: { clientId: string; questionnaireId: string; touchpointIds: string[] },
  overrides: Omit<tables.CampaignInput, 'clientId' | 'questionnaireId' | 'touchpointIds'> = {},
): Promise<CampaignRow> {
  return tables.insertCampaign(db, { slaSeconds: { in_person: 600, phone: 120 }, targets: { overall: 85 }, ...refs, ...overrides });
}

/** @deprecated use insertAssignment of tables.factory.ts (here: a window from 5 days ago to 5 days ahead). */
export function insertAssignment(
  db: DataSource,
  refs: { campaignId: string; touchpointId: string; shopperId?: string | null },
  overrides: Omit<tables.AssignmentInput, 'campaignId' | 'touchpointId' | 'shopperId'> = {},
): Promise<AssignmentRow> {
  const now = Date.now();
  return tables.insertAssignment(db, { windowStart: new Date(now - 5 * DAY), windowEnd: new Date(now + 5 * DAY), ...refs, ...overrides });
}

export const PASSING_ANSWERS: SubmittedAnswer[] = [
  { questionKey: 'greeting', value: true },
  { questionKey: 'resolved', value: true },
  { questionKey: 'data_protected', value: true },
  { questionKey: 'comment', value: 'Friendly and quick.' },
];

/**
 * A visit report for an assignment that has a shopper, scored and stored like a submission (tables
 * insertVisit), passing answers unless told otherwise. Alerts are left to insertAlert, so tests decide
 * which a report has.
 */
export function insertVisitReport(
  db: DataSource,
  refs: { assignment: AssignmentRow; questionnaire: QuestionnaireRow; channel?: Channel; approvedBy?: string },
  overrides: { status?: VisitReportStatus; answers?: SubmittedAnswer[]; narrative?: string; visitedAt?: Date; employee?: object } = {},
): Promise<VisitReportRow> {
  return tables.insertVisit(db, { ...refs, ...overrides, answers: overrides.answers ?? PASSING_ANSWERS });
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
  const client = await tables.insertClient(db, { name: `Client ${label} ${marker}` });
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
