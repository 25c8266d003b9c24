// Rows for the report downloads' e2e test, inserted straight into the database by tables.factory.ts
// (scores stated by hand, as the scoring engine would have stored them).
import { DataSource } from 'typeorm';
import type { TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, type Session } from './users.factory';
import type { QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import {
  CampaignInput,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisitWithGivenScores,
} from './tables.factory';

type Json = Record<string, unknown>;

export function question(fields: Json): Json {
  return { required: false, allowNa: false, critical: false, knockoutScope: 'section', channels: [], bonus: false, ...fields };
}

/** The exports' waves: closed in October 2026 with no scenarios, unless told otherwise. */
const OCTOBER: Pick<CampaignInput, 'startsOn' | 'endsOn' | 'status' | 'scenarios'> = {
  startsOn: '2026-10-01',
  endsOn: '2026-10-31',
  status: 'closed',
  scenarios: [],
};

// ---------------------------------------------------------------------------------------------------
// The campaign the exports test downloads.
//
// Questionnaire (es): saludo (weight 1): q_saludo yes_no 10, q_espera duration 10 (≤ 300 s full, ≤ 600 s half,
// kpi wait_time), q_comentario text; solucion (weight 2): q_resuelto yes_no 10 (kpi fcr), q_producto
// single_choice 20 (alto 20 / medio 10 / bajo 0).
//
//  visit  touchpoint     status     saludo espera   coment.                 resuelto producto  saludo  solucion  score
//  V1     T1 Málaga      approved   sí     240 s    =HYPERLINK(…)           sí       medio     100     66.667    77.778
//  V2     T2 León (tel.) approved   no     100 s    (none)                  no       bajo      50      0         16.667
//  V3     T1 Málaga      approved   sí     500 s    +34 600 @cliente        sí       alto      75      100       91.667
//  V4     T2 León (tel.) submitted  sí     60 s     —                       sí       alto      100     100       100
// Previous wave: two approved visits at T1, scores 60 and 70.

export const SHOPPER_NAME = 'Sandra Secretísima';
export const SHOPPER_EMAIL_PREFIX = 'sandra.secreta';

export const DEFINITION = {
  title: 'Evaluación multicanal',
  language: 'es',
  sections: [
    {
      key: 'saludo',
      title: 'Saludo y recepción',
      weight: 1,
      questions: [
        question({
          key: 'q_saludo',
          text: '¿Le saludó el empleado al llegar?',
          type: 'yes_no',
          maxPoints: 10,
          dimension: 'protocol',
          recommendation: 'Saludar en los primeros diez segundos.',
        }),
        question({
          key: 'q_espera',
          text: 'Tiempo de espera',
          type: 'duration',
          maxPoints: 10,
          dimension: 'speed',
          kpi: 'wait_time',
          thresholds: [
            { upToSeconds: 300, fraction: 1 },
            { upToSeconds: 600, fraction: 0.5 },
          ],
        }),
        question({ key: 'q_comentario', text: 'Comentario sobre la recepción', type: 'text', maxPoints: 0 }),
      ],
    },
    {
      key: 'solucion',
      title: 'Solución del problema',
      weight: 2,
      questions: [
        question({
          key: 'q_resuelto',
          text: '¿Resolvió la consulta en el primer contacto?',
          type: 'yes_no',
          maxPoints: 10,
          dimension: 'resolution',
          kpi: 'fcr',
          recommendation: 'Resolver en la primera llamada.',
        }),
        question({
          key: 'q_producto',
          text: 'Conocimiento del producto',
          type: 'single_choice',
          maxPoints: 20,
          dimension: 'knowledge',
          recommendation: 'Formar a la plantilla en comisiones.',
          options: [
            { key: 'alto', label: 'Alto', points: 20 },
            { key: 'medio', label: 'Medio', points: 10 },
            { key: 'bajo', label: 'Bajo', points: 0 },
          ],
        }),
      ],
    },
  ],
};
/** DEFINITION as stored: written in normalised form already (question() fills the defaults). */
const STORED_DEFINITION = DEFINITION as unknown as QuestionnaireDefinition;

interface VisitPlan {
  touchpoint: 'T1' | 'T2';
  status: 'approved' | 'submitted';
  day: string;
  saludo: boolean;
  espera: number;
  comentario: string | null;
  resuelto: boolean;
  producto: 'alto' | 'medio' | 'bajo';
  narrative: string | null;
}

export const VISITS: VisitPlan[] = [
  {
    touchpoint: 'T1',
    status: 'approved',
    day: '2026-10-05T09:30:00Z',
    saludo: true,
    espera: 240,
    comentario: '=HYPERLINK("http://evil.example","clic")',
    resuelto: true,
    producto: 'medio',
    narrative: 'Muy amable; la señora me atendió enseguida.',
  },
  {
    touchpoint: 'T2',
    status: 'approved',
    day: '2026-10-06T16:00:00Z',
    saludo: false,
    espera: 100,
    comentario: null,
    resuelto: false,
    producto: 'bajo',
    narrative: 'Me atendieron con prisa y no resolvieron nada. ¡Qué pena!',
  },
  {
    touchpoint: 'T1',
    status: 'approved',
    day: '2026-10-12T11:15:00Z',
    saludo: true,
    espera: 500,
    comentario: '+34 600 000 000 @cliente',
    resuelto: true,
    producto: 'alto',
    narrative: null,
  },
  {
    touchpoint: 'T2',
    status: 'submitted',
    day: '2026-10-20T10:00:00Z',
    saludo: true,
    espera: 60,
    comentario: null,
    resuelto: true,
    producto: 'alto',
    narrative: null,
  },
];

const PRODUCT_POINTS = { alto: 20, medio: 10, bajo: 0 } as const;

/** Stored scores exactly as docs/domain.md §4 makes them for a plan row. */
function scored(plan: VisitPlan) {
  const saludo = plan.saludo ? 10 : 0;
  const espera = plan.espera <= 300 ? 10 : plan.espera <= 600 ? 5 : 0;
  const resuelto = plan.resuelto ? 10 : 0;
  const producto = PRODUCT_POINTS[plan.producto];
  const saludoScore = (100 * (saludo + espera)) / 20;
  const solucionScore = (100 * (resuelto + producto)) / 30;
  const score = (saludoScore * 1 + solucionScore * 2) / 3;
  return { saludo, espera, resuelto, producto, saludoScore, solucionScore, score };
}

export interface ExportsWorld {
  clientId: string;
  otherClientId: string;
  campaignId: string;
  previousCampaignId: string;
  otherCampaignId: string;
  visitIds: string[];
}

export async function seedExportsWorld(db: DataSource, shopperId: string): Promise<ExportsWorld> {
  const { id: clientId } = await insertClient(db, { name: 'Banco Ñandú' });
  const { id: otherClientId } = await insertClient(db, { name: 'Caja Ajena' });
  const { id: t1 } = await insertTouchpoint(db, {
    clientId,
    name: 'Oficina Málaga Centro',
    channel: 'in_person',
    region: 'Andalucía',
    city: 'Málaga',
  });
  const { id: t2 } = await insertTouchpoint(db, {
    clientId,
    name: 'Línea 900 Atención',
    channel: 'phone',
    region: 'Castilla y León',
    city: 'León',
  });
  const { id: questionnaireId } = await insertQuestionnaire(db, { definition: STORED_DEFINITION });

  const { id: previousCampaignId } = await insertCampaign(db, {
    ...OCTOBER,
    clientId,
    questionnaireId,
    name: 'Oleada 1 – Atención al cliente',
    touchpointIds: [t1, t2],
    startsOn: '2026-04-01',
    endsOn: '2026-04-30',
  });
  for (const [index, score] of [60, 70].entries()) {
    await insertVisitWithGivenScores(db, {
      campaignId: previousCampaignId,
      touchpointId: t1,
      shopperId,
      questionnaireId,
      visitedAt: `2026-04-1${index}T10:00:00Z`,
      score,
      sections: [
        { key: 'saludo', score, earned: score / 5, possible: 20 },
        { key: 'solucion', score, earned: (score * 3) / 10, possible: 30, weight: 2 },
      ],
    });
  }

  const { id: campaignId } = await insertCampaign(db, {
    ...OCTOBER,
    clientId,
    questionnaireId,
    name: 'Oleada 2 – Atención al cliente',
    touchpointIds: [t1, t2],
    slaSeconds: { in_person: 300, phone: 120 },
    targets: { overall: 80, fcr: 60 },
    previousCampaignId,
    scenarios: [{ key: 'comisiones', title: 'Preguntar por comisiones', brief: '¿Cuánto cuesta la cuenta?' }],
  });

  const visitIds: string[] = [];
  for (const plan of VISITS) {
    const s = scored(plan);
    const visit = await insertVisitWithGivenScores(db, {
      campaignId,
      touchpointId: plan.touchpoint === 'T1' ? t1 : t2,
      shopperId,
      questionnaireId,
      visitedAt: plan.day,
      status: plan.status,
      scenario: 'comisiones',
      narrative: plan.narrative,
      employee: { name: 'Empleado Confidencial', badge: 'B-77' },
      score: s.score,
      waitSeconds: plan.espera,
      fcr: plan.resuelto,
      sections: [
        { key: 'saludo', score: s.saludoScore, earned: s.saludo + s.espera, possible: 20 },
        { key: 'solucion', score: s.solucionScore, earned: s.resuelto + s.producto, possible: 30, weight: 2 },
      ],
      dimensions: [
        { key: 'protocol', score: s.saludo * 10, earned: s.saludo, possible: 10 },
        { key: 'speed', score: s.espera * 10, earned: s.espera, possible: 10 },
        { key: 'resolution', score: s.resuelto * 10, earned: s.resuelto, possible: 10 },
        { key: 'knowledge', score: s.producto * 5, earned: s.producto, possible: 20 },
      ],
      answers: [
        {
          questionKey: 'q_saludo',
          sectionKey: 'saludo',
          value: plan.saludo,
          counted: true,
          earned: s.saludo,
          possible: 10,
          passed: plan.saludo,
        },
        {
          questionKey: 'q_espera',
          sectionKey: 'saludo',
          value: plan.espera,
          counted: true,
          earned: s.espera,
          possible: 10,
          passed: s.espera === 10,
        },
        ...(plan.comentario !== null
          ? [{ questionKey: 'q_comentario', sectionKey: 'saludo', value: plan.comentario, counted: false }]
          : []),
        {
          questionKey: 'q_resuelto',
          sectionKey: 'solucion',
          value: plan.resuelto,
          counted: true,
          earned: s.resuelto,
          possible: 10,
          passed: plan.resuelto,
        },
        {
          questionKey: 'q_producto',
          sectionKey: 'solucion',
          value: plan.producto,
          counted: true,
          earned: s.producto,
          possible: 20,
          passed: s.producto === 20,
        },
      ],
    });
    visitIds.push(visit.id);
  }

  const { id: otherQuestionnaireId } = await insertQuestionnaire(db, { definition: { ...STORED_DEFINITION, title: 'Ajeno' } });
  const { id: otherTouchpoint } = await insertTouchpoint(db, {
    clientId: otherClientId,
    name: 'Ajena',
    channel: 'email',
    region: 'Madrid',
    city: null,
  });
  const { id: otherCampaignId } = await insertCampaign(db, {
    ...OCTOBER,
    clientId: otherClientId,
    questionnaireId: otherQuestionnaireId,
    name: 'Campaña ajena',
    touchpointIds: [otherTouchpoint],
  });
  return { clientId, otherClientId, campaignId, previousCampaignId, otherCampaignId, visitIds };
}

/**
 * A campaign of `visits` approved visits made in one statement each (generate_series), for checking
 * that the Visits sheet streams across several SQL batches. Scores cycle 50..99; every visit answers
 * q_saludo "yes".
 */
export async function seedLargeCampaign(db: DataSource, input: { clientId: string; shopperId: string; visits: number }): Promise<string> {
  const { id: touchpointId } = await insertTouchpoint(db, {
    clientId: input.clientId,
    name: 'Oficina Grande',
    channel: 'in_person',
    region: 'Madrid',
    city: 'Madrid',
  });
  const { id: questionnaireId } = await insertQuestionnaire(db, { definition: STORED_DEFINITION });
  const { id: campaignId } = await insertCampaign(db, {
    ...OCTOBER,
    clientId: input.clientId,
    questionnaireId,
    name: 'Oleada masiva',
    touchpointIds: [touchpointId],
  });
  // 4,500 visits one insertVisitWithGivenScores at a time would take tens of thousands of statements: these
  // three statements write the same rows in bulk (the only rows in test/factories not written by tables.factory.ts).
  await db.query(
    `WITH planned AS (
       SELECT timestamptz '2026-10-01 08:00:00+00' + make_interval(mins => g) AS at, g FROM generate_series(1, $5::int) AS g
     ), made AS (
       INSERT INTO assignments (campaign_id, touchpoint_id, shopper_id, window_start, window_end, planned_at, status)
       SELECT $1, $2, $3, at - interval '1 day', at + interval '1 day', at, 'approved' FROM planned
       RETURNING id, planned_at
     )
     INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, score, submitted_at, approved_at)
     SELECT made.id, $1, $2, $3, $4, 'approved', made.planned_at,
            50 + (extract(epoch FROM made.planned_at)::bigint / 60) % 50, made.planned_at, now()
       FROM made`,
    [campaignId, touchpointId, input.shopperId, questionnaireId, input.visits],
  );
  await db.query(
    `INSERT INTO visit_answers (visit_report_id, question_key, campaign_id, section_key, value, na, applicable, counted, earned, possible, passed)
     SELECT id, 'q_saludo', campaign_id, 'saludo', 'true'::jsonb, false, true, true, 10, 10, true FROM visit_reports WHERE campaign_id = $1`,
    [campaignId],
  );
  return campaignId;
}

/** The people of the exports world, each signed in: its staff, the shopper whose identity must never show, and a client user of each client. */
export interface ExportsCast {
  admin: Session;
  consultant: Session;
  shopper: Session;
  client: Session;
  otherClient: Session;
  world: ExportsWorld;
}

export async function seedExportsCast(ctx: TestContext): Promise<ExportsCast> {
  const admin = await loginAdmin(ctx.http);
  const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
  const shopper = await createUser(ctx.http, admin, {
    role: 'shopper',
    name: SHOPPER_NAME,
    email: `${SHOPPER_EMAIL_PREFIX}@shoppers.test`,
  });
  const world = await seedExportsWorld(ctx.db, shopper.user.id);
  const client = await createUser(ctx.http, admin, { role: 'client', clientId: world.clientId });
  const otherClient = await createUser(ctx.http, admin, { role: 'client', clientId: world.otherClientId });
  return { admin, consultant, shopper, client, otherClient, world };
}
