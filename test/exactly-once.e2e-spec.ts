import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

describe('a credential is issued exactly once per passing result', () => {
  let server: TestServer;
  let staff: string;

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.login(UPM_STAFF);
  });

  afterAll(() => server.close());

  const credentialsFor = async (enrolmentId: string) => {
    const { rows } = await server.db.query(
      'SELECT c.id FROM credential c JOIN assessment_result r ON r.id = c.result_id WHERE r.enrolment_id = $1',
      [enrolmentId],
    );
    return rows.map((row) => row.id as string);
  };

  it('returns the same credential when the same result is recorded again', async () => {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const first = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, staff);
    const second = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, staff);
    expect(first.data.recordResult.alreadyRecorded).toBe(false);
    expect(second.data.recordResult.alreadyRecorded).toBe(true);
    expect(second.data.recordResult.credential.id).toBe(first.data.recordResult.credential.id);
    expect(second.data.recordResult.credential.json).toBe(first.data.recordResult.credential.json);
    expect(await credentialsFor(enrolmentId)).toEqual([first.data.recordResult.credential.id]);
  });

  it('issues one credential when parallel requests record the same result', async () => {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, staff)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const ids = new Set(answers.map((answer) => answer.data.recordResult.credential.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => !answer.data.recordResult.alreadyRecorded)).toHaveLength(1);
    expect(await credentialsFor(enrolmentId)).toEqual([...ids]);
  });

  it('refuses to change a recorded result, and writes nothing', async () => {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '7.0' }) }, staff);
    const before = [await server.count('assessment_result'), await server.count('credential'), await server.count('audit_log')];
    const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '9.0' }) }, staff);
    expect(errors?.[0].extensions).toMatchObject({ code: 'RESULT_ALREADY_RECORDED', field: 'input.enrolmentId' });
    expect([await server.count('assessment_result'), await server.count('credential'), await server.count('audit_log')]).toEqual(before);
  });

  it('records a fail without a credential, and marks the enrolment failed', async () => {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const { data } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '3.5', passed: false }) }, staff);
    expect(data.recordResult).toMatchObject({ credential: null, result: { passed: false, creditsAwarded: 0 } });
    const { rows } = await server.db.query('SELECT status FROM enrolment WHERE id = $1', [enrolmentId]);
    expect(rows[0].status).toBe('FAILED');
    expect(await credentialsFor(enrolmentId)).toEqual([]);
  });

  it('is backed by a database constraint, not only by code', async () => {
    const { rows } = await server.db.query('SELECT id FROM credential WHERE result_id IS NOT NULL LIMIT 1');
    await expect(
      server.db.query(
        `INSERT INTO credential (id, kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, issued_at)
         SELECT gen_random_uuid(), kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, now() FROM credential WHERE id = $1`,
        [rows[0].id],
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
