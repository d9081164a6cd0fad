import { Page } from 'playwright-core';

// The catalogs, the languages and the axe check are the ones every browser test uses.
export { LANGUAGES, message, seriousAccessibilityProblems } from './catalogs';

export const DEMO_PASSWORD = 'magix-demo-2026';
export const PHONE = { width: 390, height: 844 };

/** Signs in with the page's own form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.waitForSelector('#login-email');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('#login-button');
  await page.waitForSelector('#sign-out');
}
