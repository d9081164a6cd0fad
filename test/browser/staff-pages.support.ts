import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'magix-demo-2026';
export const LANGUAGES = ['en', 'es', 'it', 'de', 'et'] as const;
export const PHONE = { width: 390, height: 844 };
const AXE = join(__dirname, '../../node_modules/axe-core/axe.min.js');

/** A message of a page's catalog, e.g. message('de', 'staff', 'heading'). */
export function message(language: string, namespace: string, key: string): string {
  const catalog = JSON.parse(readFileSync(join(__dirname, `../../web/locales/${language}/${namespace}.json`), 'utf8'));
  return key.split('.').reduce((node, part) => node[part], catalog) as string;
}

/** Signs in with the page's own form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.waitForSelector('#login-email');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('#login-button');
  await page.waitForSelector('#sign-out');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's serious and critical violations on the page as it stands. axe is evaluated through
 * DevTools: the pages' CSP refuses the inline script that page.addScriptTag would add.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations: AxeViolation[] = await page.evaluate(`axe.run(document).then((result) => result.violations.map((v) =>
    ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
