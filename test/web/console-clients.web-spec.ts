// Clients and touchpoints in the console, in Chromium: a client created, a touchpoint with its opening hours
// and time zone stored as the API reads them, grouped by channel and region, then edited.
import { describeWeb } from './browser';
import { ConsoleSeed, seedConsole } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

describeWeb('web: console clients and touchpoints', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;

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

  it('creates a client and a touchpoint with opening hours and a time zone, groups it, and edits it', async () => {
    const auth = seed.reviewers[0].session.auth;
    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto('/console/clients');
    await page.getByLabel('New client').fill('Ópticas del Atlántico');
    await page.getByTestId('create-client').click();
    await page.waitForURL(/clientId=/);
    await page.getByRole('heading', { name: 'Ópticas del Atlántico' }).waitFor();
    const clientId = new URL(page.url()).searchParams.get('clientId')!;

    await page.getByTestId('new-touchpoint').click();
    const form = page.getByTestId('touchpoint-form');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Óptica Triana');
    await form.getByRole('textbox', { name: /^Region/ }).fill('Canarias');
    await form.getByRole('textbox', { name: /^City/ }).fill('Las Palmas');
    await form.getByRole('textbox', { name: /^Address/ }).fill('Calle Triana 12');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Canary');
    await page.getByRole('option', { name: 'Atlantic/Canary' }).click();
    await form.getByTestId('always-open').uncheck();
    await form.getByRole('button', { name: 'Add hours: Monday' }).click(); // 16:00–20:00 besides 09:00–14:00
    await form.getByRole('button', { name: 'Add hours: Saturday' }).click();
    await form.getByLabel('Saturday 1: opens').fill('10:00');
    await form.getByLabel('Saturday 1: closes').fill('13:30');
    await form.getByRole('button', { name: 'Remove hours: Friday 1' }).click();
    await expectAccessible(page);
    await form.getByTestId('touchpoint-save').click();
    await page.locator('[data-group="in_person|Canarias"]').waitFor();

    const [stored] = (await ctx.http.get(`/clients/${clientId}/touchpoints`).set(auth).expect(200)).body as Array<{
      id: string;
      name: string;
      timeZone: string;
      openingHours: unknown;
      city: string;
    }>;
    expect(stored).toMatchObject({ name: 'Óptica Triana', timeZone: 'Atlantic/Canary', city: 'Las Palmas' });
    expect(stored.openingHours).toEqual({
      mon: [
        { opens: '09:00', closes: '14:00' },
        { opens: '16:00', closes: '20:00' },
      ],
      tue: [{ opens: '09:00', closes: '14:00' }],
      wed: [{ opens: '09:00', closes: '14:00' }],
      thu: [{ opens: '09:00', closes: '14:00' }],
      sat: [{ opens: '10:00', closes: '13:30' }],
    });
    expect(await page.locator('[data-group="in_person|Canarias"]').innerText()).toContain('In person · Canarias (1)');
    await expectAccessible(page);

    await page.locator(`[data-touchpoint-id="${stored.id}"]`).getByRole('button', { name: 'Óptica Triana' }).click();
    await form.getByRole('textbox', { name: /^Name/ }).fill('Óptica Triana Centro');
    await form.getByTestId('touchpoint-save').click();
    await page.locator(`[data-touchpoint-id="${stored.id}"]`).getByRole('button', { name: 'Óptica Triana Centro' }).waitFor();
    const edited = (await ctx.http.get(`/clients/${clientId}/touchpoints/${stored.id}`).set(auth).expect(200)).body;
    expect(edited.name).toBe('Óptica Triana Centro');
    expect(edited.openingHours).toEqual(stored.openingHours);

    // Archived, not deleted: the client stays with its touchpoints, and can be restored.
    await page.getByTestId('archive-client').click();
    await page.getByTestId('client-archived').waitFor();
    expect((await ctx.http.get(`/clients/${clientId}`).set(auth).expect(200)).body.archived).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('client-archived').waitFor({ state: 'detached' });
    expect((await ctx.http.get(`/clients/${clientId}`).set(auth).expect(200)).body.archived).toBe(false);
  });
});
