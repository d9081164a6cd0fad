import jsQR from 'jsqr';
import { Page } from 'playwright-core';
import { ADMIN, UPM_STAFF } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';

const LEARNER = 'lucia.martin@madrid.example';
const PASSWORD = 'magix-demo-2026';

/** Real Chromium against a real server on a fresh database: what an employer, a learner and the office see. */
describe('web pages in Chromium', () => {
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

  async function learnerCredentials(): Promise<Array<{ id: string; json: string; issuer: { shortName: string } }>> {
    const token = await server.login(LEARNER);
    const { data } = await server.gql('{ myCredentials(limit: 100) { items { id kind json issuer { shortName } } } }', {}, token);
    return data.myCredentials.items;
  }

  async function pasteAndVerify(page: Page, text: string): Promise<void> {
    await page.goto(`${server.url}/verify`);
    await page.fill('#credential-input', text);
    await page.click('#verify-button');
    await page.waitForSelector('#verdict');
  }

  it('shows a valid credential as valid, with every check passed and what it is for', async () => {
    const [credential] = await learnerCredentials();
    const page = await browser.page(375); // a phone screen
    await pasteAndVerify(page, credential.json);
    await browser.screenshot(page, 'valid credential');

    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    expect(await page.textContent('#verdict')).toContain('Valid');
    const outcomes = await page.$$eval('#checks li', (items) => items.map((li) => li.getAttribute('data-outcome')));
    expect(outcomes.length).toBe(5);
    expect(new Set(outcomes)).toEqual(new Set(['PASSED']));
    const details = await page.textContent('#details');
    const doc = JSON.parse(credential.json);
    expect(details).toContain(doc.issuer.name);
    expect(details).toContain(doc.credentialSubject.achievement.name);
    expect(details).toContain('Yes — in the MAGIX trust registry');
    // No horizontal scrolling on a 375 px wide screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('shows a tampered credential as invalid, naming the signature check that failed', async () => {
    const [credential] = await learnerCredentials();
    const tampered = JSON.parse(credential.json);
    tampered.credentialSubject.result[0].value = 'A+ (forged)';
    const page = await browser.page();
    await pasteAndVerify(page, JSON.stringify(tampered));
    await browser.screenshot(page, 'tampered credential');

    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('INVALID');
    expect(await page.getAttribute('#checks li[data-check="PROOF"]', 'data-outcome')).toBe('FAILED');
    expect(await page.textContent('#checks li[data-check="PROOF"]')).toContain('Failed');
    await page.close();
  });

  it('shows a revoked credential as revoked', async () => {
    const upm = await server.login(UPM_STAFF);
    const upmCredential = (await learnerCredentials()).find((c) => c.issuer.shortName === 'UPM');
    if (!upmCredential) throw new Error('the demo learner holds no UPM credential');
    const revoked = await server.gql(
      'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
      { input: { id: upmCredential.id, reason: 'Browser test: issued in error' } },
      upm,
    );
    expect(revoked.data?.revokeCredential.state).toBe('REVOKED');

    const page = await browser.page();
    await pasteAndVerify(page, upmCredential.json);
    await browser.screenshot(page, 'revoked credential');
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('REVOKED');
    expect(await page.getAttribute('#checks li[data-check="STATUS"]', 'data-outcome')).toBe('FAILED');
    await page.close();
  });

  it('opens a share link created on the learner page straight to its verdict', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/learner`);
    await page.fill('#login-email', LEARNER);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-button');
    await page.waitForSelector('#credentials');
    // Not the UPM credential revoked above: this one must verify as valid.
    const shared = (await learnerCredentials()).find((c) => c.issuer.shortName !== 'UPM');
    if (!shared) throw new Error('the demo learner holds no credential from another HEI');
    const card = page.locator(`#credentials > li[data-credential="${shared.id}"]`);
    await card.getByRole('button', { name: 'Create share link' }).click();
    const link = card.locator('[data-share-link][data-state="ACTIVE"] a code');
    await link.waitFor();
    const url = (await link.textContent())!.trim();
    expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{32}$/);
    await browser.screenshot(page, 'learner page with share link');

    // The printed address uses PUBLIC_URL; the test server listens on another port, so open its path here.
    const visitor = await browser.page(375);
    await visitor.goto(`${server.url}${new URL(url).pathname}`);
    await visitor.waitForSelector('#verdict');
    await browser.screenshot(visitor, 'share link verdict');
    expect(await visitor.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    expect(await visitor.textContent('#details')).toContain(JSON.parse(shared.json).credentialSubject.achievement.name);
    expect(await visitor.isVisible('#shared-pdf')).toBe(true);

    // The QR code, drawn by the browser and read back by a decoder, is the share address.
    expect(await readQrCode(visitor, `${server.url}${new URL(url).pathname}/qr.svg`)).toBe(url);
    await visitor.close();
    await page.close();
  });

  it('shows a degree with its co-awarders and, by name, the modules it stacks', async () => {
    const token = await server.login('ieva.berzina@vid.example');
    const { data } = await server.gql('{ myCredentials(limit: 100) { items { kind json } } }', {}, token);
    const degree = data.myCredentials.items.find((c: { kind: string }) => c.kind === 'DEGREE');
    if (!degree) throw new Error('the demo graduate holds no degree');
    const page = await browser.page();
    await pasteAndVerify(page, degree.json);
    await browser.screenshot(page, 'joint degree');

    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    const document = JSON.parse(degree.json);
    const coAwarders = await page.$$eval('#co-awarders li', (items) => items.map((li) => li.textContent));
    expect(coAwarders).toHaveLength(document.coAwardedBy.length);
    const stacked = await page.$$eval('#stacked li', (items) => items.map((li) => li.textContent ?? ''));
    expect(stacked).toHaveLength(document.relatedResource.length);
    for (const evidence of document.evidence) {
      expect(stacked.find((line) => line.includes(evidence.id))).toContain(evidence.name);
    }
    expect(stacked.join('\n')).toContain('Politecnico di Milano');
    await page.close();
  });

  it('shows the dashboard with the same numbers as the API', async () => {
    const token = await server.login(ADMIN);
    const { data } = await server.gql(
      '{ programmeTargets { graduates { actual target } moduleParticipants { actual target } publicSectorShare { actual } } }',
      {},
      token,
    );
    const targets = data.programmeTargets;
    const page = await browser.page();
    await page.goto(`${server.url}/dashboard`);
    await page.fill('#login-email', ADMIN);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-button');
    await page.waitForSelector('#targets');
    await browser.screenshot(page, 'programme dashboard');

    expect(await page.textContent('#graduates [data-actual]')).toBe(String(targets.graduates.actual));
    expect(await page.textContent('#participants [data-actual]')).toBe(String(targets.moduleParticipants.actual));
    expect(await page.textContent('#graduates')).toContain(`of ${targets.graduates.target}`);
    expect(await page.getAttribute('#public-share [data-actual]', 'data-actual')).toBe(String(targets.publicSectorShare.actual));
    for (const chart of ['#by-edition', '#by-country', '#by-partner', '#by-sector', '#graduates-line']) {
      expect(await page.locator(chart).count()).toBe(1);
    }
    await page.close();
  });
});

/** Draws an image in the page and decodes the QR code in it (null when there is none). */
async function readQrCode(page: Page, imageUrl: string): Promise<string | null> {
  const size = 240;
  // Runs in the page (a script, as the test code is compiled without the DOM's types); the
  // pixels come back as base64, far cheaper to pass than an array of numbers.
  const base64 = await page.evaluate<string>(`(async () => {
    const image = new Image();
    image.src = ${JSON.stringify(imageUrl)};
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = ${size};
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, ${size}, ${size});
    context.drawImage(image, 0, 0, ${size}, ${size});
    const pixels = context.getImageData(0, 0, ${size}, ${size}).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 0x8000) binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    return btoa(binary);
  })()`);
  return jsQR(new Uint8ClampedArray(Buffer.from(base64, 'base64')), size, size)?.data ?? null;
}
