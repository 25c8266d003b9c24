// The consultant's review queue in Chromium: the queue oldest first with alerts and knockouts marked, the
// report page's points and scores equal to the API's, the evidence shown, approve / return / next from the
// keyboard, and a correction that loses a race with another reviewer's (409: reload, then save).
import type { Page } from 'playwright-core';
import { describeWeb } from './browser';
import { ConsoleSeed, seedConsole } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

describeWeb('web: console review queue', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;

  const report = async (id: string) =>
    (await ctx.http.get(`/visit-reports/${id}`).set(seed.reviewers[0].session.auth).expect(200)).body as {
      status: string;
      version: number;
      score: number;
      returnComment: string | null;
      answers: Array<{ questionKey: string; value: unknown; earned: number | null; possible: number | null }>;
      sections: Array<{ key: string; score: number | null }>;
    };
  const openConsole = async (page: Page, reviewer = 0, path = '/console') => {
    await signIn(page, seed.reviewers[reviewer]);
    await page.getByTestId('nav-console').click();
    await page.waitForURL(/\/console$/);
    if (path !== '/console') await page.goto(path);
  };

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedConsole(ctx, { reports: 5 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('lists the submitted reports oldest first with the alert and knockout marked, and shows a report as the API scored it', async () => {
    const page = await ctx.newPage();
    await openConsole(page);
    await page.getByTestId('review-queue').waitFor();
    const ids = await page.locator('[data-report-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-report-id')));
    expect(ids).toEqual(seed.reportIds);
    const knockoutRow = page.locator(`[data-report-id="${seed.knockoutReportId}"]`);
    expect(await knockoutRow.getByTestId('alert-badge').textContent()).toBe('2 alerts'); // the failed critical question and the knockout
    expect(await knockoutRow.textContent()).toContain('Knockout');
    await expectAccessible(page);

    await page.locator(`[data-report-id="${seed.photoReportId}"] a`).click();
    await page.getByTestId('report').waitFor();
    const api = await report(seed.photoReportId);
    expect(await page.getByTestId('visit-score').innerText()).toBe(api.score.toFixed(1));
    for (const answer of api.answers.filter((item) => item.possible)) {
      const points = await page.locator(`[data-question="${answer.questionKey}"] [data-testid="points"]`).innerText();
      expect(points).toBe(`${answer.earned!.toFixed(1)} / ${answer.possible!.toFixed(1)}`);
    }
    for (const section of api.sections) {
      expect(await page.getByTestId(`section-score-${section.key}`).innerText()).toMatch(new RegExp(`^${section.score!.toFixed(1)} `));
    }
    // The photo, fetched with the token and shown in the page.
    const image = page.locator('[data-testid="evidence"] img');
    await image.waitFor();
    expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(320);
    expect(await page.getByTestId('shortcuts-help').innerText()).toMatch(/A approves, R returns/);
    await expectAccessible(page);

    // The knocked-out report says why.
    await page.goto(`/console/reports/${seed.knockoutReportId}`);
    await page.getByTestId('report-alerts').waitFor();
    await page.getByTestId('knockout').waitFor();
  });

  it('approves with A, returns with R and a comment, and moves on with N', async () => {
    const page = await ctx.newPage();
    const [first, second, third] = seed.reportIds.slice(2);
    await openConsole(page, 0, `/console/reports/${first}`);
    await page.getByTestId('report').waitFor();
    await page.keyboard.press('a');
    await page.waitForURL(new RegExp(`/console/reports/${second}$`));
    await page.getByTestId('notice').waitFor();
    expect((await report(first)).status).toBe('approved');

    await page.getByTestId('report').waitFor();
    await page.keyboard.press('r');
    const comment = page.getByLabel('What must the shopper correct?');
    await comment.waitFor();
    expect(await comment.inputValue()).toBe(''); // the R did not land in the box
    await comment.fill('Falta la hora exacta de la visita.');
    await page.getByTestId('return-send').click();
    await page.waitForURL(new RegExp(`/console/reports/${third}$`));
    const returned = await report(second);
    expect(returned.status).toBe('returned');
    expect(returned.returnComment).toBe('Falta la hora exacta de la visita.');

    // N goes to the next one in the queue without deciding anything.
    await page.getByTestId('report').waitFor();
    await page.keyboard.press('n');
    await page.waitForURL((url) => !url.pathname.endsWith(third));
    expect((await report(third)).status).toBe('submitted');
  });

  it('corrects an answer with a reason; a second reviewer with the old version is told to reload, then saves', async () => {
    const id = seed.reportIds[0];
    const before = await report(id);
    const lucia = await ctx.newPage();
    const pablo = await ctx.newPage();
    await openConsole(lucia, 0, `/console/reports/${id}`);
    await openConsole(pablo, 1, `/console/reports/${id}`);
    for (const page of [lucia, pablo]) await page.getByTestId('report').waitFor();

    // Lucía: the shopper was greeted after all.
    expect(before.answers.find((answer) => answer.questionKey === 'greeting')!.value).toBe(false);
    await lucia.getByTestId('edit').click();
    await lucia.getByRole('combobox', { name: 'Were you greeted?' }).click();
    await lucia.getByRole('option', { name: 'Yes' }).click();
    await lucia.getByLabel('Reason for the correction').fill('The recording shows a greeting.');
    await lucia.getByTestId('save-edit').click();
    await lucia.locator(`[data-testid="report"][data-version="${before.version + 1}"]`).waitFor();
    const afterLucia = await report(id);
    expect(afterLucia.answers.find((answer) => answer.questionKey === 'greeting')!.value).toBe(true);
    await lucia.getByTestId('audit').getByText('The recording shows a greeting.').waitFor();
    expect(await lucia.getByTestId('visit-score').innerText()).toBe(afterLucia.score.toFixed(1));

    // Pablo still has the old version on screen.
    await pablo.getByTestId('edit').click();
    await pablo.getByLabel('How friendly?').fill('2');
    await pablo.getByLabel('Reason for the correction').fill('Friendliness was lower.');
    await pablo.getByTestId('save-edit').click();
    await pablo.getByTestId('stale').waitFor();
    expect(await pablo.getByTestId('stale').innerText()).toMatch(/Someone else changed this report/);
    expect((await report(id)).version).toBe(afterLucia.version); // nothing of Pablo's was saved
    await pablo.getByRole('button', { name: 'Reload the report' }).click();
    await pablo.locator(`[data-testid="report"][data-version="${afterLucia.version}"]`).waitFor();
    expect(await pablo.locator('[data-question="greeting"] [data-testid="answer-text"]').innerText()).toBe('Yes');
    await pablo.getByTestId('edit').click();
    await pablo.getByLabel('How friendly?').fill('2');
    await pablo.getByLabel('Reason for the correction').fill('Friendliness was lower.');
    await pablo.getByTestId('save-edit').click();
    await pablo.locator(`[data-testid="report"][data-version="${afterLucia.version + 1}"]`).waitFor();
    expect((await report(id)).answers.find((answer) => answer.questionKey === 'friendliness')!.value).toBe(2);
    await expectAccessible(pablo);
  });

  it('speaks Spanish on every console page, with no untranslated word', async () => {
    const page = await ctx.newPage({ locale: 'es-ES' });
    await signIn(page, seed.reviewers[0]);
    for (const [path, heading] of [
      ['/console', 'Cola de revisión'],
      [`/console/reports/${seed.reportIds[4]}`, 'Informe: '],
      ['/console/questionnaires', 'Cuestionarios'],
      ['/console/questionnaires/new', 'Nuevo cuestionario'],
      ['/console/clients', 'Clientes y puntos de contacto'],
      ['/console/campaigns', 'Campañas'],
      ['/console/campaigns/new', 'Nueva campaña'],
      [`/console/campaigns/${seed.campaignId}`, 'Oleada de invierno'],
      [`/console/fieldwork?campaignId=${seed.campaignId}`, 'Trabajo de campo'],
      ['/console/inbox', 'Reclamaciones'],
      ['/console/people', 'Usuarios'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect({ path, keys: text.match(/\bconsole\.[a-zA-Z.]+/g) ?? [] }).toEqual({ path, keys: [] });
    }
  });
});
