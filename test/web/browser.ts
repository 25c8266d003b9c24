// Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work here).
import { existsSync } from 'fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function chromiumMissingMessage(): string {
  return `web tests skipped: no Chromium at ${CHROMIUM_PATH} (install it with \`apt-get install chromium\`, or set CHROMIUM_PATH)`;
}

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** `describe`, or `describe.skip` without Chromium (the global setup has said why, once). Only inside test files. */
export function describeWeb(name: string, body: () => void): void {
  (chromiumAvailable ? describe : describe.skip)(name, body);
}

/** A headless Chromium with a fresh profile of its own (Playwright makes a temporary user-data-dir per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
