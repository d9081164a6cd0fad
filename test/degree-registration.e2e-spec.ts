import { randomBytes } from 'node:crypto';
import { formatDate } from '@magix/i18n';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { DemoSeeder } from '@magix/demo';
import { uploadACv } from './support/application-documents';
import { applyToDegree, decideDegreeApplication, reviewDegreeBatch } from './support/degree-admission';
import { ADMIN, aLearner, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const CONFIRM = 'mutation($id: ID!) { confirmDegreeRegistration(applicationId: $id) { id status editionId decidedAt reserveRank } }';
const ACCEPT = 'mutation($id: ID!) { acceptOffer(applicationId: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineOffer(applicationId: $id) { id status } }';
const STATUS = 'query($id: ID!) { application(id: $id) { status reserveRank } }';
const INTAKE = 'mutation($input: SetDegreeIntakeInput!) { setDegreeIntake(input: $input) { degreePlaces } }';
const LIST = `query($editionId: ID, $status: ApplicationStatus) {
  applications(editionId: $editionId, degreeSeeking: true, status: $status, limit: 100) { totalCount items { id status learner { email } } } }`;

/** The learner registered at UPM: the programme office confirms it and the degree application is ENROLLED. */
describe('degree registration: from admitted to enrolled', () => {
  let server: TestServer;
  let admin: string;
  let config: AppConfig;
  let editions: Record<string, Json>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
    config = server.app.get<AppConfig>(APP_CONFIG);
    const { data } = await server.gql('{ programme { editions { id code startsOn endsOn degreePlaces } } }');
    editions = Object.fromEntries(data.programme.editions.map((e: Json) => [e.code, e]));
  });

  afterAll(() => server.close());

  const mailsTo = async (email: string) =>
    (await server.db.query('SELECT subject, body FROM outbox_message WHERE recipient = $1 ORDER BY id', [email])).rows;
  const confirmations = (applicationId: string) =>
    server.count(`audit_log WHERE action = 'DEGREE_REGISTRATION_CONFIRMED' AND entity_id = '${applicationId}'`);
  const status = async (id: string) => (await server.gql(STATUS, { id }, admin)).data.application;
  /** A new learner admitted to the running intake by a review batch. */
  const anAdmitted = async (): Promise<[TestLearner, string]> => {
    const learner = await aLearner(server);
    const decided = await decideDegreeApplication(server, learner, 'ACCEPTED');
    expect(decided.status).toBe('ACCEPTED');
    return [learner, decided.id];
  };

  it('enrols an admitted applicant once the office confirms: audited, one welcome mail with dates for people and the link', async () => {
    const [learner, id] = await anAdmitted();
    const before = (await mailsTo(learner.email)).length;

    const confirmed = await server.gql(CONFIRM, { id }, admin);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmDegreeRegistration.status).toBe('ENROLLED');
    const edition = Object.values(editions).find((e: Json) => e.id === confirmed.data.confirmDegreeRegistration.editionId);

    const mails = (await mailsTo(learner.email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual([`Welcome to MAGIX ${edition.code}`]);
    expect(mails[0].body).toContain(formatDate('en', edition.startsOn));
    expect(mails[0].body).toContain(formatDate('en', edition.endsOn));
    expect(mails[0].body).not.toContain(edition.startsOn);
    expect(mails[0].body).toContain(config.publicUrl);
    const audit = await server.db.query(
      "SELECT actor_user_id FROM audit_log WHERE action = 'DEGREE_REGISTRATION_CONFIRMED' AND entity_id = $1",
      [id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_user_id).not.toBeNull();

    // Still admitted: the degree is refused for another reason (no credits yet), never for admission.
    const issue = await server.gql('mutation($id: ID!) { issueDegree(learnerId: $id) { id } }', { id: learner.id }, admin);
    expect(issue.errors?.[0].extensions?.code).toEqual(expect.any(String));
    expect(issue.errors?.[0].extensions?.code).not.toBe('NOT_ADMITTED_TO_DEGREE');

    // Again: the same application, no second mail, no second audit row.
    const again = await server.gql(CONFIRM, { id }, admin);
    expect(again.data.confirmDegreeRegistration).toEqual(confirmed.data.confirmDegreeRegistration);
    expect((await mailsTo(learner.email)).length).toBe(before + 1);
    expect(await confirmations(id)).toBe(1);

    // The learner's acceptOffer on it now just answers the registration.
    expect((await server.gql(ACCEPT, { id }, learner.token)).data.acceptOffer.status).toBe('ENROLLED');
    // Registered at UPM: leaving is UPM's and the office's business, not a click here.
    const withdraw = await server.gql('mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }', { id }, learner.token);
    expect(withdraw.errors?.[0].extensions?.code).toBe('CANNOT_WITHDRAW');
    expect((await status(id)).status).toBe('ENROLLED');
  });

  it('is the programme office’s alone: the learner and HEI staff are refused, nothing written', async () => {
    const [learner, id] = await anAdmitted();
    const mails = (await mailsTo(learner.email)).length;
    for (const token of [learner.token, await server.login(UPM_STAFF)]) {
      const refused = await server.gql(CONFIRM, { id }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    expect((await status(id)).status).toBe('ACCEPTED');
    expect((await mailsTo(learner.email)).length).toBe(mails);
    expect(await confirmations(id)).toBe(0);
  });

  it('refuses a submitted, rejected, module or unknown application with a typed error, nothing written', async () => {
    const refusedWith = async (id: string, code: string) => {
      const audits = await server.count('audit_log');
      const outbox = await server.count('outbox_message');
      const answer = await server.gql(CONFIRM, { id }, admin);
      expect(answer.errors?.[0].extensions?.code).toBe(code);
      expect(await server.count('audit_log')).toBe(audits);
      expect(await server.count('outbox_message')).toBe(outbox);
    };

    const rejected = await decideDegreeApplication(server, await aLearner(server), 'REJECTED');
    await refusedWith(rejected.id, 'NOT_ADMITTED');
    expect((await status(rejected.id)).status).toBe('REJECTED');

    const waiting = await aLearner(server);
    const submitted = await applyToDegree(server, waiting);
    await refusedWith(submitted.id, 'NOT_ADMITTED');
    expect((await status(submitted.id)).status).toBe('SUBMITTED');
    // Out of the way of later review batches.
    await server.gql('mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }', { id: submitted.id }, waiting.token);

    const moduleApplication = await aModuleApplication(await aLearner(server));
    await refusedWith(moduleApplication, 'NOT_A_DEGREE_APPLICATION');
    expect((await status(moduleApplication)).status).toBe('SUBMITTED');

    await refusedWith('00000000-0000-4000-8000-000000000000', 'NOT_FOUND');
  });

  it('tells the learner taking a degree place with acceptOffer that registration is at UPM, and changes nothing', async () => {
    const [learner, id] = await anAdmitted();
    const answer = await server.gql(ACCEPT, { id }, learner.token);
    expect(answer.errors?.[0].extensions?.code).toBe('REGISTER_AT_UPM');
    expect(answer.errors?.[0].message).toContain(config.registrationUrl);
    expect((await status(id)).status).toBe('ACCEPTED');

    const rejected = await aLearner(server);
    const refused = await decideDegreeApplication(server, rejected, 'REJECTED');
    expect((await server.gql(ACCEPT, { id: refused.id }, rejected.token)).errors?.[0].extensions?.code).toBe('NO_OFFER');
  });

  it('lets the learner decline a degree place: DECLINED, and the first on the reserve list is admitted', async () => {
    const running = editions['2026-2027'];
    const held = async () =>
      (await server.gql(LIST, { editionId: running.id, status: 'ACCEPTED' }, admin)).data.applications.totalCount +
      (await server.gql(LIST, { editionId: running.id, status: 'ENROLLED' }, admin)).data.applications.totalCount;
    await server.gql(INTAKE, { input: { editionId: running.id, places: (await held()) + 1 } }, admin);
    const [a, b] = [await aLearner(server), await aLearner(server)];
    const applications = [await applyToDegree(server, a), await applyToDegree(server, b)];
    const decided = await reviewDegreeBatch(
      server,
      applications.map((application) => [application.id, 'ACCEPTED']),
    );
    expect(decided.map((d) => [d.status, d.reserveRank])).toEqual([
      ['ACCEPTED', null],
      ['RESERVE', 1],
    ]);

    // Someone else's application answers as absent.
    expect((await server.gql(DECLINE, { id: applications[0].id }, b.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const declined = await server.gql(DECLINE, { id: applications[0].id }, a.token);
    expect(declined.data.declineOffer.status).toBe('DECLINED');
    expect(await status(applications[1].id)).toEqual({ status: 'ACCEPTED', reserveRank: null });
    expect((await mailsTo(b.email)).map((m) => m.subject)).toContain('A degree place in 2026-2027 is yours');
    // Declined once: nothing left to decline.
    expect((await server.gql(DECLINE, { id: applications[0].id }, a.token)).errors?.[0].extensions?.code).toBe('NO_OFFER');

    await server.gql(INTAKE, { input: { editionId: running.id, places: running.degreePlaces } }, admin);
  });

  it('shows ENROLLED degree students in the demo’s 2027-2028 edition, and a restart of the demo confirms nobody twice', async () => {
    const next = editions['2027-2028'];
    const enrolled = (await server.gql(LIST, { editionId: next.id, status: 'ENROLLED' }, admin)).data.applications;
    expect(enrolled.items.map((a: Json) => a.learner.email)).toEqual(['chiara.bianchi@comune.milano.example']);
    expect(await confirmations(enrolled.items[0].id)).toBe(1);

    await server.app.get(DemoSeeder).seed();
    const welcome = (await mailsTo('chiara.bianchi@comune.milano.example')).filter((m) => m.subject === 'Welcome to MAGIX 2027-2028');
    expect(welcome).toHaveLength(1);
    expect(await confirmations(enrolled.items[0].id)).toBe(1);
  });

  /** A SUBMITTED application to a new UPM offering of the running edition. */
  async function aModuleApplication(learner: TestLearner): Promise<string> {
    const upm = await server.login(UPM_STAFF);
    const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: 'UPM-AIG-01' });
    const created = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      {
        input: {
          code: `UPM-AIG-01-R${randomBytes(3).toString('hex').toUpperCase()}`,
          moduleId: module.data.module.id,
          editionId: editions['2026-2027'].id,
          startsOn: '2027-06-01',
          endsOn: '2027-07-31',
          capacity: 5,
        },
      },
      upm,
    );
    const offeringId = created.data?.createOffering.id;
    if (!offeringId) throw new Error(JSON.stringify(created.errors));
    const applied = await server.gql(
      'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
      { input: { offeringId, motivation: 'I want this module to lead the AI governance work in my unit.' } },
      learner.token,
    );
    const id = applied.data?.apply.id;
    if (!id) throw new Error(JSON.stringify(applied.errors));
    await uploadACv(server, id, learner.token);
    return id;
  }
});
