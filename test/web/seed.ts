// The data the web tests (and `npm run screenshots`) look at: one client with a previous and a current
// wave of the Spanish in-store questionnaire template, answered like the demo's shoppers answer
// (scripts/demo/answers.ts), scored and stored by the test factories (test/factories/tables.factory.ts)
// as a submission would be; photos are left out of the answers (those need uploaded evidence ids).
// Touchpoints in three regions and two channels, two scenarios, one visit with evidence (uploaded by
// its shopper through the API before a consultant approved it), every other visit approved.
import seedrandom from 'seedrandom';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { Channel, QuestionnaireDefinition, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { findTemplate } from '../../src/questionnaires/templates';
import { generateVisit } from '../../scripts/demo/answers';
import {
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisit,
  type TouchpointRow,
} from '../factories/tables.factory';
import { createAccount, login, loginAdmin } from '../factories/users.factory';

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

export async function seedPortal(
  ctx: { db: DataSource; http: TestAgent },
  options: { visitsPerTouchpoint?: number; previousVisitsPerTouchpoint?: number; seed?: string } = {},
): Promise<PortalSeed> {
  const { db, http } = ctx;
  const random = seedrandom(options.seed ?? 'incognito-web');
  const admin = await loginAdmin(http);
  const client = await insertClient(db, { name: 'Banco Meridiano' });
  const clientUser = { email: 'calidad@bancomeridiano.example', password: PASSWORD, name: 'Javier Ortega' };
  await createAccount(http, admin, {
    email: clientUser.email,
    role: 'client',
    clientId: client.id,
    name: clientUser.name,
    password: PASSWORD,
  });
  const consultant = { email: 'marta.ruiz@consultora.example', password: PASSWORD };
  const consultantId = await createAccount(http, admin, {
    email: consultant.email,
    role: 'consultant',
    name: 'Marta Ruiz',
    password: PASSWORD,
  });
  const shopperIds = [await createAccount(http, admin, { email: SHOPPER.email, role: 'shopper', name: SHOPPER.name, password: PASSWORD })];
  for (let i = 1; i <= 3; i++) {
    shopperIds.push(
      await createAccount(http, admin, {
        email: `evaluador${i}@shoppers.example`,
        role: 'shopper',
        name: `Evaluador Secreto ${i}`,
        password: PASSWORD,
      }),
    );
  }

  const template = findTemplate('in_store', 'es');
  if (!template) throw new Error('the in_store template is missing');
  const definition: QuestionnaireDefinition = normalizeDefinition(template.definition);
  const evidenceQuestions = new Set(
    definition.sections
      .flatMap((section) => section.questions)
      .filter((question) => question.type === 'evidence')
      .map((question) => question.key),
  );
  const questionnaire = await insertQuestionnaire(db, { definition });
  const touchpoints: Array<TouchpointRow & { quality: number }> = [];
  for (const touchpoint of TOUCHPOINTS) {
    const row = await insertTouchpoint(db, {
      clientId: client.id,
      name: touchpoint.name,
      channel: touchpoint.channel,
      region: touchpoint.region,
      city: touchpoint.city,
    });
    touchpoints.push({ ...row, quality: touchpoint.quality });
  }
  const touchpointIds = touchpoints.map((touchpoint) => touchpoint.id);
  const today = new Date();
  const isoDay = (offsetDays: number) => new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const common = {
    clientId: client.id,
    questionnaireId: questionnaire.id,
    touchpointIds,
    scenarios: SCENARIOS,
    slaSeconds: { in_person: 300, phone: 60 },
    targets: { overall: 80, fcr: 75 },
  };
  const previous = await insertCampaign(db, {
    ...common,
    name: 'Oleada 1 · Oficinas y teléfono',
    status: 'closed',
    startsOn: isoDay(-100),
    endsOn: isoDay(-70),
  });
  const current = await insertCampaign(db, {
    ...common,
    name: 'Oleada 2 · Oficinas y teléfono',
    status: 'active',
    startsOn: isoDay(-20),
    endsOn: isoDay(10),
    previousCampaignId: previous.id,
  });

  let visitIndex = 0;
  const addVisit = async (
    campaignId: string,
    touchpoint: (typeof touchpoints)[number],
    visitedAt: Date,
    wave: number,
    status: 'approved' | 'submitted',
    shopperId = shopperIds[visitIndex % shopperIds.length],
  ) => {
    const scenario = SCENARIOS[visitIndex % SCENARIOS.length];
    visitIndex += 1;
    const generated = generateVisit(definition.sections, {
      channel: touchpoint.channel,
      touchpointName: touchpoint.name,
      scenarioTitle: scenario.title,
      quality: touchpoint.quality - (wave === 1 ? 0.06 : 0),
      sectionShift: {},
      random,
      visitedAt,
    });
    const answers = (generated.answers as SubmittedAnswer[]).filter((answer) => !evidenceQuestions.has(answer.questionKey));
    const assignment = await insertAssignment(db, {
      campaignId,
      touchpointId: touchpoint.id,
      shopperId,
      status,
      scenarioKey: scenario.key,
      windowStart: new Date(visitedAt.getTime() - DAY),
      windowEnd: new Date(visitedAt.getTime() + DAY),
      plannedAt: visitedAt,
    });
    const report = await insertVisit(db, {
      assignment,
      questionnaire,
      channel: touchpoint.channel,
      answers,
      status,
      visitedAt,
      narrative: generated.narrative,
      employee: { name: 'Empleada Confidencial', description: 'Pelo corto' },
      approvedBy: consultantId,
    });
    return report.id;
  };

  const previousPer = options.previousVisitsPerTouchpoint ?? 2;
  const currentPer = options.visitsPerTouchpoint ?? 5;
  for (const touchpoint of touchpoints) {
    for (let i = 0; i < previousPer; i++)
      await addVisit(previous.id, touchpoint, new Date(today.getTime() - (95 - i * 7) * DAY), 1, 'approved');
    for (let i = 0; i < currentPer; i++) {
      await addVisit(
        current.id,
        touchpoint,
        new Date(today.getTime() - (18 - ((i * 3) % 17)) * DAY - (visitIndex % 8) * 3600_000),
        2,
        'approved',
      );
    }
  }

  // One visit with evidence: submitted, a photo uploaded by its shopper, then approved by the consultant.
  const evidenceVisitId = await addVisit(current.id, touchpoints[0], new Date(today.getTime() - 2 * DAY), 2, 'submitted', shopperIds[0]);
  const shopper = await login(http, SHOPPER.email, PASSWORD);
  const upload = await http
    .post(`/visit-reports/${evidenceVisitId}/evidence`)
    .set(shopper.auth)
    .attach('file', await evidencePhoto(), { filename: `foto-${SHOPPER.name}.png`, contentType: 'image/png' });
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

/** A 320×200 photo-like PNG (drawn from SVG by sharp), which the evidence pipeline can clean and share with the client. */
export const EVIDENCE_WIDTH = 320;
function evidencePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${EVIDENCE_WIDTH}" height="200">
    <rect width="100%" height="100%" fill="#dce3ea"/>
    <rect x="90" y="20" width="140" height="160" fill="#ffffff" stroke="#9db4cc"/>
    <rect x="105" y="40" width="110" height="8" fill="#14365d"/>
    <rect x="105" y="60" width="80" height="6" fill="#6b7785"/>
    <rect x="105" y="75" width="95" height="6" fill="#6b7785"/>
    <rect x="105" y="90" width="70" height="6" fill="#6b7785"/>
    <rect x="105" y="150" width="110" height="10" fill="#0f8b8d"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
