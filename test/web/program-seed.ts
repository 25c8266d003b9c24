// An omnichannel program for the web tests (test/web/programs.web-spec.ts) and `npm run screenshots`: one
// client, one campaign per channel family (branch, phone, email), each with its own questionnaire; the
// questionnaires share greeting, accurate answer and closing, branch and phone also share identification
// and data protection (absent from email: never a 0). Two waves: the first (branch and phone only) leaves
// an action-plan item on the phone greeting that the second wave measures before → after. Visits come from
// the factories (test/factories/tables.factory.ts), the program, its waves and the action through the API,
// as in test/e2e/programs.e2e-spec.ts.
import seedrandom from 'seedrandom';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import type { Channel } from '../../src/questionnaires/domain/definition';
import {
  type GivenAnswerRow,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisitWithGivenScores,
} from '../factories/tables.factory';
import { createUser, loginAdmin } from '../factories/users.factory';

export const PROGRAM_PASSWORD = 'program-web-password-1';

interface QuestionSpec {
  key: string;
  text: string;
  dimension: string;
  allowNa?: boolean;
  recommendation?: string;
  /** How much harder than the channel's quality (0: as good as the channel). */
  difficulty: number;
}

const question = (spec: QuestionSpec) => ({
  key: spec.key,
  text: spec.text,
  type: 'yes_no',
  maxPoints: 10,
  required: false,
  allowNa: spec.allowNa ?? false,
  critical: false,
  knockoutScope: 'section',
  channels: [],
  bonus: false,
  dimension: spec.dimension,
  ...(spec.recommendation ? { recommendation: spec.recommendation } : {}),
});

const GREETING: QuestionSpec = {
  key: 'saludo',
  text: 'Saluda con cordialidad y se presenta',
  dimension: 'protocol',
  difficulty: 0.05,
};
const ACCURATE: QuestionSpec = {
  key: 'respuesta_correcta',
  text: 'La información dada es correcta y completa',
  dimension: 'knowledge',
  difficulty: 0.1,
};
const CLOSING: QuestionSpec = { key: 'despedida', text: 'Se despide ofreciendo más ayuda', dimension: 'protocol', difficulty: 0 };
const IDENTIFICATION: QuestionSpec = {
  key: 'identificacion',
  text: 'Verifica la identidad antes de dar datos de la cuenta',
  dimension: 'data_security',
  difficulty: 0.15,
};
const DATA: QuestionSpec = {
  key: 'proteccion_datos',
  text: 'Protege los datos personales del cliente',
  dimension: 'data_security',
  allowNa: true,
  difficulty: 0.05,
};

interface ChannelSpec {
  channel: Channel;
  title: string;
  campaign: string;
  questions: QuestionSpec[];
  touchpoints: Array<{ name: string; region: string }>;
  /** Chance that a question passes, before its difficulty; wave 1 is 0.12 lower. */
  quality: number;
  timing: 'wait' | 'response';
}

const CHANNELS: ChannelSpec[] = [
  {
    channel: 'in_person',
    title: 'Oficinas',
    campaign: 'Oficinas',
    questions: [
      { ...GREETING, recommendation: 'Saludar a cada cliente en el primer minuto y presentarse por su nombre' },
      ACCURATE,
      IDENTIFICATION,
      DATA,
      CLOSING,
      { key: 'espera', text: 'Atendido en menos de 10 minutos', dimension: 'speed', difficulty: 0.1 },
    ],
    touchpoints: [
      { name: 'Oficina Gran Vía', region: 'Madrid' },
      { name: 'Oficina Diagonal', region: 'Cataluña' },
    ],
    quality: 0.88,
    timing: 'wait',
  },
  {
    channel: 'phone',
    title: 'Banca telefónica',
    campaign: 'Teléfono',
    questions: [
      { ...GREETING, recommendation: 'Contestar con el nombre del banco y el del agente' },
      { ...ACCURATE, recommendation: 'Consultar la ficha del producto antes de responder' },
      IDENTIFICATION,
      DATA,
      CLOSING,
      { key: 'espera_linea', text: 'En línea con un agente en menos de un minuto', dimension: 'speed', difficulty: 0.2 },
    ],
    touchpoints: [{ name: 'Banca telefónica', region: 'Madrid' }],
    quality: 0.62,
    timing: 'wait',
  },
  {
    channel: 'email',
    title: 'Correo electrónico',
    campaign: 'Correo',
    questions: [
      { ...GREETING, recommendation: 'Abrir con el nombre del cliente' },
      ACCURATE,
      CLOSING,
      { key: 'redaccion', text: 'Redacción clara y sin errores', dimension: 'writing', difficulty: 0.05 },
    ],
    touchpoints: [{ name: 'Buzón de clientes', region: 'Madrid' }],
    quality: 0.8,
    timing: 'response',
  },
];

export interface ProgramSeed {
  clientId: string;
  clientUser: { email: string; password: string };
  consultant: { email: string; password: string };
  programId: string;
  programName: string;
  wave1Id: string;
  wave2Id: string;
  /** The action-plan item agreed after wave 1, measured by wave 2. */
  actionId: string;
}

/**
 * Seeds the program. With `clientId` (and its user's credentials) it joins an existing client, as the
 * screenshots do with the portal's bank; otherwise it makes a client of its own.
 */
export async function seedProgram(
  ctx: { db: DataSource; http: TestAgent },
  options: {
    visitsPerTouchpoint?: number;
    client?: { id: string; user: { email: string; password: string } };
    seed?: string;
  } = {},
): Promise<ProgramSeed> {
  const { db, http } = ctx;
  const random = seedrandom(options.seed ?? 'incognito-program');
  const perTouchpoint = options.visitsPerTouchpoint ?? 6;
  const admin = await loginAdmin(http);
  let clientId: string;
  let clientUser: { email: string; password: string };
  if (options.client) {
    clientId = options.client.id;
    clientUser = options.client.user;
  } else {
    clientId = (await insertClient(db, { name: 'Caja Horizonte' })).id;
    clientUser = { email: 'calidad@cajahorizonte.example', password: PROGRAM_PASSWORD };
    await createUser(http, admin, { role: 'client', clientId, email: clientUser.email, name: 'Lucía Prieto', password: PROGRAM_PASSWORD });
  }
  const consultant = { email: `pablo.nunez.${clientId.slice(0, 8)}@consultora.example`, password: PROGRAM_PASSWORD };
  const consultantSession = await createUser(http, admin, {
    role: 'consultant',
    email: consultant.email,
    name: 'Pablo Núñez',
    password: PROGRAM_PASSWORD,
  });
  const shopper = await createUser(http, admin, {
    password: PROGRAM_PASSWORD,
    role: 'shopper',
    email: `evaluador.programa.${clientId.slice(0, 8)}@shoppers.example`,
    name: 'Evaluador Programa',
  });

  const campaigns: Record<1 | 2, string[]> = { 1: [], 2: [] };
  for (const spec of CHANNELS) {
    const { id: questionnaireId } = await insertQuestionnaire(db, {
      definition: {
        title: spec.title,
        language: 'es',
        sections: [{ key: 'main', title: 'Atención', weight: 1, questions: spec.questions.map(question) }],
      } as never,
    });
    const touchpointIds: string[] = [];
    for (const touchpoint of spec.touchpoints)
      touchpointIds.push(
        (await insertTouchpoint(db, { clientId, name: touchpoint.name, channel: spec.channel, region: touchpoint.region, city: null })).id,
      );
    const sla = { in_person: 600, phone: 60, email: 14_400 };
    for (const wave of [1, 2] as const) {
      if (wave === 1 && spec.channel === 'email') continue; // email joins the program in wave 2
      const month = wave === 1 ? '01' : '03';
      const { id: campaignId } = await insertCampaign(db, {
        clientId,
        scenarios: [],
        questionnaireId,
        touchpointIds,
        name: `${spec.campaign} · oleada ${wave}`,
        startsOn: `2026-${month}-01`,
        endsOn: `2026-${month}-28`,
        status: wave === 1 ? 'closed' : 'active',
        slaSeconds: sla,
      });
      campaigns[wave].push(campaignId);
      const quality = spec.quality - (wave === 1 ? 0.12 : 0);
      for (const touchpointId of touchpointIds) {
        const visits = wave === 1 ? Math.ceil(perTouchpoint / 2) : perTouchpoint;
        for (let index = 0; index < visits; index++) {
          const answers: GivenAnswerRow[] = [];
          const dimensions = new Map<string, { earned: number; possible: number }>();
          let earned = 0;
          let possible = 0;
          for (const item of spec.questions) {
            if (item.allowNa && random() < 0.4) {
              answers.push({ questionKey: item.key, sectionKey: 'main', value: null, na: true, counted: false });
              continue;
            }
            // The phone greeting was wave 1's weak spot: the action agreed after it targets exactly that.
            const weakSpot = wave === 1 && spec.channel === 'phone' && item.key === 'saludo' ? 0.35 : 0;
            const passed = random() < quality - item.difficulty - weakSpot;
            answers.push({
              questionKey: item.key,
              sectionKey: 'main',
              value: passed,
              counted: true,
              earned: passed ? 10 : 0,
              possible: 10,
              passed,
            });
            earned += passed ? 10 : 0;
            possible += 10;
            const dimension = dimensions.get(item.dimension) ?? { earned: 0, possible: 0 };
            dimension.earned += passed ? 10 : 0;
            dimension.possible += 10;
            dimensions.set(item.dimension, dimension);
          }
          const score = Math.round((1000 * earned) / possible) / 10;
          const seconds = Math.round(
            spec.timing === 'response' ? 3600 + random() * 5 * 3600 : spec.channel === 'phone' ? 20 + random() * 100 : 120 + random() * 700,
          );
          await insertVisitWithGivenScores(db, {
            campaignId,
            questionnaireId,
            touchpointId,
            shopperId: shopper.user.id,
            visitedAt: `2026-${month}-${String(3 + index * 2).padStart(2, '0')}T10:00:00Z`,
            score,
            sections: [{ key: 'main', score, earned, possible }],
            dimensions: [...dimensions].map(([key, value]) => ({
              key,
              score: (100 * value.earned) / value.possible,
              earned: value.earned,
              possible: value.possible,
            })),
            answers,
            ...(spec.timing === 'wait' ? { waitSeconds: seconds } : { responseSeconds: seconds }),
            ...(spec.channel !== 'in_person' ? { fcr: random() < quality } : {}),
          });
        }
      }
    }
  }

  const programName = 'Calidad omnicanal 2026';
  const auth = consultantSession.auth;
  const program = await post(http, auth, '/programs', { clientId, name: programName });
  const wave1 = await post(http, auth, `/programs/${program.id}/waves`, { name: 'Oleada 1', campaignIds: campaigns[1] });
  const wave2 = await post(http, auth, `/programs/${program.id}/waves`, {
    name: 'Oleada 2',
    campaignIds: campaigns[2],
    previousWaveId: wave1.id,
  });
  const action = await post(http, auth, `/programs/${program.id}/actions`, {
    measureKey: 'saludo',
    channels: ['phone'],
    owner: 'Dirección de Banca a Distancia',
    dueOn: '2026-02-27',
    state: 'done',
    waveId: wave1.id,
  });
  return {
    clientId,
    clientUser,
    consultant,
    programId: program.id,
    programName,
    wave1Id: wave1.id,
    wave2Id: wave2.id,
    actionId: action.id,
  };
}

async function post(http: TestAgent, auth: { Authorization: string }, path: string, body: unknown): Promise<{ id: string }> {
  const response = await http
    .post(path)
    .set(auth)
    .send(body as object);
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string };
}
