// A large campaign's report in Chromium: from REPORT_JOB_MIN_VISITS visits in scope the dashboard's buttons
// start a report job (POST /campaigns/:id/report-jobs), show its progress while they poll it, then save its
// file; the same report asked for again is ready at once from the stored file. (Small campaigns' direct
// downloads: dashboard.web-spec.ts.)
import { readFileSync } from 'fs';
import { seedLargeCampaign } from '../factories/exports.factory';
import { insertClient } from '../factories/tables.factory';
import { createAccount, loginAdmin } from '../factories/users.factory';
import { describeWeb } from './browser';
import { pageErrors, signIn, startWebApp, WebTestContext } from './harness';

interface SeenJob {
  state: string | null;
  progress: string | null;
  text: string;
  bar: string | null;
}

describeWeb('web: report jobs for large campaigns', () => {
  let ctx: WebTestContext;
  let campaignId: string;
  /** REPORT_JOB_MIN_VISITS of web/src/client/components/Downloads.tsx (which cannot be loaded outside a browser). */
  const visits = 5000;
  const clientUser = { email: 'informes@granbanco.example', password: 'web-test-password-1' };

  beforeAll(async () => {
    // The worker looks for queued jobs every second (2 by default).
    ctx = await startWebApp({ JOB_POLLING_SECONDS: '1' });
    const admin = await loginAdmin(ctx.http);
    const client = await insertClient(ctx.db, { name: 'Gran Banco' });
    await createAccount(ctx.http, admin, { ...clientUser, role: 'client', clientId: client.id, name: 'Lucía Prieto' });
    const shopperId = await createAccount(ctx.http, admin, { role: 'shopper' });
    campaignId = await seedLargeCampaign(ctx.db, { clientId: client.id, shopperId, visits });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const jobs = () =>
    ctx.db.query<Array<{ state: string; from_cache: boolean }>>(
      `SELECT state, from_cache FROM report_jobs WHERE campaign_id = $1 ORDER BY created_at`,
      [campaignId],
    );

  it('builds the PDF by a report job showing its progress, then serves it again from the stored file at once', async () => {
    const page = await ctx.newPage({ locale: 'es-ES' });
    await signIn(page, clientUser);
    await page.goto(`/portal/campaigns/${campaignId}`);
    await page.locator('[data-testid="dashboard"][data-loaded="yes"]').waitFor();
    expect(await page.getByTestId('visits-counted').innerText()).toContain(new Intl.NumberFormat('es-ES').format(visits));

    // Every state of the job element the page shows, as it changes (the polls are a second apart).
    await page.evaluate(() => {
      const seen: SeenJob[] = [];
      Object.assign(window, { seenJobs: seen });
      new MutationObserver(() => {
        const element = document.querySelector('[data-testid="report-job"]');
        if (!element) return;
        const entry = {
          state: element.getAttribute('data-state'),
          progress: element.getAttribute('data-progress'),
          text: element.querySelector('p')?.textContent ?? '',
          bar: element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null,
        };
        const last = seen[seen.length - 1];
        if (!last || JSON.stringify(last) !== JSON.stringify(entry)) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });

    const downloaded = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('download-pdf').click();
    const progress = page.getByTestId('report-job');
    await progress.waitFor();
    expect(await progress.getAttribute('data-progress')).toMatch(/^\d{1,3}$/);
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(await progress.getAttribute('data-progress'));
    if (process.env.REPORT_JOB_SCREENSHOT) await page.screenshot({ path: process.env.REPORT_JOB_SCREENSHOT });

    const pdf = await downloaded;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await page.getByTestId('download-done').waitFor();
    expect(await page.getByTestId('report-cached').count()).toBe(0);

    const seen = await page.evaluate(() => (window as unknown as { seenJobs: SeenJob[] }).seenJobs);
    expect(seen.length).toBeGreaterThan(0);
    for (const entry of seen) {
      expect(['queued', 'running']).toContain(entry.state);
      expect(entry.bar).toBe(entry.progress);
      expect(entry.text).toBe(entry.state === 'queued' ? 'En cola…' : `Generando el informe… ${entry.progress}\u00a0%`);
    }
    const percents = seen.map((entry) => Number(entry.progress));
    expect(percents).toEqual([...percents].sort((a, b) => a - b)); // never backwards
    expect(await jobs()).toEqual([{ state: 'done', from_cache: false }]);

    // Asked for again with the same data: the job is done at once and its stored file is saved.
    const again = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('download-pdf').click();
    const second = await again;
    expect(second.suggestedFilename()).toBe(pdf.suggestedFilename());
    expect(Buffer.compare(readFileSync(await second.path()), readFileSync(await pdf.path()))).toBe(0);
    await page.getByTestId('download-done').waitFor();
    expect(await page.getByTestId('report-cached').innerText()).toBe('Listo al instante: ya estaba generado con los mismos datos.');
    expect(await page.evaluate(() => (window as unknown as { seenJobs: SeenJob[] }).seenJobs.length)).toBe(seen.length); // no progress shown
    expect(await jobs()).toEqual([
      { state: 'done', from_cache: false },
      { state: 'done', from_cache: true },
    ]);
  });

  it('stops asking for the job’s progress once the user leaves the page', async () => {
    const page = await ctx.newPage({ locale: 'es-ES' });
    await signIn(page, clientUser);
    await page.goto(`/portal/campaigns/${campaignId}`);
    await page.locator('[data-testid="dashboard"][data-loaded="yes"]').waitFor();
    const polls: string[] = [];
    page.on('request', (request) => {
      if (/\/report-jobs\//.test(request.url())) polls.push(request.url());
    });
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByTestId('download-xlsx').click(); // not built yet: a new job
    await page.getByTestId('report-job').waitFor();
    await page.getByRole('link', { name: 'Campañas' }).first().click();
    await page.getByRole('heading', { name: 'Campañas' }).waitFor();
    const left = polls.length;
    await page.waitForTimeout(3000); // three polls' time
    expect(polls.length).toBe(left);
    expect(downloads).toBe(0);
  });
});
