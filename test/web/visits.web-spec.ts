// The visits of a campaign and a visit's page in Chromium: paging and sorting in the URL, no shopper
// identity anywhere, evidence previews fetched with the token, an appeal filed and its state.
import { login, type Session } from '../factories/users.factory';
import { describeWeb } from './browser';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';
import { EVIDENCE_WIDTH, PortalSeed, seedPortal, SHOPPER } from './seed';

describeWeb('web: visits', () => {
  let ctx: WebTestContext;
  let seed: PortalSeed;
  let client: Session;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedPortal(ctx, { visitsPerTouchpoint: 5 });
    client = await login(ctx.http, seed.clientUser.email, seed.clientUser.password);
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const visitsOf = async (query: string) =>
    (await ctx.http.get(`/campaigns/${seed.campaignId}/visits?${query}`).set(client.auth).expect(200)).body as {
      items: Array<{ id: string; score: number | null }>;
      total: number;
    };
  const shownVisitIds = (page: import('playwright-core').Page) =>
    page.$$eval('[data-testid="visit-table"] tbody tr', (rows) => rows.map((row) => row.getAttribute('data-visit-id')));

  it('lists the approved visits page by page, sorted as asked, with the dashboard’s filters', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/campaigns/${seed.campaignId}`);
    await page.getByRole('link', { name: /^Visits/ }).click();
    await page.getByTestId('visit-table').waitFor();
    const firstPage = await visitsOf('limit=25&offset=0&sort=visitedAt&order=desc');
    expect(firstPage.total).toBe(31); // 6 touchpoints × 5, plus the visit with evidence
    expect(await page.getByTestId('visit-total').innerText()).toBe('31 visits');
    expect(await shownVisitIds(page)).toEqual(firstPage.items.map((item) => item.id));
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sort by Score' }).click();
    await page.waitForURL(/sort=score&order=desc/);
    const byScore = await visitsOf('limit=25&offset=0&sort=score&order=desc');
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid="visit-table"] tbody tr')?.getAttribute('data-visit-id') === first,
      byScore.items[0].id,
    );
    expect(await shownVisitIds(page)).toEqual(byScore.items.map((item) => item.id));
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('Score');

    await page.getByRole('button', { name: 'Page 2 of 2' }).click();
    await page.waitForURL(/page=2/);
    const secondPage = await visitsOf('limit=25&offset=25&sort=score&order=desc');
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="visit-table"] tbody tr').length === count,
      secondPage.items.length,
    );
    expect(await shownVisitIds(page)).toEqual(secondPage.items.map((item) => item.id));

    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Phone' }).click();
    await page.waitForURL((url) => url.searchParams.get('channel') === 'phone' && !url.searchParams.has('page'));
    const phone = await visitsOf('limit=25&offset=0&sort=score&order=desc&channel=phone');
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="visit-table"] tbody tr').length === count,
      phone.items.length,
    );
    expect(await shownVisitIds(page)).toEqual(phone.items.map((item) => item.id));
  });

  it('shows a visit by section with its evidence and nothing that identifies the shopper, and files an appeal whose state follows', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/visits/${seed.evidenceVisitId}`);
    await page.locator('tr[data-question]').first().waitFor();
    const report = (await ctx.http.get(`/visit-reports/${seed.evidenceVisitId}`).set(client.auth).expect(200)).body as {
      answers: Array<{ questionKey: string }>;
      narrative: string;
    };
    expect(await page.getByTestId('narrative').innerText()).toBe(report.narrative);
    expect(await page.locator('tr[data-question]').count()).toBe(report.answers.length);
    // The evidence image is fetched with the token and previewed.
    const image = page.getByTestId('evidence').locator('img');
    await image.waitFor();
    await page.waitForFunction(
      (width) => document.querySelector<HTMLImageElement>('[data-testid="evidence"] img')?.naturalWidth === width,
      EVIDENCE_WIDTH,
    );
    expect(await image.getAttribute('src')).toMatch(/^blob:/);

    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const secret of [SHOPPER.name, SHOPPER.email, 'Sandra', 'Empleada Confidencial']) {
      expect(text).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    await expectAccessible(page);

    // An appeal on one answer.
    const answer = page.locator('tr[data-question]').first();
    const questionKey = (await answer.getAttribute('data-question'))!;
    await answer.getByRole('button', { name: /^Appeal this answer/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Appeal' });
    await dialog.getByLabel(/^Why do you dispute it\?/).fill('The employee did offer the brochure.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Send appeal' }).click();
    await page.getByTestId('appeal-sent').waitFor();
    await page.getByTestId('appeal-status').getByText('Open').waitFor();
    const appeals = (await ctx.http.get('/appeals').set(client.auth).expect(200)).body as Array<{
      id: string;
      visitReportId: string;
      questionKey: string;
      status: string;
    }>;
    const filed = appeals.find((appeal) => appeal.visitReportId === seed.evidenceVisitId)!;
    expect(filed).toMatchObject({ questionKey, status: 'open' });

    // A consultant decides; the client sees the decision.
    const consultant = await login(ctx.http, seed.consultant.email, seed.consultant.password);
    await ctx.http
      .post(`/appeals/${filed.id}/resolve`)
      .set(consultant.auth)
      .send({ decision: 'upheld', comment: 'The photo shows no brochure.' })
      .expect(200);
    await page.reload();
    await page.getByTestId('appeal-status').getByText('Upheld').waitFor();
    await page.getByText('Decision: The photo shows no brochure.').waitFor();
  });

  it('fits a phone, in Spanish', async () => {
    const page = await ctx.newPage({ locale: 'es-ES', viewport: { width: 375, height: 812 } });
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/visits/${seed.evidenceVisitId}`);
    await page.getByRole('heading', { name: /^Visita del/ }).waitFor();
    await page
      .getByText('Respuestas', { exact: false })
      .first()
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.goto(`/portal/campaigns/${seed.campaignId}/visits`);
    await page.getByTestId('visit-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
});
