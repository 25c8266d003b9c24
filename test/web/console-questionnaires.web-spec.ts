// The questionnaire editor in Chromium: a questionnaire built from scratch through the form scores a visit
// exactly as the same JSON posted to the API does; the preview applies show-if live on the chosen channel;
// the checker's 422 problems appear beside the fields they name; publish, a new version, what changed.
import type { Locator, Page } from 'playwright-core';
import { createActiveCampaign, createClient, createTouchpoint } from '../factories/design.factory';
import { describeWeb } from './browser';
import { ConsoleSeed, seedConsole, submitReport } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

/** The questionnaire the test types into the editor, as the JSON an integrator would post. */
const DEFINITION = {
  title: 'Atención telefónica',
  language: 'es',
  sections: [
    {
      key: 'welcome',
      title: 'Bienvenida',
      weight: 1,
      questions: [
        { key: 'greeting', text: '¿Le saludaron?', type: 'yes_no', maxPoints: 2 },
        {
          key: 'accuracy',
          text: '¿La información fue correcta?',
          type: 'single_choice',
          options: [
            { key: 'full', label: 'Completa', points: 3 },
            { key: 'part', label: 'Parcial', points: 1 },
            { key: 'none', label: 'Ninguna', points: 0 },
          ],
        },
      ],
    },
    {
      key: 'close',
      title: 'Cierre',
      weight: 2,
      questions: [
        {
          key: 'wait',
          text: 'Tiempo de espera',
          type: 'duration',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 60, fraction: 1 },
            { upToSeconds: 180, fraction: 0.5 },
          ],
        },
        { key: 'privacy', text: '¿Protegieron sus datos?', type: 'yes_no', maxPoints: 1, critical: true, knockoutScope: 'section' },
        { key: 'resolved', text: '¿Se resolvió la consulta?', type: 'yes_no', maxPoints: 2, kpi: 'fcr', dimension: 'resolution' },
        {
          key: 'followup',
          text: '¿Ofrecieron seguimiento?',
          type: 'yes_no',
          maxPoints: 1,
          showIf: { questionKey: 'resolved', equals: false },
        },
      ],
    },
  ],
};
const ANSWERS = [
  { questionKey: 'greeting', value: true },
  { questionKey: 'accuracy', value: 'part' },
  { questionKey: 'wait', value: 95 },
  { questionKey: 'privacy', value: true },
  { questionKey: 'resolved', value: false },
  { questionKey: 'followup', value: true },
];

describeWeb('web: console questionnaire editor', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;

  const pick = async (page: Page, scope: Locator, name: string, option: string) => {
    await scope.getByRole('combobox', { name, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const openEditor = async (page: Page) => {
    await signIn(page, seed.reviewers[0]);
    await page.getByTestId('nav-console').click();
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByTestId('new-questionnaire').click();
    await page.getByTestId('editor').waitFor();
  };
  const addQuestion = async (
    page: Page,
    section: number,
    index: number,
    fields: { key: string; text: string; type?: string; points?: string },
  ) => {
    await page.locator(`[data-section-path="sections[${section}]"]`).getByRole('button', { name: 'Add a question' }).last().click();
    const card = page.locator(`[data-question-path="sections[${section}].questions[${index}]"]`);
    await card.getByLabel('Key', { exact: true }).fill(fields.key);
    await card.getByLabel('Question text').fill(fields.text);
    if (fields.type) await pick(page, card, 'Type', fields.type);
    const points = card.getByRole('textbox', { name: 'Points', exact: true });
    if (fields.points === undefined) await points.fill('');
    else await points.fill(fields.points);
    return card;
  };

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedConsole(ctx, { reports: 0 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('builds a questionnaire from scratch that scores a visit exactly as the same JSON posted to the API', async () => {
    const page = await ctx.newPage();
    await openEditor(page);
    await page.getByLabel('Title', { exact: true }).first().fill(DEFINITION.title);
    const first = page.locator('[data-section-path="sections[0]"]');
    await first.getByLabel('Key', { exact: true }).fill('welcome');
    await first.getByLabel('Title', { exact: true }).fill('Bienvenida');
    await first.getByLabel('Weight').fill('1');
    await addQuestion(page, 0, 0, { key: 'greeting', text: '¿Le saludaron?', points: '2' });
    const accuracy = await addQuestion(page, 0, 1, { key: 'accuracy', text: '¿La información fue correcta?', type: 'Single choice' });
    for (const [n, [key, label, points]] of [
      ['full', 'Completa', '3'],
      ['part', 'Parcial', '1'],
      ['none', 'Ninguna', '0'],
    ].entries()) {
      await accuracy.getByRole('button', { name: 'Add an option' }).click();
      await accuracy.getByLabel(`Key ${n + 1}`).fill(key);
      await accuracy.getByLabel(`Label ${n + 1}`).fill(label);
      await accuracy.getByLabel(`Points ${n + 1}`).fill(points);
    }

    await page.getByRole('button', { name: 'Add a section' }).click();
    const second = page.locator('[data-section-path="sections[1]"]');
    await second.getByLabel('Key', { exact: true }).fill('close');
    await second.getByLabel('Title', { exact: true }).fill('Cierre');
    await second.getByLabel('Weight').fill('2');
    const wait = await addQuestion(page, 1, 0, { key: 'wait', text: 'Tiempo de espera', type: 'Duration', points: '2' });
    for (const [n, [seconds, fraction]] of [
      ['60', '1'],
      ['180', '0.5'],
    ].entries()) {
      await wait.getByRole('button', { name: 'Add a threshold' }).click();
      await wait.getByLabel('Up to (seconds)').nth(n).fill(seconds);
      await wait.getByLabel('Share of the points (0–1)').nth(n).fill(fraction);
    }
    const privacy = await addQuestion(page, 1, 1, { key: 'privacy', text: '¿Protegieron sus datos?', points: '1' });
    await privacy.getByLabel('Critical').check();
    await pick(page, privacy, 'Knocks out', 'the section');
    const resolved = await addQuestion(page, 1, 2, { key: 'resolved', text: '¿Se resolvió la consulta?', points: '2' });
    await pick(page, resolved, 'KPI', 'First-contact resolution');
    await pick(page, resolved, 'Dimension', 'Resolution');
    const followup = await addQuestion(page, 1, 3, { key: 'followup', text: '¿Ofrecieron seguimiento?', points: '1' });
    await followup.getByRole('combobox', { name: 'Show only if: Question' }).click();
    await page.getByRole('option', { name: /^resolved/ }).click();
    await pick(page, followup, 'Answer equals', 'No');

    // The preview: the follow-up shows only once "resolved" is answered No; on the phone channel too.
    const preview = page.getByTestId('preview');
    await expect(preview.locator('[data-preview-question="followup"]').count()).resolves.toBe(0);
    await preview.locator('[data-preview-question="resolved"]').getByRole('combobox').click();
    await page.getByRole('option', { name: 'No', exact: true }).click();
    await preview.locator('[data-preview-question="followup"]').waitFor();
    await pick(page, preview, 'As a shopper sees it on', 'Phone');
    await preview.locator('[data-preview-question="followup"]').waitFor();
    await expectAccessible(page);

    await page.getByTestId('save').click();
    await page.waitForURL(/\/console\/questionnaires\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="editor"][data-status="draft"][data-dirty="no"]').waitFor();
    await page.getByTestId('publish').click();
    await page.locator('[data-testid="editor"][data-status="published"]').waitFor();
    const builtId = page.url().split('/').pop()!;

    const auth = seed.reviewers[0].session.auth;
    const posted = (await ctx.http.post('/questionnaires').set(auth).send(DEFINITION).expect(201)).body as {
      id: string;
      sections: unknown;
    };
    await ctx.http.post(`/questionnaires/${posted.id}/publish`).set(auth).expect(200);
    const built = (await ctx.http.get(`/questionnaires/${builtId}`).set(auth).expect(200)).body as { sections: unknown; title: string };
    expect(built.title).toBe(DEFINITION.title);
    expect(built.sections).toEqual(posted.sections);

    // The same visit reported against each: the same scores.
    const client = await createClient(ctx.http, seed.reviewers[0].session, { name: 'Telefonía Norte' });
    const touchpoint = await createTouchpoint(ctx.http, seed.reviewers[0].session, client.id, {
      name: 'Centro de llamadas',
      channel: 'phone',
      region: 'Asturias',
    });
    const scores = [];
    for (const questionnaireId of [builtId, posted.id]) {
      const campaign = await createActiveCampaign(ctx.http, seed.reviewers[0].session, {
        clientId: client.id,
        questionnaireId,
        touchpointIds: [touchpoint.id],
        visitsPerTouchpoint: 1,
      });
      const report = await submitReport(ctx, {
        campaignId: campaign.id,
        touchpointId: touchpoint.id,
        shopper: seed.shopper,
        answers: ANSWERS,
      });
      const view = (await ctx.http.get(`/visit-reports/${report.id}`).set(auth).expect(200)).body as {
        score: number;
        knockout: boolean;
        sections: unknown;
        answers: unknown;
      };
      scores.push({ score: view.score, knockout: view.knockout, sections: view.sections, answers: view.answers });
    }
    expect(scores[0].score).toBeGreaterThan(0);
    expect(scores[0]).toEqual(scores[1]);
  });

  it('shows each of the checker’s problems beside the field it names', async () => {
    const page = await ctx.newPage();
    await openEditor(page);
    // No title; a choice question without options; two questions with the same key; a zero weight.
    await page.locator('[data-section-path="sections[0]"]').getByLabel('Key', { exact: true }).fill('service');
    await page.locator('[data-section-path="sections[0]"]').getByLabel('Weight').fill('0');
    await addQuestion(page, 0, 0, { key: 'product', text: '¿Qué producto le ofrecieron?', type: 'Single choice', points: '2' });
    await addQuestion(page, 0, 1, { key: 'product', text: '¿Le atendieron con amabilidad?', points: '1' });

    const [request] = await Promise.all([
      page.waitForRequest((req) => req.method() === 'POST' && new URL(req.url()).pathname === '/questionnaires'),
      page.getByTestId('save').click(),
    ]);
    await page.getByTestId('editor-failure').waitFor();
    const answer = await ctx.http.post('/questionnaires').set(seed.reviewers[0].session.auth).send(request.postDataJSON());
    expect([400, 422]).toContain(answer.status);
    const details = answer.body.details as Array<{ field: string; reason: string }>;
    const fields = details.map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'sections[0].weight', 'sections[0].questions[0].options']));
    expect(fields.some((field) => field.startsWith('sections[0].questions[1]'))).toBe(true); // the repeated key
    for (const detail of details) {
      const shown = page.locator(`[data-problem-for="${detail.field}"]`).first();
      await expect(shown.textContent()).resolves.toContain(detail.reason);
      // Inside the card of the question (or the section) it concerns.
      const question = /^(sections\[\d+\]\.questions\[\d+\])/.exec(detail.field)?.[1];
      const section = /^(sections\[\d+\])/.exec(detail.field)?.[1];
      const container = question
        ? `[data-question-path="${question}"]`
        : section
          ? `[data-section-path="${section}"]`
          : '[data-testid="editor"]';
      expect(await page.locator(container).locator(`[data-problem-for="${detail.field}"]`).count()).toBeGreaterThan(0);
    }
    await expectAccessible(page);

    // Fixing a field clears its problem.
    await page.getByLabel('Title', { exact: true }).first().fill('Venta cruzada');
    await expect(page.locator('[data-problem-for="title"]').count()).resolves.toBe(0);
  });

  it('makes a new version of a published questionnaire and says what changed', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto(`/console/questionnaires/${seed.questionnaireId}`);
    await page.locator('[data-testid="editor"][data-status="published"]').waitFor();
    await page.getByTestId('new-version').click();
    await page.locator('[data-testid="editor"][data-status="draft"]').waitFor();
    const section = page.locator('[data-section-path="sections[1]"]');
    // A saved draft is checked as it is edited: a zero weight is refused beside its field without a click…
    await section.getByLabel('Weight').fill('0');
    await section.locator('[data-problem-for="sections[1].weight"]').waitFor();
    // …and once fixed, the draft is saved by itself.
    await section.getByLabel('Weight').fill('3');
    await expect(section.locator('[data-problem-for="sections[1].weight"]').count()).resolves.toBe(0);
    await page.locator('[data-testid="editor"][data-dirty="no"]').waitFor();
    await page.getByTestId('editor-notice').waitFor();
    const id = page.url().split('/').pop()!;
    const stored = (await ctx.http.get(`/questionnaires/${id}`).set(seed.reviewers[0].session.auth).expect(200)).body;
    expect(stored.sections[1].weight).toBe(3);
    await page.locator('[data-change="changed:section:service"]').waitFor();
    expect(await page.locator('[data-change="changed:section:service"]').innerText()).toContain('weight: 2 → 3');
    await page.getByTestId('publish').click();
    await page.locator('[data-testid="editor"][data-status="published"]').waitFor();
    await page.goto('/console/questionnaires');
    await page.getByTestId('questionnaires').waitFor();
    await expectAccessible(page);
  });
});
