// The data the shopper app's tests (and `npm run screenshots`) work on: a bank whose active campaign asks
// a questionnaire with every question type (one of them shown only for some answers), open jobs on the
// board, and one shopper with visits in every state: several to do (one per test, so the tests stay
// independent), one returned with the reviewer's comment, one sent, one approved with its fee.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { QuestionnaireDefinition, SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { checkDefinition } from '../../src/questionnaires/domain/definition-checker';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { insertAssignment, insertCampaign, insertClient, insertQuestionnaire, insertTouchpoint } from '../factories/tables.factory';
import { createAccount, login, loginAdmin } from '../factories/users.factory';
import { PASSWORD } from './seed';

const DAY = 24 * 3600 * 1000;

export const SHOPPER_DEFINITION: QuestionnaireDefinition = normalizeDefinition({
  title: 'Branch visit',
  language: 'en',
  sections: [
    {
      key: 'arrival',
      title: 'Arrival',
      questions: [
        { key: 'greeted', text: 'Were you greeted on arrival?', type: 'yes_no', maxPoints: 10, dimension: 'protocol' },
        {
          key: 'wait',
          text: 'How long did you wait?',
          type: 'duration',
          maxPoints: 10,
          dimension: 'speed',
          kpi: 'wait_time',
          thresholds: [
            { upToSeconds: 120, fraction: 1 },
            { upToSeconds: 300, fraction: 0.5 },
          ],
        },
        { key: 'courtesy', text: 'How courteous was the employee?', type: 'scale', min: 1, max: 5, maxPoints: 10, dimension: 'empathy' },
      ],
    },
    {
      key: 'advice',
      title: 'Advice',
      questions: [
        {
          key: 'offer',
          text: 'What did the employee offer?',
          type: 'single_choice',
          maxPoints: 10,
          dimension: 'sales',
          options: [
            { key: 'card', label: 'A credit card', points: 10 },
            { key: 'loan', label: 'A personal loan', points: 5 },
            { key: 'nothing', label: 'Nothing', points: 0 },
          ],
        },
        {
          key: 'why_nothing',
          text: 'Why do you think nothing was offered?',
          type: 'text',
          minLength: 20,
          showIf: { questionKey: 'offer', equals: 'nothing' },
        },
        {
          key: 'explained',
          text: 'Which costs were explained?',
          type: 'multi_choice',
          maxPoints: 10,
          dimension: 'knowledge',
          allowNa: true,
          options: [
            { key: 'fee', label: 'The yearly fee', points: 5 },
            { key: 'interest', label: 'The interest rate', points: 5 },
          ],
        },
        { key: 'staff', text: 'How many employees were at the counter?', type: 'number', required: false },
        { key: 'callback', text: 'When were you offered a follow-up appointment?', type: 'datetime', required: false, allowNa: true },
      ],
    },
    {
      key: 'proof',
      title: 'Proof and comments',
      questions: [
        { key: 'photo', text: 'Photo of the brochure you were given', type: 'evidence', required: true },
        { key: 'comment', text: 'Anything else worth telling?', type: 'text', required: false, minLength: 10 },
      ],
    },
  ],
});

export interface ShopperAccount {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface ShopperSeed {
  shopper: ShopperAccount;
  /** A shopper with nothing to do yet: claims jobs from the board. */
  claimer: ShopperAccount;
  rival: ShopperAccount;
  consultant: { email: string; password: string };
  campaignId: string;
  /** Open jobs on the board: one per touchpoint, and a second one at the first touchpoint. */
  openJobs: Array<{ id: string; touchpoint: string }>;
  /** The shopper's visits to do, one per test. */
  todo: Record<'full' | 'offline' | 'draft' | 'showIf' | 'invalid' | 'evidence' | 'twin' | 'screenshot', string>;
  returned: { assignmentId: string; reportId: string; comment: string };
  approved: { assignmentId: string; reportId: string; fee: number };
  submitted: { assignmentId: string };
}

/** A small photo-like PNG (a brochure), different per `shade` so each upload is its own file. */
export function brochurePhoto(shade = 0): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160">
    <rect width="100%" height="100%" fill="rgb(${220 - shade},${227 - shade},234)"/>
    <rect x="70" y="15" width="100" height="130" fill="#ffffff" stroke="#9db4cc"/>
    <rect x="82" y="30" width="76" height="8" fill="#14365d"/>
    <rect x="82" y="48" width="60" height="5" fill="#6b7785"/>
    <rect x="82" y="60" width="70" height="5" fill="#6b7785"/>
    <rect x="82" y="120" width="76" height="9" fill="#0f8b8d"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Answers every scored question of SHOPPER_DEFINITION, with the photo as the evidence answer. */
export function completeAnswers(photoId: string): SubmittedAnswer[] {
  return [
    { questionKey: 'greeted', value: true },
    { questionKey: 'wait', value: 200 },
    { questionKey: 'courtesy', value: 4 },
    { questionKey: 'offer', value: 'loan' },
    { questionKey: 'explained', value: ['fee'] },
    { questionKey: 'staff', value: 2 },
    { questionKey: 'photo', value: photoId },
    { questionKey: 'comment', value: 'The branch was busy but tidy.' },
  ];
}

export async function seedShopperApp(ctx: { db: DataSource; http: TestAgent }): Promise<ShopperSeed> {
  const { db, http } = ctx;
  const problems = checkDefinition(SHOPPER_DEFINITION);
  if (problems.length) throw new Error(`the shopper questionnaire is invalid: ${JSON.stringify(problems)}`);
  const admin = await loginAdmin(http);
  const client = await insertClient(db, { name: 'Banco Meridiano' });
  const account = async (email: string, name: string): Promise<ShopperAccount> => ({
    id: await createAccount(http, admin, { email, role: 'shopper', name, password: PASSWORD }),
    email,
    password: PASSWORD,
    name,
  });
  const shopper = await account('lucia.campo@shoppers.example', 'Lucía Campo');
  const claimer = await account('pablo.nuevo@shoppers.example', 'Pablo Nuevo');
  const rival = await account('rosa.rapida@shoppers.example', 'Rosa Rápida');
  const consultant = { email: 'ana.revisora@consultora.example', password: PASSWORD };
  await createAccount(http, admin, { email: consultant.email, role: 'consultant', name: 'Ana Revisora', password: PASSWORD });

  const questionnaire = await insertQuestionnaire(db, { definition: SHOPPER_DEFINITION });
  const home = await insertTouchpoint(db, { clientId: client.id, name: 'Oficina Sol', region: 'Madrid', city: 'Madrid' });
  const boardPlaces = [
    { name: 'Oficina Gran Vía', region: 'Madrid', city: 'Madrid', channel: 'in_person' as const },
    { name: 'Oficina Diagonal', region: 'Cataluña', city: 'Barcelona', channel: 'in_person' as const },
    { name: 'Banca telefónica', region: 'Madrid', city: 'Madrid', channel: 'phone' as const },
  ];
  const others = [];
  for (const place of boardPlaces) others.push(await insertTouchpoint(db, { clientId: client.id, ...place }));
  const scenarios = [
    { key: 'card', title: 'Credit card cost', brief: 'Ask what a credit card costs and which fees it carries.' },
    { key: 'account', title: 'Open an account', brief: 'Ask how to open a current account for a newcomer.' },
  ];
  const campaign = await insertCampaign(db, {
    clientId: client.id,
    questionnaireId: questionnaire.id,
    touchpointIds: [home.id, ...others.map((touchpoint) => touchpoint.id)],
    name: 'Oleada 2 · Oficinas y teléfono',
    status: 'active',
    scenarios,
    visitFee: 30,
  });
  const now = Date.now();
  const window = { windowStart: new Date(now - 2 * DAY), windowEnd: new Date(now + 3 * DAY) };
  const openJobs = [];
  for (const [index, touchpoint] of others.entries()) {
    const job = await insertAssignment(db, {
      campaignId: campaign.id,
      touchpointId: touchpoint.id,
      scenarioKey: scenarios[index % 2].key,
      fee: 30,
      plannedAt: new Date(now + (index + 1) * 3600_000),
      ...window,
    });
    openJobs.push({ id: job.id, touchpoint: touchpoint.name });
  }
  // A second job at the first place: whoever takes one of the two breaks the rotation rule with the other.
  const again = await insertAssignment(db, {
    campaignId: campaign.id,
    touchpointId: others[0].id,
    scenarioKey: scenarios[1].key,
    fee: 30,
    plannedAt: new Date(now + 30 * 3600_000),
    ...window,
  });
  openJobs.push({ id: again.id, touchpoint: others[0].name });
  const mine = (offsetHours = 0) =>
    insertAssignment(db, {
      campaignId: campaign.id,
      touchpointId: home.id,
      shopperId: shopper.id,
      status: 'assigned',
      fee: 30,
      plannedAt: new Date(now - offsetHours * 3600_000),
      ...window,
    });
  const todo = {} as ShopperSeed['todo'];
  for (const [index, key] of (['full', 'offline', 'draft', 'showIf', 'invalid', 'evidence', 'twin', 'screenshot'] as const).entries()) {
    todo[key] = (await mine(index)).id;
  }

  // Visits already reported through the API: one to return, one to approve, one left awaiting review.
  const shopperSession = await login(http, shopper.email, shopper.password);
  const consultantSession = await login(http, consultant.email, consultant.password);
  const report = async (assignmentId: string, shade: number): Promise<string> => {
    const upload = await http
      .post(`/assignments/${assignmentId}/evidence`)
      .set(shopperSession.auth)
      .attach('file', await brochurePhoto(shade), { filename: `folleto-${shade}.png`, contentType: 'image/png' });
    if (upload.status !== 201) throw new Error(`evidence: ${upload.status} ${JSON.stringify(upload.body)}`);
    const sent = await http
      .post(`/assignments/${assignmentId}/report`)
      .set(shopperSession.auth)
      .set('Idempotency-Key', `seed-${assignmentId}`)
      .send({
        visitedAt: new Date(now - DAY).toISOString(),
        answers: completeAnswers(upload.body.id),
        narrative: 'A calm visit; the employee explained the yearly fee.',
      });
    if (sent.status !== 201) throw new Error(`report: ${sent.status} ${JSON.stringify(sent.body)}`);
    return sent.body.id as string;
  };
  const returnedAssignment = (await mine()).id;
  const returnedReport = await report(returnedAssignment, 10);
  const comment =
    'The waiting time looks too long for that branch: check the stopwatch reading and add the interest rate if it was explained.';
  const returnedResponse = await http.post(`/visit-reports/${returnedReport}/return`).set(consultantSession.auth).send({ comment });
  if (returnedResponse.status !== 200) throw new Error(`return: ${returnedResponse.status} ${JSON.stringify(returnedResponse.body)}`);
  const approvedAssignment = (await mine()).id;
  const approvedReport = await report(approvedAssignment, 20);
  const approval = await http.post(`/visit-reports/${approvedReport}/approve`).set(consultantSession.auth);
  if (approval.status !== 200) throw new Error(`approve: ${approval.status} ${JSON.stringify(approval.body)}`);
  const submittedAssignment = (await mine()).id;
  await report(submittedAssignment, 30);

  return {
    shopper,
    claimer,
    rival,
    consultant,
    campaignId: campaign.id,
    openJobs,
    todo,
    returned: { assignmentId: returnedAssignment, reportId: returnedReport, comment },
    approved: { assignmentId: approvedAssignment, reportId: approvedReport, fee: 30 },
    submitted: { assignmentId: submittedAssignment },
  };
}

/** A visit form half-way through, as the README shows it: a few answers, a photo uploaded, the show-if question open. */
export async function fillFormForScreenshot(page: Page): Promise<void> {
  const question = (key: string) => page.locator(`[data-question="${key}"]`);
  await question('greeted').getByRole('radio').first().check();
  await question('wait').getByRole('textbox').fill('03:20');
  await question('courtesy').getByRole('radio', { name: '4' }).check();
  await question('offer').getByRole('radio').last().check();
  await question('why_nothing').getByRole('textbox').fill('The only employee was on the phone');
  await question('photo')
    .locator('input[data-kind="photo"]')
    .setInputFiles({ name: 'folleto.png', mimeType: 'image/png', buffer: await brochurePhoto(5) });
  await question('photo').locator('[data-evidence]:not([data-evidence=""])').first().waitFor();
  await question('photo').getByRole('img').waitFor();
}
