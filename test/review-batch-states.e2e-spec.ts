import { randomBytes } from 'node:crypto';
import { BatchScheduleService } from '@magix/admissions';
import { DataSource } from 'typeorm';
import { Clock } from '@magix/common';
import { formatDate } from '@magix/i18n';
import { migrations } from '@magix/migrations';
import { uploadACv } from './support/application-documents';
import { applyToDegree, DEGREE_MOTIVATION, reviewDegreeBatch } from './support/degree-admission';
import { ADMIN, aLearner, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const OPEN_BATCH = 'mutation { openReviewBatch(input: {}) { id } }';
const DECIDE = 'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status reserveRank } }';
const CLOSE = 'mutation($id: ID!) { closeReviewBatch(batchId: $id) { id closedAt } }';
const CONFIRM = 'mutation($id: ID!) { confirmDegreeRegistration(applicationId: $id) { id status } }';
const ACCEPT = 'mutation($id: ID!) { acceptOffer(applicationId: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineOffer(applicationId: $id) { id status } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawApplication(applicationId: $id) { id status } }';
const APPLY = 'mutation($input: ApplyInput!) { apply(input: $input) { id status } }';

/**
 * What a review batch holds while it is open, and when a decision may be acted on: a decision is
 * sent when its batch closes, so nothing acts on it before; a withdrawal is settled; only live
 * applications are decided; an enrolled learner cannot apply again; editions gate module applications.
 */
describe('review batches: every state settles, decisions are acted on once sent', () => {
  let server: TestServer;
  let admin: string;
  let upm: string;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
    upm = await server.login(UPM_STAFF);
    today = server.app.get(Clock).today();
  });

  afterAll(() => server.close());

  const status = async (id: string) => (await server.db.query('SELECT status FROM application WHERE id = $1', [id])).rows[0]?.status;
  const mailsTo = async (email: string) =>
    (await server.db.query<{ body: string }>('SELECT body FROM outbox_message WHERE recipient = $1 ORDER BY id', [email])).rows;
  /** Everything a refused call could have written. */
  const written = async () => ({
    applications: (await server.db.query('SELECT id, status, updated_at FROM application ORDER BY id')).rows,
    audit: await server.count('audit_log'),
    outbox: await server.count('outbox_message'),
    enrolments: await server.count('enrolment'),
  });
  const openDegreeBatch = async (): Promise<string> => {
    const opened = await server.gql(OPEN_BATCH, {}, admin);
    expect(opened.errors).toBeUndefined();
    return opened.data.openReviewBatch.id;
  };
  const decide = (batchId: string, applicationId: string, decision: string, token = admin) =>
    server.gql(DECIDE, { input: { batchId, applicationId, decision, reason: 'Commission review' } }, token);
  const shiftDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('waits for the letter: confirm, accept and decline in an open batch are DECISION_NOT_SENT; a withdrawal settles; the batch closes', async () => {
    const [admitted, leaving] = [await aLearner(server), await aLearner(server)];
    const accepted = await applyToDegree(server, admitted);
    const withdrawn = await applyToDegree(server, leaving);
    const batchId = await openDegreeBatch();
    expect((await decide(batchId, accepted.id, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');

    const before = await written();
    for (const [operation, token] of [
      [CONFIRM, admin],
      [ACCEPT, admitted.token],
      [DECLINE, admitted.token],
    ]) {
      const refused = await server.gql(operation, { id: accepted.id }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('DECISION_NOT_SENT');
    }
    expect(await written()).toEqual(before);

    // Withdrawn while under review: settled for closing, and no letter goes to them.
    expect((await server.gql(WITHDRAW, { id: withdrawn.id }, leaving.token)).data.withdrawApplication.status).toBe('WITHDRAWN');
    const leavingMails = (await mailsTo(leaving.email)).length;
    const closed = await server.gql(CLOSE, { id: batchId }, admin);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeReviewBatch.closedAt).not.toBeNull();
    expect((await mailsTo(leaving.email)).length).toBe(leavingMails);
    expect((await mailsTo(admitted.email)).map((m) => m.body).join('\n')).toContain('you are admitted to the degree');

    // Told: now the office confirms the registration.
    expect((await server.gql(CONFIRM, { id: accepted.id }, admin)).data.confirmDegreeRegistration.status).toBe('ENROLLED');

    // Admission goes on: the schedule opens the next batch for a new applicant.
    const next = await applyToDegree(server, await aLearner(server));
    const run = await server.app.get(BatchScheduleService).runDueBatchSchedule(server.app.get(Clock).now());
    expect(run.openedBatchId).not.toBeNull();
    const nextBatch = await server.db.query('SELECT batch_id FROM application WHERE id = $1', [next.id]);
    expect(nextBatch.rows[0].batch_id).toBe(run.openedBatchId);
    expect((await decide(run.openedBatchId!, next.id, 'REJECTED')).errors).toBeUndefined();
    expect((await server.gql(CLOSE, { id: run.openedBatchId }, admin)).errors).toBeUndefined();
  });

  it('declines a degree place only once the batch is closed', async () => {
    const learner = await aLearner(server);
    const application = await applyToDegree(server, learner);
    const batchId = await openDegreeBatch();
    await decide(batchId, application.id, 'ACCEPTED');
    expect((await server.gql(DECLINE, { id: application.id }, learner.token)).errors?.[0].extensions?.code).toBe('DECISION_NOT_SENT');
    expect(await status(application.id)).toBe('ACCEPTED');
    expect((await server.gql(CLOSE, { id: batchId }, admin)).errors).toBeUndefined();
    expect((await server.gql(DECLINE, { id: application.id }, learner.token)).data.declineOffer.status).toBe('DECLINED');
  });

  it('holds a module offer and the reserve list until the batch closes, then offers the freed place', async () => {
    const { data } = await server.gql('{ programme { editions { id code } } }');
    const running = data.programme.editions.find((e: Json) => e.code === '2026-2027');
    const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: 'UPM-AIG-01' });
    const made = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      {
        input: {
          code: `UPM-AIG-01-B${randomBytes(3).toString('hex').toUpperCase()}`,
          moduleId: module.data.module.id,
          editionId: running.id,
          startsOn: '2027-06-01',
          endsOn: '2027-07-31',
          capacity: 1,
        },
      },
      upm,
    );
    const offeringId = made.data.createOffering.id;
    const [first, second] = [await aLearner(server), await aLearner(server)];
    const ids: string[] = [];
    for (const learner of [first, second]) {
      const applied = await server.gql(APPLY, { input: { offeringId, motivation: DEGREE_MOTIVATION } }, learner.token);
      ids.push(applied.data.apply.id);
      await uploadACv(server, applied.data.apply.id, learner.token);
    }
    const opened = await server.gql('mutation($id: ID!) { openReviewBatch(input: { offeringId: $id }) { id } }', { id: offeringId }, upm);
    const batchId = opened.data.openReviewBatch.id;
    expect((await decide(batchId, ids[0], 'ACCEPTED', upm)).data.decideApplication.status).toBe('ACCEPTED');
    expect((await decide(batchId, ids[1], 'RESERVE', upm)).data.decideApplication.status).toBe('RESERVE');

    const before = await written();
    for (const operation of [ACCEPT, DECLINE]) {
      const refused = await server.gql(operation, { id: ids[0] }, first.token);
      expect(refused.errors?.[0].extensions?.code).toBe('DECISION_NOT_SENT');
    }
    expect(await written()).toEqual(before);

    // The accepted applicant leaves before being told: the reserve is not offered the place yet.
    const secondMails = (await mailsTo(second.email)).length;
    expect((await server.gql(WITHDRAW, { id: ids[0] }, first.token)).data.withdrawApplication.status).toBe('WITHDRAWN');
    expect(await status(ids[1])).toBe('RESERVE');
    expect((await mailsTo(second.email)).length).toBe(secondMails);

    expect((await server.gql(CLOSE, { id: batchId }, upm)).errors).toBeUndefined();
    expect(await status(ids[1])).toBe('ACCEPTED');
    expect((await server.gql(ACCEPT, { id: ids[1] }, second.token)).data.acceptOffer.status).toBe('ENROLLED');
  });

  it('decides only SUBMITTED, ACCEPTED, RESERVE or REJECTED: any other state is NOT_DECIDABLE and nothing changes', async () => {
    const people: TestLearner[] = [];
    for (let i = 0; i < 5; i++) people.push(await aLearner(server));
    const applications = [];
    for (const person of people) applications.push(await applyToDegree(server, person));
    const batchId = await openDegreeBatch();
    await server.gql(WITHDRAW, { id: applications[0].id }, people[0].token);
    // States the API no longer lets arise in an open batch, as older code left them there.
    const legacy = ['ENROLLED', 'DECLINED', 'EXPIRED', 'INELIGIBLE'];
    for (const [i, state] of legacy.entries())
      await server.db.query('UPDATE application SET status = $2 WHERE id = $1', [applications[i + 1].id, state]);

    const before = await written();
    for (const [i, state] of ['WITHDRAWN', ...legacy].entries()) {
      for (const decision of ['ACCEPTED', 'REJECTED']) {
        const refused = await decide(batchId, applications[i].id, decision);
        expect(refused.errors?.[0].extensions?.code).toBe('NOT_DECIDABLE');
        expect(refused.data).toBeNull();
      }
      expect(await status(applications[i].id)).toBe(state);
    }
    expect(await written()).toEqual(before);

    // Such a batch still closes, and sends none of them a decision letter.
    const closed = await server.gql(CLOSE, { id: batchId }, admin);
    expect(closed.errors).toBeUndefined();
    expect(await server.count('outbox_message')).toBe(before.outbox);

    // Re-deciding a live one in an open batch still works.
    const learner = await aLearner(server);
    const live = await applyToDegree(server, learner);
    const again = await openDegreeBatch();
    expect((await decide(again, live.id, 'REJECTED')).data.decideApplication.status).toBe('REJECTED');
    expect((await decide(again, live.id, 'RESERVE')).data.decideApplication.status).toBe('RESERVE');
    expect((await server.gql(CLOSE, { id: again }, admin)).errors).toBeUndefined();
  });

  it('refuses a second degree application from an enrolled degree student: DUPLICATE_APPLICATION, nothing written', async () => {
    const learner = await aLearner(server);
    const application = await applyToDegree(server, learner);
    await reviewDegreeBatch(server, [[application.id, 'ACCEPTED']]);
    expect((await server.gql(CONFIRM, { id: application.id }, admin)).data.confirmDegreeRegistration.status).toBe('ENROLLED');

    const before = await written();
    const second = await server.gql(APPLY, { input: { motivation: DEGREE_MOTIVATION } }, learner.token);
    expect(second.errors?.[0].extensions?.code).toBe('DUPLICATE_APPLICATION');
    expect(await written()).toEqual(before);
  });

  it('migration 1765958400000 applies on the demo data, and stops (changing nothing) where a learner holds two live applications', async () => {
    const migration = migrations.find((m) => m.name === 'OneActiveApplicationEnrolled1765958400000')!;
    const runner = server.app.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    try {
      // The demo and this suite's data, under the old index, take the new one.
      await new migration().down(runner);
      await new migration().up(runner);
      // A second live application beside an ENROLLED one, as the old index let through.
      await new migration().down(runner);
      await runner.query(
        `INSERT INTO application (learner_id, programme_id, edition_id, offering_id, motivation, status, submitted_at, updated_at)
         SELECT learner_id, programme_id, edition_id, offering_id, motivation, 'SUBMITTED', now(), now()
           FROM application WHERE status = 'ENROLLED' ORDER BY id LIMIT 1`,
      );
      await expect(new migration().up(runner)).rejects.toThrow(/1 learners hold an ENROLLED application and another live one/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    // Rolled back: the index stands as migrated.
    const index = await server.db.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'application_one_active'");
    expect(index.rows[0].indexdef).toContain('ENROLLED');
  });

  describe('module applications follow their edition, and say when in words', () => {
    let planned: Json;
    let offering: Json;

    beforeAll(async () => {
      const created = await server.gql(
        `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id code state } }`,
        {
          input: {
            code: '2028-2029',
            startsOn: '2028-09-01',
            endsOn: '2029-08-31',
            degreePlaces: 25,
            degreeApplicationsOpenOn: '2028-01-15',
            degreeApplicationsCloseOn: '2028-06-30',
            targets: [],
          },
        },
        admin,
      );
      if (!created.data) throw new Error(JSON.stringify(created.errors));
      planned = created.data.createEdition;
      const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: 'UPM-AIG-01' });
      const made = await server.gql(
        'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id code } }',
        {
          input: {
            code: `UPM-AIG-01-N${randomBytes(3).toString('hex').toUpperCase()}`,
            moduleId: module.data.module.id,
            editionId: planned.id,
            startsOn: '2028-10-02',
            endsOn: '2028-12-15',
            capacity: 20,
          },
        },
        upm,
      );
      if (!made.data) throw new Error(JSON.stringify(made.errors));
      offering = made.data.createOffering;
    });

    const applyToModule = (learner: TestLearner) =>
      server.gql(APPLY, { input: { offeringId: offering.id, motivation: DEGREE_MOTIVATION } }, learner.token);

    it('the running editions are OPEN (demo), and an offering of a PLANNED edition takes no application until it opens', async () => {
      const { data } = await server.gql('{ programme { editions { code state } } }');
      const states = Object.fromEntries(data.programme.editions.map((e: Json) => [e.code, e.state]));
      expect(states).toMatchObject({ '2025-2026': 'OPEN', '2026-2027': 'OPEN', '2028-2029': 'PLANNED' });

      const learner = await aLearner(server);
      const before = await written();
      const refused = await applyToModule(learner);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'APPLICATIONS_CLOSED', field: 'input.offeringId' });
      expect(refused.errors?.[0].message).toContain('2028-2029');
      expect(await written()).toEqual(before);

      const opened = await server.gql('mutation($id: ID!) { openEdition(editionId: $id) { state } }', { id: planned.id }, admin);
      expect(opened.data.openEdition.state).toBe('OPEN');
      const taken = await applyToModule(learner);
      expect(taken.errors).toBeUndefined();
      expect(taken.data.apply.status).toBe('SUBMITTED');
      await server.gql(WITHDRAW, { id: taken.data.apply.id }, learner.token);
    });

    it('writes closed windows for people: "until <date>" with no opening day, "from <date> to <date>", never an ISO date', async () => {
      const learner = await aLearner(server);
      const yesterday = shiftDays(-1);
      await server.db.query('UPDATE offering SET applications_open_on = NULL, applications_close_on = $2 WHERE id = $1', [
        offering.id,
        yesterday,
      ]);
      const late = (await applyToModule(learner)).errors?.[0];
      expect(late?.extensions?.code).toBe('APPLICATIONS_CLOSED');
      expect(late?.message).toContain(`until ${formatDate('en', yesterday)}`);
      expect(late?.message).not.toMatch(/\d{4}-\d{2}-\d{2}|0000/);

      const [opens, closes] = [shiftDays(10), shiftDays(20)];
      await server.db.query('UPDATE offering SET applications_open_on = $2, applications_close_on = $3 WHERE id = $1', [
        offering.id,
        opens,
        closes,
      ]);
      const early = (await applyToModule(learner)).errors?.[0];
      expect(early?.message).toContain(`from ${formatDate('en', opens)} to ${formatDate('en', closes)}`);
      expect(early?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);

      // Degree applications to the (now open) 2028-2029 intake, whose window opens later.
      const degreeEarly = await server.gql(APPLY, { input: { editionId: planned.id, motivation: DEGREE_MOTIVATION } }, learner.token);
      expect(degreeEarly.errors?.[0].extensions?.code).toBe('APPLICATIONS_CLOSED');
      expect(degreeEarly.errors?.[0].message).toContain(`from ${formatDate('en', '2028-01-15')} to ${formatDate('en', '2028-06-30')}`);
      expect(degreeEarly.errors?.[0].message).not.toMatch(/\d{4}-\d{2}-\d{2}/);

      // No opening day: "until", and no sentinel.
      const intake = await server.gql(
        'mutation($input: SetDegreeIntakeInput!) { setDegreeIntake(input: $input) { degreePlaces } }',
        { input: { editionId: planned.id, places: 25, closesOn: yesterday } },
        admin,
      );
      expect(intake.errors).toBeUndefined();
      const degreeLate = await server.gql(APPLY, { input: { editionId: planned.id, motivation: DEGREE_MOTIVATION } }, learner.token);
      expect(degreeLate.errors?.[0].message).toContain(`until ${formatDate('en', yesterday)}`);
      expect(degreeLate.errors?.[0].message).not.toMatch(/\d{4}-\d{2}-\d{2}|0000/);
    });

    it('tells a late applicant, to a module or to the degree, of the interest list that hears of the next edition', async () => {
      const learner = await aLearner(server);
      await server.db.query('UPDATE offering SET applications_open_on = NULL, applications_close_on = $2 WHERE id = $1', [
        offering.id,
        shiftDays(-1),
      ]);
      const before = await written();
      const lateToModule = (await applyToModule(learner)).errors?.[0];
      // The degree intake of 2028-2029 closed yesterday (the test above).
      const lateToDegree = (await server.gql(APPLY, { input: { editionId: planned.id, motivation: DEGREE_MOTIVATION } }, learner.token))
        .errors?.[0];
      for (const late of [lateToModule, lateToDegree]) {
        expect(late?.extensions?.code).toBe('APPLICATIONS_CLOSED');
        expect(late?.message).toContain('Join the interest list at /interest-list to hear when the next edition opens');
      }
      expect(await written()).toEqual(before);
      // The path named is the interest list's public page.
      const page = await fetch(`${server.url}/interest-list`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form');
    });
  });
});
