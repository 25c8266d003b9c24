// Appeals, alerts, users and shopper calibration in the console, in Chromium: an appeal overturned with a
// corrected answer re-scores the report, another upheld; the alerts link to their reports; users created
// from the form; each shopper's calibration as the KPI model gives it.
import { describeWeb } from './browser';
import { CONSOLE_PASSWORD, ConsoleSeed, createConsoleUser, sampleAnswers, seedConsole, submitReport } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

describeWeb('web: console appeals, alerts, users and calibration', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;
  const auth = () => seed.reviewers[0].session.auth;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedConsole(ctx, { reports: 3 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('overturns an appeal with a corrected answer, upholds another, and lists the alerts', async () => {
    const [first, , third] = seed.reportIds;
    for (const id of [first, third]) await ctx.http.post(`/visit-reports/${id}/approve`).set(auth()).expect(200);
    const client = await createConsoleUser(ctx.http, seed.admin, {
      email: 'calidad@seguros-atlantico.example',
      name: 'Marta Calidad',
      role: 'client',
      clientId: seed.clientId,
    });
    const overturn = (
      await ctx.http
        .post(`/visit-reports/${first}/appeals`)
        .set(client.auth)
        .send({ reason: 'Nos consta que sí saludaron: hay grabación.', questionKey: 'greeting' })
        .expect(201)
    ).body;
    const uphold = (
      await ctx.http
        .post(`/visit-reports/${third}/appeals`)
        .set(client.auth)
        .send({ reason: 'No estamos de acuerdo con la visita.' })
        .expect(201)
    ).body;
    const before = (await ctx.http.get(`/visit-reports/${first}`).set(auth()).expect(200)).body;
    expect(before.answers.find((answer: { questionKey: string }) => answer.questionKey === 'greeting').value).toBe(false);

    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto('/console/inbox');
    await page.getByTestId('appeals').waitFor();
    await page.getByTestId('alerts').waitFor();
    expect(await page.locator('[data-alert-id]').count()).toBe(2); // the knocked-out visit: critical failed and knockout
    await expectAccessible(page);

    await page.locator(`[data-appeal-id="${overturn.id}"]`).getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('resolve-appeal').waitFor();
    await page.getByText('Overturned: correct the answers').click();
    await page.locator('[data-correct="greeting"]').getByRole('combobox').click();
    await page.getByRole('option', { name: 'Yes', exact: true }).click();
    await page.getByLabel('Comment for the client').fill('Revisada la grabación: hubo saludo.');
    await page.getByTestId('resolve-send').click();
    await page.locator(`[data-appeal-id="${overturn.id}"]`).waitFor({ state: 'detached' });
    const after = (await ctx.http.get(`/visit-reports/${first}`).set(auth()).expect(200)).body;
    expect(after.answers.find((answer: { questionKey: string }) => answer.questionKey === 'greeting').value).toBe(true);
    expect(after.score).toBeGreaterThan(before.score);

    await page.locator(`[data-appeal-id="${uphold.id}"]`).getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('resolve-send').click();
    await page.getByTestId('empty').waitFor();
    const appeals = (await ctx.http.get('/appeals').set(auth()).expect(200)).body as Array<{ id: string; status: string }>;
    expect(appeals.find((appeal) => appeal.id === overturn.id)!.status).toBe('overturned');
    expect(appeals.find((appeal) => appeal.id === uphold.id)!.status).toBe('upheld');
    await page.getByText('Overturned', { exact: true }).click();
    await page.locator(`[data-appeal-id="${overturn.id}"]`).waitFor();
  });

  it('creates shoppers and client users, and shows each shopper’s calibration as the KPI model does', async () => {
    // A second shopper at the same touchpoints, so that the shoppers can be compared.
    const other = await createConsoleUser(ctx.http, seed.admin, {
      email: 'jorge.severo@shoppers.example',
      name: 'Jorge Severo',
      role: 'shopper',
    });
    for (const [n, touchpoint] of seed.touchpoints.entries()) {
      await submitReport(ctx, {
        campaignId: seed.campaignId,
        touchpointId: touchpoint.id,
        shopper: { id: other.id, session: other },
        answers: sampleAnswers(n + 5, { greeting: false, friendliness: 1 }),
      });
    }
    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto('/console/people');
    const form = page.getByTestId('create-user');
    await form.getByRole('textbox', { name: /^Email/ }).fill('nueva.evaluadora@shoppers.example');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Nueva Evaluadora');
    await form.locator('input[type="password"]').fill(CONSOLE_PASSWORD);
    await page.getByTestId('create-user-submit').click();
    await page.getByTestId('create-user-done').waitFor();
    await page.locator('[data-user-email="nueva.evaluadora@shoppers.example"]').waitFor();
    // A consultant may not create consultants: the role is not offered.
    await form.getByRole('combobox', { name: 'Role' }).click();
    expect(await page.getByRole('option', { name: 'Consultants' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Client users' }).click();
    await form.getByRole('textbox', { name: /^Email/ }).fill('director@seguros-atlantico.example');
    await form.locator('input[type="password"]').fill(CONSOLE_PASSWORD);
    await form.getByRole('combobox', { name: 'Client' }).click();
    await page.getByRole('option', { name: 'Seguros Atlántico' }).click();
    await page.getByTestId('create-user-submit').click();
    await page.getByTestId('create-user-done').waitFor();
    const clients = (await ctx.http.get('/users?role=client').set(auth()).expect(200)).body as Array<{ email: string; clientId: string }>;
    expect(clients.find((user) => user.email === 'director@seguros-atlantico.example')!.clientId).toBe(seed.clientId);

    await page.getByTestId('calibration').waitFor();
    const model = (await ctx.http.get(`/campaigns/${seed.campaignId}/kpis?includeUnapproved=true`).set(auth()).expect(200)).body as {
      shoppers: Array<{ shopperId: string; n: number; meanDeviation: number | null }>;
    };
    expect(model.shoppers.length).toBeGreaterThanOrEqual(2);
    for (const shopper of model.shoppers) {
      const row = page.locator(`[data-shopper-id="${shopper.shopperId}"]`);
      expect(await row.locator('[data-field="n"]').innerText()).toBe(String(shopper.n));
      const expected =
        shopper.meanDeviation === null
          ? '—'
          : new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
              shopper.meanDeviation,
            );
      expect(await row.locator('[data-field="deviation"]').innerText()).toBe(expected);
    }
    // A shopper's history: their reports in this campaign.
    await page.locator(`[data-shopper-id="${other.id}"]`).getByRole('button', { name: 'Jorge Severo' }).click();
    await page.getByTestId('shopper-history').waitFor();
    expect(await page.getByTestId('shopper-history').locator('tr').count()).toBe(seed.touchpoints.length);
    await expectAccessible(page);
  });
});
