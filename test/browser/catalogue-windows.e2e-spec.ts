import { Page } from 'playwright-core';
import { ADMIN, UPM_STAFF } from '../support/factories';
import { Json, startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';
import type { Language } from './catalogs';
import { message, PHONE, seriousAccessibilityProblems } from './staff-pages.support';

const DAY = 86_400_000;
/** An ISO date `days` from today (UTC, as the server counts). */
const fromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const longDate = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The catalogue offers Apply only where applications are open; elsewhere it says when, and points to the interest list. */
describe('catalogue: closed application windows in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** 2028-2029, planned by the office and not opened: it takes no application. */
  let plannedId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const { createEdition } = await answer(
      'mutation($input: CreateEditionInput!) { createEdition(input: $input) { id state } }',
      { input: { code: '2028-2029', startsOn: '2028-09-01', endsOn: '2029-08-31', degreePlaces: 30 } },
      await server.login(ADMIN),
    );
    expect(createEdition.state).toBe('PLANNED');
    plannedId = createEdition.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function answer(query: string, variables: Record<string, unknown>, token?: string): Promise<Json> {
    const { data, errors } = await server.gql(query, variables, token);
    if (!data) throw new Error(JSON.stringify(errors));
    return data;
  }

  /** A UPM offering of UPM-AIG-01 in the edition, running on the dates given, with the application window given. */
  async function anOffering(
    code: string,
    edition: { id: string; startsOn: string; endsOn: string },
    window: { opensOn?: string; closesOn?: string } = {},
  ): Promise<string> {
    const { module } = await answer('{ module(code: "UPM-AIG-01") { id } }', {});
    const { createOffering } = await answer(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      { input: { code, moduleId: module.id, editionId: edition.id, startsOn: edition.startsOn, endsOn: edition.endsOn, capacity: 10 } },
      await server.login(UPM_STAFF),
    );
    // No mutation sets an offering's window: the office's data, written as the seeder writes it.
    await server.db.query('UPDATE offering SET applications_open_on = $2, applications_close_on = $3 WHERE id = $1', [
      createOffering.id,
      window.opensOn ?? null,
      window.closesOn ?? null,
    ]);
    return createOffering.id;
  }

  const offeringItem = (page: Page, code: string) => page.locator(`li[data-offering="${code}"]`);

  it('offers Apply on an open offering only; a closed one says when and links to the interest list', async () => {
    const { programme } = await answer('{ programme { editions { id code } } }', {});
    // Offerings that start next summer and next autumn, as the demo's dates go.
    const current = { id: programme.editions.find((e: Json) => e.code === '2026-2027').id, startsOn: '2027-06-01', endsOn: '2027-07-31' };
    const planned = { id: plannedId, startsOn: '2028-10-01', endsOn: '2028-12-15' };
    const opensOn = fromToday(30);
    const closedOn = fromToday(-10);
    const ids = {
      'UPM-AIG-01-OPEN': await anOffering('UPM-AIG-01-OPEN', current),
      'UPM-AIG-01-SOON': await anOffering('UPM-AIG-01-SOON', current, { opensOn }),
      'UPM-AIG-01-PAST': await anOffering('UPM-AIG-01-PAST', current, { closesOn: closedOn }),
      'UPM-AIG-01-NEXT': await anOffering('UPM-AIG-01-NEXT', planned),
    };
    const { offerings } = await answer('{ offerings(limit: 100) { items { id applicationsOpen } } }', {});
    const open = Object.fromEntries(offerings.items.map((o: Json) => [o.id, o.applicationsOpen]));
    expect(Object.values(ids).map((id) => open[id])).toEqual([true, false, false, false]);

    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    for (const language of ['en', 'it'] as const) {
      await page.goto(`${server.url}/catalogue?lang=${language}`);
      await offeringItem(page, 'UPM-AIG-01-NEXT').waitFor();
      const closed = (code: string) => offeringItem(page, code).locator('[data-closed]');
      const interestList = message(language, 'catalogue', 'closed.interestList');

      expect(await offeringItem(page, 'UPM-AIG-01-OPEN').locator('button').textContent()).toContain(
        message(language, 'catalogue', 'browse.apply'),
      );
      expect(await closed('UPM-AIG-01-OPEN').count()).toBe(0);
      for (const code of ['UPM-AIG-01-SOON', 'UPM-AIG-01-PAST', 'UPM-AIG-01-NEXT'])
        expect(await offeringItem(page, code).locator('button').count()).toBe(0);
      expect(await closed('UPM-AIG-01-SOON').textContent()).toBe(
        `${message(language, 'catalogue', 'closed.opens', { date: longDate(language, opensOn) })} ${interestList}`,
      );
      expect(await closed('UPM-AIG-01-PAST').textContent()).toBe(
        `${message(language, 'catalogue', 'closed.closed', { date: longDate(language, closedOn) })} ${interestList}`,
      );
      // A PLANNED edition takes no application yet, though the offering's own dates would.
      expect(await closed('UPM-AIG-01-NEXT').textContent()).toBe(`${message(language, 'catalogue', 'closed.notOpen')} ${interestList}`);
      // The demo's 2026-2027 degree intake is open: the degree keeps its Apply button.
      expect(await page.locator('#apply-degree').count()).toBe(1);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
    }
    await browser.screenshot(page, 'catalogue closed windows');

    const [response] = await Promise.all([
      page.waitForNavigation(),
      offeringItem(page, 'UPM-AIG-01-PAST').locator('a[data-action="interest-list"]').click(),
    ]);
    expect(new URL(page.url()).pathname).toBe('/interest-list');
    expect(response?.status()).toBe(200);
    await page.waitForSelector('form[action="/interest-list"] input#email');
    await page.close();
  });

  it('offers no degree Apply while no edition takes degree applications, naming the next window or the last', async () => {
    const page = await browser.context.newPage();
    const lastClosed = fromToday(-3);
    await server.db.query(
      "UPDATE edition SET degree_applications_open_on = NULL, degree_applications_close_on = CASE code WHEN '2026-2027' THEN $1::date ELSE $2::date END",
      [lastClosed, fromToday(-200)],
    );
    const { programme } = await answer('{ programme { editions { degreeApplicationsOpen } } }', {});
    expect(programme.editions.every((e: Json) => e.degreeApplicationsOpen === false)).toBe(true);

    await page.goto(`${server.url}/catalogue?lang=de`);
    const notice = page.locator('#degree-apply [data-closed]');
    await notice.waitFor();
    expect(await page.locator('#apply-degree').count()).toBe(0);
    expect(await notice.textContent()).toBe(
      `${message('de', 'catalogue', 'closed.closed', { date: longDate('de', lastClosed) })} ${message('de', 'catalogue', 'closed.interestList')}`,
    );
    expect(await notice.locator('a').getAttribute('href')).toBe('/interest-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The demo's next edition (OPEN) with its main round still to come: its opening day instead.
    const nextOpens = fromToday(45);
    await server.db.query(
      "UPDATE edition SET degree_applications_open_on = $1, degree_applications_close_on = NULL WHERE code = '2027-2028'",
      [nextOpens],
    );
    await page.goto(`${server.url}/catalogue?lang=es`);
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      `${message('es', 'catalogue', 'closed.opens', { date: longDate('es', nextOpens) })} ${message('es', 'catalogue', 'closed.interestList')}`,
    );
    expect(await page.locator('#apply-degree').count()).toBe(0);
    await page.close();
  });
});
