import { Clock } from '@magix/common';
import {
  aLearner,
  anEnrolledCohort,
  anEnrolment,
  aPassingResult,
  FAU_STAFF,
  RECORD_RESULT,
  TestLearner,
  UPM_STAFF,
} from './support/factories';
import { verify } from './support/credentials';
import { Json, startTestServer, TestServer } from './support/test-server';

const CREDENTIAL = 'id document state revocationReason replacesCredentialId supersededByCredentialId';
const CORRECT = `mutation($input: CorrectResultInput!) { correctResult(input: $input) {
  changed
  result { id enrolmentId grade passed creditsAwarded assessedOn attempt replacesResultId correctionReason supersededAt }
  credential { ${CREDENTIAL} }
  revokedCredential { ${CREDENTIAL} } } }`;
const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) {
  valid toRecord errors { line column reason code } job { id } } }`;
const PROGRESS = `query($id: ID!) { pathwayProgress(learnerId: $id) { counted { id title } notCounted { id title reason code } } }`;
const MY_ENROLMENTS = `{ enrolments(limit: 100) { items { id status result { id grade } attempts { id attempt grade passed supersededAt replacesResultId correctionReason } } } }`;

describe('one validation of a result; corrections that supersede the credential', () => {
  let server: TestServer;
  let upm: string;

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
  });

  afterAll(() => server.close());

  const tables = ['assessment_result', 'credential', 'audit_log', 'import_job'];
  const snapshot = async () => {
    const counts: number[] = [];
    for (const table of tables) counts.push(await server.count(table));
    return counts;
  };
  const credentialsOf = async (enrolmentId: string) =>
    (
      await server.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM credential c JOIN assessment_result r ON r.id = c.result_id WHERE r.enrolment_id = $1',
        [enrolmentId],
      )
    ).rows[0].n;

  /** A fresh learner with a recorded UPM pass (8.5): its enrolment, result and credential. */
  async function aPass(): Promise<{ learner: TestLearner; enrolmentId: string; result: Json; credential: Json }> {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, upm);
    if (!data?.recordResult) throw new Error(JSON.stringify(errors));
    return { learner, enrolmentId, ...data.recordResult };
  }
  const correct = (input: Json, token = upm) => server.gql(CORRECT, { input }, token);

  describe('the import’s check refuses what recordResult refuses, row by row, with the same code and message', () => {
    it.each([
      ['credits above the module’s ECTS', { grade: '8.0', creditsAwarded: 7 }, '8.0,2026-11-10,7', 'credits', 'CREDITS_ABOVE_ECTS'],
      [
        'a date before the offering',
        { grade: '8.0', assessedOn: '2026-01-15' },
        '8.0,2026-01-15,',
        'assessed_on',
        'ASSESSED_BEFORE_OFFERING',
      ],
      ['credits on a fail', { grade: '3.0', passed: false, creditsAwarded: 3 }, '3.0,2026-11-10,3', 'credits', 'CREDITS_WITHOUT_PASS'],
    ])('%s', async (_what, change, cells, column, rule) => {
      const [email, other] = await anEnrolledCohort(server, 'UPM-AIG-01-2026', 2);
      const { rows } = await server.db.query<{ id: string }>(
        'SELECT e.id FROM enrolment e JOIN learner l ON l.id = e.learner_id WHERE l.email = $1',
        [email],
      );
      const before = await snapshot();
      const direct = await server.gql(RECORD_RESULT, { input: aPassingResult(rows[0].id, { passed: undefined, ...change }) }, upm);
      expect(direct.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });

      const csv = ['email,grade,assessed_on,credits', `${other},8.0,2026-11-10,`, `${email},${cells}`].join('\n');
      const { data } = await server.gql(IMPORT, { input: { offeringCode: 'UPM-AIG-01-2026', csv } }, upm);
      expect(data.importResults).toEqual({
        valid: false,
        toRecord: 1,
        job: null,
        errors: [{ line: 3, column, reason: direct.errors?.[0].message, code: rule }],
      });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('a pass corrected to another pass', () => {
    let pass: Awaited<ReturnType<typeof aPass>>;
    let corrected: Json;

    beforeAll(async () => {
      pass = await aPass();
      const { data, errors } = await correct({ resultId: pass.result.id, grade: '9.0', reason: 'Exam re-marked after review' });
      if (!data) throw new Error(JSON.stringify(errors));
      corrected = data.correctResult;
    });

    it('writes the corrected result naming the one it replaces, which is kept, superseded', async () => {
      expect(corrected.changed).toBe(true);
      expect(corrected.result).toMatchObject({
        grade: '9.0',
        passed: true,
        creditsAwarded: 6,
        attempt: 1,
        replacesResultId: pass.result.id,
        correctionReason: 'Exam re-marked after review',
        supersededAt: null,
      });
      const { data } = await server.gql(MY_ENROLMENTS, {}, pass.learner.token);
      const mine = data.enrolments.items.find((e: Json) => e.id === pass.enrolmentId);
      expect(mine.result.id).toBe(corrected.result.id);
      expect(mine.attempts.map((a: Json) => [a.id, a.grade, a.supersededAt !== null])).toEqual([
        [pass.result.id, '8.5', true],
        [corrected.result.id, '9.0', false],
      ]);
    });

    it('revokes the old credential as superseded (the verifier says revoked) and issues a valid replacement, linked both ways', async () => {
      const old = corrected.revokedCredential;
      const replacement = corrected.credential;
      expect(old).toMatchObject({
        id: pass.credential.id,
        state: 'REVOKED',
        revocationReason: 'superseded',
        supersededByCredentialId: replacement.id,
      });
      expect(replacement).toMatchObject({ state: 'ACTIVE', replacesCredentialId: old.id, supersededByCredentialId: null });
      expect(replacement.id).not.toBe(old.id);
      expect(replacement.document.credentialSubject.result[0].value).toBe('9.0');
      expect((await verify(server, pass.credential.document)).verdict).toBe('REVOKED');
      expect((await verify(server, replacement.document)).verdict).toBe('VALID');
      const { rows } = await server.db.query(
        "SELECT action, details FROM audit_log WHERE action IN ('RESULT_CORRECTED', 'CREDENTIAL_REVOKED') AND entity_id IN ($1, $2) ORDER BY action",
        [corrected.result.id, old.id],
      );
      expect(rows).toEqual([
        { action: 'CREDENTIAL_REVOKED', details: { reason: 'superseded' } },
        {
          action: 'RESULT_CORRECTED',
          details: {
            enrolmentId: pass.enrolmentId,
            attempt: 1,
            replaces: pass.result.id,
            reason: 'Exam re-marked after review',
            old: { grade: '8.5', passed: true, creditsAwarded: 6, assessedOn: '2026-11-10' },
            new: { grade: '9.0', passed: true, creditsAwarded: 6, assessedOn: '2026-11-10' },
          },
        },
      ]);
    });

    it('the same correction retried changes nothing more: still exactly two credentials', async () => {
      const before = await snapshot();
      for (const input of [
        { resultId: pass.result.id, grade: '9.0', reason: 'Exam re-marked after review' },
        { enrolmentId: pass.enrolmentId, grade: '9.0', reason: 'Exam re-marked after review' },
      ]) {
        const { data } = await correct(input);
        expect(data.correctResult).toMatchObject({ changed: false, result: { id: corrected.result.id }, revokedCredential: null });
        expect(data.correctResult.credential.id).toBe(corrected.credential.id);
      }
      expect(await snapshot()).toEqual(before);
      expect(await credentialsOf(pass.enrolmentId)).toBe('2');
    });

    it('lists the superseded credential in notCounted with its reason; the replacement counts', async () => {
      const { data } = await server.gql(PROGRESS, { id: pass.learner.id }, pass.learner.token);
      expect(data.pathwayProgress.counted).toEqual([{ id: corrected.credential.id, title: 'UPM-AIG-01' }]);
      expect(data.pathwayProgress.notCounted).toEqual([
        {
          id: pass.credential.id,
          title: 'UPM-AIG-01',
          code: 'SUPERSEDED',
          reason: `superseded by credential ${corrected.credential.id} after a correction`,
        },
      ]);
    });
  });

  it('a pass corrected to a fail revokes without replacement; corrected back to a pass, it issues again', async () => {
    const pass = await aPass();
    const { data } = await correct({ enrolmentId: pass.enrolmentId, grade: '3.0', reason: 'Plagiarism found in the project' });
    expect(data.correctResult).toMatchObject({
      changed: true,
      result: { grade: '3.0', passed: false, creditsAwarded: 0 },
      credential: null,
      revokedCredential: { id: pass.credential.id, state: 'REVOKED', revocationReason: 'superseded', supersededByCredentialId: null },
    });
    expect((await verify(server, pass.credential.document)).verdict).toBe('REVOKED');
    expect(await credentialsOf(pass.enrolmentId)).toBe('1');
    const { rows } = await server.db.query('SELECT status FROM enrolment WHERE id = $1', [pass.enrolmentId]);
    expect(rows[0].status).toBe('FAILED');

    const back = await correct({ enrolmentId: pass.enrolmentId, grade: '6.0', reason: 'The plagiarism finding was overturned' });
    expect(back.data.correctResult).toMatchObject({
      changed: true,
      result: { grade: '6.0', passed: true, creditsAwarded: 6 },
      credential: { state: 'ACTIVE', replacesCredentialId: null },
      revokedCredential: null,
    });
    expect((await verify(server, back.data.correctResult.credential.document)).verdict).toBe('VALID');
    expect(await credentialsOf(pass.enrolmentId)).toBe('2');
  });

  it('another HEI cannot correct: NOT_FOUND, nothing written', async () => {
    const pass = await aPass();
    const fau = await server.login(FAU_STAFF);
    const before = await snapshot();
    for (const input of [
      { resultId: pass.result.id, grade: '9.0', reason: 'Trying to correct another HEI’s result' },
      { enrolmentId: pass.enrolmentId, grade: '9.0', reason: 'Trying to correct another HEI’s result' },
    ]) {
      const { data, errors } = await correct(input, fau);
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    // The same answer as for a result that does not exist: ids cannot be probed.
    const foreign = await correct({ resultId: pass.result.id, grade: '9.0', reason: 'Probe' }, fau);
    const unknown = await correct({ resultId: '6f1c1b1e-0000-4000-8000-000000000000', grade: '9.0', reason: 'Probe' }, fau);
    expect(unknown.errors?.[0].message).toBe(foreign.errors?.[0].message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a correction that breaks a result rule, and one naming both or neither of result and enrolment', async () => {
    const pass = await aPass();
    const before = await snapshot();
    const tooMany = await correct({ resultId: pass.result.id, creditsAwarded: 7, reason: 'Credits typed wrongly' });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.creditsAwarded',
      rule: 'CREDITS_ABOVE_ECTS',
    });
    const both = await correct({ resultId: pass.result.id, enrolmentId: pass.enrolmentId, grade: '9.0', reason: 'Both named' });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await correct({ grade: '9.0', reason: 'Neither named' });
    expect(neither.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('a correction identical to the result is a no-op (changed: false)', async () => {
    const pass = await aPass();
    const before = await snapshot();
    const { data } = await correct({ resultId: pass.result.id, grade: '8,5', reason: 'Checked: nothing to change' });
    expect(data.correctResult).toMatchObject({ changed: false, result: { id: pass.result.id }, credential: { id: pass.credential.id } });
    expect(await snapshot()).toEqual(before);
  });

  it('lists a revoked module credential in notCounted with its reason, instead of dropping it', async () => {
    const pass = await aPass();
    const revoked = await server.gql(
      'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
      { input: { id: pass.credential.id, reason: 'Academic misconduct found' } },
      upm,
    );
    expect(revoked.data.revokeCredential.state).toBe('REVOKED');
    const { data } = await server.gql(PROGRESS, { id: pass.learner.id }, pass.learner.token);
    expect(data.pathwayProgress.counted).toEqual([]);
    expect(data.pathwayProgress.notCounted).toEqual([
      { id: pass.credential.id, title: 'UPM-AIG-01', code: 'REVOKED', reason: 'revoked (Academic misconduct found)' },
    ]);
  });
  it('lists a suspended module credential in notCounted with its reason; reinstated, it counts again', async () => {
    const pass = await aPass();
    const status = (mutation: string, reason: string) =>
      server.gql(
        `mutation($input: CredentialStatusInput!) { ${mutation}(input: $input) { state } }`,
        { input: { id: pass.credential.id, reason } },
        upm,
      );
    expect((await status('suspendCredential', 'Under investigation')).data.suspendCredential.state).toBe('SUSPENDED');
    const suspended = (await server.gql(PROGRESS, { id: pass.learner.id }, pass.learner.token)).data.pathwayProgress;
    expect(suspended.counted).toEqual([]);
    expect(suspended.notCounted).toEqual([
      { id: pass.credential.id, title: 'UPM-AIG-01', code: 'SUSPENDED', reason: 'suspended (Under investigation)' },
    ]);
    expect((await status('reinstateCredential', 'Investigation closed')).data.reinstateCredential.state).toBe('ACTIVE');
    const reinstated = (await server.gql(PROGRESS, { id: pass.learner.id }, pass.learner.token)).data.pathwayProgress;
    expect(reinstated).toEqual({ counted: [{ id: pass.credential.id, title: 'UPM-AIG-01' }], notCounted: [] });
  });

  it('lists a module credential in notCounted as expired once the Clock passes its validUntil', async () => {
    const pass = await aPass();
    // No issuance path of ours sets an end date on a module credential yet: the row gets one here
    // (ten minutes from now), and the Clock is moved past it, as time would.
    const clock = server.app.get(Clock);
    const validUntil = new Date(clock.now().getTime() + 600_000);
    await server.db.query('UPDATE credential SET valid_until = $2 WHERE id = $1', [pass.credential.id, validUntil]);
    const progress = async () => (await server.gql(PROGRESS, { id: pass.learner.id }, pass.learner.token)).data.pathwayProgress;
    expect(await progress()).toEqual({ counted: [{ id: pass.credential.id, title: 'UPM-AIG-01' }], notCounted: [] });
    jest.spyOn(clock, 'now').mockReturnValue(new Date(validUntil.getTime() + 60_000));
    try {
      expect(await progress()).toEqual({
        counted: [],
        notCounted: [
          { id: pass.credential.id, title: 'UPM-AIG-01', code: 'EXPIRED', reason: `expired on ${validUntil.toISOString().slice(0, 10)}` },
        ],
      });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('refuses to correct a suspended credential’s result: the suspension is not lifted by a replacement', async () => {
    const pass = await aPass();
    const suspended = await server.gql(
      'mutation($input: CredentialStatusInput!) { suspendCredential(input: $input) { state } }',
      { input: { id: pass.credential.id, reason: 'Under investigation' } },
      upm,
    );
    expect(suspended.data.suspendCredential.state).toBe('SUSPENDED');
    const before = await snapshot();
    const { errors } = await correct({ resultId: pass.result.id, grade: '9.0', reason: 'Exam re-marked after review' });
    expect(errors?.[0].extensions?.code).toBe('CREDENTIAL_SUSPENDED');
    expect(await snapshot()).toEqual(before);
  });

  it('a revocation racing a correction wins or waits: never a valid replacement of a credential revoked for another reason', async () => {
    const pass = await aPass();
    const [corrected, revoked] = await Promise.all([
      correct({ resultId: pass.result.id, grade: '9.0', reason: 'Exam re-marked after review' }),
      server.gql(
        'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
        { input: { id: pass.credential.id, reason: 'Academic misconduct found' } },
        upm,
      ),
    ]);
    const { rows } = await server.db.query<{ revocation_reason: string | null; superseded_by_credential_id: string | null }>(
      'SELECT revocation_reason, superseded_by_credential_id FROM credential WHERE id = $1',
      [pass.credential.id],
    );
    if (corrected.data?.correctResult?.changed) {
      // The correction went first: the revocation found the credential already revoked as superseded.
      expect(rows[0]).toMatchObject({ revocation_reason: 'superseded' });
      expect(rows[0].superseded_by_credential_id).not.toBeNull();
    } else {
      // The revocation went first: the correction is refused, and nothing replaces the credential.
      expect(revoked.data.revokeCredential.state).toBe('REVOKED');
      expect(corrected.errors?.[0].extensions?.code).toBe('CREDENTIAL_REVOKED_OTHERWISE');
      expect(rows[0]).toEqual({ revocation_reason: 'Academic misconduct found', superseded_by_credential_id: null });
    }
  });
});
