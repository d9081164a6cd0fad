import { randomBytes } from 'node:crypto';
import { BatchScheduleService, batchPeriodAt } from '@magix/admissions';
import { formatDate } from '@magix/i18n';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { aPdf, uploadACv, uploadDocument } from './support/application-documents';
import { ADMIN, aLearner, anEnrolment, aPassingResult, RECORD_RESULT, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const MOTIVATION = 'I run the open-data team of a regional government and want to design AI-enabled public services well.';
const REGISTRATION_URL = 'https://registration.upm.example/magix-test';
// An instant as a machine writes it (2026-12-02T01:00:00.000Z): never in a letter.
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The seeds' admission process (issue 12, item 6), through the public interfaces: a CV before
 * acceptance, the motivation as text or a one-page PDF, the two-weekly review schedule, letters
 * with their links and dates for people, the applicant's profile, prerequisites checked when a
 * place is offered, and the learner told of a revocation.
 */
describe('admission process', () => {
  let server: TestServer;
  let admin: string;
  let upm: string;
  let config: AppConfig;
  let editionId: string;

  beforeAll(async () => {
    server = await startTestServer({ REGISTRATION_URL });
    admin = await server.login(ADMIN);
    upm = await server.login(UPM_STAFF);
    config = server.app.get<AppConfig>(APP_CONFIG);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editionId = data.programme.editions.find((e: Json) => e.code === '2026-2027').id;
  });

  afterAll(() => server.close());

  const APPLY =
    'mutation($input: ApplyInput!) { apply(input: $input) { id status profile discipline publicEmployerId publicEmployerName } }';
  const apply = (learner: TestLearner, input: Record<string, unknown>) => server.gql(APPLY, { input }, learner.token);
  const openBatch = async (offeringId?: string, token = admin): Promise<string> => {
    const { data, errors } = await server.gql(
      'mutation($input: OpenBatchInput!) { openReviewBatch(input: $input) { id } }',
      { input: { offeringId } },
      token,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    return data.openReviewBatch.id;
  };
  const decide = (batchId: string, applicationId: string, decision: string, token = admin) =>
    server.gql(
      'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status reserveRank } }',
      { input: { batchId, applicationId, decision, reason: 'Reviewed by the academic commission' } },
      token,
    );
  const close = async (batchId: string, token = admin) => {
    const { errors } = await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: batchId }, token);
    expect(errors).toBeUndefined();
  };
  /** Rejects what else a batch took (applications earlier tests left under review), so that it can close. */
  const rejectTheRest = async (batchId: string, token = admin) => {
    const { rows } = await server.db.query("SELECT id FROM application WHERE batch_id = $1 AND status = 'SUBMITTED'", [batchId]);
    for (const { id } of rows) expect((await decide(batchId, id, 'REJECTED', token)).errors).toBeUndefined();
  };
  const mailsTo = async (email: string): Promise<Array<{ subject: string; body: string }>> =>
    (await server.db.query('SELECT subject, body FROM outbox_message WHERE recipient = $1 ORDER BY id', [email])).rows;
  const statusOf = async (id: string) => (await server.db.query('SELECT status FROM application WHERE id = $1', [id])).rows[0].status;

  /** A UPM offering of the module starting next year (applications open), of `capacity` places. */
  async function anOffering(moduleCode: string, capacity: number): Promise<string> {
    const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: moduleCode });
    const { data, errors } = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      {
        input: {
          code: `${moduleCode}-P${randomBytes(3).toString('hex').toUpperCase()}`,
          moduleId: module.data.module.id,
          editionId,
          startsOn: '2027-06-01',
          endsOn: '2027-07-31',
          capacity,
        },
      },
      upm,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    return data.createOffering.id;
  }

  it('accepts an application only with a CV and a motivation (text or a one-page PDF); a refusal changes nothing', async () => {
    const withText = await aLearner(server);
    const withPdf = await aLearner(server);
    const textApp = (await apply(withText, { motivation: MOTIVATION })).data.apply.id;
    const pdfApp = (await apply(withPdf, {})).data.apply.id;
    const batchId = await openBatch();
    const decisionsBefore = await server.count(`audit_log WHERE action = 'APPLICATION_DECIDED'`);

    const noCv = await decide(batchId, textApp, 'ACCEPTED');
    expect(noCv.errors?.[0].extensions).toMatchObject({ code: 'CV_REQUIRED', field: 'input.applicationId' });
    expect(await statusOf(textApp)).toBe('SUBMITTED');
    expect(await server.count(`audit_log WHERE action = 'APPLICATION_DECIDED'`)).toBe(decisionsBefore);
    await uploadACv(server, textApp, withText.token);
    expect((await decide(batchId, textApp, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');

    // No motivation text: a CV alone is not enough; a two-page motivation PDF is refused, one page is taken.
    await uploadACv(server, pdfApp, withPdf.token);
    expect((await decide(batchId, pdfApp, 'ACCEPTED')).errors?.[0].extensions?.code).toBe('MOTIVATION_REQUIRED');
    const twoPages = await uploadDocument(server, pdfApp, withPdf.token, await aPdf(2), 'motivation');
    expect(twoPages.status).toBe(422);
    expect(await twoPages.json()).toMatchObject({ code: 'MOTIVATION_TOO_LONG' });
    expect(await server.count(`application_document WHERE application_id = '${pdfApp}' AND kind = 'MOTIVATION'`)).toBe(0);
    const onePage = await uploadDocument(server, pdfApp, withPdf.token, await aPdf(1), 'motivation');
    expect(onePage.status).toBe(201);
    // The CV keeps its own limit of two pages, beside the motivation.
    expect((await uploadDocument(server, pdfApp, withPdf.token, await aPdf(2), 'cv')).status).toBe(201);
    expect((await decide(batchId, pdfApp, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');
    const seen = await server.gql(
      'query($id: ID!) { application(id: $id) { motivation cv { filename } motivationLetter { sha256 } } }',
      { id: pdfApp },
      admin,
    );
    expect(seen.data.application).toMatchObject({
      motivation: null,
      cv: { filename: 'cv.pdf' },
      motivationLetter: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    await rejectTheRest(batchId);
    await close(batchId);
  });

  it('writes the acceptance letter with the registration link and dates for people; refusals point to the interest list', async () => {
    const accepted = await aLearner(server, { timeZone: 'Europe/Tallinn' });
    const reserve = await aLearner(server);
    const rejected = await aLearner(server);
    const ids: string[] = [];
    for (const learner of [accepted, reserve, rejected]) {
      const id = (await apply(learner, { motivation: MOTIVATION })).data.apply.id;
      await uploadACv(server, id, learner.token);
      ids.push(id);
    }
    const batchId = await openBatch();
    await decide(batchId, ids[0], 'ACCEPTED');
    await decide(batchId, ids[1], 'RESERVE');
    await decide(batchId, ids[2], 'REJECTED');
    await rejectTheRest(batchId);
    await close(batchId);

    const [letter] = await mailsTo(accepted.email);
    expect(letter.body).toContain(REGISTRATION_URL);
    const { rows } = await server.db.query('SELECT starts_on::text AS "startsOn" FROM edition WHERE id = $1', [editionId]);
    expect(letter.body).toContain(formatDate('en', rows[0].startsOn));
    expect(letter.body).not.toMatch(ISO_INSTANT);
    expect(letter.body).not.toContain(rows[0].startsOn);
    const interestList = `${config.publicUrl}/interest-list`;
    for (const learner of [reserve, rejected]) {
      const [refusal] = await mailsTo(learner.email);
      expect(refusal.body).toContain(interestList);
      expect(refusal.body).not.toMatch(ISO_INSTANT);
    }
    expect((await mailsTo(reserve.email))[0].body).toContain('in place 1');

    // A module offer's deadline is written in the learner's own zone.
    const offeringId = await anOffering('UPM-AIG-01', 3);
    const moduleApp = (await apply(accepted, { offeringId, motivation: MOTIVATION })).data.apply.id;
    await uploadACv(server, moduleApp, accepted.token);
    const moduleBatch = await openBatch(offeringId, upm);
    await decide(moduleBatch, moduleApp, 'ACCEPTED', upm);
    await close(moduleBatch, upm);
    const offered = (await mailsTo(accepted.email)).at(-1)!;
    const deadline = (await server.db.query('SELECT offer_expires_at FROM application WHERE id = $1', [moduleApp])).rows[0]
      .offer_expires_at;
    expect(offered.body).toContain(formatDate('en', deadline, { timeZone: 'Europe/Tallinn' }));
    expect(offered.body).not.toContain(formatDate('en', deadline, { timeZone: 'UTC' }));
    expect(offered.body).not.toMatch(ISO_INSTANT);
    expect(offered.body).toContain(REGISTRATION_URL);
  });

  it('refuses a time zone that does not exist, writing nothing', async () => {
    const before = await server.count('learner');
    const { errors } = await server.gql(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      {
        input: {
          givenName: 'Zed',
          familyName: 'Zone',
          email: `zone-${randomBytes(3).toString('hex')}@example.org`,
          countryCode: 'ES',
          sector: 'PUBLIC',
          timeZone: 'Mars/Olympus',
        },
      },
      admin,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
    expect(await server.count('learner')).toBe(before);
  });

  it('records the applicant’s profile, validated, and shows it to the reviewers', async () => {
    const { rows: orgs } = await server.db.query("SELECT id, short_name FROM organisation WHERE short_name IN ('MAD-CITY', 'UPM')");
    const madrid = orgs.find((o) => o.short_name === 'MAD-CITY').id;
    const hei = orgs.find((o) => o.short_name === 'UPM').id;
    const before = await server.count('application');
    const bad: Array<[Record<string, unknown>, string, string]> = [
      [{ profile: 'STUDENT' }, 'INVALID_PROFILE', 'input.discipline'],
      [{ profile: 'STUDENT', discipline: 'Law', publicEmployerName: 'Ministry' }, 'INVALID_PROFILE', 'input.publicEmployerId'],
      [{ profile: 'PUBLIC_STAFF' }, 'INVALID_PROFILE', 'input.publicEmployerId'],
      [{ profile: 'PUBLIC_STAFF', publicEmployerId: hei }, 'INVALID_PROFILE', 'input.publicEmployerId'],
      [{ profile: 'PUBLIC_STAFF', publicEmployerId: madrid, discipline: 'Law' }, 'INVALID_PROFILE', 'input.discipline'],
      [{ discipline: 'Law' }, 'INVALID_PROFILE', 'input.profile'],
    ];
    const learner = await aLearner(server);
    for (const [profile, code, field] of bad) {
      const { errors } = await apply(learner, { motivation: MOTIVATION, ...profile });
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
    const unknownValue = await apply(learner, { motivation: MOTIVATION, profile: 'ASTRONAUT' });
    expect(unknownValue.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.count('application')).toBe(before);

    const student = (await apply(learner, { motivation: MOTIVATION, profile: 'STUDENT', discipline: '  Political science ' })).data.apply;
    expect(student).toMatchObject({ profile: 'STUDENT', discipline: 'Political science', publicEmployerId: null });
    const civilServant = await aLearner(server);
    const staff = (await apply(civilServant, { motivation: MOTIVATION, profile: 'PUBLIC_STAFF', publicEmployerId: madrid })).data.apply;
    expect(staff).toMatchObject({ profile: 'PUBLIC_STAFF', discipline: null, publicEmployerId: madrid });
    const reviewers = await server.gql(
      'query($id: ID!) { application(id: $id) { profile publicEmployer { name kind } } }',
      { id: staff.id },
      admin,
    );
    expect(reviewers.data.application).toEqual({
      profile: 'PUBLIC_STAFF',
      publicEmployer: { name: 'Ayuntamiento de Madrid', kind: 'PUBLIC_ADMINISTRATION' },
    });
    const byName = await aLearner(server);
    const named = (
      await apply(byName, { motivation: MOTIVATION, profile: 'PUBLIC_STAFF', publicEmployerName: 'Agenzia per l’Italia Digitale' })
    ).data.apply;
    expect(named).toMatchObject({ publicEmployerId: null, publicEmployerName: 'Agenzia per l’Italia Digitale' });
  });

  it('opens one review batch per period on the schedule and reminds the commission once', async () => {
    const schedule = server.app.get(BatchScheduleService);
    const learner = await aLearner(server);
    const applicationId = (await apply(learner, { motivation: MOTIVATION })).data.apply.id;
    await uploadACv(server, applicationId, learner.token);
    const period = batchPeriodAt(new Date(), {
      anchor: config.reviewBatchAnchor,
      intervalDays: config.reviewBatchIntervalDays,
      reminderDays: config.reviewBatchReminderDays,
    });
    expect(config.reviewBatchIntervalDays).toBe(14);
    const office = (await server.db.query("SELECT email FROM app_user WHERE role = 'ADMIN' AND disabled_at IS NULL")).rows.map(
      (r) => r.email,
    );
    const officeMails = async (subject: string) =>
      (
        await server.db.query('SELECT count(*)::int AS n FROM outbox_message WHERE recipient = ANY($1) AND subject LIKE $2', [
          office,
          `${subject}%`,
        ])
      ).rows[0].n;

    const opening = new Date(`${period.startsOn}T06:00:00Z`);
    const first = await schedule.runDueBatchSchedule(opening);
    const second = await schedule.runDueBatchSchedule(opening);
    expect(first.openedBatchId).not.toBeNull();
    expect(second.openedBatchId).toBeNull();
    expect(await server.count(`review_batch WHERE period_starts_on = '${period.startsOn}'`)).toBe(1);
    expect(await server.db.query('SELECT batch_id FROM application WHERE id = $1', [applicationId]).then((r) => r.rows[0].batch_id)).toBe(
      first.openedBatchId,
    );
    expect(await officeMails('Review batch opened')).toBe(office.length);
    expect(first.reminded).toBe(false);

    const nearTheEnd = new Date(`${period.remindFrom}T06:00:00Z`);
    const reminders = [await schedule.runDueBatchSchedule(nearTheEnd), await schedule.runDueBatchSchedule(nearTheEnd)];
    expect(reminders.map((r) => r.reminded)).toEqual([true, false]);
    expect(reminders.map((r) => r.openedBatchId)).toEqual([null, null]);
    expect(await officeMails('Reminder:')).toBe(office.length);
    const reminder = (await server.db.query("SELECT body FROM outbox_message WHERE subject LIKE 'Reminder:%' LIMIT 1")).rows[0].body;
    expect(reminder).toContain(formatDate('en', period.endsOn));
    expect(reminder).not.toContain(period.endsOn);

    // Decided and closed within the period: nothing more opens until the next one.
    await decide(first.openedBatchId!, applicationId, 'ACCEPTED');
    await rejectTheRest(first.openedBatchId!);
    await close(first.openedBatchId!);
    const another = await aLearner(server);
    await apply(another, { motivation: MOTIVATION });
    expect((await schedule.runDueBatchSchedule(nearTheEnd)).openedBatchId).toBeNull();
    const next = new Date(new Date(`${period.endsOn}T06:00:00Z`).getTime() + 86_400_000);
    const nextRun = await schedule.runDueBatchSchedule(next);
    expect(nextRun.period.startsOn).not.toBe(period.startsOn);
    expect(nextRun.openedBatchId).not.toBeNull();
  });

  it('does not offer a place to an applicant without the prerequisites: the next in line gets it', async () => {
    const capstone = await anOffering('UPM-CAP-03', 1);
    const ineligible = await aLearner(server);
    const eligible = await aLearner(server);
    // The eligible one holds UPM-AIG-01, the capstone's prerequisite.
    const enrolmentId = await anEnrolment(server, eligible.id, 'UPM-AIG-01');
    const recorded = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, upm);
    expect(recorded.data?.recordResult.credential.id).toBeDefined();
    const first = (await apply(ineligible, { offeringId: capstone, motivation: MOTIVATION })).data.apply.id;
    const second = (await apply(eligible, { offeringId: capstone, motivation: MOTIVATION })).data.apply.id;
    await uploadACv(server, first, ineligible.token);
    await uploadACv(server, second, eligible.token);
    const batchId = await openBatch(capstone, upm);
    expect((await decide(batchId, first, 'ACCEPTED', upm)).data.decideApplication.status).toBe('ACCEPTED');
    expect((await decide(batchId, second, 'ACCEPTED', upm)).errors?.[0].extensions?.code).toBe('CAPACITY_REACHED');
    expect((await decide(batchId, second, 'RESERVE', upm)).data.decideApplication.reserveRank).toBe(1);
    await close(batchId, upm);

    expect(await statusOf(first)).toBe('INELIGIBLE');
    const [told] = await mailsTo(ineligible.email);
    expect(told.subject).toContain('prerequisite');
    expect(told.body).toContain('UPM-AIG-01');
    expect(told.body).toContain(`${config.publicUrl}/interest-list`);
    const offer = (await server.db.query('SELECT status, offer_expires_at FROM application WHERE id = $1', [second])).rows[0];
    expect(offer.status).toBe('ACCEPTED');
    expect(offer.offer_expires_at).not.toBeNull();
    const taken = await server.gql('mutation($id: ID!) { acceptOffer(applicationId: $id) { status } }', { id: second }, eligible.token);
    expect(taken.data.acceptOffer.status).toBe('ENROLLED');

    // Their credential revoked: the learner is told once, with which, why and the link.
    const credentialId = recorded.data.recordResult.credential.id;
    const reason = 'Issued on a result entered for the wrong learner';
    const revoke = () =>
      server.gql(
        'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { id } }',
        { input: { id: credentialId, reason } },
        upm,
      );
    expect((await revoke()).errors).toBeUndefined();
    await revoke();
    const notices = (await mailsTo(eligible.email)).filter((m) => m.subject.includes('was revoked'));
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain(reason);
    expect(notices[0].body).toContain(`${config.publicUrl}/credentials/${credentialId}`);
    expect(notices[0].body).not.toMatch(ISO_INSTANT);
    const { rows: issued } = await server.db.query('SELECT document FROM credential WHERE id = $1', [credentialId]);
    expect(notices[0].subject).toContain(JSON.parse(issued[0].document).credentialSubject.achievement.name);
  });
});
