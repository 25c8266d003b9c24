// The real application on its own database copy, listening on a free port of 127.0.0.1 and serving the
// built web app (dist/web), plus a Chromium to drive it.
import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, TestContext } from '../helpers/test-app';
import { launchChromium } from './browser';

export interface WebTestContext extends TestContext {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own sessionStorage), English or Spanish, desktop unless a viewport is given. */
  newPage(options?: { locale?: 'en-GB' | 'es-ES'; viewport?: { width: number; height: number } }): Promise<Page>;
}

/** `env`: settings of the app beside the test defaults (e.g. JOB_POLLING_SECONDS). */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebTestContext> {
  const ctx = await createTestApp(env);
  await ctx.app.listen(0, '127.0.0.1');
  const { port } = ctx.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    ...ctx,
    baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? 'en-GB',
        viewport: options.viewport ?? { width: 1280, height: 900 },
        acceptDownloads: true,
        // No fade-ins (the theme respects it): axe must not measure a dialog's contrast half-way through.
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      // A console error or an uncaught exception in the page fails the test that caused it.
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await ctx.close();
    },
  };
}

/** Errors the pages reported (uncaught exceptions, console errors other than expected 4xx answers). */
export const pageErrors: string[] = [];

export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await fillSignIn(page, credentials);
  await page.waitForURL(/\/portal/);
}

export async function fillSignIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.getByLabel(/^(Email|Correo electrónico)/).fill(credentials.email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(credentials.password);
  await page.getByRole('button', { name: /^(Sign in|Entrar)$/ }).click();
}

/** axe-core on the page as it is: no serious or critical violation, reported readably when there is one. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
}
