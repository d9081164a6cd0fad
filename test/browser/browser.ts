import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium: Playwright's own browser download is not used (see the shared stack notes). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '../../test-output/browser');

export interface Browser {
  context: BrowserContext;
  page(width?: number): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** A headless Chromium on a fresh profile, so no state leaks between runs or from the machine. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "apt-get install -y chromium" (npm test does so as root via its pretest step)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'magix-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    viewport: { width: 1100, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    async page(width) {
      const page = await context.newPage();
      if (width) await page.setViewportSize({ width, height: 812 });
      return page;
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
