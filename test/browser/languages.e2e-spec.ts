import { Page } from 'playwright-core';
import { ADMIN } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';
import { catalog, keysOf, LANGUAGES, message, seriousAccessibilityProblems } from './catalogs';

const LEARNER = 'lucia.martin@madrid.example';
/** The demo's graduate: she holds the joint degree. */
const GRADUATE = 'ieva.berzina@vid.example';

/** The pages that exist today; each is checked in each language. */
const PAGES = [
  { path: '/', namespace: 'index', ready: 'h1' },
  { path: '/verify', namespace: 'verify', ready: '#verify-form' },
  { path: '/learner', namespace: 'learner', ready: '#credentials', signIn: LEARNER },
  { path: '/dashboard', namespace: 'dashboard', ready: '#targets', signIn: ADMIN },
];

/** Real Chromium: every page in English, Spanish, Italian, German and Estonian. */
describe('web pages in five languages', () => {
  let server: TestServer;
  let browser: Browser;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (const email of [LEARNER, GRADUATE, ADMIN]) tokens.set(email, await server.login(email));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A tab already signed in as `email` (the pages keep the token in sessionStorage). */
  async function pageSignedInAs(email: string | undefined): Promise<Page> {
    const page = await browser.page();
    if (email) await page.addInitScript(`sessionStorage.setItem('magix.accessToken', ${JSON.stringify(tokens.get(email))})`);
    return page;
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(PAGES)('shows $path translated, with no message key left showing', async ({ path, namespace, ready, signIn }) => {
      const page = await pageSignedInAs(signIn);
      await page.goto(`${server.url}${path}?lang=${language}`);
      await page.waitForSelector(ready);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect((await page.textContent('h1'))?.trim()).toBe(message(language, namespace, 'heading'));
      expect(await page.title()).toBe(message(language, namespace, 'title'));
      expect(await page.inputValue('#language-switch')).toBe(language);
      const nav = await page.$$eval('header nav a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
      expect(nav).toEqual(
        ['verify', 'catalogue', 'learner', 'staff', 'office', 'dashboard'].map((name) => [
          `/${name}`,
          message(language, 'common', `nav.${name}`),
        ]),
      );
      const text = await page.evaluate<string>('document.body.innerText');
      const keys = [...keysOf(catalog('en', namespace)), ...keysOf(catalog('en', 'common'))];
      expect(keys.filter((key) => text.includes(key))).toEqual([]);
      expect(text).not.toMatch(/\b(common|index|verify|learner|dashboard):[a-z]/);
      await page.close();
    });
  });

  it('shows the signed-in pages’ own words in the reader’s language', async () => {
    const learner = await pageSignedInAs(LEARNER);
    await learner.goto(`${server.url}/learner?lang=es`);
    await learner.waitForSelector('#credentials');
    expect(await learner.textContent('#credentials')).toContain(message('es', 'learner', 'credentials.downloadJson'));
    expect(await learner.textContent('#credentials')).toContain(message('es', 'learner', 'links.create'));
    await learner.close();

    const office = await pageSignedInAs(ADMIN);
    await office.goto(`${server.url}/dashboard?lang=et`);
    await office.waitForSelector('#targets');
    expect(await office.textContent('#graduates h3')).toBe(message('et', 'dashboard', 'graduates'));
    expect(await office.textContent('#app')).toContain(message('et', 'dashboard', 'by.country'));
    await office.close();

    const signIn = await browser.page();
    await signIn.goto(`${server.url}/learner?lang=it`);
    await signIn.waitForSelector('#login-form');
    expect(await signIn.textContent('label[for="login-password"]')).toBe(message('it', 'common', 'password'));
    expect(await signIn.textContent('#login-button')).toBe(message('it', 'common', 'signIn'));
    await signIn.close();
  });

  it('shows the joint degree’s title in the reader’s language, on the learner page and on /verify', async () => {
    const { data } = await server.gql('{ myCredentials(limit: 100) { items { kind json } } }', {}, tokens.get(GRADUATE));
    const degree = data.myCredentials.items.find((c: { kind: string }) => c.kind === 'DEGREE');
    const titles: Array<{ '@value': string; '@language': string }> = JSON.parse(degree.json).credentialSubject.achievement.localizedName;
    const titleIn = (language: string) => titles.find((t) => t['@language'] === language)!['@value'];
    // The demo programme's translations: not the English title.
    expect(titleIn('es')).not.toBe(titleIn('en'));

    const learner = await pageSignedInAs(GRADUATE);
    await learner.goto(`${server.url}/learner?lang=es`);
    await learner.waitForSelector('#credentials');
    expect(await learner.textContent('#credentials')).toContain(`${titleIn('es')} ${message('es', 'learner', 'credentials.degreeSuffix')}`);
    await learner.close();

    const verifier = await browser.page();
    await verifier.goto(`${server.url}/verify?lang=et`);
    await verifier.fill('#credential-input', degree.json);
    await verifier.click('#verify-button');
    await verifier.waitForSelector('#summary');
    expect(await verifier.getAttribute('#verdict', 'data-verdict')).toBe('VALID');
    expect(await verifier.textContent('#summary')).toContain(titleIn('et'));
    await verifier.close();
  });

  it('keeps the language chosen in the switch for the next page', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/verify`);
    await page.waitForSelector('#language-switch');
    await Promise.all([page.waitForURL(/lang=et/), page.selectOption('#language-switch', 'et')]);
    await page.waitForFunction(`document.documentElement.lang === 'et'`);
    expect((await page.textContent('h1'))?.trim()).toBe(message('et', 'verify', 'heading'));
    // A page opened without ?lang= remembers the choice.
    await page.goto(`${server.url}/`);
    await page.waitForFunction(`document.documentElement.lang === 'et'`);
    expect((await page.textContent('h1'))?.trim()).toBe(message('et', 'index', 'heading'));
    expect(await page.inputValue('#language-switch')).toBe('et');
    await page.evaluate(`localStorage.removeItem('magix.language')`);
    await page.close();
  });

  it('shows a share link that leads nowhere in the reader’s language, accessibly', async () => {
    const page = await browser.page();
    const response = await page.goto(`${server.url}/c/${'x'.repeat(32)}?lang=es`);
    expect(response?.status()).toBe(404);
    await page.waitForFunction(`document.documentElement.lang === 'es'`);
    expect((await page.textContent('h1'))?.trim()).toBe(message('es', 'verify', 'linkError.SHARE_LINK_NOT_FOUND.title'));
    expect(await page.textContent('[data-code]')).toBe(message('es', 'verify', 'linkError.SHARE_LINK_NOT_FOUND.text'));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
