// The console's test data, built through the API as a consultant would (client, touchpoints, a published
// questionnaire, an active campaign) plus a few visits that a shopper submitted through the API into
// assignments made for today (the factories' tables helper gives them a window around now). One visit fails
// the critical data-protection question (an alert and a knockout); one carries a photo.
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import {
  createActiveCampaign,
  createClient,
  createPublishedQuestionnaire,
  createTouchpoint,
  sampleQuestionnaireBody,
} from '../factories/design.factory';
import { DAY, insertAssignment } from '../factories/tables.factory';
import { login, loginAdmin, type Session } from '../factories/users.factory';

const NARRATIVES = [
  'Me atendió una empleada amable; la espera fue corta y la explicación clara.',
  'Tuve que esperar de pie casi diez minutos. El empleado no conocía las condiciones de la póliza.',
  'Me pidieron el DNI en voz alta delante de otros clientes y dejaron mi ficha a la vista.',
  'La llamada se cortó una vez; al volver a llamar me atendieron rápido y resolvieron el parte.',
  'Trato correcto pero distante; no me ofrecieron seguimiento ni un número de referencia.',
  'Muy buena atención: me explicaron las coberturas con un folleto y me dieron una cita.',
  'La oficina estaba limpia y había poca gente; la gestora respondió a todas mis dudas.',
];

export const CONSOLE_PASSWORD = 'console-test-password-1';
let keyCounter = 0;

export interface ConsoleSeed {
  admin: Session;
  reviewers: Array<{ email: string; password: string; name: string; session: Session }>;
  shopper: { id: string; email: string; password: string; name: string; session: Session };
  clientId: string;
  campaignId: string;
  questionnaireId: string;
  touchpoints: Array<{ id: string; name: string; channel: string; region: string }>;
  /** Submitted reports, oldest first (the queue's order). */
  reportIds: string[];
  knockoutReportId: string;
  photoReportId: string;
}

export async function createConsoleUser(
  http: TestAgent,
  admin: Session,
  body: { email: string; role: string; name: string; clientId?: string; conflictClientIds?: string[] },
): Promise<Session & { id: string }> {
  const response = await http
    .post('/users')
    .set(admin.auth)
    .send({ password: CONSOLE_PASSWORD, ...body });
  if (response.status !== 201) throw new Error(`POST /users: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...(await login(http, body.email, CONSOLE_PASSWORD)), id: response.body.id as string };
}

/** Answers to the sample questionnaire (test/factories/design.factory.ts), varied by `n`. */
export function sampleAnswers(n: number, overrides: Record<string, unknown> = {}): Array<{ questionKey: string; value: unknown }> {
  const values: Record<string, unknown> = {
    greeting: n % 3 !== 0,
    wait_time: 60 + n * 70,
    friendliness: 1 + (n % 5),
    accuracy: ['complete', 'partial', 'wrong'][n % 3],
    data_protected: true,
    resolved: n % 2 === 0,
    ...(n % 2 === 0 ? {} : { follow_up: n % 4 === 1 }),
    comment: `Visita ${n}: me atendieron en ${2 + n} minutos.`,
    ...overrides,
  };
  return Object.entries(values).map(([questionKey, value]) => ({ questionKey, value }));
}

export async function submitReport(
  ctx: { db: DataSource; http: TestAgent },
  input: {
    campaignId: string;
    touchpointId: string;
    shopper: { id: string; session: Session };
    answers: unknown[];
    narrative?: string;
    hoursAgo?: number;
  },
): Promise<{ id: string; score: number | null; assignmentId: string }> {
  const now = Date.now();
  const assignment = await insertAssignment(ctx.db, {
    campaignId: input.campaignId,
    touchpointId: input.touchpointId,
    shopperId: input.shopper.id,
    status: 'assigned',
    scenarioKey: null,
    windowStart: new Date(now - DAY),
    windowEnd: new Date(now + DAY),
    plannedAt: new Date(now - 3 * 3600_000),
  });
  const response = await ctx.http
    .post(`/assignments/${assignment.id}/report`)
    .set(input.shopper.session.auth)
    .set('Idempotency-Key', `console-${Date.now()}-${++keyCounter}`)
    .send({
      visitedAt: new Date(now - (input.hoursAgo ?? 2) * 3600_000).toISOString(),
      answers: input.answers,
      narrative: input.narrative ?? 'Me atendió una empleada amable; la espera fue corta y la explicación clara.',
    });
  if (response.status !== 201) throw new Error(`POST report: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, score: response.body.score as number | null, assignmentId: assignment.id };
}

export async function seedConsole(ctx: { db: DataSource; http: TestAgent }, options: { reports?: number } = {}): Promise<ConsoleSeed> {
  const { http } = ctx;
  const admin = await loginAdmin(http);
  const reviewers = [];
  for (const [email, name] of [
    ['lucia.revisora@consultora.example', 'Lucía Revisora'],
    ['pablo.revisor@consultora.example', 'Pablo Revisor'],
  ]) {
    const session = await createConsoleUser(http, admin, { email, name, role: 'consultant' });
    reviewers.push({ email, password: CONSOLE_PASSWORD, name, session });
  }
  const shopperSession = await createConsoleUser(http, admin, {
    email: 'ana.evaluadora@shoppers.example',
    name: 'Ana Evaluadora',
    role: 'shopper',
  });
  const shopper = {
    id: shopperSession.id,
    email: 'ana.evaluadora@shoppers.example',
    password: CONSOLE_PASSWORD,
    name: 'Ana Evaluadora',
    session: shopperSession,
  };

  const consultant = reviewers[0].session;
  const client = await createClient(http, consultant, { name: 'Seguros Atlántico' });
  const touchpoints = [];
  for (const input of [
    { name: 'Oficina Castellana', channel: 'in_person', region: 'Madrid', city: 'Madrid' },
    { name: 'Oficina Alameda', channel: 'in_person', region: 'Andalucía', city: 'Sevilla' },
    { name: 'Teléfono de siniestros', channel: 'phone', region: 'Madrid', city: 'Madrid' },
  ]) {
    const touchpoint = await createTouchpoint(http, consultant, client.id, input);
    touchpoints.push({ id: touchpoint.id, name: touchpoint.name, channel: touchpoint.channel, region: touchpoint.region });
  }
  const questionnaire = await createPublishedQuestionnaire(
    http,
    consultant,
    sampleQuestionnaireBody({ title: 'Atención en oficina y teléfono' }),
  );
  const campaign = await createActiveCampaign(http, consultant, {
    clientId: client.id,
    questionnaireId: questionnaire.id,
    touchpointIds: touchpoints.map((touchpoint) => touchpoint.id),
    name: 'Oleada de invierno',
    visitsPerTouchpoint: 1,
  });

  const reportIds: string[] = [];
  const count = options.reports ?? 5;
  let knockoutReportId = '';
  for (let n = 0; n < count; n++) {
    const knockout = n === 1;
    const report = await submitReport(ctx, {
      campaignId: campaign.id,
      touchpointId: touchpoints[n % touchpoints.length].id,
      shopper,
      answers: sampleAnswers(n, knockout ? { data_protected: false } : {}),
      hoursAgo: 2 + n,
      narrative: NARRATIVES[n % NARRATIVES.length],
    });
    reportIds.push(report.id);
    if (knockout) knockoutReportId = report.id;
  }

  const photoReportId = reportIds[0];
  if (photoReportId) {
    const upload = await http
      .post(`/visit-reports/${photoReportId}/evidence`)
      .set(shopper.session.auth)
      .set('Idempotency-Key', `console-photo-${Date.now()}`)
      .attach('file', await photo(), { filename: 'mostrador.png', contentType: 'image/png' });
    if (upload.status !== 201) throw new Error(`evidence upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  }

  return {
    admin,
    reviewers,
    shopper,
    clientId: client.id,
    campaignId: campaign.id,
    questionnaireId: questionnaire.id,
    touchpoints,
    reportIds,
    knockoutReportId,
    photoReportId,
  };
}

function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">
    <rect width="100%" height="100%" fill="#e6ecf2"/><rect x="40" y="120" width="240" height="60" fill="#14365d"/>
    <rect x="70" y="30" width="180" height="70" fill="#ffffff" stroke="#9db4cc"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
