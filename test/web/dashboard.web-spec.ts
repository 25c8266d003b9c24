// The campaign list and dashboard in Chromium: every figure equal to GET /kpis, filters in the URL that
// change the figures, both downloads, Spanish and English, accessibility, a phone's screen.
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { readPdf } from '../../src/exports/testing/pdf-text';
import { login } from '../factories/users.factory';
import { describeWeb } from './browser';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';
import { expectedText, resolvePath, shownFigures } from './kpi-figures';
import { PortalSeed, seedPortal } from './seed';

describeWeb('web: campaign dashboard', () => {
  let ctx: WebTestContext;
  let seed: PortalSeed;
  let token: string;

  const kpis = async (query = '') => {
    const response = await ctx.http
      .get(`/campaigns/${seed.campaignId}/kpis${query ? `?${query}` : ''}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return response.body as Record<string, unknown> & {
      n: number;
      touchpoints: Array<{ id: string }>;
      questions: Array<{ key: string; compliance: number | null }>;
      regions: unknown[];
      sections: Array<{ key: string; mean: number | null }>;
    };
  };
  const waitForFigures = async (page: Page) => {
    try {
      await page.locator('[data-testid="dashboard"][data-loaded="yes"]').waitFor();
    } catch (error) {
      console.log('DEBUG', page.url(), (await page.locator('body').innerText()).slice(0, 1500));
      throw error;
    }
  };
  const expectFiguresMatch = async (page: Page, model: Awaited<ReturnType<typeof kpis>>, locale: 'en-GB' | 'es-ES') => {
    const figures = await shownFigures(page);
    const mismatches = figures
      .map((figure) => ({ ...figure, expected: expectedText(resolvePath(model, figure.path), figure.format, locale) }))
      .filter((figure) => figure.text !== figure.expected);
    expect(mismatches).toEqual([]);
    // Nothing left out: each touchpoint, scored section and scored question has its figure.
    const paths = new Set(figures.map((figure) => figure.path));
    for (const touchpoint of model.touchpoints) expect(paths).toContain(`touchpoints[id=${touchpoint.id}].mean`);
    for (const section of model.sections.filter((item) => item.mean !== null)) expect(paths).toContain(`sections[key=${section.key}].mean`);
    for (const question of model.questions.filter((item) => item.compliance !== null))
      expect(paths).toContain(`questions[key=${question.key}].compliance`);
    for (const path of [
      'overall.mean',
      'overall.ci95[0]',
      'overall.ci95[1]',
      'overall.target',
      'fcr.rate',
      'knockoutRate',
      'consistency.index',
      'trend.overall.change',
      'n',
    ]) {
      expect(paths).toContain(path);
    }
    return figures.length;
  };

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedPortal(ctx);
    token = (await login(ctx.http, seed.clientUser.email, seed.clientUser.password)).token;
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('lists the campaigns with their headline figures and opens the dashboard, whose every figure is the API’s', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    const row = page.locator(`[data-campaign-id="${seed.campaignId}"]`);
    await row.waitFor();
    const list = (await ctx.http.get('/campaigns').set('Authorization', `Bearer ${token}`).expect(200)).body as Array<{
      id: string;
      summary: { approvedVisits: number; overall: number; change: number };
    }>;
    const summary = list.find((campaign) => campaign.id === seed.campaignId)!.summary;
    expect(await row.locator('[data-field="approvedVisits"]').innerText()).toBe(String(summary.approvedVisits));
    expect(await row.locator('[data-field="overall"]').innerText()).toBe(expectedText(summary.overall, 'decimal', 'en-GB'));
    expect(await row.locator('[data-field="change"]').innerText()).toBe(expectedText(summary.change, 'change', 'en-GB'));
    await expectAccessible(page);

    await page.getByRole('link', { name: seed.campaignName }).click();
    await waitForFigures(page);
    const model = await kpis();
    expect(model.n).toBeGreaterThan(20);
    expect(await expectFiguresMatch(page, model, 'en-GB')).toBeGreaterThan(100);
    await expectAccessible(page);
  });

  it('shows the themes of the comments, every figure the API’s, each with its verbatims marked by tone', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/campaigns/${seed.campaignId}`);
    await waitForFigures(page);
    const model = await kpis();
    const { themes, analysedVisits } = model.comments as {
      analysedVisits: number;
      themes: Array<{
        key: string;
        share: number;
        positive: number;
        negative: number;
        change?: number;
        significant?: boolean;
        verbatims: Array<{ text: string; polarity: string }>;
      }>;
    };
    expect(analysedVisits).toBe(model.n);
    expect(themes.filter((theme) => theme.share > 0).length).toBeGreaterThan(1);
    expect(themes.some((theme) => theme.change !== undefined)).toBe(true);

    const figures = (await shownFigures(page)).filter(
      (figure) => figure.path.startsWith('comments.themes') || figure.path === 'comments.analysedVisits',
    );
    const mismatches = figures
      .map((figure) => ({ ...figure, expected: expectedText(resolvePath(model, figure.path), figure.format, 'en-GB') }))
      .filter((figure) => figure.text !== figure.expected);
    expect(mismatches).toEqual([]);
    const paths = new Set(figures.map((figure) => figure.path));
    expect(paths).toContain('comments.analysedVisits');
    const table = page.locator('[data-testid="themes"] table');
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Theme',
      'Visits mentioning it',
      'Positive / Negative',
      'Against the previous wave',
      'Mean score of the visits criticising it',
      'Mean score of the others',
    ]);
    for (const theme of themes) {
      for (const field of ['share', 'positive', 'negative', 'meanScoreNegative', 'meanScoreOther'])
        expect(paths).toContain(`comments.themes[key=${theme.key}].${field}`);
      const row = page.locator(`[data-theme="${theme.key}"]`);
      // The tone bar's text equivalent.
      expect(await row.getByRole('img').getAttribute('aria-label')).toBe(
        `${theme.positive} positive and ${theme.negative} negative visits`,
      );
      if (theme.change !== undefined) {
        expect(paths).toContain(`comments.themes[key=${theme.key}].change`);
        expect(await row.locator('[data-significant]').innerText()).toMatch(theme.significant ? /^significant/ : /^not significant/);
      }
      // Its verbatims, in the API's order, each marked by its tone.
      const verbatims = page.locator(`[data-theme-verbatims="${theme.key}"] [data-verbatim]`);
      expect(await verbatims.count()).toBe(theme.verbatims.length);
      for (const [index, verbatim] of theme.verbatims.entries()) {
        const item = verbatims.nth(index);
        expect(await item.getAttribute('data-polarity')).toBe(verbatim.polarity);
        expect(await item.locator('[data-verbatim-text]').innerText()).toBe(`“${verbatim.text}”`);
        expect((await item.innerText()).toLowerCase()).toContain(verbatim.polarity); // the badge: "Positive", "Negative", "Neutral"
      }
    }
    expect(themes.reduce((sum, theme) => sum + theme.verbatims.length, 0)).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('puts the filters in the URL, where they change the figures and survive a reload', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/campaigns/${seed.campaignId}`);
    await waitForFigures(page);
    const before = await page.locator('[data-kpi="n"]').innerText();

    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Phone' }).click();
    await page.waitForURL(/channel=phone/);
    await waitForFigures(page);
    await page.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Andalucía' }).click();
    await page.waitForURL(/region=Andaluc/);
    await waitForFigures(page);
    const filtered = await kpis('channel=phone&region=Andaluc%C3%ADa');
    expect(filtered.n).toBeGreaterThan(0);
    expect(String(filtered.n)).not.toBe(before);
    await expectFiguresMatch(page, filtered, 'en-GB');

    // A bookmarked view: the same URL in a new tab shows the same filtered figures.
    const url = new URL(page.url());
    const other = await ctx.newPage();
    await signIn(other, seed.clientUser);
    await other.goto(url.pathname + url.search);
    await waitForFigures(other);
    expect(await other.locator('[data-kpi="n"]').innerText()).toBe(String(filtered.n));
    // The select shows its label once the filter options (the client's touchpoints) have loaded too.
    const channel = other.getByRole('combobox', { name: 'Channel' });
    const deadline = Date.now() + 10_000;
    while ((await channel.inputValue()) !== 'Phone' && Date.now() < deadline) await other.waitForTimeout(100);
    expect(await channel.inputValue()).toBe('Phone');
  });

  it('downloads the PDF and the Excel workbook with the filters and the language, and says when a download fails', async () => {
    const page = await ctx.newPage({ locale: 'es-ES' });
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/campaigns/${seed.campaignId}?channel=phone`);
    await waitForFigures(page);
    const filtered = await kpis('channel=phone');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfText = (await readPdf(readFileSync(await pdf.path()))).text;
    expect(pdfText).toContain('Puntuación global'); // Spanish, as the page
    expect(pdfText).toContain(seed.campaignName);
    expect(pdfText).toContain(String(filtered.n)); // the filtered visits
    await page.getByTestId('download-done').waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets.length).toBeGreaterThan(3);
    const visitsSheet = workbook.worksheets.find((sheet) => /visitas/i.test(sheet.name))!;
    expect(visitsSheet.actualRowCount - 1).toBe(filtered.n); // one row per filtered visit under the header

    // A failing download (here: the session expired meanwhile on the server side is not simulated; a bad filter is) says so.
    await page.goto(`/portal/campaigns/${seed.campaignId}?from=2026-13-45`);
    await page.getByTestId('download-pdf').click();
    await page.getByTestId('download-error').waitFor();
    expect(await page.getByTestId('download-error').innerText()).toMatch(/La descarga ha fallado: .*from/);
  });

  it('speaks Spanish with Spanish numbers, switches to English, and fits a phone', async () => {
    const page = await ctx.newPage({ locale: 'es-ES', viewport: { width: 375, height: 812 } });
    await signIn(page, seed.clientUser);
    await page.getByRole('heading', { name: 'Campañas' }).waitFor();
    await page.goto(`/portal/campaigns/${seed.campaignId}`);
    await waitForFigures(page);
    const model = await kpis();
    await expectFiguresMatch(page, model, 'es-ES');
    expect(await page.locator('[data-kpi="fcr.rate"]').innerText()).toMatch(/^\d+,\d\u00a0%$/); // "79,7 %"
    await page.getByText('Puntuación global').first().waitFor();
    // Nothing wider than the phone's screen but the tables' own scrolling boxes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);

    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByText('Overall score').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectFiguresMatch(page, model, 'en-GB');
  });

  it('lets a consultant pick the client and see its view', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.consultant);
    await page.getByRole('combobox', { name: 'Client' }).click();
    await page.getByRole('option', { name: seed.clientName }).click();
    await page.getByRole('link', { name: seed.campaignName }).click();
    await waitForFigures(page);
    const model = await kpis();
    expect(await page.locator('[data-kpi="overall.mean"]').innerText()).toBe(
      expectedText((model.overall as { mean: number }).mean, 'decimal', 'en-GB'),
    );
  });
});
