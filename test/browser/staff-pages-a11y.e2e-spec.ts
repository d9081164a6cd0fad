import { Page } from 'playwright-core';
import { ADMIN, FAU_STAFF } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';
import { LANGUAGES, message, PHONE, seriousAccessibilityProblems, signIn } from './staff-pages.support';

const LEARNER = 'lucia.martin@madrid.example';

/** What each page must hold, once loaded, before axe looks at it. */
const PAGES = [
  { path: 'staff', namespace: 'staff', account: FAU_STAFF, ready: '#awaiting-table' },
  { path: 'office', namespace: 'office', account: ADMIN, ready: '#audit-table' },
  { path: 'catalogue', namespace: 'catalogue', account: LEARNER, ready: '#module-count' },
];

/** Each page in each language: <html lang>, a translated heading, and axe with no serious or critical violation. */
describe('staff, office and catalogue pages: languages and accessibility', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAGES)('/$path speaks every language and has no serious accessibility violation', async ({ path, namespace, account, ready }) => {
    const page: Page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/${path}?lang=en`);
    await signIn(page, account);
    const wrong: string[] = [];
    for (const language of LANGUAGES) {
      await page.goto(`${server.url}/${path}?lang=${language}`);
      await page.waitForSelector(ready);
      const lang = await page.getAttribute('html', 'lang');
      const heading = await page.textContent('#page-heading');
      const title = await page.title();
      if (lang !== language) wrong.push(`${path} ${language}: html lang is ${lang}`);
      if (heading !== message(language, namespace, 'heading')) wrong.push(`${path} ${language}: heading "${heading}"`);
      if (title !== message(language, namespace, 'pageTitle')) wrong.push(`${path} ${language}: title "${title}"`);
      for (const problem of await seriousAccessibilityProblems(page)) wrong.push(`${path} ${language}: ${problem}`);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > PHONE.width) wrong.push(`${path} ${language}: ${width} px wide on a ${PHONE.width} px phone`);
    }
    await browser.screenshot(page, `${path} in estonian`);
    expect(wrong).toEqual([]);
    await page.close();
  });

  it('shows the sign-in form with labels and focus that a keyboard can use', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/office?lang=it`);
    await page.waitForSelector('#login-form');
    expect(await page.textContent('label[for="login-email"]')).toBe(message('it', 'common', 'email'));
    await page.click('#login-button');
    expect(await page.getAttribute('#login-email', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#login-email-error')).toBe(message('it', 'staff', 'session.emailRequired'));

    // A learner's account is not the office's: the form says so and keeps no session.
    await page.fill('#login-email', LEARNER);
    await page.fill('#login-password', 'magix-demo-2026');
    await page.keyboard.press('Enter');
    await page.locator('#login-error', { hasText: /\S/ }).waitFor();
    expect(await page.textContent('#login-error')).toBe(message('it', 'staff', 'session.wrongRole'));
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
