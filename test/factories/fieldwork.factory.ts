// Field-work fixtures written straight into the database through the app's DataSource (users through
// the API), so these tests do not depend on the design routes. The rows are written by tables.factory.ts.
import type { QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import type { TestContext } from '../helpers/test-app';
import { CampaignInput, DAY, HOUR, insertCampaign, insertClient, insertQuestionnaire, insertTouchpoint } from './tables.factory';
import { createUser, loginAdmin, Session } from './users.factory';

export { DAY, HOUR } from './tables.factory';

/**
 * Two sections. With the "good" answers below (by hand):
 *   greeting (weight 1): greet 2/2, clean 1/1, friendly 4 on 1..5 → 4 × 3/4 = 3 of 4 → 6/7 = 85.714…
 *   service (weight 2): wait 200 s → ≤ 300 s → 0.5 × 2 = 1 of 2, privacy 1/1, solved 2/2, product "accurate" 3/3
 *                       → 7/8 = 87.5 (follow only when not solved; reply only on email; note unscored)
 *   visit = (600/7 × 1 + 87.5 × 2) / 3 = 1825/21 = 86.904…
 */
export const FIELDWORK_DEFINITION: QuestionnaireDefinition = normalizeDefinition({
  title: 'Branch visit',
  language: 'en',
  sections: [
    {
      key: 'greeting',
      title: 'Greeting',
      questions: [
        { key: 'greet', text: 'Greeted within a minute?', type: 'yes_no', maxPoints: 2, dimension: 'protocol' },
        { key: 'clean', text: 'Clean and tidy?', type: 'yes_no', maxPoints: 1, allowNa: true, dimension: 'appearance' },
        { key: 'friendly', text: 'How friendly?', type: 'scale', min: 1, max: 5, maxPoints: 4, dimension: 'empathy' },
      ],
    },
    {
      key: 'service',
      title: 'Service',
      weight: 2,
      questions: [
        {
          key: 'wait',
          text: 'Seconds waited',
          type: 'duration',
          kpi: 'wait_time',
          channels: ['in_person', 'phone'],
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 120, fraction: 1 },
            { upToSeconds: 300, fraction: 0.5 },
          ],
          dimension: 'speed',
        },
        {
          key: 'reply',
          text: 'Seconds until the reply',
          type: 'duration',
          kpi: 'response_time',
          channels: ['email'],
          maxPoints: 2,
          thresholds: [{ upToSeconds: 3600, fraction: 1 }],
          dimension: 'speed',
        },
        {
          key: 'privacy',
          text: 'Personal data protected?',
          type: 'yes_no',
          maxPoints: 1,
          critical: true,
          knockoutScope: 'section',
          dimension: 'data_security',
        },
        { key: 'solved', text: 'Solved at first contact?', type: 'yes_no', maxPoints: 2, kpi: 'fcr', dimension: 'resolution' },
        {
          key: 'follow',
          text: 'Follow-up offered?',
          type: 'yes_no',
          maxPoints: 1,
          showIf: { questionKey: 'solved', equals: false },
          dimension: 'resolution',
        },
        {
          key: 'product',
          text: 'Product answer',
          type: 'single_choice',
          critical: true,
          knockoutScope: 'visit',
          options: [
            { key: 'accurate', label: 'Accurate', points: 3 },
            { key: 'partial', label: 'Partial', points: 1 },
            { key: 'wrong', label: 'Wrong', points: 0 },
          ],
          dimension: 'knowledge',
        },
        { key: 'note', text: 'Comment', type: 'text', required: false, minLength: 10 },
      ],
    },
  ],
});

export type AnswerInput = { questionKey: string; value?: unknown; na?: boolean };

export function goodAnswers(overrides: Record<string, unknown> = {}): AnswerInput[] {
  const values: Record<string, unknown> = {
    greet: true,
    clean: true,
    friendly: 4,
    wait: 200,
    privacy: true,
    solved: true,
    product: 'accurate',
    ...overrides,
  };
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([questionKey, value]) => (value === 'N/A' ? { questionKey, na: true } : { questionKey, value }));
}

export const GOOD_SCORE = 1825 / 21;

export interface FieldworkWorld {
  admin: Session;
  consultant: Session;
  shopper: Session;
  clientUser: Session;
  otherClientUser: Session;
  clientId: string;
  otherClientId: string;
  touchpointId: string;
  questionnaireId: string;
  campaignId: string;
}

/** The field-work campaigns' plan: 30 days either side of today, one visit per touchpoint, the credit-card scenario. */
export function fieldworkCampaign(): Pick<CampaignInput, 'startsOn' | 'endsOn' | 'visitsPerTouchpoint' | 'scenarios'> {
  const now = Date.now();
  return {
    startsOn: new Date(now - 30 * DAY).toISOString().slice(0, 10),
    endsOn: new Date(now + 30 * DAY).toISOString().slice(0, 10),
    visitsPerTouchpoint: 1,
    scenarios: [{ key: 'card', title: 'Credit card cost', brief: 'Ask what the credit card costs' }],
  };
}

/** Two clients; the first with a touchpoint, a published questionnaire and an active campaign; users of every role. */
export async function seedFieldwork(ctx: TestContext): Promise<FieldworkWorld> {
  const admin = await loginAdmin(ctx.http);
  const { id: clientId } = await insertClient(ctx.db);
  const { id: otherClientId } = await insertClient(ctx.db);
  const touchpoint = await insertTouchpoint(ctx.db, {
    clientId,
    name: 'Gran Vía branch',
    region: 'Centro',
    city: 'Madrid',
    timeZone: 'UTC',
  });
  const touchpointId = touchpoint.id;
  const { id: questionnaireId } = await insertQuestionnaire(ctx.db, { definition: FIELDWORK_DEFINITION });
  const { id: campaignId } = await insertCampaign(ctx.db, {
    ...fieldworkCampaign(),
    clientId,
    questionnaireId,
    touchpointIds: [touchpointId],
  });
  const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
  const shopper = await createUser(ctx.http, admin, { role: 'shopper', name: 'Sofía Shopper' });
  const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId });
  const otherClientUser = await createUser(ctx.http, admin, { role: 'client', clientId: otherClientId });
  return { admin, consultant, shopper, clientUser, otherClientUser, clientId, otherClientId, touchpointId, questionnaireId, campaignId };
}

let keyCounter = 0;
export const newKey = () => `key-${Date.now()}-${++keyCounter}`;

export function reportBody(overrides: Record<string, unknown> = {}) {
  return { visitedAt: new Date(Date.now() - 2 * HOUR).toISOString(), answers: goodAnswers(), ...overrides };
}
