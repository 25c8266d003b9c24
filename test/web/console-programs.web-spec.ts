// Programs in the console, in Chromium, as a consultant: a program made with a measure of its own that maps
// two differently keyed questions (one per channel's questionnaire) onto one; a repeated measure key refused
// with the API's words on its field; a wave of two channel campaigns and a second naming the first, stored
// exactly so; the measure renamed; the wave's link opens the portal's page with the API's figures, the own measure among them.
import type { Page } from 'playwright-core';
import type { ProgramModel } from '../../src/programs/program-model';
import { login } from '../factories/users.factory';
import { describeWeb } from './browser';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';
import { expectedText, resolvePath, shownFigures } from './kpi-figures';
import { ProgramSeed, seedProgram } from './program-seed';

describeWeb('web: console programs', () => {
  let ctx: WebTestContext;
  let seed: ProgramSeed;
  let auth: { Authorization: string };

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedProgram(ctx, { visitsPerTouchpoint: 4 });
    auth = { Authorization: `Bearer ${(await login(ctx.http, seed.consultant.email, seed.consultant.password)).token}` };
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const pick = async (page: Page, label: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('sets up a program with a mapped measure and two waves, and opens a wave’s figures', async () => {
    const campaigns = (await ctx.http.get(`/campaigns?clientId=${seed.clientId}`).set(auth).expect(200)).body as Array<{
      id: string;
      name: string;
    }>;
    const campaignId = (name: string) => campaigns.find((campaign) => campaign.name === name)!.id;

    const page = await ctx.newPage();
    await signIn(page, seed.consultant);
    await page.goto('/console');
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Programs' }).click();
    await page.waitForURL(/\/console\/programs/);
    await pick(page, 'Client', 'Caja Horizonte');
    await page.locator(`[data-program-id="${seed.programId}"]`).waitFor(); // the seed's own program is listed

    const form = page.getByTestId('new-program');
    await form.getByLabel('Program name').fill('Programa de atención 2026');
    await form.getByRole('button', { name: 'Add a measure' }).click();
    await form.getByLabel('Measure 1: title').fill('Tiempo de espera');
    await form.getByLabel('Measure 1: key').fill('tiempo_espera');
    await pick(page, 'Measure 1: questions it counts', /^espera: Atendido en menos de 10 minutos \(Oficinas\)/);
    await pick(page, 'Measure 1: questions it counts', /^espera_linea: .*\(Banca telefónica\)/);
    await page.keyboard.press('Escape');
    // A second measure with the same key: the API's 422 names measures[1].key, shown on that field.
    await form.getByRole('button', { name: 'Add a measure' }).click();
    await form.getByLabel('Measure 2: title').fill('Saludo');
    await form.getByLabel('Measure 2: key').fill('tiempo_espera');
    await pick(page, 'Measure 2: questions it counts', /^saludo: /);
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await page.getByTestId('create-program').click();
    const problem = form.locator('[data-problem-for="measures[1].key"]');
    await problem.waitFor();
    const refusal = await ctx.http
      .post('/programs')
      .set(auth)
      .send({
        clientId: seed.clientId,
        name: 'x',
        measures: [
          { key: 'tiempo_espera', title: 'Tiempo de espera', questionKeys: ['espera', 'espera_linea'] },
          { key: 'tiempo_espera', title: 'Saludo', questionKeys: ['saludo'] },
        ],
      });
    expect(refusal.status).toBe(422);
    const reason = (refusal.body.details as Array<{ field: string; reason: string }>).find((d) => d.field === 'measures[1].key')!.reason;
    expect(await problem.innerText()).toBe(reason);
    expect(reason).toMatch(/used twice/);
    await expectAccessible(page);

    await form.getByRole('button', { name: 'Remove measure 2' }).click();
    await page.getByTestId('create-program').click();
    await page.getByTestId('program-setup').waitFor();
    const programId = page.url().split('/').pop()!;
    const stored = (await ctx.http.get(`/programs/${programId}`).set(auth).expect(200)).body;
    expect(stored).toMatchObject({ clientId: seed.clientId, name: 'Programa de atención 2026' });
    expect(stored.measures).toEqual([{ key: 'tiempo_espera', title: 'Tiempo de espera', questionKeys: ['espera', 'espera_linea'] }]);

    // Waves: two channel campaigns of January, then March's naming January's as its previous wave.
    const waveForm = page.getByTestId('new-wave');
    await waveForm.getByLabel('Wave name').fill('Enero');
    await waveForm.getByLabel('Oficinas · oleada 1', { exact: true }).check();
    await waveForm.getByLabel('Teléfono · oleada 1', { exact: true }).check();
    await page.getByTestId('create-wave').click();
    await page.locator('[data-testid="waves"] [data-wave-id]').first().waitFor();
    await waveForm.getByLabel('Wave name').fill('Marzo');
    await waveForm.getByLabel('Oficinas · oleada 2', { exact: true }).check();
    await waveForm.getByLabel('Teléfono · oleada 2', { exact: true }).check();
    await pick(page, 'Previous wave', 'Enero');
    await expectAccessible(page);
    await page.getByTestId('create-wave').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="waves"] [data-wave-id]').length === 2);
    const waves = (await ctx.http.get(`/programs/${programId}/waves`).set(auth).expect(200)).body as Array<{
      id: string;
      name: string;
      campaignIds: string[];
      previousWaveId: string | null;
    }>;
    expect(waves.map(({ name, campaignIds, previousWaveId }) => ({ name, campaignIds, previousWaveId }))).toEqual([
      { name: 'Enero', campaignIds: [campaignId('Oficinas · oleada 1'), campaignId('Teléfono · oleada 1')], previousWaveId: null },
      { name: 'Marzo', campaignIds: [campaignId('Oficinas · oleada 2'), campaignId('Teléfono · oleada 2')], previousWaveId: waves[0].id },
    ]);
    const march = page.locator(`[data-wave-id="${waves[1].id}"]`);
    expect(await march.innerText()).toContain('Enero');
    expect(await march.getByTestId('download-pdf').count()).toBe(1);

    // Edited: the measure renamed and saved (PATCH /programs/:id); the wave's page uses the new title.
    await page.getByTestId('program-form').getByLabel('Measure 1: title').fill('Tiempo hasta ser atendido');
    await page.getByTestId('save-program').click();
    await page.getByTestId('program-saved').waitFor();
    expect((await ctx.http.get(`/programs/${programId}`).set(auth).expect(200)).body.measures).toEqual([
      { key: 'tiempo_espera', title: 'Tiempo hasta ser atendido', questionKeys: ['espera', 'espera_linea'] },
    ]);

    // The wave's page: what the client sees, every figure the API's, the own measure among the measures.
    await march.getByTestId('wave-page').click();
    await page.waitForURL(new RegExp(`/portal/programs/${programId}/waves/${waves[1].id}`));
    await page.locator('[data-testid="program"][data-loaded="yes"]').waitFor();
    const model = (await ctx.http.get(`/programs/${programId}/waves/${waves[1].id}/kpis`).set(auth).expect(200)).body as ProgramModel;
    const own = model.measures.find((measure) => measure.key === 'tiempo_espera')!;
    expect(own).toMatchObject({ kind: 'custom', title: 'Tiempo hasta ser atendido' });
    expect(await page.getByTestId('program').innerText()).toContain('Tiempo hasta ser atendido');
    expect(own.channels.map((cell) => cell.channel).sort()).toEqual(['in_person', 'phone']);
    const figures = await shownFigures(page);
    expect(figures.length).toBeGreaterThan(10);
    const mismatches = figures
      .map((figure) => ({ ...figure, expected: expectedText(resolvePath(model, figure.path), figure.format, 'en-GB') }))
      .filter((figure) => figure.text !== figure.expected);
    expect(mismatches).toEqual([]);
    const paths = figures.map((figure) => figure.path);
    expect(paths).toContain('measures[key=tiempo_espera].channels[channel=phone].compliance');
    expect(paths).toContain('overall.mean');
  }, 60_000);
});
