import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { aPdf } from '../support/application-documents';
import { applyToDegree, DEGREE_MOTIVATION } from '../support/degree-admission';
import { ADMIN, aLearner, FAU_STAFF, LEARNER_PASSWORD } from '../support/factories';
import { anOfferedPlace } from '../support/module-offer';
import { startTestServer, TestServer } from '../support/test-server';
import { Browser, launchBrowser } from './browser';
import { REGISTRATION_URL_PLACEHOLDER } from '@magix/config';
import { message, PHONE, seriousAccessibilityProblems, signIn } from './staff-pages.support';

const POLIMI_STAFF = 'registrar@polimi.example';
const LEARNER = 'kadri.tamm@ria.example';
const SAMPLES = join(__dirname, '../../samples');

/** The staff, office and learner flows in real Chromium against a real server on a fresh demo database. */
describe('staff, office and catalogue pages in Chromium', () => {
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

  async function phonePage(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    return page;
  }

  it('lets HEI staff record a result, naming the field at fault first', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/staff`);
    await signIn(page, POLIMI_STAFF);
    const row = page.locator('#awaiting-table tr', { hasText: 'sofia.ferrari@civic.example' });
    await row.locator('button').click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('grade');

    await page.fill('#grade', '40/30');
    await page.fill('#assessed-on', '2026-11-20');
    await page.click('#record-button');
    await page.waitForSelector('#grade[aria-invalid="true"]');
    expect(await page.textContent('#grade-error')).toContain('the grade must be a number from 0 to 30');
    expect(await page.getAttribute('#grade', 'aria-describedby')).toContain('grade-error');
    expect(await page.getAttribute('#assessed-on', 'aria-invalid')).toBeNull();

    await page.fill('#grade', '27/30');
    await page.click('#record-button');
    await page.waitForSelector('#record-area .notice');
    expect(await page.textContent('#record-area .notice')).toContain('Sofia');
    await page.locator('#awaiting-table tr', { hasText: 'sofia.ferrari' }).waitFor({ state: 'detached' });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await browser.screenshot(page, 'staff records a result');

    const token = await server.login(POLIMI_STAFF);
    const { data } = await server.gql(
      '{ enrolments(limit: 100) { items { learner { email } result { grade passed } credential { id } } } }',
      {},
      token,
    );
    const sofia = data.enrolments.items.find((e: { learner: { email: string } }) => e.learner.email === 'sofia.ferrari@civic.example');
    expect(sofia.result).toEqual({ grade: '27', passed: true });
    expect(sofia.credential).not.toBeNull();
    await page.close();
  });

  it('imports a results CSV: the per-row errors of a bad file, then the good file with its progress reaching 100 %', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/staff`);
    await signIn(page, FAU_STAFF);
    await page.waitForSelector('#import-offering option[value="FAU-MLP-01-2026"]', { state: 'attached' });
    await page.selectOption('#import-offering', 'FAU-MLP-01-2026');
    const resultsBefore = await server.count('assessment_result');

    await page.setInputFiles('#import-file', join(SAMPLES, 'results-FAU-MLP-01-2026-with-errors.csv'));
    await page.click('#import-button');
    await page.waitForSelector('#import-errors');
    const errors: string[][] = await page.evaluate(
      "Array.from(document.querySelectorAll('#import-errors tbody tr'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent))",
    );
    expect(errors.map(([line, column]) => [line, column])).toEqual([
      ['3', 'grade'],
      ['4', 'email'],
      ['5', 'assessed_on'],
    ]);
    expect(errors[1][2]).toContain('not enrolled');
    expect(await server.count('assessment_result')).toBe(resultsBefore);
    await browser.screenshot(page, 'csv import errors');

    await page.setInputFiles('#import-file', join(SAMPLES, 'results-FAU-MLP-01-2026.csv'));
    await page.click('#import-button');
    await page.waitForSelector('#import-progress');
    await page.waitForSelector('#import-status .notice');
    const bar: { value: number; max: number } = await page.evaluate(
      "(({ value, max }) => ({ value, max }))(document.querySelector('#import-progress'))",
    );
    expect(bar.value).toBe(bar.max);
    expect(await page.textContent('#import-progress-label')).toContain('100 %');
    expect(await page.textContent('#import-status')).toContain('Recorded: 1; credentials issued: 1; failed: 0');
    expect(await server.count('assessment_result')).toBe(resultsBefore + 1);
    await browser.screenshot(page, 'csv import done');
    await page.close();
  });

  it('lets the programme office review a batch with the motivation and CV at hand, decide and close it, and read the audit log', async () => {
    const applicant = await aLearner(server, { givenName: 'Rasmus', familyName: 'Kask' });
    const application = await applyToDegree(server, applicant);
    const page = await phonePage();
    await page.goto(`${server.url}/office`);
    await signIn(page, ADMIN);
    await page.click('#batch-open');
    const card = page.locator(`article.application[data-application="${application.id}"]`);
    await card.waitFor();
    expect(await card.locator('.motivation').textContent()).toBe(DEGREE_MOTIVATION);

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-download="cv"]').click()]);
    expect(download.suggestedFilename()).toBe('cv.pdf');
    const saved = join(mkdtempSync(join(tmpdir(), 'magix-cv-')), 'cv.pdf');
    await download.saveAs(saved);

    expect(await page.isDisabled('#batch-close')).toBe(true);
    await card.locator('button[type="submit"]').click();
    expect(await card.locator('.field-error').first().textContent()).toBe('Choose a decision.');
    await card.locator('input[value="ACCEPTED"]').check();
    await card.locator('input[type="text"]').fill('Strong motivation and a relevant public-sector role');
    await card.locator('button[type="submit"]').click();
    await page.waitForSelector(`article.application[data-application="${application.id}"] .status-ACCEPTED`);
    await page.waitForSelector('#batch-close:not([disabled])');
    expect(await page.evaluate('document.activeElement?.id')).toBe('batch-close'); // the keyboard goes on to what is left to do
    await page.click('#batch-close');
    await page.waitForSelector('#batch-open');
    await browser.screenshot(page, 'office decided a batch');

    const admin = await server.login(ADMIN);
    const { data } = await server.gql('query($id: ID!) { application(id: $id) { status decisionReason } }', { id: application.id }, admin);
    expect(data.application).toEqual({ status: 'ACCEPTED', decisionReason: 'Strong motivation and a relevant public-sector role' });
    const batches = await server.gql('{ reviewBatches(open: true) { totalCount } }', {}, admin);
    expect(batches.data.reviewBatches.totalCount).toBe(0);

    await page.reload();
    await page.waitForSelector('#audit-table');
    const actions = await page.$$eval('#audit-table tbody tr td:nth-child(3)', (cells) => cells.map((cell) => cell.textContent));
    expect(actions.slice(0, 3)).toEqual(['REVIEW_BATCH_CLOSED', 'APPLICATION_DECIDED', 'REVIEW_BATCH_OPENED']);
    await page.click('#audit-next');
    await page.locator('#audit-position', { hasText: /^21/ }).waitFor();
    await page.close();
  });

  it('lets the programme office plan and change an edition, and make a new version of a module and retire another', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/office`);
    await signIn(page, ADMIN);
    await page.click('#edition-new');
    expect(await page.evaluate('document.activeElement?.id')).toBe('edition-code');
    await page.click('#edition-save');
    expect(await page.textContent('#edition-starts-error')).toBe('This field is required.');
    await page.fill('#edition-code', '2028-2029');
    await page.fill('#edition-starts', '2028-09-01');
    await page.fill('#edition-ends', '2029-08-31');
    await page.fill('#edition-places', '40');
    await page.fill('#edition-target-GRADUATES', '35');
    await page.click('#edition-save');
    const row = page.locator('#editions-table tbody tr', { hasText: '2028-2029' });
    await row.waitFor();
    await row.locator('button').click();
    expect(await page.inputValue('#edition-target-GRADUATES')).toBe('35');
    await page.fill('#edition-places', '45');
    await page.fill('#edition-window-opens', '2028-01-10');
    await page.fill('#edition-window-closes', '2028-05-31');
    await page.click('#edition-save');
    await page.waitForSelector('#edition-area .notice');

    await page.locator('#modules-table tbody tr', { hasText: 'UPM-AIG-01' }).locator('button', { hasText: 'New version' }).click();
    await page.fill('#module-ects', '7');
    await page.fill('#module-reason', 'A seventh credit for the new lab on public-sector LLMs');
    await page.click('#module-save');
    await page.waitForSelector('#module-area .notice');
    await page.locator('#modules-table tbody tr', { hasText: 'FAU-LAW-02' }).locator('button', { hasText: 'Retire' }).click();
    await page.fill('#module-retire-reason', 'Merged into a new module next year');
    await page.click('#module-save');
    await page.locator('#modules-table tbody tr', { hasText: 'FAU-LAW-02' }).locator('td', { hasText: 'Retired' }).waitFor();

    const { data } =
      await server.gql(`{ programme { editions { code degreePlaces degreeApplicationsOpenOn degreeApplicationsCloseOn targets { metric targetValue } } }
      aig: module(code: "UPM-AIG-01") { version ectsCredits } law: module(code: "FAU-LAW-02") { retiredAt retiredReason } }`);
    expect(data.programme.editions.find((e: { code: string }) => e.code === '2028-2029')).toEqual({
      code: '2028-2029',
      degreePlaces: 45,
      degreeApplicationsOpenOn: '2028-01-10',
      degreeApplicationsCloseOn: '2028-05-31',
      targets: [{ metric: 'GRADUATES', targetValue: 35 }],
    });
    expect(data.aig).toEqual({ version: 2, ectsCredits: 7 });
    expect(data.law.retiredReason).toBe('Merged into a new module next year');
    await page.close();
  });

  it('lets a learner browse the catalogue, apply to an offering with a CV and see the application', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/catalogue`);
    await page.waitForSelector('article[data-module]');
    await page.fill('#module-search', 'procurement');
    await page.press('#module-search', 'Enter');
    await page.locator('#module-count', { hasText: /^1 module$/ }).waitFor();
    expect(await page.getAttribute('article[data-module]', 'data-module')).toBe('POLIMI-PPM-02');

    await page.fill('#module-search', '');
    await page.press('#module-search', 'Enter');
    await page.waitForSelector('article[data-module="POLIMI-SDM-03"]');
    await page.click('li[data-offering="POLIMI-SDM-03-2026"] button');
    expect(await page.textContent('#login-error')).toContain('POLIMI-SDM-03-2026');
    expect(await page.evaluate('document.activeElement?.id')).toBe('login-email');
    await signIn(page, LEARNER);
    await page.waitForSelector('#apply-form');

    await page.click('#apply-button');
    expect(await page.textContent('#apply-motivation-error')).toContain('at least 50 characters');
    expect(await page.textContent('#apply-cv-error')).toBe('Choose your CV as a PDF file.');
    const cv = join(mkdtempSync(join(tmpdir(), 'magix-cv-')), 'kadri-tamm-cv.pdf');
    writeFileSync(cv, await aPdf(1));
    await page.fill('#apply-detail', 'Information System Authority (RIA)');
    await page.fill('#apply-motivation', 'I design e-services at RIA and want service design methods to put users first across agencies.');
    await page.setInputFiles('#apply-cv', cv);
    await page.click('#apply-button');
    await page.waitForSelector('#apply-area .notice');
    const row = page.locator('#applications-table tbody tr', { hasText: 'POLIMI-SDM-03-2026' });
    await row.waitFor();
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await row.textContent()).toContain('kadri-tamm-cv.pdf');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await browser.screenshot(page, 'learner applied');

    const { data } = await server.gql(
      '{ applications(limit: 100) { items { status cv { filename } offering { code } } } }',
      {},
      await server.login(LEARNER),
    );
    expect(data.applications.items).toContainEqual({
      status: 'SUBMITTED',
      cv: { filename: 'kadri-tamm-cv.pdf' },
      offering: { code: 'POLIMI-SDM-03-2026' },
    });
    await page.close();
  });

  it('lets a learner take an offered place, decline another, and hear in their language that a third expired', async () => {
    const learner = await aLearner(server, { givenName: 'Maarja', familyName: 'Kuusk' });
    const [taken, declined, lapsed] = [
      await anOfferedPlace(server, learner),
      await anOfferedPlace(server, learner),
      await anOfferedPlace(server, learner),
    ];
    const page = await phonePage();
    await page.goto(`${server.url}/catalogue?lang=en`);
    await signIn(page, learner.email, LEARNER_PASSWORD);
    const row = (offer: { offeringCode: string }) => page.locator('#applications-table tbody tr', { hasText: offer.offeringCode });
    await row(taken).waitFor();
    // The offer's end, in the reader's language, beside its two buttons.
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(taken.offerExpiresAt));
    expect(await row(taken).locator('.offer-expiry').textContent()).toContain(day);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await browser.screenshot(page, 'learner has offered places');

    // By keyboard: the button asks first, the confirmation has the focus, Enter sends it.
    await row(taken).locator('button[data-action="accept"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.dataset.action')).toBe('confirm-accept');
    expect(await row(taken).locator('.offer-question').textContent()).toContain(taken.offeringCode);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.locator('#offer-outcome .notice', { hasText: 'you are enrolled' }).waitFor();
    expect(await page.evaluate('document.activeElement?.closest("#offer-outcome") !== null')).toBe(true);
    await row(taken).locator('[data-status="ENROLLED"]').waitFor();
    expect(await row(taken).locator('button').count()).toBe(0);

    // Declining: cancelled once (nothing sent, the focus back on the button), then confirmed.
    await row(declined).locator('button[data-action="decline"]').click();
    await row(declined).locator('button[data-action="cancel"]').click();
    expect(await page.evaluate('document.activeElement?.dataset.action')).toBe('decline');
    await row(declined).locator('button[data-action="decline"]').click();
    await row(declined).locator('button[data-action="confirm-decline"]').click();
    await row(declined).locator('[data-status="DECLINED"]').waitFor();
    expect(await page.textContent('#offer-outcome')).toBe(
      message('en', 'catalogue', 'offer.done.decline', { target: `${declined.moduleTitle} (${declined.offeringCode})` }),
    );

    // An offer that ran out while the page was open: the server's refusal, by its code, in German.
    await server.db.query("UPDATE application SET offer_expires_at = now() - interval '1 minute' WHERE id = $1", [lapsed.applicationId]);
    await page.goto(`${server.url}/catalogue?lang=de`);
    await row(lapsed).locator('button[data-action="accept"]').click();
    await row(lapsed).locator('button[data-action="confirm-accept"]').click();
    await page.locator('#offer-outcome .notice.bad').waitFor();
    expect(await page.textContent('#offer-outcome')).toBe(message('de', 'catalogue', 'offer.errors.OFFER_EXPIRED'));
    await row(lapsed).locator('[data-status="EXPIRED"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await browser.screenshot(page, 'learner answered offers');

    const { data } = await server.gql('{ applications(limit: 100) { items { id status } } }', {}, learner.token);
    expect(Object.fromEntries(data.applications.items.map((a: { id: string; status: string }) => [a.id, a.status]))).toEqual({
      [taken.applicationId]: 'ENROLLED',
      [declined.applicationId]: 'DECLINED',
      [lapsed.applicationId]: 'EXPIRED',
    });
    const enrolments = await server.db.query('SELECT offering_id, status FROM enrolment WHERE learner_id = $1', [learner.id]);
    expect(enrolments.rows).toEqual([{ offering_id: taken.offeringId, status: 'ENROLLED' }]);
    await page.close();
  });

  it('shows a learner admitted to the degree where to take the place: UPM’s registration system, in their language', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/catalogue?lang=es`);
    await signIn(page, 'tomas.ruiz@alumnos.example');
    const register = page.locator('#applications-table a[data-action="register"]');
    await register.waitFor();
    expect(await register.getAttribute('href')).toBe(REGISTRATION_URL_PLACEHOLDER);
    expect(await register.textContent()).toBe(message('es', 'catalogue', 'offer.register'));
    // Only the degree admission (the demo's second admitted applicant, his registration not yet confirmed): no module place is on offer to him, so no take/decline buttons.
    expect(await page.locator('#applications-table button[data-action="accept"]').count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    const { data } = await server.gql(
      '{ applications(limit: 100) { items { status offering { id } registrationUrl } } }',
      {},
      await server.login('tomas.ruiz@alumnos.example'),
    );
    expect(data.applications.items).toContainEqual({ status: 'ACCEPTED', offering: null, registrationUrl: REGISTRATION_URL_PLACEHOLDER });
    expect(
      data.applications.items
        .filter((a: { status: string }) => a.status !== 'ACCEPTED')
        .every((a: { registrationUrl: unknown }) => a.registrationUrl === null),
    ).toBe(true);
    await page.close();
  });
});
