// Web section: the client's dashboard of the seeded campaign in Chromium (test/web/browser.ts), served by
// the real app in this process from the built web app (dist/web, built here when missing).
// - figures…Ms: from the start of the navigation to the dashboard URL until its figures are on screen
//   (performance.now() in the page when the overall score shows), first in a fresh browser context (no
//   cache) and then the median of warm runs, with the share of it GET /kpis took. Target ≤ 1.5 s.
// - firstPageJsGzipKb: the JavaScript the first page loads (the dashboard opened by its URL in a fresh
//   context, 1366×768, until the network is idle), each file gzipped as a server would send it. Target
//   ≤ 350 kB. Also measured: the sign-in page, and all JS once every chart has been scrolled into view
//   (ECharts is fetched only when a chart comes near the viewport).
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import type { AddressInfo } from 'net';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { gzipSync } from 'zlib';
import { createApp } from '../src/app.factory';
import { UsersService } from '../src/users/users.service';
import { chromiumAvailable, chromiumMissingMessage, launchChromium } from '../test/web/browser';
import { median, round } from './context';
import { seededCampaign } from './kpi';
import type { BenchSection } from './run';

const ROOT = join(__dirname, '..');
const WARM_RUNS = 3;
const TARGET_MS = 1500;
const TARGET_JS_KB = 350;
const CLIENT = { email: 'client@bench.local', password: 'bench-portal-password-1' };

/** Gzipped kilobytes of every script the page has loaded so far (recorded by `recordScripts`). */
function recordScripts(page: Page): () => Promise<number> {
  const bodies: Array<Promise<Buffer>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  return async () => (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body).length, 0) / 1024;
}

export const webSection: BenchSection = {
  name: 'web',
  async run(ctx) {
    if (!chromiumAvailable) throw new Error(chromiumMissingMessage());
    const campaign = await seededCampaign(ctx);
    if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
      ctx.log('building the web app (npm run build:web)…');
      execFileSync('npm', ['run', '--silent', 'build:web'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
    Object.assign(process.env, {
      DATABASE_URL: ctx.databaseUrl,
      JWT_SECRET: process.env.JWT_SECRET || 'bench-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'warn',
    });
    const app = await createApp();
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const browser = await launchChromium();
    const contexts: BrowserContext[] = [];
    try {
      await app
        .get(UsersService)
        .create(
          { id: '00000000-0000-0000-0000-000000000000', email: 'bench', role: 'admin', clientId: null, name: 'bench' },
          { email: CLIENT.email, password: CLIENT.password, role: 'client', clientId: campaign.clientId, name: 'Bench client' },
        );
      const dashboardPath = `/portal/campaigns/${campaign.campaignId}`;
      const freshPage = async () => {
        const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', viewport: { width: 1366, height: 768 } });
        contexts.push(context);
        return context.newPage();
      };
      const signIn = async (page: Page) => {
        await page.getByLabel(/^Email/).fill(CLIENT.email);
        await page.getByLabel(/^Password/).fill(CLIENT.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/portal/);
      };
      /** Navigates to the dashboard: ms from navigation start to the figures on screen, and how long GET /kpis took of it. */
      const kpisMs: number[] = [];
      const figuresAfterNavigation = async (page: Page) => {
        const kpisResponse = page.waitForResponse((response) => /\/kpis(\?|$)/.test(response.url()), { timeout: 60_000 });
        await page.goto(dashboardPath, { waitUntil: 'commit' });
        await page.locator('[data-testid="dashboard"][data-loaded="yes"] [data-kpi="overall.mean"]').waitFor({ timeout: 60_000 });
        const timing = (await kpisResponse).request().timing();
        kpisMs.push(timing.responseEnd - timing.requestStart);
        return page.evaluate(() => performance.now());
      };

      // The sign-in page: what http://localhost:3000 shows first.
      const signInPage = await freshPage();
      const signInScripts = recordScripts(signInPage);
      await signInPage.goto('/', { waitUntil: 'networkidle' });
      const signInJsKb = await signInScripts();

      // The dashboard opened by its URL in a fresh context (the session carried over in sessionStorage).
      await signIn(signInPage);
      const session = await signInPage.evaluate(() => sessionStorage.getItem('incognito.session'));
      const cold = await freshPage();
      await cold.addInitScript((value) => sessionStorage.setItem('incognito.session', value!), session);
      const dashboardScripts = recordScripts(cold);
      const coldMs = await figuresAfterNavigation(cold);
      await cold.waitForLoadState('networkidle');
      const firstPageJsKb = await dashboardScripts();
      // Every chart drawn: each scrolled into view in turn (a chart is drawn when it comes near the viewport).
      for (const chart of await cold.locator('[data-chart-ready]').all()) await chart.scrollIntoViewIfNeeded();
      await cold.waitForFunction(() =>
        [...document.querySelectorAll('[data-chart-ready]')].every((chart) => chart.getAttribute('data-chart-ready') === 'yes'),
      );
      await cold.waitForLoadState('networkidle');
      const allJsKb = await dashboardScripts();

      const warm: number[] = [];
      for (let run = 0; run < WARM_RUNS; run++) warm.push(await figuresAfterNavigation(cold));
      const warmMedianMs = median(warm);
      return {
        visits: campaign.visits,
        figuresColdMs: round(coldMs),
        figuresWarmMedianMs: round(warmMedianMs),
        signInPageJsGzipKb: round(signInJsKb),
        firstPageJsGzipKb: round(firstPageJsKb),
        allJsWithChartsGzipKb: round(allJsKb),
        kpisRequestMedianMs: round(median(kpisMs)),
        allRunsMs: { cold: round(coldMs), warm: warm.map(round), kpisRequests: kpisMs.map(round) },
        targets: { ms: TARGET_MS, jsKb: TARGET_JS_KB },
        met: coldMs <= TARGET_MS && warmMedianMs <= TARGET_MS && firstPageJsKb <= TARGET_JS_KB,
      };
    } finally {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
    }
  },
};
