// A two-tenant world for e2e tests, written straight into the database (users through the API).
// Every row is written by tables.factory.ts (one insert per table); buildWorld() puts them together:
// clients A and B, each with touchpoints, a published questionnaire, an active campaign, assignments in
// every state, a submitted and an approved visit report, an appeal and an alert. Names carry a per-world
// marker so a test can tell whether one tenant's data leaked.
import { randomBytes } from 'crypto';
import type { SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import type { TestContext } from '../helpers/test-app';
import {
  AssignmentRow,
  CampaignRow,
  ClientRow,
  DAY,
  insertAlert,
  insertAppeal,
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisit,
  QuestionnaireRow,
  sampleDefinition,
  TouchpointRow,
  VisitReportRow,
  VisitReportStatus,
} from './tables.factory';
import { createUser, loginAdmin, Session } from './users.factory';

export const PASSING_ANSWERS: SubmittedAnswer[] = [
  { questionKey: 'greeting', value: true },
  { questionKey: 'resolved', value: true },
  { questionKey: 'data_protected', value: true },
  { questionKey: 'comment', value: 'Friendly and quick.' },
];

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

/** The tenant's assignments' window: from 5 days ago to 5 days ahead. */
const TENANT_WINDOW = () => ({ windowStart: new Date(Date.now() - 5 * DAY), windowEnd: new Date(Date.now() + 5 * DAY) });

/**
 * Adds an assigned visit and its report (passing answers, scored like a submission) for a tenant's
 * shopper, e.g. a second report to share evidence with. The assignment's window runs from 5 days ago
 * to 5 days ahead. Alerts are left to insertAlert, so tests decide which a report has.
 */
export async function addTenantVisit(
  ctx: Pick<TestContext, 'db'>,
  tenant: Pick<Tenant, 'campaign' | 'touchpoints' | 'questionnaire' | 'shopper'>,
  overrides: { status?: VisitReportStatus; approvedBy?: string; touchpointIndex?: number; answers?: SubmittedAnswer[] } = {},
): Promise<{ assignment: AssignmentRow; report: VisitReportRow }> {
  const touchpoint = tenant.touchpoints[overrides.touchpointIndex ?? 0];
  const assignment = await insertAssignment(ctx.db, {
    ...TENANT_WINDOW(),
    campaignId: tenant.campaign.id,
    touchpointId: touchpoint.id,
    shopperId: tenant.shopper.user.id,
  });
  const report = await insertVisit(ctx.db, {
    assignment,
    questionnaire: tenant.questionnaire,
    channel: touchpoint.channel,
    approvedBy: overrides.approvedBy,
    status: overrides.status ?? 'submitted',
    answers: overrides.answers ?? PASSING_ANSWERS,
  });
  return { assignment: { ...assignment, status: report.status }, report };
}

export async function buildTenant(
  ctx: Pick<TestContext, 'db' | 'http'>,
  admin: Session,
  consultant: Session,
  label: string,
): Promise<Tenant> {
  const { db } = ctx;
  const marker = `${label.toLowerCase()}${randomBytes(4).toString('hex')}`;
  const client = await insertClient(db, { name: `Client ${label} ${marker}` });
  const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.id, name: `Client user ${marker}` });
  const shopper = await createUser(ctx.http, admin, { role: 'shopper', name: `Shopper ${marker}` });
  const touchpoints = [
    await insertTouchpoint(db, { clientId: client.id, name: `Branch ${marker}`, channel: 'in_person', region: `Region ${marker}` }),
    await insertTouchpoint(db, {
      clientId: client.id,
      name: `Phone line ${marker}`,
      channel: 'phone',
      region: `Region ${marker}`,
      city: null,
    }),
  ];
  const questionnaire = await insertQuestionnaire(db, {
    definition: sampleDefinition(`Questionnaire ${marker}`),
    createdBy: consultant.user.id,
  });
  // SLA and targets set, so the reports have something to compare with.
  const campaign = await insertCampaign(db, {
    clientId: client.id,
    questionnaireId: questionnaire.id,
    touchpointIds: touchpoints.map((t) => t.id),
    name: `Campaign ${marker}`,
    slaSeconds: { in_person: 600, phone: 120 },
    targets: { overall: 85 },
  });
  const tenantSoFar = { campaign, touchpoints, questionnaire, shopper };
  const open = await insertAssignment(db, { ...TENANT_WINDOW(), campaignId: campaign.id, touchpointId: touchpoints[1].id });
  const assigned = await insertAssignment(db, {
    ...TENANT_WINDOW(),
    campaignId: campaign.id,
    touchpointId: touchpoints[1].id,
    shopperId: shopper.user.id,
  });
  const submitted = await addTenantVisit(ctx, tenantSoFar, { status: 'submitted' });
  const approved = await addTenantVisit(ctx, tenantSoFar, { status: 'approved', approvedBy: consultant.user.id });
  const appeal = await insertAppeal(db, {
    visitReportId: approved.report.id,
    clientId: client.id,
    filedBy: clientUser.user.id,
    reason: `Appeal ${marker}: the greeting did happen`,
  });
  const alert = await insertAlert(db, {
    visitReportId: approved.report.id,
    campaignId: campaign.id,
    touchpointId: touchpoints[0].id,
    reason: `Alert ${marker}: data_protected failed`,
  });
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
