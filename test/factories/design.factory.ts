// Builds design objects THROUGH THE API (clients, touchpoints, questionnaires, campaigns), each with
// defaults that a test overrides only where it matters. `session` is an admin or consultant.
import TestAgent from 'supertest/lib/agent';
import type { Session } from './users.factory';

let counter = 0;
const next = () => ++counter;

export interface ClientRecord {
  id: string;
  name: string;
}

export interface TouchpointRecord {
  id: string;
  clientId: string;
  name: string;
  channel: string;
  region: string;
  city: string | null;
  timeZone: string;
  openingHours: Record<string, Array<{ opens: string; closes: string }>> | null;
  [field: string]: unknown;
}

export interface QuestionnaireRecord {
  id: string;
  lineageId: string;
  version: number;
  status: 'draft' | 'published';
  title: string;
  language: string;
  sections: Array<{ key: string; title: string; weight: number; questions: Array<Record<string, unknown>> }>;
}

export interface CampaignRecord {
  id: string;
  clientId: string;
  questionnaireId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'active' | 'closed';
  visitsPerTouchpoint: number;
  touchpointIds: string[];
  scenarios: Array<{ key: string; title: string; brief: string }>;
  seed?: string;
  [field: string]: unknown;
}

/** Monday to Friday 09:00–14:00 and 16:00–20:00, Saturday 10:00–14:00, closed on Sunday. */
export const SHOP_HOURS = {
  mon: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '20:00' },
  ],
  tue: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '20:00' },
  ],
  wed: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '20:00' },
  ],
  thu: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '20:00' },
  ],
  fri: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '20:00' },
  ],
  sat: [{ opens: '10:00', closes: '14:00' }],
};

/**
 * A small questionnaire that exercises the main question types: two sections, a yes/no greeting
 * (protocol), a 1..5 scale (empathy), a single choice (knowledge), a critical data-protection yes/no,
 * an FCR yes/no, a follow-up shown only when not resolved, a wait-time duration and a comment.
 */
export function sampleQuestionnaireBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Sample questionnaire ${next()}`,
    language: 'en',
    sections: [
      {
        key: 'welcome',
        title: 'Welcome',
        weight: 1,
        questions: [
          { key: 'greeting', text: 'Were you greeted?', type: 'yes_no', maxPoints: 1, dimension: 'protocol' },
          {
            key: 'wait_time',
            text: 'How long did you wait (seconds)?',
            type: 'duration',
            maxPoints: 2,
            kpi: 'wait_time',
            dimension: 'speed',
            thresholds: [
              { upToSeconds: 120, fraction: 1 },
              { upToSeconds: 300, fraction: 0.5 },
            ],
          },
          { key: 'friendliness', text: 'How friendly?', type: 'scale', min: 1, max: 5, maxPoints: 4, dimension: 'empathy' },
        ],
      },
      {
        key: 'service',
        title: 'Service',
        weight: 2,
        questions: [
          {
            key: 'accuracy',
            text: 'How accurate was the answer?',
            type: 'single_choice',
            maxPoints: 4,
            dimension: 'knowledge',
            recommendation: 'Train staff on the product sheet.',
            options: [
              { key: 'complete', label: 'Accurate and complete', points: 4 },
              { key: 'partial', label: 'Partly accurate', points: 2 },
              { key: 'wrong', label: 'Wrong', points: 0 },
            ],
          },
          {
            key: 'data_protected',
            text: 'Was your personal data protected?',
            type: 'yes_no',
            maxPoints: 2,
            critical: true,
            knockoutScope: 'visit',
            dimension: 'data_security',
          },
          { key: 'resolved', text: 'Resolved at first contact?', type: 'yes_no', maxPoints: 2, kpi: 'fcr', dimension: 'resolution' },
          {
            key: 'follow_up',
            text: 'Was a follow-up offered?',
            type: 'yes_no',
            maxPoints: 1,
            showIf: { questionKey: 'resolved', equals: false },
          },
          { key: 'comment', text: 'Anything else?', type: 'text', required: false },
        ],
      },
    ],
    ...overrides,
  };
}

export async function createClient(http: TestAgent, session: Session, overrides: { name?: string } = {}): Promise<ClientRecord> {
  const response = await http
    .post('/clients')
    .set(session.auth)
    .send({ name: `Client ${next()}`, ...overrides });
  expectStatus(response, 201, 'POST /clients');
  return response.body;
}

export async function createTouchpoint(
  http: TestAgent,
  session: Session,
  clientId: string,
  overrides: Record<string, unknown> = {},
): Promise<TouchpointRecord> {
  const response = await http
    .post(`/clients/${clientId}/touchpoints`)
    .set(session.auth)
    .send({ name: `Branch ${next()}`, channel: 'in_person', region: 'Madrid', city: 'Madrid', address: 'Gran Vía 1', ...overrides });
  expectStatus(response, 201, 'POST /clients/:id/touchpoints');
  return response.body;
}

export async function createDraftQuestionnaire(
  http: TestAgent,
  session: Session,
  body: Record<string, unknown> = sampleQuestionnaireBody(),
): Promise<QuestionnaireRecord> {
  const response = await http.post('/questionnaires').set(session.auth).send(body);
  expectStatus(response, 201, 'POST /questionnaires');
  return response.body;
}

export async function createPublishedQuestionnaire(
  http: TestAgent,
  session: Session,
  body: Record<string, unknown> = sampleQuestionnaireBody(),
): Promise<QuestionnaireRecord> {
  const draft = await createDraftQuestionnaire(http, session, body);
  const response = await http.post(`/questionnaires/${draft.id}/publish`).set(session.auth);
  expectStatus(response, 200, 'POST /questionnaires/:id/publish');
  return response.body;
}

export interface CampaignOverrides {
  clientId?: string;
  questionnaireId?: string;
  touchpointIds?: string[];
  name?: string;
  startsOn?: string;
  endsOn?: string;
  visitsPerTouchpoint?: number;
  scenarios?: Array<{ key: string; title: string; brief: string }>;
  slaSeconds?: Record<string, number>;
  targets?: Record<string, number>;
  previousCampaignId?: string;
  seed?: string;
  visitFee?: number;
  retentionDays?: number;
}

/**
 * A draft campaign. Without a client, questionnaire or touchpoints it makes them: a new client with
 * one always-open in-person touchpoint and a published sample questionnaire. The default period is
 * the 30 days around today, so visits can be reported now.
 */
export async function createDraftCampaign(http: TestAgent, session: Session, overrides: CampaignOverrides = {}): Promise<CampaignRecord> {
  const clientId = overrides.clientId ?? (await createClient(http, session)).id;
  const touchpointIds = overrides.touchpointIds ?? [(await createTouchpoint(http, session, clientId)).id];
  const questionnaireId = overrides.questionnaireId ?? (await createPublishedQuestionnaire(http, session)).id;
  const response = await http
    .post('/campaigns')
    .set(session.auth)
    .send({
      name: `Wave ${next()}`,
      startsOn: isoDate(-15),
      endsOn: isoDate(15),
      visitsPerTouchpoint: 2,
      seed: `seed-${counter}`,
      visitFee: 25,
      ...overrides,
      clientId,
      questionnaireId,
      touchpointIds,
    });
  expectStatus(response, 201, 'POST /campaigns');
  return response.body;
}

/** A campaign made as createDraftCampaign does, then activated: its assignments exist and are open. */
export async function createActiveCampaign(
  http: TestAgent,
  session: Session,
  overrides: CampaignOverrides = {},
): Promise<CampaignRecord & { assignmentsCreated: number }> {
  const draft = await createDraftCampaign(http, session, overrides);
  const response = await http.post(`/campaigns/${draft.id}/activate`).set(session.auth);
  expectStatus(response, 200, 'POST /campaigns/:id/activate');
  return response.body;
}

/** Today plus `days`, as YYYY-MM-DD (UTC). */
export function isoDate(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
  }
}
