import { ADMIN, aLearner, TestLearner, UPM_STAFF } from './support/factories';
import { applyToDegree, decideDegreeApplication, passModules, reviewDegreeBatch } from './support/degree-admission';
import { Json, startTestServer, TestServer } from './support/test-server';

const ISSUE = `mutation($id: ID!) { issueDegree(learnerId: $id) {
  id credentialId replacesCredentialId supersededAt credential { id state } } }`;
const INTAKE = `mutation($input: SetDegreeIntakeInput!) { setDegreeIntake(input: $input) {
  id code degreePlaces degreeApplicationsOpenOn degreeApplicationsCloseOn } }`;
const LIST = `query($editionId: ID, $status: ApplicationStatus) {
  applications(editionId: $editionId, degreeSeeking: true, status: $status, limit: 100) { totalCount items { id status editionId edition { code } } } }`;

/** Admission is the gate of the degree; degree applications are per edition, with places and a reserve list. */
describe('degree admission: the gate, intakes per edition, places and re-issue', () => {
  let server: TestServer;
  let admin: string;
  let editions: Record<string, string>;

  beforeAll(async () => {
    // Automatic awarding on: the gate must hold there too.
    server = await startTestServer({ DEGREE_AUTO_ISSUE: 'true' });
    admin = await server.login(ADMIN);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editions = Object.fromEntries(data.programme.editions.map((e: Json) => [e.code, e.id]));
  });

  afterAll(() => server.close());

  const passAll = async (learnerId: string): Promise<void> => void (await passModules(server, learnerId));

  const degreesOf = (learnerId: string) => server.count(`credential WHERE kind = 'DEGREE' AND learner_id = '${learnerId}'`);
  const awardsOf = (learnerId: string) => server.count(`degree_award WHERE learner_id = '${learnerId}'`);
  const eligible = async (learnerId: string) =>
    (await server.gql('query($id: ID!) { pathwayProgress(learnerId: $id) { eligible degreeCredentialId } }', { id: learnerId }, admin)).data
      .pathwayProgress;

  describe('the gate', () => {
    let admitted: TestLearner;
    let degree: Json;

    it('refuses the degree to a rejected applicant who passed every module: not automatically, not by issueDegree', async () => {
      const rejected = await aLearner(server);
      expect((await decideDegreeApplication(server, rejected, 'REJECTED')).status).toBe('REJECTED');
      await passAll(rejected.id);
      expect(await eligible(rejected.id)).toEqual({ eligible: true, degreeCredentialId: null });
      // Auto-issue ran after each pass and wrote nothing.
      expect(await degreesOf(rejected.id)).toBe(0);
      const { errors } = await server.gql(ISSUE, { id: rejected.id }, admin);
      expect(errors?.[0].extensions?.code).toBe('NOT_ADMITTED_TO_DEGREE');
      expect(await degreesOf(rejected.id)).toBe(0);
      expect(await awardsOf(rejected.id)).toBe(0);
      expect(await server.count(`audit_log WHERE action = 'DEGREE_AWARDED' AND details->>'learnerId' = '${rejected.id}'`)).toBe(0);
    });

    it('refuses a learner who never applied, and one still under review', async () => {
      const never = await aLearner(server);
      const pending = await aLearner(server);
      const application = await applyToDegree(server, pending);
      for (const learner of [never, pending]) {
        const { errors } = await server.gql(ISSUE, { id: learner.id }, admin);
        expect(errors?.[0].extensions?.code).toBe('NOT_ADMITTED_TO_DEGREE');
        expect(await awardsOf(learner.id)).toBe(0);
      }
      // The pending application goes through review so that later batches start clean.
      await reviewDegreeBatch(server, [[application.id, 'REJECTED']]);
    });

    it('awards it to an admitted applicant, automatically on the last pass', async () => {
      admitted = await aLearner(server);
      expect((await decideDegreeApplication(server, admitted, 'ACCEPTED')).status).toBe('ACCEPTED');
      await passAll(admitted.id);
      expect(await degreesOf(admitted.id)).toBe(1);
      const { data, errors } = await server.gql(ISSUE, { id: admitted.id }, admin);
      expect(errors).toBeUndefined();
      degree = data.issueDegree;
      expect(degree).toMatchObject({ replacesCredentialId: null, supersededAt: null, credential: { state: 'ACTIVE' } });
      expect(await degreesOf(admitted.id)).toBe(1);
    });

    it('re-issues a revoked degree as a new credential that names the old one, once', async () => {
      const revoked = await server.gql(
        'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
        { input: { id: degree.credentialId, reason: 'Issued with a misspelt name' } },
        await server.login(UPM_STAFF),
      );
      expect(revoked.data.revokeCredential.state).toBe('REVOKED');
      const [first, second] = [await server.gql(ISSUE, { id: admitted.id }, admin), await server.gql(ISSUE, { id: admitted.id }, admin)];
      expect(first.errors).toBeUndefined();
      const reissued = first.data.issueDegree;
      expect(reissued.id).not.toBe(degree.id);
      expect(reissued).toMatchObject({ replacesCredentialId: degree.credentialId, supersededAt: null, credential: { state: 'ACTIVE' } });
      expect(second.data.issueDegree.id).toBe(reissued.id);
      expect(await degreesOf(admitted.id)).toBe(2);
      expect(await eligible(admitted.id)).toEqual({ eligible: true, degreeCredentialId: reissued.credentialId });
      const old = await server.db.query('SELECT superseded_at FROM degree_award WHERE id = $1', [degree.id]);
      expect(old.rows[0].superseded_at).not.toBeNull();
      const audit = await server.db.query("SELECT details FROM audit_log WHERE action = 'DEGREE_AWARDED' AND entity_id = $1", [
        reissued.credentialId,
      ]);
      expect(audit.rows[0].details.replaces).toBe(degree.credentialId);
    });
  });

  describe('degree intakes per edition', () => {
    it('lists degree applications under the edition they apply to', async () => {
      const learner = await aLearner(server);
      const application = await applyToDegree(server, learner);
      expect(application.editionId).toBe(editions['2026-2027']);
      const current = (await server.gql(LIST, { editionId: editions['2026-2027'] }, admin)).data.applications;
      expect(current.items.map((a: Json) => a.id)).toContain(application.id);
      expect(current.items.every((a: Json) => a.edition.code === '2026-2027')).toBe(true);
      const earlier = (await server.gql(LIST, { editionId: editions['2025-2026'] }, admin)).data.applications;
      expect(earlier.items.map((a: Json) => a.id)).not.toContain(application.id);
      // The demo graduate was admitted in the 2025-2026 intake.
      expect(earlier.items.map((a: Json) => a.status)).toContain('ACCEPTED');
      await reviewDegreeBatch(server, [[application.id, 'REJECTED']]);
    });

    it('takes degree applications only within the intake’s window, and changes nothing otherwise', async () => {
      const learner = await aLearner(server);
      const before = await server.count('application');
      const closed = await server.gql(
        'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
        { input: { motivation: 'x'.repeat(60), editionId: editions['2025-2026'] } },
        learner.token,
      );
      expect(closed.errors?.[0].extensions).toMatchObject({ code: 'APPLICATIONS_CLOSED', field: 'input.editionId' });
      const later = await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: 200, opensOn: '2099-01-01' } }, admin);
      expect(later.data.setDegreeIntake.degreeApplicationsOpenOn).toBe('2099-01-01');
      const early = await server.gql(
        'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
        { input: { motivation: 'y'.repeat(60) } },
        learner.token,
      );
      expect(early.errors?.[0].extensions?.code).toBe('APPLICATIONS_CLOSED');
      expect(await server.count('application')).toBe(before);
      const reversed = await server.gql(
        INTAKE,
        { input: { editionId: editions['2026-2027'], places: 200, opensOn: '2027-02-01', closesOn: '2027-01-01' } },
        admin,
      );
      expect(reversed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const learnerTry = await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: 1 } }, learner.token);
      expect(learnerTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: 200 } }, admin);
    });

    it('puts accepted applicants beyond the places on the reserve list; a withdrawal admits the first reserve', async () => {
      const held = (await server.gql(LIST, { editionId: editions['2026-2027'], status: 'ACCEPTED' }, admin)).data.applications.totalCount;
      const intake = await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: held + 1 } }, admin);
      expect(intake.data.setDegreeIntake.degreePlaces).toBe(held + 1);
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => aLearner(server)));
      const applications = [];
      for (const learner of [a, b, c]) applications.push(await applyToDegree(server, learner));
      const decided = await reviewDegreeBatch(
        server,
        applications.map((application: Json) => [application.id, 'ACCEPTED']),
      );
      expect(decided.map((d) => [d.status, d.reserveRank])).toEqual([
        ['ACCEPTED', null],
        ['RESERVE', 1],
        ['RESERVE', 2],
      ]);
      // A reserve-listed applicant is not admitted: no degree for them.
      expect((await server.gql(ISSUE, { id: b.id }, admin)).errors?.[0].extensions?.code).toBe('NOT_ADMITTED_TO_DEGREE');

      const withdrawn = await server.gql(
        'mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }',
        { id: applications[0].id },
        a.token,
      );
      expect(withdrawn.data.withdrawApplication.status).toBe('WITHDRAWN');
      const status = async (id: string) =>
        (await server.gql('query($id: ID!) { application(id: $id) { status reserveRank } }', { id }, admin)).data.application;
      expect(await status(applications[1].id)).toEqual({ status: 'ACCEPTED', reserveRank: null });
      expect((await status(applications[2].id)).status).toBe('RESERVE');
      const mail = await server.db.query('SELECT subject FROM outbox_message WHERE recipient = $1 ORDER BY id', [b.email]);
      expect(mail.rows.map((m) => m.subject)).toContain('A degree place in 2026-2027 is yours');

      // A place added by the office goes to the next on the reserve list.
      await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: held + 2 } }, admin);
      expect((await status(applications[2].id)).status).toBe('ACCEPTED');
      await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: 200 } }, admin);
    });

    it('ranks the remaining degree reserves 1, 2, … again when one leaves the reserve list', async () => {
      const held = (await server.gql(LIST, { editionId: editions['2026-2027'], status: 'ACCEPTED' }, admin)).data.applications.totalCount;
      await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: held + 1 } }, admin);
      const learners = await Promise.all([1, 2, 3, 4].map(() => aLearner(server)));
      const applications: Json[] = [];
      for (const learner of learners) applications.push(await applyToDegree(server, learner));
      const decided = await reviewDegreeBatch(
        server,
        applications.map((application: Json) => [application.id, 'ACCEPTED']),
      );
      expect(decided.map((d) => d.reserveRank)).toEqual([null, 1, 2, 3]);
      const ranks = async () =>
        Promise.all(
          applications.slice(1).map(async ({ id }: Json) => {
            const { data } = await server.gql('query($id: ID!) { application(id: $id) { status reserveRank } }', { id }, admin);
            return data.application;
          }),
        );

      // The second on the list leaves: the third is second now.
      const withdraw = (index: number) =>
        server.gql(
          'mutation($id: ID!) { withdrawApplication(applicationId: $id) { status reserveRank } }',
          { id: applications[index].id },
          learners[index].token,
        );
      expect((await withdraw(2)).data.withdrawApplication.status).toBe('WITHDRAWN');
      expect(await ranks()).toEqual([
        { status: 'RESERVE', reserveRank: 1 },
        { status: 'WITHDRAWN', reserveRank: null },
        { status: 'RESERVE', reserveRank: 2 },
      ]);
      // The first leaves too: the last one is first.
      await withdraw(1);
      expect((await ranks()).map((r: Json) => r.reserveRank)).toEqual([null, null, 1]);
      await server.gql(INTAKE, { input: { editionId: editions['2026-2027'], places: 200 } }, admin);
    });
  });
});
