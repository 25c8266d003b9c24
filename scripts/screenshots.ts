/// <reference path="../src/kpis/domain/jstat.d.ts" />
/// <reference path="../src/exports/pdf/svg-to-pdfkit.d.ts" />
// `npm run screenshots`: the web app's main pages, photographed by Chromium into docs/screenshots/.
// Starts its own embedded PostgreSQL in a temp folder, the real app on a free port (serving the built
// web app: run `npm run build:web` first, which the npm script does), seeds it with the web tests' data
// (test/web/seed.ts: a bank with two waves of the in-store questionnaire) and signs in as its client user.
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { ensureDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { ADMIN } from '../test/helpers/test-app';
import { chromiumMissingMessage, chromiumAvailable, launchChromium } from '../test/web/browser';
import { seedPortal } from '../test/web/seed';
import { seedProgram } from '../test/web/program-seed';
import { fillFormForScreenshot, seedShopperApp } from '../test/web/shopper-seed';
import { seedConsole } from '../test/web/console-seed';
import { createActiveCampaign } from '../test/factories/design.factory';

const OUTPUT = resolve(__dirname, '..', 'docs', 'screenshots');
const log = (line: string) => process.stdout.write(`[screenshots] ${line}\n`);

async function main(): Promise<void> {
  if (!chromiumAvailable) throw new Error(chromiumMissingMessage());
  const dataDir = mkdtempSync(join(tmpdir(), 'incognito-screenshots-'));
  const databaseDir = mkdtempSync(join(tmpdir(), 'incognito-screenshots-pg-'));
  const database = await startEmbeddedPostgres({ databaseDir, persistent: false });
  try {
    await ensureDatabase(database.urlFor('postgres'), 'incognito');
    Object.assign(process.env, {
      DATABASE_URL: database.urlFor('incognito'),
      JWT_SECRET: 'screenshots-secret-that-is-long-enough-0123456789',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    const app = await createApp();
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    try {
      log('seeding…');
      const seed = await seedPortal(
        { db: app.get(DataSource), http: request(app.getHttpServer()) },
        { visitsPerTouchpoint: 8, previousVisitsPerTouchpoint: 4 },
      );
      const browser = await launchChromium();
      try {
        mkdirSync(OUTPUT, { recursive: true });
        const shoot = async (name: string, page: Page, fullPage = true) => {
          await page.waitForLoadState('networkidle');
          // A palette PNG: a third of the size, no visible difference on flat UI colours.
          const png = await page.screenshot({ fullPage });
          await sharp(png)
            .png({ palette: true, quality: 90, compressionLevel: 9 })
            .toFile(join(OUTPUT, `${name}.png`));
          log(`docs/screenshots/${name}.png`);
        };
        const open = async (locale: 'es-ES' | 'en-GB', viewport = { width: 1366, height: 900 }) => {
          const context = await browser.newContext({ baseURL: baseUrl, locale, viewport, deviceScaleFactor: 1 });
          return context.newPage();
        };
        const signIn = async (page: Page) => {
          await page.getByLabel(/^(Email|Correo electrónico)/).fill(seed.clientUser.email);
          await page.getByLabel(/^(Password|Contraseña)/).fill(seed.clientUser.password);
          await page.getByRole('button', { name: /^(Sign in|Entrar)$/ }).click();
          await page.waitForURL(/\/portal/);
        };
        const dashboardReady = async (page: Page) => {
          await page.locator('[data-testid="dashboard"][data-loaded="yes"]').waitFor();
          // Charts are drawn when they come near the viewport: each scrolled into view in turn, then back to the top.
          for (const chart of await page.locator('[data-chart-ready]').all()) await chart.scrollIntoViewIfNeeded();
          await page.waitForFunction(() =>
            [...document.querySelectorAll('[data-chart-ready]')].every((chart) => chart.getAttribute('data-chart-ready') === 'yes'),
          );
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(300); // the charts' first frame
        };

        const page = await open('en-GB');
        await page.goto('/sign-in');
        await shoot('01-sign-in', page, false);
        await signIn(page);
        await page.locator(`[data-campaign-id="${seed.campaignId}"]`).waitFor();
        await shoot('02-campaigns', page, false);
        await page.goto(`/portal/campaigns/${seed.campaignId}`);
        await dashboardReady(page);
        await shoot('03-dashboard', page);
        await page.goto(`/portal/campaigns/${seed.campaignId}?channel=in_person&region=Madrid`);
        await dashboardReady(page);
        await shoot('04-dashboard-filtered', page, false);
        await page.goto(`/portal/campaigns/${seed.campaignId}/visits?sort=score&order=asc`);
        await page.getByTestId('visit-table').waitFor();
        await shoot('05-visits', page, false);
        await page.goto(`/portal/visits/${seed.evidenceVisitId}`);
        await page.locator('tr[data-question]').first().waitFor();
        await page.getByTestId('evidence').locator('img').waitFor();
        await shoot('06-visit', page);

        const spanish = await open('es-ES', { width: 375, height: 812 });
        await spanish.goto('/sign-in');
        await signIn(spanish);
        await spanish.goto(`/portal/campaigns/${seed.campaignId}`);
        await dashboardReady(spanish);
        await shoot('07-dashboard-phone-es', spanish);

        // An omnichannel program of the same bank (test/web/program-seed.ts): branch, phone and email in two waves.
        const programSeed = await seedProgram(
          { db: app.get(DataSource), http: request(app.getHttpServer()) },
          { visitsPerTouchpoint: 10, client: { id: seed.clientId, user: seed.clientUser } },
        );
        await page.goto(`/portal/programs/${programSeed.programId}/waves/${programSeed.wave2Id}`);
        await page.locator('[data-testid="program"][data-loaded="yes"]').waitFor();
        await page.getByTestId('heatmap-chart').scrollIntoViewIfNeeded();
        await page.locator('[data-testid="heatmap-chart"] [data-chart-ready="yes"]').waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300); // the chart's first frame
        await shoot('17-program-wave', page);
        await spanish.goto(`/portal/programs/${programSeed.programId}/waves/${programSeed.wave2Id}`);
        await spanish.locator('[data-testid="program"][data-loaded="yes"]').waitFor();
        await spanish.getByTestId('heatmap-chart').scrollIntoViewIfNeeded();
        await spanish.locator('[data-testid="heatmap-chart"] [data-chart-ready="yes"]').waitFor();
        await spanish.evaluate(() => window.scrollTo(0, 0));
        await spanish.waitForTimeout(300);
        await shoot('18-program-wave-phone-es', spanish);

        // The shopper app on a phone (test/web/shopper-seed.ts: a questionnaire with every question type).
        const shopperSeed = await seedShopperApp({ db: app.get(DataSource), http: request(app.getHttpServer()) });
        const phone = await open('en-GB', { width: 375, height: 812 });
        await phone.goto('/sign-in?next=%2Fshopper');
        await phone.getByLabel(/^Email/).fill(shopperSeed.shopper.email);
        await phone.getByLabel(/^Password/).fill(shopperSeed.shopper.password);
        await phone.getByRole('button', { name: /^Sign in$/ }).click();
        await phone.locator('[data-job]').first().waitFor();
        await shoot('08-shopper-jobs-phone', phone);
        await phone.goto(`/shopper/visits/${shopperSeed.todo.screenshot}`);
        await phone.getByTestId('visit-form').waitFor();
        await fillFormForScreenshot(phone);
        await phone.mouse.move(0, 0);
        await phone.evaluate(() => window.scrollTo(0, 0));
        await shoot('09-shopper-form-phone', phone, false);
        await phone.locator('[data-question="photo"]').evaluate((element) => element.scrollIntoView({ block: 'end' }));
        await phone.evaluate(() => window.scrollBy(0, 100)); // above the sticky send button
        await shoot('10-shopper-form-evidence-phone', phone, false);
        await phone.goto('/shopper/visits');
        await phone.getByTestId('return-comment').waitFor();
        await shoot('11-shopper-visits-phone', phone, false);

        // The consultant's console (test/web/console-seed.ts): review queue, a report, the editor, a campaign's plan.
        const consoleSeed = await seedConsole({ db: app.get(DataSource), http: request(app.getHttpServer()) }, { reports: 7 });
        const reviewer = consoleSeed.reviewers[0];
        const http = request(app.getHttpServer());
        const draft = (await http.post(`/questionnaires/${consoleSeed.questionnaireId}/versions`).set(reviewer.session.auth)).body as {
          id: string;
        };
        const wave = await createActiveCampaign(http, reviewer.session, {
          clientId: consoleSeed.clientId,
          questionnaireId: consoleSeed.questionnaireId,
          touchpointIds: consoleSeed.touchpoints.map((touchpoint) => touchpoint.id),
          name: 'Oleada de primavera',
          visitsPerTouchpoint: 4,
        });
        const desk = await open('en-GB', { width: 1366, height: 900 });
        await desk.goto('/sign-in');
        await desk.getByLabel(/^Email/).fill(reviewer.email);
        await desk.getByLabel(/^Password/).fill(reviewer.password);
        await desk.getByRole('button', { name: /^Sign in$/ }).click();
        await desk.waitForURL(/\/portal/);
        await desk.goto('/console');
        await desk.getByTestId('review-queue').waitFor();
        await shoot('12-console-review-queue', desk, false);
        await desk.goto(`/console/reports/${consoleSeed.knockoutReportId}`);
        await desk.getByTestId('report-alerts').waitFor();
        await shoot('13-console-report', desk, false);
        await desk.goto(`/console/questionnaires/${draft.id}`);
        await desk.locator('[data-testid="editor"][data-status="draft"]').waitFor();
        await desk.locator('[data-preview-question="resolved"]').getByRole('combobox').click();
        await desk.getByRole('option', { name: 'No', exact: true }).click();
        await desk.mouse.move(0, 0);
        await shoot('14-console-questionnaire-editor', desk, false);
        await desk.goto(`/console/campaigns/${wave.id}`);
        await desk.getByTestId('plan-calendar').waitFor();
        await desk.getByTestId('plan-calendar').scrollIntoViewIfNeeded();
        await desk.evaluate(() => window.scrollTo(0, 0));
        await shoot('15-console-campaign-plan', desk);
        await desk.goto(`/console/fieldwork?campaignId=${wave.id}`);
        await desk.getByTestId('board').waitFor();
        await shoot('16-console-fieldwork', desk, false);
        // The shoppers' payables once three visits are approved, as an admin sees them (with "Mark as paid").
        for (const id of consoleSeed.reportIds.filter((id) => id !== consoleSeed.knockoutReportId).slice(0, 3)) {
          await http.post(`/visit-reports/${id}/approve`).set(reviewer.session.auth).expect(200);
        }
        const office = await open('en-GB', { width: 1366, height: 900 });
        await office.goto('/sign-in');
        await office.getByLabel(/^Email/).fill(ADMIN.email);
        await office.getByLabel(/^Password/).fill(ADMIN.password);
        await office.getByRole('button', { name: /^Sign in$/ }).click();
        await office.waitForURL(/\/portal/);
        await office.goto('/console/payables');
        await office.getByTestId('payables').waitFor();
        await shoot('20-console-payables', office, false);
        // The bank's program set up in the console: a measure of its own over two channels' differently keyed questions, its waves.
        await http
          .patch(`/programs/${programSeed.programId}`)
          .set(reviewer.session.auth)
          .send({ measures: [{ key: 'tiempo_espera', title: 'Tiempo de espera', questionKeys: ['espera', 'espera_linea'] }] })
          .expect(200);
        await desk.goto(`/console/programs/${programSeed.programId}`);
        await desk.locator('[data-testid="waves"] [data-wave-id]').first().waitFor();
        await shoot('19-console-program', desk);
      } finally {
        await browser.close();
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(databaseDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
