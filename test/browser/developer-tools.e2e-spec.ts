import { Page } from 'playwright-core';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A page on a network closed except loopback, as offline as a laptop on a train: every request to
 * another host is refused and recorded, and so is every CSP refusal the page logs.
 */
async function offlinePage(browser: Browser): Promise<{ page: Page; refused: string[]; violations: string[] }> {
  const page = await browser.page();
  const refused: string[] = [];
  const violations: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOOPBACK.has(url.hostname)) return route.continue();
    refused.push(url.href);
    return route.abort('internetdisconnected');
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return { page, refused, violations };
}

describe('developer tools in Chromium, offline: GraphiQL and the OpenAPI viewer', () => {
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

  it('GraphiQL loads and its docs explorer lists the query type’s fields, verifyCredential among them', async () => {
    const { page, refused, violations } = await offlinePage(browser);
    await page.goto(`${server.url}/graphql`);
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    // The root types are there once the introspection query was answered.
    await page.locator('.graphiql-doc-explorer').getByRole('link', { name: 'Query', exact: true }).click();
    const field = page.locator('.graphiql-doc-explorer-field-name', { hasText: /^verifyCredential$/ });
    await field.waitFor({ timeout: 20_000 });
    expect(await field.count()).toBe(1);
    await browser.screenshot(page, 'graphiql-docs-offline');
    expect(refused).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the OpenAPI viewer at /api-docs shows POST /credentials/issue with its Open Badges 3.0 example', async () => {
    const { page, refused, violations } = await offlinePage(browser);
    await page.goto(`${server.url}/api-docs`);
    const issue = page.locator('.opblock-post', { has: page.locator('[data-path="/credentials/issue"]') });
    await issue.locator('.opblock-summary').first().click();
    const example = issue.locator('.opblock-body .highlight-code').first();
    await example.waitFor({ timeout: 20_000 });
    const text = await example.innerText();
    expect(text).toContain('"OpenBadgeCredential"');
    expect(text).toContain('"AchievementSubject"');
    // The example names an HEI of this server, as its DID.
    const { data } = await server.gql('{ organisations(kind: HEI) { items { issuerDid } } }');
    const dids = data.organisations.items.map((o: { issuerDid: string }) => o.issuerDid);
    expect(dids.some((did: string) => text.includes(did))).toBe(true);
    await browser.screenshot(page, 'api-docs-offline');
    expect(refused).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
