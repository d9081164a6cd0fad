import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { OutboxService, PlacesService } from '@magix/admissions';
import { Clock } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const MOTIVATION = 'I lead the digital services unit of my city and want to bring AI governance into our procurement.';
/** The smallest CV: one blank page. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('admissions: applications, review batches, places and the reserve list', () => {
  let server: TestServer;
  let upm: string;
  let editionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editionId = data.programme.editions.find((e: Json) => e.code === '2026-2027').id;
  });

  afterAll(() => server.close());

  /** A new UPM offering of a module, starting in 2027 so that applications are open. */
  async function anOffering(
    capacity: number,
    moduleCode = 'UPM-AIG-01',
    dates = { startsOn: '2027-06-01', endsOn: '2027-07-31' },
  ): Promise<string> {
    const module = await server.gql('query($c: String!) { module(code: $c) { id } }', { c: moduleCode });
    const code = `${moduleCode}-X${randomBytes(3).toString('hex').toUpperCase()}`;
    const { data, errors } = await server.gql(
      'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id } }',
      { input: { code, moduleId: module.data.module.id, editionId, ...dates, capacity } },
      upm,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    return data.createOffering.id;
  }

  async function anApplicant(sector = 'PUBLIC'): Promise<{ id: string; token: string; email: string }> {
    const email = `applicant-${randomBytes(4).toString('hex')}@example.org`;
    const { data, errors } = await server.gql('mutation($input: RegisterLearnerInput!) { registerLearner(input: $input) { id } }', {
      input: { givenName: 'Ana', familyName: 'Applicant', email, countryCode: 'ES', sector, password: 'a-good-password' },
    });
    if (!data) throw new Error(JSON.stringify(errors));
    return { id: data.registerLearner.id, token: await server.login(email, 'a-good-password'), email };
  }

  const apply = (token: string, offeringId?: string) =>
    server.gql(
      'mutation($input: ApplyInput!) { apply(input: $input) { id status } }',
      { input: { offeringId, motivation: MOTIVATION } },
      token,
    );
  const decide = (batchId: string, applicationId: string, decision: string, token = upm, reserveRank?: number) =>
    server.gql(
      'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status reserveRank } }',
      { input: { batchId, applicationId, decision, reason: 'Commission review', reserveRank } },
      token,
    );
  const openBatch = (offeringId: string | undefined, token = upm) =>
    server.gql('mutation($input: OpenBatchInput!) { openReviewBatch(input: $input) { id } }', { input: { offeringId } }, token);
  const statusOf = async (id: string) =>
    (await server.db.query('SELECT status, offer_expires_at FROM application WHERE id = $1', [id])).rows[0];
  const uploadCv = (applicationId: string, token: string, content: Buffer, name = 'cv.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/pdf' }), name);
    return fetch(`${server.url}/applications/${applicationId}/cv`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
  };

  it('runs a batch with all three outcomes, notifies everyone, and fills freed places from the reserve list', async () => {
    // Every expiry run during the test, the minute's job's and the call's: the lapse below is passed on by exactly one.
    const expiryRuns = jest.spyOn(server.app.get(PlacesService), 'processExpiredOffers');
    const offeringId = await anOffering(2);
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => anApplicant()));
    const applications: string[] = [];
    for (const person of people) {
      const { data } = await apply(person.token, offeringId);
      applications.push(data.apply.id);
      expect((await uploadCv(data.apply.id, person.token, PDF)).status).toBe(201);
    }
    const [a, b, c, d, e] = applications;
    const batch = (await openBatch(offeringId)).data.openReviewBatch.id;
    expect((await decide(batch, a, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');
    expect((await decide(batch, b, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');
    expect((await decide(batch, c, 'ACCEPTED')).errors?.[0].extensions?.code).toBe('CAPACITY_REACHED');
    expect((await decide(batch, c, 'RESERVE')).data.decideApplication).toMatchObject({ status: 'RESERVE', reserveRank: 1 });
    expect((await decide(batch, d, 'RESERVE')).data.decideApplication.reserveRank).toBe(2);
    const close = () => server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { closedAt } }', { id: batch }, upm);
    expect((await close()).errors?.[0].extensions?.code).toBe('UNDECIDED_APPLICATIONS');
    await decide(batch, e, 'REJECTED');
    const closed = await close();
    const closedAgain = await close();
    expect(closedAgain.data.closeReviewBatch.closedAt).toBe(closed.data.closeReviewBatch.closedAt);
    const emails = (await server.db.query('SELECT recipient, subject FROM outbox_message')).rows;
    expect(emails.filter((m) => people.some((p) => p.email === m.recipient))).toHaveLength(5);
    // This batch's decisions (the demo's 2027-2028 degree batch has its own).
    const decisions = await server.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'APPLICATION_DECIDED' AND details->>'batchId' = $1",
      [batch],
    );
    expect(decisions.rows[0].n).toBe(5);

    // Delivery: into the local mailbox when no SMTP server is configured, by the job each message
    // sends (seconds after the commit) or by a round run here, whichever comes first.
    const undelivered = async () =>
      (await server.db.query('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL AND attempts < 10')).rows[0].n;
    while ((await undelivered()) > 0) await server.app.get(OutboxService).deliver();
    const mailbox = join(server.app.get<AppConfig>(APP_CONFIG).dataDir, 'mailbox');
    expect(readdirSync(mailbox).length).toBeGreaterThanOrEqual(5);

    // A takes the place; B withdraws before the start: C is offered the freed place.
    const accept = (application: string, token: string) =>
      server.gql('mutation($id: ID!) { acceptOffer(applicationId: $id) { status } }', { id: application }, token);
    expect((await accept(a, people[0].token)).data.acceptOffer.status).toBe('ENROLLED');
    const enrolled = await server.db.query('SELECT status FROM enrolment WHERE learner_id = $1 AND offering_id = $2', [
      people[0].id,
      offeringId,
    ]);
    expect(enrolled.rows).toEqual([{ status: 'ENROLLED' }]);
    await server.gql('mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }', { id: b }, people[1].token);
    expect((await statusOf(c)).status).toBe('ACCEPTED');
    expect((await statusOf(d)).status).toBe('RESERVE');
    // C left the reserve list: D moves up to first.
    const rank = await server.db.query('SELECT reserve_rank FROM application WHERE id = $1', [d]);
    expect(rank.rows).toEqual([{ reserve_rank: 1 }]);

    // C lets the offer lapse: it passes to D, once, whether the minute's expiry job or the call gets there first.
    await server.db.query("UPDATE application SET offer_expires_at = now() - interval '1 minute' WHERE id = $1", [c]);
    const expired = await server.gql('mutation { processExpiredOffers }', {}, await server.login(ADMIN));
    expect(expired.errors).toBeUndefined();
    const expiredByRun = await Promise.all(expiryRuns.mock.results.map((run) => run.value as Promise<number>));
    expiryRuns.mockRestore();
    expect(expiredByRun.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect((await statusOf(c)).status).toBe('EXPIRED');
    expect((await statusOf(d)).status).toBe('ACCEPTED');
    // Too late to take it, and told so: the offer expired (the same answer as when the job had not run yet).
    expect((await accept(c, people[2].token)).errors?.[0].extensions?.code).toBe('OFFER_EXPIRED');
    expect((await statusOf(c)).status).toBe('EXPIRED');
  });

  it('gives the last place to exactly one of two concurrent decisions, and enrols once on a double acceptance', async () => {
    const offeringId = await anOffering(1);
    const [f, g] = await Promise.all([anApplicant(), anApplicant()]);
    const ids = [(await apply(f.token, offeringId)).data.apply.id, (await apply(g.token, offeringId)).data.apply.id];
    expect((await uploadCv(ids[0], f.token, PDF)).status).toBe(201);
    expect((await uploadCv(ids[1], g.token, PDF)).status).toBe(201);
    const batch = (await openBatch(offeringId)).data.openReviewBatch.id;
    const outcomes = await Promise.all(ids.map((id) => decide(batch, id, 'ACCEPTED')));
    expect(outcomes.filter((o) => o.data?.decideApplication.status === 'ACCEPTED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.errors?.[0].extensions?.code === 'CAPACITY_REACHED')).toHaveLength(1);
    const winner = outcomes.findIndex((o) => o.data);
    await decide(batch, ids[1 - winner], 'REJECTED');
    await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: batch }, upm);
    const token = [f, g][winner].token;
    const accepts = await Promise.all(
      [1, 2].map(() => server.gql('mutation($id: ID!) { acceptOffer(applicationId: $id) { status } }', { id: ids[winner] }, token)),
    );
    expect(accepts.map((a) => a.data?.acceptOffer.status)).toEqual(['ENROLLED', 'ENROLLED']);
    expect(await server.count(`enrolment WHERE offering_id = '${offeringId}'`)).toBe(1);
  });

  it('refuses enrolment without the prerequisite credential, naming it', async () => {
    const learner = await anApplicant();
    const capstone = await anOffering(5, 'UPM-CAP-03');
    const { errors } = await server.gql(
      'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
      { input: { learnerId: learner.id, offeringId: capstone } },
      upm,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'PREREQUISITES_MISSING' });
    expect(errors?.[0].message).toContain('UPM-AIG-01');
  });

  it('counts no expired credential as a prerequisite held, by the Clock', async () => {
    const learner = await aLearner(server);
    const passed = await server.gql(RECORD_RESULT, { input: aPassingResult(await anEnrolment(server, learner.id)) }, upm);
    const credentialId = passed.data.recordResult.credential.id;
    // No issuance path sets an end date on a module credential yet: the row gets one, ten minutes from now.
    const clock = server.app.get(Clock);
    const validUntil = new Date(clock.now().getTime() + 600_000);
    await server.db.query('UPDATE credential SET valid_until = $2 WHERE id = $1', [credentialId, validUntil]);
    const capstone = await anOffering(5, 'UPM-CAP-03');
    const enrol = () =>
      server.gql(
        'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
        { input: { learnerId: learner.id, offeringId: capstone } },
        upm,
      );
    jest.spyOn(clock, 'now').mockReturnValue(new Date(validUntil.getTime() + 60_000));
    try {
      const { errors } = await enrol();
      expect(errors?.[0].extensions).toMatchObject({ code: 'PREREQUISITES_MISSING' });
      expect(errors?.[0].message).toContain('UPM-AIG-01');
    } finally {
      jest.restoreAllMocks();
    }
    expect((await enrol()).data.enrol.id).toEqual(expect.any(String));
  });

  it('refuses a duplicate application and one outside the application window', async () => {
    const learner = await anApplicant();
    const offeringId = await anOffering(5);
    expect((await apply(learner.token, offeringId)).data.apply.status).toBe('SUBMITTED');
    expect((await apply(learner.token, offeringId)).errors?.[0].extensions?.code).toBe('DUPLICATE_APPLICATION');
    const started = await anOffering(5, 'UPM-AIG-01', { startsOn: '2026-10-01', endsOn: '2027-01-31' });
    expect((await apply(learner.token, started)).errors?.[0].extensions?.code).toBe('APPLICATIONS_CLOSED');
    const degree = await apply(learner.token);
    expect(degree.data.apply.status).toBe('SUBMITTED');
    expect((await apply(learner.token)).errors?.[0].extensions?.code).toBe('DUPLICATE_APPLICATION');
  });

  it('logs a failed application INSERT without the motivation or the email, and answers DUPLICATE_APPLICATION', async () => {
    const learner = await anApplicant();
    const offeringId = await anOffering(5);
    // The letter names its writer: both are parameters of the INSERT that fails.
    const reference = randomBytes(6).toString('hex');
    const letter = `Write to me at ${learner.email}: ${reference} is my reference for this application.`;
    const logged: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) => {
      const original = stream.write.bind(stream);
      return jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
        logged.push(String(chunk));
        return original(chunk, ...rest);
      }) as typeof stream.write);
    });
    try {
      // Two at once: both pass every check, one INSERT meets the other's row in the unique index.
      const answers = await Promise.all(
        [1, 2].map(() =>
          server.gql(
            'mutation($input: ApplyInput!) { apply(input: $input) { id status } }',
            { input: { offeringId, motivation: letter } },
            learner.token,
          ),
        ),
      );
      expect(answers.filter((a) => a.data?.apply?.status === 'SUBMITTED')).toHaveLength(1);
      const refused = answers.find((a) => a.errors)!;
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'DUPLICATE_APPLICATION', field: 'input' });
      expect(refused.errors![0].message).not.toMatch(/INSERT|duplicate key|violates/);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    const log = logged.join('');
    // The failure is logged (its SQLSTATE and statement), never what the row carried.
    expect(log).toMatch(/query failed: 23505 .*INSERT INTO "application"/);
    expect(log).not.toContain(reference);
    expect(log).not.toContain(learner.email);
    expect(log).not.toContain(learner.id);
    expect(await server.count(`application WHERE offering_id = '${offeringId}'`)).toBe(1);
  });

  it('refuses to enrol while an accepted applicant in an open review batch holds the last place (OFFERING_FULL)', async () => {
    const offeringId = await anOffering(1);
    const [applicant, walkIn] = await Promise.all([anApplicant(), anApplicant()]);
    const applicationId = (await apply(applicant.token, offeringId)).data.apply.id;
    expect((await uploadCv(applicationId, applicant.token, PDF)).status).toBe(201);
    const batch = (await openBatch(offeringId)).data.openReviewBatch.id;
    expect((await decide(batch, applicationId, 'ACCEPTED')).data.decideApplication.status).toBe('ACCEPTED');
    const enrol = () =>
      server.gql('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { learnerId: walkIn.id, offeringId } }, upm);
    const full = await enrol();
    expect(full.errors?.[0].extensions).toMatchObject({ code: 'OFFERING_FULL', field: 'input.offeringId' });
    expect(await server.count(`enrolment WHERE offering_id = '${offeringId}'`)).toBe(0);
    // The commission changes its mind within the batch: the place is free again.
    expect((await decide(batch, applicationId, 'REJECTED')).data.decideApplication.status).toBe('REJECTED');
    expect((await enrol()).data.enrol.id).toEqual(expect.any(String));
  });

  it('accepts an application when the only held place is an expired offer the expiry job has not passed on yet', async () => {
    const offeringId = await anOffering(1);
    const [first, second] = await Promise.all([anApplicant(), anApplicant()]);
    const lapsed = (await apply(first.token, offeringId)).data.apply.id;
    await uploadCv(lapsed, first.token, PDF);
    const firstBatch = (await openBatch(offeringId)).data.openReviewBatch.id;
    await decide(firstBatch, lapsed, 'ACCEPTED');
    await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: firstBatch }, upm);
    const next = (await apply(second.token, offeringId)).data.apply.id;
    await uploadCv(next, second.token, PDF);
    // The minute's expiry job stays away: the lapsed offer is still ACCEPTED when the commission decides.
    const expiry = jest.spyOn(server.app.get(PlacesService), 'processExpiredOffers').mockResolvedValue(0);
    try {
      await server.db.query("UPDATE application SET offer_expires_at = now() - interval '1 minute' WHERE id = $1", [lapsed]);
      const secondBatch = (await openBatch(offeringId)).data.openReviewBatch.id;
      expect((await statusOf(lapsed)).status).toBe('ACCEPTED');
      const accepted = await decide(secondBatch, next, 'ACCEPTED');
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.decideApplication.status).toBe('ACCEPTED');
      expect((await statusOf(lapsed)).status).toBe('ACCEPTED');
    } finally {
      expiry.mockRestore();
    }
  });

  it('accepts only PDF CVs of at most 2 MB, stored with a checksum', async () => {
    const learner = await anApplicant();
    const id = (await apply(learner.token, await anOffering(5))).data.apply.id;
    const notPdf = await uploadCv(id, learner.token, Buffer.from('<html>not a pdf</html>'), 'cv.pdf');
    expect(notPdf.status).toBe(415);
    expect(await notPdf.json()).toMatchObject({ code: 'NOT_A_PDF' });
    const huge = await uploadCv(id, learner.token, Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(await server.count(`application_document WHERE application_id = '${id}'`)).toBe(0);
    const ok = await uploadCv(id, learner.token, PDF);
    const { sha256 } = (await ok.json()) as Json;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await fetch(`${server.url}/applications/${id}/cv`, { headers: { authorization: `Bearer ${upm}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('shows a learner only their own applications and documents; an HEI only its own offerings', async () => {
    const [owner, other] = await Promise.all([anApplicant(), anApplicant()]);
    const offeringId = await anOffering(5);
    const id = (await apply(owner.token, offeringId)).data.apply.id;
    await uploadCv(id, owner.token, PDF);
    expect((await server.gql('query($id: ID!) { application(id: $id) { id } }', { id }, other.token)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await server.gql('{ applications { totalCount } }', {}, other.token)).data.applications.totalCount).toBe(0);
    expect((await fetch(`${server.url}/applications/${id}/cv`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    const fau = await server.login(FAU_STAFF);
    expect((await fetch(`${server.url}/applications/${id}/cv`, { headers: { authorization: `Bearer ${fau}` } })).status).toBe(404);
    expect((await openBatch(offeringId, fau)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const batch = (await openBatch(offeringId)).data.openReviewBatch.id;
    expect((await decide(batch, id, 'ACCEPTED', fau)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('loads a page of applications with their learners and offerings in a constant number of queries', async () => {
    const offeringId = await anOffering(500);
    const query = '{ applications(limit: 100) { items { id learner { familyName } offering { code module { code } } cv { sha256 } } } }';
    const admin = await server.login(ADMIN);
    const countQueries = async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      await server.gql(query, {}, admin);
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      return calls;
    };
    for (let i = 0; i < 3; i++) await apply((await anApplicant()).token, offeringId);
    const few = await countQueries();
    for (let i = 0; i < 12; i++) await apply((await anApplicant()).token, offeringId);
    expect(await countQueries()).toBe(few);
  });
});
