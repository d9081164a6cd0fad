import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, TestLearner, UPM_STAFF } from './support/factories';
import { verify } from './support/credentials';
import { Json, startTestServer, TestServer } from './support/test-server';

const RECORD = `mutation($input: RecordResultInput!) { recordResult(input: $input) {
  alreadyRecorded result { id attempt grade passed creditsAwarded } credential { id document } } }`;
const ENROLMENTS = `{ enrolments(limit: 100) { items { id status result { id attempt } credential { id }
  attempts { id attempt grade passed assessedOn supersededAt } } } }`;

describe('resits: a failed attempt followed by another', () => {
  let server: TestServer;
  let upm: string;

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
  });

  afterAll(() => server.close());

  const tables = ['assessment_result', 'credential', 'audit_log'];
  const snapshot = async () => {
    const counts: number[] = [];
    for (const table of tables) counts.push(await server.count(table));
    return counts;
  };
  const record = (enrolmentId: string, change: Json) =>
    server.gql(RECORD, { input: aPassingResult(enrolmentId, { passed: undefined, ...change }) }, upm);

  async function aFail(): Promise<{ learner: TestLearner; enrolmentId: string }> {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const { data, errors } = await record(enrolmentId, { grade: '3.0', assessedOn: '2026-11-10' });
    if (!data?.recordResult) throw new Error(JSON.stringify(errors));
    expect(data.recordResult).toMatchObject({ result: { attempt: 1, passed: false }, credential: null });
    return { learner, enrolmentId };
  }

  it('a resit after a fail issues the credential; the history is kept, for staff and for the learner', async () => {
    const { learner, enrolmentId } = await aFail();
    const { data } = await record(enrolmentId, { grade: '7.0', assessedOn: '2026-11-25', attempt: 2 });
    expect(data.recordResult).toMatchObject({
      alreadyRecorded: false,
      result: { attempt: 2, grade: '7.0', passed: true, creditsAwarded: 6 },
    });
    const credential = data.recordResult.credential;
    expect((await verify(server, credential.document)).verdict).toBe('VALID');

    for (const token of [upm, learner.token]) {
      const listed = (await server.gql(ENROLMENTS, {}, token)).data.enrolments.items.find((e: Json) => e.id === enrolmentId);
      expect(listed).toMatchObject({
        status: 'COMPLETED',
        result: { id: data.recordResult.result.id, attempt: 2 },
        credential: { id: credential.id },
      });
      expect(listed.attempts.map((a: Json) => [a.attempt, a.grade, a.passed, a.assessedOn, a.supersededAt])).toEqual([
        [1, '3.0', false, '2026-11-10', null],
        [2, '7.0', true, '2026-11-25', null],
      ]);
    }

    // The same resit again is a retry: nothing new.
    const before = await snapshot();
    const again = await record(enrolmentId, { grade: '7.0', assessedOn: '2026-11-25', attempt: 2 });
    expect(again.data.recordResult).toMatchObject({ alreadyRecorded: true, credential: { id: credential.id } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a resit after a pass (RESIT_AFTER_PASS), and changes nothing', async () => {
    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    expect((await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, upm)).data.recordResult.credential).not.toBeNull();
    const before = await snapshot();
    const { data, errors } = await record(enrolmentId, { grade: '9.0', assessedOn: '2026-11-25', attempt: 2 });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'RESIT_AFTER_PASS', field: 'input.attempt' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a resit with no failed attempt before it, one assessed before that attempt, and one beyond the offering’s limit', async () => {
    const { enrolmentId } = await aFail();
    const before = await snapshot();
    const skipped = await record(enrolmentId, { grade: '7.0', assessedOn: '2026-11-25', attempt: 3 });
    expect(skipped.errors?.[0].extensions?.code).toBe('NO_FAILED_ATTEMPT');
    const early = await record(enrolmentId, { grade: '7.0', assessedOn: '2026-11-09', attempt: 2 });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ASSESSED_BEFORE_PREVIOUS_ATTEMPT' });
    const changed = await record(enrolmentId, { grade: '4.0', assessedOn: '2026-11-10' });
    expect(changed.errors?.[0].extensions?.code).toBe('RESULT_ALREADY_RECORDED');
    expect(await snapshot()).toEqual(before);

    // The demo offerings allow three attempts: the first and two resits.
    expect((await record(enrolmentId, { grade: '4.0', assessedOn: '2026-11-20', attempt: 2 })).data.recordResult.result.attempt).toBe(2);
    expect((await record(enrolmentId, { grade: '4.5', assessedOn: '2026-11-25', attempt: 3 })).data.recordResult.result.attempt).toBe(3);
    const after = await snapshot();
    const fourth = await record(enrolmentId, { grade: '8.0', assessedOn: '2026-11-30', attempt: 4 });
    expect(fourth.errors?.[0].extensions?.code).toBe('ATTEMPTS_EXHAUSTED');
    expect(await snapshot()).toEqual(after);
  });

  it('the limit is the offering’s: with one attempt allowed, no resit', async () => {
    const { enrolmentId } = await aFail();
    await server.db.query("UPDATE offering SET max_attempts = 1 WHERE code = 'UPM-AIG-01-2026'");
    try {
      const { errors } = await record(enrolmentId, { grade: '7.0', assessedOn: '2026-11-25', attempt: 2 });
      expect(errors?.[0].extensions?.code).toBe('ATTEMPTS_EXHAUSTED');
    } finally {
      await server.db.query("UPDATE offering SET max_attempts = 3 WHERE code = 'UPM-AIG-01-2026'");
    }
  });
  it('the HEI sets the attempts when it creates an offering; the default is 3, and 0 is refused', async () => {
    const ids = await server.gql(`{ module(code: "UPM-AIG-01") { id } programme { editions { id code } } }`);
    const moduleId = ids.data.module.id;
    const editionId = ids.data.programme.editions.find((e: Json) => e.code === '2026-2027').id;
    const CREATE = 'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { code maxAttempts } }';
    const offering = (code: string, maxAttempts?: number) => ({
      input: { code, moduleId, editionId, startsOn: '2027-05-03', endsOn: '2027-06-25', capacity: 20, maxAttempts },
    });
    const two = await server.gql(CREATE, offering('UPM-AIG-01-RESIT-2', 2), upm);
    expect(two.data?.createOffering).toEqual({ code: 'UPM-AIG-01-RESIT-2', maxAttempts: 2 });
    const plain = await server.gql(CREATE, offering('UPM-AIG-01-RESIT-D'), upm);
    expect(plain.data?.createOffering).toEqual({ code: 'UPM-AIG-01-RESIT-D', maxAttempts: 3 });
    const before = await server.count('offering');
    const zero = await server.gql(CREATE, offering('UPM-AIG-01-RESIT-0', 0), upm);
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxAttempts' });
    expect(await server.count('offering')).toBe(before);
  });
});
