// The data the web tests (and `npm run screenshots`) look at: one client with a previous and a current
// wave of the Spanish in-store questionnaire template, answered like the demo's shoppers answer
// (scripts/demo/answers.ts), scored by the real scoring engine and stored by the test factories.
// Touchpoints in three regions and two channels, two scenarios, one visit with evidence (uploaded by
// its shopper through the API before a consultant approved it), every other visit approved.
import seedrandom from 'seedrandom';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { Channel, QuestionnaireDefinition, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { scoreVisit } from '../../src/questionnaires/domain/scoring';
import { findTemplate } from '../../src/questionnaires/templates';
import { toVisitRows } from '../../src/visit-reports/domain/score-rows';
import { generateVisit, type SectionView } from '../../scripts/demo/answers';
import { loginAdmin, login } from '../factories/users.factory';
import {
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisitReport,
  type QuestionnaireRow,
  type TouchpointRow,
} from '../factories/world.factory';

const DAY = 24 * 3600 * 1000;
export const PASSWORD = 'web-test-password-1';
/** A shopper whose name and email must never reach a client's page. */
export const SHOPPER = { name: 'Sandra Secretísima Oculta', email: 'sandra.secreta@shoppers.example' };

export interface PortalSeed {
  clientId: string;
  clientName: string;
  clientUser: { email: string; password: string; name: string };
  consultant: { email: string; password: string };
  campaignId: string;
  campaignName: string;
  previousCampaignId: string;
  evidenceVisitId: string;
  touchpoints: Array<{ id: string; name: string; channel: Channel; region: string }>;
}

const TOUCHPOINTS: Array<{ name: string; channel: Channel; region: string; city: string; quality: number }> = [
  { name: 'Oficina Gran Vía', channel: 'in_person', region: 'Madrid', city: 'Madrid', quality: 0.9 },
  { name: 'Oficina Chamberí', channel: 'in_person', region: 'Madrid', city: 'Madrid', quality: 0.72 },
  { name: 'Oficina Diagonal', channel: 'in_person', region: 'Cataluña', city: 'Barcelona', quality: 0.83 },
  { name: 'Oficina Triana', channel: 'in_person', region: 'Andalucía', city: 'Sevilla', quality: 0.62 },
  { name: 'Banca telefónica', channel: 'phone', region: 'Madrid', city: 'Madrid', quality: 0.78 },
  { name: 'Atención telefónica Sur', channel: 'phone', region: 'Andalucía', city: 'Málaga', quality: 0.68 },
];
const SCENARIOS = [
  { key: 'card', title: 'Coste de una tarjeta de crédito', brief: 'Pregunta cuánto cuesta una tarjeta de crédito.' },
  { key: 'account', title: 'Abrir una cuenta', brief: 'Pregunta cómo abrir una cuenta.' },
];

async function createUser(http: TestAgent, adminAuth: { Authorization: string }, body: Record<string, unknown>): Promise<string> {
  const response = await http.post('/users').set(adminAuth).send({ password: PASSWORD, ...body });
  if (response.status !== 201) throw new Error(`POST /users: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export async function seedPortal(
  ctx: { db: DataSource; http: TestAgent },
  options: { visitsPerTouchpoint?: number; previousVisitsPerTouchpoint?: number; seed?: string } = {},
): Promise<PortalSeed> {
  const { db, http } = ctx;
  const random = seedrandom(options.seed ?? 'incognito-web');
  const admin = await loginAdmin(http);
  const client = await insertClient(db, { name: 'Banco Meridiano' });
  const clientUser = { email: 'calidad@bancomeridiano.example', password: PASSWORD, name: 'Javier Ortega' };
  await createUser(http, admin.auth, { email: clientUser.email, role: 'client', clientId: client.id, name: clientUser.name });
  const consultant = { email: 'marta.ruiz@consultora.example', password: PASSWORD };
  const consultantId = await createUser(http, admin.auth, { email: consultant.email, role: 'consultant', name: 'Marta Ruiz' });
  const shopperIds = [await createUser(http, admin.auth, { email: SHOPPER.email, role: 'shopper', name: SHOPPER.name })];
  for (let i = 1; i <= 3; i++) {
    shopperIds.push(await createUser(http, admin.auth, { email: `evaluador${i}@shoppers.example`, role: 'shopper', name: `Evaluador Secreto ${i}` }));
  }

  const template = findTemplate('in_store', 'es');
  if (!template) throw new Error('the in_store template is missing');
  const definition: QuestionnaireDefinition = normalizeDefinition(template.definition);
  const questionnaire: QuestionnaireRow = await insertQuestionnaire(db, { title: definition.title, definition });
  const touchpoints: Array<TouchpointRow & { quality: number }> = [];
  for (const touchpoint of TOUCHPOINTS) {
    const row = await insertTouchpoint(db, client.id, { name: touchpoint.name, channel: touchpoint.channel, region: touchpoint.region, city: touchpoint.city });
    touchpoints.push({ ...row, quality: touchpoint.quality });
  }
  const touchpointIds = touchpoints.map((touchpoint) => touchpoint.id);
  const today = new Date();
  const isoDay = (offsetDays: number) => new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

  const previous = await insertCampaign(db, { clientId: client.id, questionnaireId: questionnaire.id, touchpointIds }, {
    name: 'Oleada 1 · Oficinas y teléfono',
    status: 'closed',
    startsOn: isoDay(-100),
    endsOn: isoDay(-70),
  });
  const current = await insertCampaign(db, { clientId: client.id, questionnaireId: questionnaire.id, touchpointIds }, {
    name: 'Oleada 2 · Oficinas y teléfono',
    status: 'active',
    startsOn: isoDay(-20),
    endsOn: isoDay(10),
  });
  await db.query(`UPDATE campaigns SET scenarios = $2, previous_campaign_id = $3 WHERE id = $1`, [current.id, JSON.stringify(SCENARIOS), previous.id]);
  await db.query(`UPDATE campaigns SET scenarios = $2 WHERE id = $1`, [previous.id, JSON.stringify(SCENARIOS)]);

  let visitIndex = 0;
  const addVisit = async (campaignId: string, touchpoint: (typeof touchpoints)[number], visitedAt: Date, wave: number, status: 'approved' | 'submitted') => {
    const scenario = SCENARIOS[visitIndex % SCENARIOS.length];
    const shopperId = shopperIds[visitIndex % shopperIds.length];
    visitIndex += 1;
    const generated = generateVisit(definition.sections as unknown as SectionView[], {
      channel: touchpoint.channel,
      touchpointName: touchpoint.name,
      scenarioTitle: scenario.title,
      quality: touchpoint.quality - (wave === 1 ? 0.06 : 0),
      sectionShift: {},
      random,
      visitedAt,
    });
    const answers = generated.answers as SubmittedAnswer[];
    const assignment = await insertAssignment(db, { campaignId, touchpointId: touchpoint.id, shopperId }, {
      status,
      windowStart: new Date(visitedAt.getTime() - DAY),
      windowEnd: new Date(visitedAt.getTime() + DAY),
      plannedAt: visitedAt,
    });
    await db.query(`UPDATE assignments SET scenario_key = $2 WHERE id = $1`, [assignment.id, scenario.key]);
    const report = await insertVisitReport(db, { assignment, questionnaire, channel: touchpoint.channel, approvedBy: consultantId }, {
      status,
      answers,
      narrative: generated.narrative,
      visitedAt,
      employee: { name: 'Empleada Confidencial', description: 'Pelo corto' },
    });
    // The visit's timing and FCR columns, as the submission writes them.
    const { kpis } = toVisitRows(definition, answers, scoreVisit(definition, answers, touchpoint.channel));
    await db.query(`UPDATE visit_reports SET wait_seconds = $2, response_seconds = $3, fcr = $4 WHERE id = $1`, [
      report.id,
      kpis.waitSeconds,
      kpis.responseSeconds,
      kpis.fcr,
    ]);
    return report.id;
  };

  const previousPer = options.previousVisitsPerTouchpoint ?? 2;
  const currentPer = options.visitsPerTouchpoint ?? 5;
  for (const touchpoint of touchpoints) {
    for (let i = 0; i < previousPer; i++) await addVisit(previous.id, touchpoint, new Date(today.getTime() - (95 - i * 7) * DAY), 1, 'approved');
    for (let i = 0; i < currentPer; i++) {
      await addVisit(current.id, touchpoint, new Date(today.getTime() - (18 - ((i * 3) % 17)) * DAY - (visitIndex % 8) * 3600_000), 2, 'approved');
    }
  }

  // One visit with evidence: submitted, a photo uploaded by its shopper, then approved by the consultant.
  const evidenceVisitId = await addVisit(current.id, touchpoints[0], new Date(today.getTime() - 2 * DAY), 2, 'submitted');
  const shopper = await login(http, SHOPPER.email, PASSWORD);
  const upload = await http
    .post(`/visit-reports/${evidenceVisitId}/evidence`)
    .set(shopper.auth)
    .attach('file', tinyPng(), { filename: `foto-${SHOPPER.name}.png`, contentType: 'image/png' });
  if (upload.status !== 201) throw new Error(`evidence upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const consultantSession = await login(http, consultant.email, PASSWORD);
  const approval = await http.post(`/visit-reports/${evidenceVisitId}/approve`).set(consultantSession.auth);
  if (approval.status !== 200) throw new Error(`approve: ${approval.status} ${JSON.stringify(approval.body)}`);

  return {
    clientId: client.id,
    clientName: client.name,
    clientUser,
    consultant,
    campaignId: current.id,
    campaignName: current.name,
    previousCampaignId: previous.id,
    evidenceVisitId,
    touchpoints: touchpoints.map(({ id, name, channel, region }) => ({ id, name, channel, region })),
  };
}

/** A 2×2 PNG: a real image the evidence pipeline accepts and the visit page can preview. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYGD4z8DAwMDAxMDAAAAhBgH/5ztJ3wAAAABJRU5ErkJggg==',
    'base64',
  );
}
