import { Page } from 'playwright-core';
import { ADMIN } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';
import { Language, LANGUAGES, message, seriousAccessibilityProblems } from './catalogs';

const LEARNER = 'lucia.martin@madrid.example';
const PHONE = { width: 390, height: 844 };

type TextValue = string | Array<{ '@value': string; '@language'?: string }>;

/** A credential value's text in a language, else in English, whether a plain string or VC 2.0 language-tagged values. */
function inLanguage(value: TextValue, language: string): string {
  if (typeof value === 'string') return value;
  return (value.find((v) => v['@language'] === language) ?? value.find((v) => v['@language']?.startsWith('en')) ?? value[0])['@value'];
}

const englishOf = (value: TextValue): string => inLanguage(value, 'en');

/** Real Chromium: the verdict before anything else, claims that failed a check marked, and axe on every page. */
describe('verdict first, on a phone and on /verify', () => {
  let server: TestServer;
  let browser: Browser;
  const tokens = new Map<string, string>();
  let credentialJson: string;
  let sharePath: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (const email of [LEARNER, ADMIN]) tokens.set(email, await server.login(email));
    const learner = tokens.get(LEARNER);
    const { data } = await server.gql('{ myCredentials(limit: 100) { items { id json } } }', {}, learner);
    const [credential] = data.myCredentials.items;
    credentialJson = credential.json;
    const share = await server.gql(
      'mutation($c: ID!) { createShareLink(input: { credentialId: $c }) { url } }',
      { c: credential.id },
      learner,
    );
    sharePath = new URL(share.data.createShareLink.url).pathname;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<Page> {
    const page = await browser.page();
    await page.setViewportSize(PHONE);
    return page;
  }

  const bottomOf = async (page: Page, selector: string) => {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not on the page`);
    return { top: box.y, bottom: box.y + box.height };
  };

  it.each(LANGUAGES)('opens a share link on a 390×844 phone in %s with verdict and claims above the fold', async (language) => {
    const page = await phone();
    await page.goto(`${server.url}${sharePath}?lang=${language}`);
    await page.waitForSelector('#summary');
    await browser.screenshot(page, `share link phone ${language}`);
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    expect(await page.textContent('#verdict')).toContain(message(language, 'verify', 'verdict.VALID.title'));
    const subject = JSON.parse(credentialJson).credentialSubject;
    const summary = await page.textContent('#summary');
    // The module's title in the reader's language (the credential carries every one in localizedName).
    expect(summary).toContain(inLanguage(subject.achievement.localizedName ?? subject.achievement.name, language));
    expect(summary).toContain(subject.identifier.find((i: { identityType: string }) => i.identityType === 'name').identityHash);
    for (const box of ['#verdict', '#summary']) expect([box, (await bottomOf(page, box)).bottom <= PHONE.height]).toEqual([box, true]);
    // The raw credential waits behind "show the credential"; no JSON box is on the page.
    expect(await page.isVisible('#credential-input')).toBe(false);
    expect(await page.isVisible('#raw-credential pre')).toBe(false);
    await page.getByText(message(language, 'verify', 'result.showCredential')).click();
    expect(await page.isVisible('#raw-credential pre')).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('marks a tampered credential as not trustworthy, with no trusted badge, and moves to its verdict', async () => {
    const tampered = JSON.parse(credentialJson);
    tampered.credentialSubject.result[0].value = 'A+ (forged)';
    const page = await phone();
    await page.goto(`${server.url}/verify?lang=de`);
    await page.fill('#credential-input', JSON.stringify(tampered));
    await page.click('#verify-button');
    await page.waitForSelector('#verdict');
    await browser.screenshot(page, 'tampered credential german phone');

    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('INVALID');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('verdict');
    const verdict = await bottomOf(page, '#verdict');
    expect({ inView: verdict.top >= 0 && verdict.bottom <= PHONE.height, verdict }).toMatchObject({ inView: true });
    expect(await page.getAttribute('#summary', 'data-trust')).toBe('untrusted');
    expect(await page.getAttribute('#details', 'data-trust')).toBe('untrusted');
    expect(await page.isVisible('#untrusted')).toBe(true);
    expect(await page.textContent('#untrusted')).toContain(message('de', 'verify', 'untrusted.title'));
    expect(await page.locator('#result .badge-good').count()).toBe(0);
    expect(await page.textContent('#member-badge')).toBe(message('de', 'verify', 'details.memberUnconfirmed'));
    const checks = await expectChecksIn(page, 'de', tampered);
    expect(checks.map((c) => c.code)).toContain('proof.mismatch');
    expect(await page.locator('#checks [lang="en"]').count()).toBe(1);
    await page.close();
  });

  /**
   * Each check's message on the page is its catalog entry in `language`, filled with the server's
   * params and dates in that language's form; only the library's words of a failed proof (`detail`)
   * stay English, marked so.
   */
  async function expectChecksIn(page: Page, language: Language, credential: unknown) {
    const { data } = await server.gql(
      'query($c: JSON!) { verifyCredential(credential: $c) { checks { name code params { name value } } } }',
      {
        c: credential,
      },
    );
    const checks: Array<{ name: string; code: string; params: Array<{ name: string; value: string }> }> = data.verifyCredential.checks;
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    const shown = await page.$$eval('#checks li', (items) =>
      items.map((li) => [li.getAttribute('data-check'), li.querySelector(':scope > span:nth-child(2) > span')?.textContent]),
    );
    expect(shown).toEqual(
      checks.map(({ name, code, params }) => {
        const values = Object.fromEntries(params.map((p) => [p.name, p.name === 'date' ? day.format(new Date(p.value)) : p.value]));
        return [name, message(language, 'verify', `checkMessage.${code}`, values)];
      }),
    );
    const english = await page.$$eval('#checks [lang]', (nodes) =>
      nodes.map((n) => [n.closest('li')?.getAttribute('data-check'), n.getAttribute('lang'), n.textContent]),
    );
    const details = checks.flatMap((c) => c.params.filter((p) => p.name === 'detail').map((p) => [c.name, 'en', p.value]));
    expect(english).toEqual(details);
    return checks;
  }

  it('verifies a pasted credential at once and focuses its verdict', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/verify?lang=it`);
    await page.focus('#credential-input');
    // As after Ctrl+V: the text is in the box when the paste event's handler reads it.
    await page.evaluate(`(() => {
      const input = document.getElementById('credential-input');
      input.value = ${JSON.stringify(credentialJson)};
      input.dispatchEvent(new ClipboardEvent('paste', { bubbles: true }));
    })()`);
    await page.waitForSelector('#verdict');
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    expect(await page.textContent('#verdict')).toContain(message('it', 'verify', 'verdict.VALID.title'));
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('verdict');
    expect(await page.getAttribute('#summary', 'data-trust')).toBe('trusted');
    expect(await page.locator('#result .badge-good').textContent()).toBe(message('it', 'verify', 'details.memberYes'));
    await expectChecksIn(page, 'it', JSON.parse(credentialJson));
    expect(await page.locator('#checks [lang]').count()).toBe(0);
    await page.close();
  });

  it("shows a credential's language-tagged name in the reader's language, else in English", async () => {
    const document = JSON.parse(credentialJson);
    const english = englishOf(document.credentialSubject.achievement.name);
    // This case is a name written in VC 2.0's array form alone, without the localizedName beside it.
    delete document.credentialSubject.achievement.localizedName;
    document.credentialSubject.achievement.name = [
      { '@value': english, '@language': 'en' },
      { '@value': 'Arquitecturas de la administración electrónica', '@language': 'es' },
    ];
    const page = await browser.page();
    for (const [language, shown, tagged] of [
      ['es', 'Arquitecturas de la administración electrónica', null],
      ['et', english, 'en'],
    ]) {
      await page.goto(`${server.url}/verify?lang=${language}`);
      await page.fill('#credential-input', JSON.stringify(document));
      await page.click('#verify-button');
      await page.waitForSelector('#summary');
      const name = page.locator('#summary dd').nth(1);
      expect(await name.textContent()).toBe(shown);
      // A name in another language than the page's says so, for screen readers.
      expect(await name.locator('span').getAttribute('lang')).toBe(tagged);
    }
    await page.close();
  });

  it.each([
    { name: 'front page', path: '/', ready: 'h1' },
    { name: 'verify page with a result', path: '/verify#credential=', ready: '#summary', withCredential: true },
    { name: 'share link', path: 'share', ready: '#summary' },
    { name: 'learner sign-in', path: '/learner', ready: '#login-form' },
    { name: 'learner page', path: '/learner', ready: '#credentials', signIn: LEARNER },
    { name: 'dashboard', path: '/dashboard', ready: '#targets', signIn: ADMIN },
  ])('has no serious or critical axe violation on the $name', async ({ path, ready, withCredential, signIn }) => {
    const page = await browser.page();
    if (signIn) await page.addInitScript(`sessionStorage.setItem('magix.accessToken', ${JSON.stringify(tokens.get(signIn))})`);
    const url = path === 'share' ? sharePath : withCredential ? `${path}${encodeURIComponent(credentialJson)}` : path;
    await page.goto(`${server.url}${url}`);
    await page.waitForSelector(ready);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
