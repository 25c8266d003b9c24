// Administration in the console, in Chromium: a user edited and deactivated (the API then shows them inactive
// and refuses their live token), a one-time reset token shown once; the payables of an approved visit listed
// and downloaded as Excel and CSV, a payout marking them paid and a second one refused in words; the audit
// page listing the deactivation; a draft campaign edited with the wizard, an active one's end date extended.
// Each new page checked with axe.
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/test-app';
import { createDraftCampaign } from '../factories/design.factory';
import type { Session } from '../factories/users.factory';
import { describeWeb } from './browser';
import { ConsoleSeed, createConsoleUser, seedConsole } from './console-seed';
import { expectAccessible, pageErrors, signIn, startWebApp, WebTestContext } from './harness';

describeWeb('web: console administration', () => {
  let ctx: WebTestContext;
  let seed: ConsoleSeed;
  let leaver: Session & { id: string };
  let page: Page;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedConsole(ctx, { reports: 1 });
    await ctx.http.post(`/visit-reports/${seed.reportIds[0]}/approve`).set(seed.reviewers[0].session.auth).expect(200);
    leaver = await createConsoleUser(ctx.http, seed.admin, {
      email: 'bruno.baja@shoppers.example',
      name: 'Bruno Baja',
      role: 'shopper',
    });
    page = await ctx.newPage();
    await signIn(page, ADMIN);
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('edits and deactivates a user, whose token is then refused, and shows a reset token once', async () => {
    await ctx.http.get('/auth/me').set(leaver.auth).expect(200);
    await page.goto('/console/people');
    await page.getByRole('button', { name: `Edit: ${leaver.user.email}` }).click();
    const editor = page.getByTestId('user-editor');
    await editor.getByRole('textbox', { name: 'Name' }).fill('Bruno Baja Martín');
    await editor.getByRole('switch', { name: /^Active/ }).uncheck();
    await expectAccessible(page);
    await editor.getByTestId('user-save').click();
    await editor.getByTestId('user-saved').waitFor();
    await page.locator(`[data-user-email="${leaver.user.email}"] [data-field="active"]`).getByText('Inactive').waitFor();

    const stored = (await ctx.http.get(`/users/${leaver.id}`).set(seed.admin.auth).expect(200)).body;
    expect(stored).toMatchObject({ name: 'Bruno Baja Martín', active: false, version: expect.any(Number) });
    await ctx.http.get('/auth/me').set(leaver.auth).expect(401);

    await editor.getByTestId('reset-issue').click();
    const shown = editor.getByTestId('reset-token');
    await shown.waitFor();
    expect(await shown.innerText()).toContain('it will not be shown again');
    const token = await editor.getByTestId('reset-token-value').innerText();
    expect(token.length).toBeGreaterThan(16);
    await expectAccessible(page);
    // Closed and opened again, the editor no longer shows it.
    await editor.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: `Edit: ${leaver.user.email}` }).click();
    await page.getByTestId('user-editor').waitFor();
    expect(await page.getByTestId('reset-token').count()).toBe(0);
  });

  it('lists the payables of an approved visit, downloads them, pays them once and refuses a second payout in words', async () => {
    const [owed] = (await ctx.http.get('/payables').set(seed.admin.auth).expect(200)).body as Array<{
      shopperId: string;
      totalCents: number;
      currency: string;
      visits: number;
    }>;
    expect(owed).toMatchObject({ shopperId: seed.shopper.id, visits: 1 });
    await page.goto('/console/payables');
    const row = page.locator(`[data-shopper-id="${seed.shopper.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-field="visits"]').innerText()).toBe('1');
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: owed.currency }).format(owed.totalCents / 100);
    expect(await row.locator('[data-field="total"]').innerText()).toBe(money);
    expect(await row.locator('[data-field="paid"]').innerText()).toBe('Not paid');
    await expectAccessible(page);

    for (const kind of ['xlsx', 'csv'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`payables-${kind}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^payables-.*\\.${kind}$`));
      const path = await download.path();
      expect(path).toBeTruthy();
    }

    await page.getByTestId('mark-paid').click();
    const confirmText = await page.getByTestId('payout-confirm-text').innerText();
    expect(confirmText).toContain(money);
    await expectAccessible(page);
    await page.getByTestId('payout-confirm').click();
    expect(await page.getByTestId('payout-done').innerText()).toContain(money);
    await row.locator('[data-field="paid"]').getByText('Paid', { exact: true }).waitFor();
    const [after] = (await ctx.http.get('/payables').set(seed.admin.auth).expect(200)).body;
    expect(after).toMatchObject({ shopperId: seed.shopper.id, paid: true, unpaidCents: 0 });

    await page.getByTestId('mark-paid').click();
    await page.getByTestId('payout-confirm').click();
    const refused = page.getByTestId('payout-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/Nothing was marked as paid: No unpaid fee/);
  });

  it('lists the deactivation on the audit page, before and after', async () => {
    await page.goto('/console/audit');
    const entry = page
      .locator(`[data-entity="user"][data-entity-id="${leaver.id}"]`)
      .filter({ has: page.locator('[data-change-field="active"]') });
    await entry.first().waitFor();
    expect(await entry.first().locator('[data-change-field="active"]').innerText()).toBe('active true → false');
    await expectAccessible(page);
  });

  it("edits a draft campaign with the wizard and extends an active campaign's end date", async () => {
    const auth = seed.reviewers[0].session.auth;
    const draft = await createDraftCampaign(ctx.http, seed.reviewers[0].session, {
      clientId: seed.clientId,
      questionnaireId: seed.questionnaireId,
      touchpointIds: [seed.touchpoints[0].id],
      name: 'Oleada de verano',
    });
    await page.goto(`/console/campaigns/${draft.id}`);
    await page.getByTestId('edit-campaign').click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await page.getByRole('heading', { name: 'Edit Oleada de verano' }).waitFor();
    expect(await name.inputValue()).toBe('Oleada de verano');
    await name.fill('Oleada de verano (revisada)');
    await expectAccessible(page);
    for (let step = 0; step < 5; step++) await page.getByTestId('wizard-next').click();
    await page.getByTestId('create-campaign').click();
    await page.waitForURL(new RegExp(`/console/campaigns/${draft.id}$`));
    await page.getByRole('heading', { name: 'Oleada de verano (revisada)' }).waitFor();
    const edited = (await ctx.http.get(`/campaigns/${draft.id}`).set(auth).expect(200)).body;
    expect(edited).toMatchObject({ name: 'Oleada de verano (revisada)', status: 'draft', touchpointIds: [seed.touchpoints[0].id] });

    const active = (await ctx.http.get(`/campaigns/${seed.campaignId}`).set(auth).expect(200)).body as { endsOn: string };
    const later = new Date(Date.parse(`${active.endsOn}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/console/campaigns/${seed.campaignId}`);
    await page.getByTestId('extend-end').getByLabel('New end date').fill(later);
    await page.getByTestId('extend-submit').click();
    await page.getByTestId('extend-end').getByRole('status').waitFor();
    expect((await ctx.http.get(`/campaigns/${seed.campaignId}`).set(auth).expect(200)).body.endsOn).toBe(later);
    await expectAccessible(page);
  });
});
