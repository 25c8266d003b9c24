// The program page in Chromium, as a client user: the program and its waves on the home page, every figure
// of the wave page (heatmap included) equal to GET /programs/:id/waves/:waveId/kpis, a measure a channel
// does not ask shown as absent (never 0), an action planned from a priority appearing in the plan and its
// state changed, both downloads, filters in the URL, accessibility, a phone's screen.
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { readPdf } from '../../src/exports/testing/pdf-text';
import type { ProgramModel } from '../../src/programs/program-model';
import { login } from '../factories/users.factory';
import { describeWeb } from './browser';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';
import { expectedText, resolvePath, shownFigures } from './kpi-figures';
import { ProgramSeed, seedProgram } from './program-seed';

describeWeb('web: program page', () => {
  let ctx: WebTestContext;
  let seed: ProgramSeed;
  let token: string;

  const model = async (query = '') =>
    (
      await ctx.http
        .get(`/programs/${seed.programId}/waves/${seed.wave2Id}/kpis${query ? `?${query}` : ''}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as ProgramModel;
  const waitForFigures = async (page: Page) => {
    await page.locator('[data-testid="program"][data-loaded="yes"]').waitFor();
  };
  const expectFiguresMatch = async (page: Page, expected: ProgramModel, locale: 'en-GB' | 'es-ES') => {
    const figures = await shownFigures(page);
    const mismatches = figures
      .map((figure) => ({ ...figure, expected: expectedText(resolvePath(expected, figure.path), figure.format, locale) }))
      .filter((figure) => figure.text !== figure.expected);
    expect(mismatches).toEqual([]);
    return new Set(figures.map((figure) => figure.path));
  };

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedProgram(ctx);
    token = (await login(ctx.http, seed.clientUser.email, seed.clientUser.password)).token;
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('lists the program with its waves and opens a wave whose every figure, heatmap included, is the API’s', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    const card = page.locator(`[data-program-id="${seed.programId}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain(seed.programName);
    await expectAccessible(page);
    await card.locator(`[data-wave-id="${seed.wave2Id}"]`).click();
    await page.waitForURL(new RegExp(`/portal/programs/${seed.programId}/waves/${seed.wave2Id}`));
    await waitForFigures(page);

    const expected = await model();
    expect(expected.channels.map((channel) => channel.channel).sort()).toEqual(['email', 'in_person', 'phone']);
    const paths = await expectFiguresMatch(page, expected, 'en-GB');
    // Every measured cell of the heatmap with its n, every channel, the action measured before → after.
    for (const measure of expected.measures)
      for (const cell of measure.channels) {
        expect(paths).toContain(`measures[key=${measure.key}].channels[channel=${cell.channel}].compliance`);
        expect(paths).toContain(`measures[key=${measure.key}].channels[channel=${cell.channel}].n`);
      }
    for (const channel of expected.channels) expect(paths).toContain(`channels[channel=${channel.channel}].mean`);
    for (const path of ['consistency.index', 'consistency.spread', 'overall.mean', 'trend.consistency.change'])
      expect(paths).toContain(path);
    expect(expected.actions.map((action) => action.id)).toEqual([seed.actionId]);
    expect(paths).toContain(`actions[id=${seed.actionId}].before`);
    expect(paths).toContain(`actions[id=${seed.actionId}].after`);

    // Data protection is not asked by email: absent in the model, "—" on the page, never 0.
    const data = expected.measures.find((measure) => measure.key === 'proteccion_datos')!;
    expect(data.channels.map((cell) => cell.channel)).not.toContain('email');
    const absentCell = page.locator('[data-testid="heatmap-table"] tr[data-measure="proteccion_datos"] td[data-cell="email"]');
    expect(await absentCell.getAttribute('data-absent')).toBe('yes');
    expect((await absentCell.innerText()).trim()).toBe('—');

    // The chart draws the same numbers: one label per measured cell, and a "—" per absent one.
    const chart = page.getByTestId('heatmap-chart').locator('[data-chart-ready]');
    await chart.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid="heatmap-chart"] [data-chart-ready="yes"] svg text');
    const labels = (await chart.locator('svg text').allTextContents()).map((text) => text.trim());
    const measured = expected.measures.flatMap((measure) =>
      measure.channels.map((cell) => expectedText(cell.compliance, 'decimal', 'en-GB')),
    );
    const absent = expected.measures.length * expected.channels.length - measured.length;
    expect(absent).toBeGreaterThan(0);
    expect(labels.filter((text) => text === '—')).toHaveLength(absent);
    for (const text of new Set(measured))
      expect(labels.filter((label) => label === text).length).toBe(measured.filter((value) => value === text).length);
    await expectAccessible(page);
  });

  it('plans an action from a priority, shows it in the plan and changes its state, as a client user', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/programs/${seed.programId}/waves/${seed.wave2Id}`);
    await waitForFigures(page);
    const priority = (await model()).priorities[0];
    await page.locator(`[data-priority="${priority.measureKey}:${priority.channel}"]`).getByRole('button').click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Owner/).fill('Equipo de formación');
    await form.getByLabel(/^Due date/).fill('2026-06-30');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Add to the plan' }).click();
    await page.getByTestId('action-added').waitFor();
    const row = page.getByTestId('action-planned').locator('tr', { hasText: 'Equipo de formación' });
    await row.waitFor();

    const actions = (await ctx.http.get(`/programs/${seed.programId}/actions`).set('Authorization', `Bearer ${token}`).expect(200))
      .body as Array<{ id: string; measureKey: string; channels: string[]; owner: string; dueOn: string; waveId: string; state: string }>;
    const created = actions.find((action) => action.owner === 'Equipo de formación')!;
    expect(created).toMatchObject({
      measureKey: priority.measureKey,
      channels: [priority.channel],
      dueOn: '2026-06-30',
      waveId: seed.wave2Id,
      state: 'open',
    });

    await row.getByRole('combobox', { name: /^State of/ }).click();
    const [patched] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/actions/${created.id}`) && response.request().method() === 'PATCH'),
      page.getByRole('option', { name: 'In progress' }).click(),
    ]);
    expect(patched.status()).toBe(200);
    const after = (await ctx.http.get(`/programs/${seed.programId}/actions`).set('Authorization', `Bearer ${token}`).expect(200))
      .body as Array<{ id: string; state: string }>;
    expect(after.find((action) => action.id === created.id)?.state).toBe('in_progress');
    await waitForFigures(page);
    expect(await row.getByRole('combobox', { name: /^State of/ }).inputValue()).toBe('In progress');
  });

  it('keeps the filters in the URL and downloads the omnichannel PDF and workbook with them, in Spanish', async () => {
    const page = await ctx.newPage({ locale: 'es-ES' });
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/programs/${seed.programId}/waves/${seed.wave2Id}?region=Madrid`);
    await waitForFigures(page);
    const filtered = await model('region=Madrid');
    expect(filtered.n).toBeLessThan((await model()).n);
    await expectFiguresMatch(page, filtered, 'es-ES');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const text = (await readPdf(readFileSync(await pdf.path()))).text;
    expect(text).toContain('Informe omnicanal');
    expect(text).toContain(seed.programName);
    await page.getByTestId('download-done').waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets.length).toBeGreaterThan(3);
  });

  it('shows a consultant the programs of the client picked, and lets the consultant change an item’s state', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.consultant);
    await page.getByRole('combobox', { name: 'Client' }).click();
    await page.getByRole('option', { name: 'Caja Horizonte' }).click();
    await page.locator(`[data-program-id="${seed.programId}"] [data-wave-id="${seed.wave2Id}"]`).click();
    await waitForFigures(page);
    const state = page.getByTestId('action-results').locator(`tr[data-action-id="${seed.actionId}"]`).getByRole('combobox');
    expect(await state.inputValue()).toBe('Done');
    await state.click();
    const [patched] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/actions/${seed.actionId}`) && response.request().method() === 'PATCH'),
      page.getByRole('option', { name: 'In progress' }).click(),
    ]);
    expect(patched.status()).toBe(200);
    expect((await model()).actions.find((action) => action.id === seed.actionId)?.state).toBe('in_progress');
  });

  it('fits a phone’s screen', async () => {
    const page = await ctx.newPage({ viewport: { width: 375, height: 812 } });
    await signIn(page, seed.clientUser);
    await page.goto(`/portal/programs/${seed.programId}/waves/${seed.wave2Id}`);
    await waitForFigures(page);
    await page.getByTestId('heatmap-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid="heatmap-chart"] [data-chart-ready="yes"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
});
