// Campaigns and field work in Chromium: a campaign made step by step is what the API stores; activating it
// shows the plan as a calendar holding every planned visit; it closes. The assignment board filters by
// channel, assigns and unassigns, and says a broken rule in words; the progress by day adds up.
import { describeWeb } from './browser';
import { ConsoleSeed, createConsoleUser, seedConsole } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

describeWeb('web: console campaigns and field work', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;
  const auth = () => seed.reviewers[0].session.auth;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedConsole(ctx, { reports: 2 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('creates a campaign step by step, activates it into a calendar of planned visits, and closes it', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto('/console/campaigns');
    await page.getByTestId('new-campaign').click();
    const choose = async (label: string, option: string | RegExp) => {
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await choose('Client', 'Seguros Atlántico');
    await choose('Questionnaire (published)', /Atención en oficina y teléfono/);
    await page.getByLabel('Name').fill('Oleada de primavera');
    await page.getByTestId('wizard-next').click();
    await page.getByLabel('In person · Madrid (1)').check();
    await page.getByLabel('Phone · Madrid (1)').check();
    await expectAccessible(page);
    await page.getByTestId('wizard-next').click();
    await page.getByLabel('Visits per touchpoint').fill('3');
    await page.getByTestId('wizard-next').click();
    await page.getByRole('button', { name: 'Add a scenario' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Dar un parte');
    await page.getByLabel('Brief for the shopper').fill('Llama para dar un parte de un golpe de chapa.');
    await page.getByTestId('wizard-next').click();
    await page.getByLabel('Phone', { exact: true }).fill('45');
    await page.getByLabel('Overall score target').fill('82');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('create-campaign').click();
    await page.locator('[data-testid="campaign"][data-status="draft"]').waitFor();

    const id = page.url().split('/').pop()!;
    const stored = (await ctx.http.get(`/campaigns/${id}`).set(auth()).expect(200)).body;
    const madrid = seed.touchpoints.filter((touchpoint) => touchpoint.region === 'Madrid').map((touchpoint) => touchpoint.id);
    expect([...stored.touchpointIds].sort()).toEqual([...madrid].sort());
    expect(stored).toMatchObject({
      name: 'Oleada de primavera',
      visitsPerTouchpoint: 3,
      slaSeconds: { phone: 45 },
      targets: { overall: 82 },
      questionnaireId: seed.questionnaireId,
    });
    expect(stored.scenarios).toEqual([{ key: 's1', title: 'Dar un parte', brief: 'Llama para dar un parte de un golpe de chapa.' }]);

    await page.getByTestId('activate').click();
    await page.getByTestId('campaign-notice').waitFor();
    expect(await page.getByTestId('campaign-notice').innerText()).toMatch(/6 visits planned/);
    await page.getByTestId('plan-calendar').waitFor();
    const planned = await page
      .locator('[data-day]')
      .evaluateAll((cells) => cells.reduce((sum, cell) => sum + Number(cell.getAttribute('data-planned')), 0));
    const assignments = (await ctx.http.get(`/assignments?campaignId=${id}`).set(auth()).expect(200)).body as Array<{ plannedAt: string }>;
    expect(planned).toBe(assignments.length);
    expect(assignments).toHaveLength(6);
    for (const assignment of assignments) {
      expect(Number(await page.locator(`[data-day="${assignment.plannedAt.slice(0, 10)}"]`).getAttribute('data-planned'))).toBeGreaterThan(
        0,
      );
    }
    expect(await page.locator('[data-progress-day="total"] [data-count="planned"]').innerText()).toBe('6');
    await expectAccessible(page);

    await page.getByTestId('close-campaign').click();
    await page.locator('[data-testid="campaign"][data-status="closed"]').waitFor();
    expect((await ctx.http.get(`/campaigns/${id}`).set(auth()).expect(200)).body.status).toBe('closed');
  });

  it('filters the board, assigns and unassigns, and says in words why an assignment is refused', async () => {
    const conflicted = await createConsoleUser(ctx.http, seed.admin, {
      email: 'primo.del.director@shoppers.example',
      name: 'Primo Del Director',
      role: 'shopper',
      conflictClientIds: [seed.clientId],
    });
    // A shopper new to this client (Ana has visited its touchpoints already: rotation rules may refuse her).
    const fresh = await createConsoleUser(ctx.http, seed.admin, {
      email: 'bruno.nuevo@shoppers.example',
      name: 'Bruno Nuevo',
      role: 'shopper',
    });
    const page = await ctx.newPage();
    await signIn(page, seed.reviewers[0]);
    await page.goto(`/console/fieldwork?campaignId=${seed.campaignId}`);
    await page.getByTestId('board').waitFor();
    const all = (await ctx.http.get(`/assignments?campaignId=${seed.campaignId}`).set(auth()).expect(200)).body as Array<{
      id: string;
      status: string;
      windowEnd: string;
      touchpoint: { channel: string };
    }>;
    expect(await page.locator('[data-assignment-id]').count()).toBe(all.length);

    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Phone' }).click();
    await page.waitForURL(/channel=phone/);
    const phones = all.filter((assignment) => assignment.touchpoint.channel === 'phone').length;
    expect(phones).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-assignment-id]').length === n, phones);
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Phone' }).click(); // deselects
    await page.waitForURL((url) => !url.search.includes('channel='));
    await page.waitForFunction((n) => document.querySelectorAll('[data-assignment-id]').length === n, all.length);

    const open = all.find((assignment) => assignment.status === 'open' && new Date(assignment.windowEnd) > new Date())!;
    expect(open).toBeDefined();
    const row = page.locator(`[data-assignment-id="${open.id}"]`);
    const pickShopper = async (name: string) => {
      await row.getByRole('combobox').click();
      await page.getByRole('option', { name }).click();
      await row.getByRole('button', { name: 'Assign' }).click();
    };
    // A shopper with a conflict of interest with this client: refused, with the rule in words.
    await pickShopper('Primo Del Director');
    await page.getByTestId('board-failure').waitFor();
    const refusal = await ctx.http.post(`/assignments/${open.id}/assign`).set(auth()).send({ shopperId: conflicted.id });
    expect(refusal.status).toBe(409);
    expect(await page.getByTestId('board-failure').innerText()).toBe(refusal.body.message);
    expect(refusal.body.message).not.toMatch(/^[A-Z_]+$/);

    await pickShopper('Bruno Nuevo');
    await page.getByTestId('board-notice').waitFor();
    await page.locator(`[data-assignment-id="${open.id}"][data-status="assigned"]`).waitFor();
    expect((await ctx.http.get(`/assignments/${open.id}`).set(auth()).expect(200)).body.shopperId).toBe(fresh.id);
    await expectAccessible(page);
    await page.locator(`[data-assignment-id="${open.id}"]`).getByRole('button', { name: 'Unassign' }).click();
    await page.locator(`[data-assignment-id="${open.id}"][data-status="open"]`).waitFor();
    expect((await ctx.http.get(`/assignments/${open.id}`).set(auth()).expect(200)).body.status).toBe('open');
    // Cancelled after the browser's confirmation.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator(`[data-assignment-id="${open.id}"]`).getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`[data-assignment-id="${open.id}"][data-status="cancelled"]`).waitFor();
    expect((await ctx.http.get(`/assignments/${open.id}`).set(auth()).expect(200)).body.status).toBe('cancelled');

    // Progress: the totals are the API's counts by status.
    const now = (await ctx.http.get(`/assignments?campaignId=${seed.campaignId}`).set(auth()).expect(200)).body as Array<{
      status: string;
    }>;
    const count = (statuses: string[]) => String(now.filter((assignment) => statuses.includes(assignment.status)).length);
    const total = page.locator('[data-progress-day="total"]');
    expect(await total.locator('[data-count="planned"]').innerText()).toBe(
      String(now.filter((assignment) => assignment.status !== 'cancelled').length),
    );
    expect(await total.locator('[data-count="open"]').innerText()).toBe(count(['open', 'expired']));
    expect(await total.locator('[data-count="submitted"]').innerText()).toBe(count(['submitted', 'returned']));
  });
});
