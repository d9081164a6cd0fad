import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

describe('every role sees and changes only what is theirs', () => {
  let server: TestServer;
  let alice: Awaited<ReturnType<typeof aLearner>>;
  let bob: Awaited<ReturnType<typeof aLearner>>;
  let aliceCredentialId: string;
  let bobEnrolmentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await aLearner(server, { givenName: 'Alice' });
    bob = await aLearner(server, { givenName: 'Bob' });
    const upm = await server.login(UPM_STAFF);
    const recorded = await server.gql(RECORD_RESULT, { input: aPassingResult(await anEnrolment(server, alice.id)) }, upm);
    aliceCredentialId = recorded.data.recordResult.credential.id;
    bobEnrolmentId = await anEnrolment(server, bob.id);
  });

  afterAll(() => server.close());

  const CREDENTIAL = 'query($id: ID!) { credential(id: $id) { id json } }';

  it('lets a learner read their own credential', async () => {
    const { data } = await server.gql(CREDENTIAL, { id: aliceCredentialId }, alice.token);
    expect(data.credential.id).toBe(aliceCredentialId);
  });

  it('refuses a learner another learner’s credential', async () => {
    const { data, errors } = await server.gql(CREDENTIAL, { id: aliceCredentialId }, bob.token);
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await server.gql('{ myCredentials { totalCount } }', {}, bob.token);
    expect(mine.data.myCredentials.totalCount).toBe(0);
  });

  it('refuses an HEI a credential another HEI issued, and lets the issuing HEI and the office read it', async () => {
    const fau = await server.gql(CREDENTIAL, { id: aliceCredentialId }, await server.login(FAU_STAFF));
    expect(fau.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const upm = await server.gql(CREDENTIAL, { id: aliceCredentialId }, await server.login(UPM_STAFF));
    expect(upm.data.credential.id).toBe(aliceCredentialId);
    const office = await server.gql(CREDENTIAL, { id: aliceCredentialId }, await server.login(ADMIN));
    expect(office.data.credential.id).toBe(aliceCredentialId);
  });

  it('refuses an ISSUER of one HEI recording results for another HEI’s module, writing nothing', async () => {
    const before = await server.count('assessment_result');
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(bobEnrolmentId) }, await server.login(FAU_STAFF));
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('NOT_YOUR_ORGANISATION');
    expect(await server.count('assessment_result')).toBe(before);
  });

  it.each([
    ['a learner', () => bob.token],
    ['the programme office', () => server.login(ADMIN)],
  ])('refuses %s recording results', async (_who, token) => {
    const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(bobEnrolmentId) }, await token());
    expect(errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_YOUR_ORGANISATION/);
  });

  it('refuses an ISSUER enrolling learners in another HEI’s offering', async () => {
    await expect(anEnrolment(server, bob.id, 'POLIMI-DGT-01', UPM_STAFF)).rejects.toThrow(/NOT_YOUR_ORGANISATION/);
  });

  it('asks for sign-in on everything not public', async () => {
    for (const query of [
      '{ me { id } }',
      '{ myCredentials { totalCount } }',
      '{ learners { totalCount } }',
      '{ enrolments { totalCount } }',
    ]) {
      const { errors } = await server.gql(query);
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const forged = await server.gql('{ me { id } }', {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the catalogue and verification public', async () => {
    const { data, errors } = await server.gql('{ modules { totalCount } organisations(kind: HEI) { totalCount } programme { code } }');
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ modules: { totalCount: 10 }, organisations: { totalCount: 4 }, programme: { code: 'MAGIX' } });
  });

  it('shows a learner only themselves, an HEI only its own learners and enrolments', async () => {
    const self = await server.gql('{ learners { items { id } } enrolments { items { learnerId } } }', {}, alice.token);
    expect(self.data.learners.items).toEqual([{ id: alice.id }]);
    expect(new Set(self.data.enrolments.items.map((e: Json) => e.learnerId))).toEqual(new Set([alice.id]));

    const fau = await server.gql(
      '{ learners(limit: 100) { items { id email } } enrolments(limit: 100) { items { offering { module { provider { shortName } } } } } }',
      {},
      await server.login(FAU_STAFF),
    );
    const emails = fau.data.learners.items.map((l: Json) => l.email);
    expect(emails).toEqual(
      expect.arrayContaining(['marco.rossi@lombardia.example', 'anna.schmidt@datawerk.example', 'jonas.weber@uni.example']),
    );
    expect(emails).not.toContain(alice.email);
    const providers = new Set(fau.data.enrolments.items.map((e: Json) => e.offering.module.provider.shortName));
    expect(providers).toEqual(new Set(['FAU']));
  });

  it('never exposes password hashes or private keys', async () => {
    const schema = await server.gql('{ __schema { types { name fields { name } } } }');
    const fields = schema.data.__schema.types.flatMap((t: Json) => (t.fields ?? []).map((f: Json) => f.name.toLowerCase()));
    expect(fields.filter((name: string) => /password|secret|private|sealed/.test(name))).toEqual([]);
    const { rows } = await server.db.query('SELECT sealed_secret_key FROM issuer_key LIMIT 1');
    expect(rows[0].sealed_secret_key).toMatch(/^v1\./);
    expect(rows[0].sealed_secret_key).not.toMatch(/^z/);
  });
});
