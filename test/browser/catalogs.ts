import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import type { Language } from '@magix/i18n';

/** The pages' message catalogs, read by the browser tests to know what each language must show. */
export { LANGUAGES } from '@magix/i18n';
export type { Language } from '@magix/i18n';
const LOCALES = join(__dirname, '../../web/locales');
const AXE = require.resolve('axe-core/axe.min.js');

export type Messages = { [key: string]: string | Messages };

export function catalog(language: Language, namespace: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Messages;
}

/** A message as the reader sees it, from the same catalogs the pages load. */
export function message(language: Language, namespace: string, key: string, values: Record<string, string> = {}): string {
  const found = key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      catalog(language, namespace),
    );
  if (typeof found !== 'string') throw new Error(`${language}/${namespace}.json has no ${key}`);
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** Every dotted key ("nav.verify"): shown on a page, it would mean a message was missing. */
export function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? (path.includes('.') ? [path] : []) : keysOf(value, path);
  });
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // page.evaluate runs outside the page's CSP, which forbids the inline script addScriptTag would add.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate<Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
