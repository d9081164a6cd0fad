import { generateIssuerKey, signCredential } from '@magix/credentials';
import { aCourseCredentialFor, checkOf, verify } from './support/credentials';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const DECIDE = `
  mutation($input: DecideRecognitionInput!) {
    decideRecognition(input: $input) { id status ectsGranted verdictOverridden overrideReason }
  }`;
const SUBMIT = 'mutation($c: JSON!) { submitRecognition(credential: $c) { id verdict status } }';
const RULES = `
  mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version rules { recognitionDeciderIds } } }`;

/**
 * Finding 9 of issue 11: any ISSUER could grant recognition ECTS to any learner, even for a
 * credential whose verdict is INVALID. Now the programme office decides, or the HEI the learner's
 * degree rules name; an INVALID verdict only by the office's recorded override.
 */
describe('recognition decisions', () => {
  let server: TestServer;
  let admin: string;
  let upm: string;
  let fau: string;
  let learner: TestLearner;
  let moduleCredential: Json;

  const decide = (input: Record<string, unknown>, token: string) =>
    server.gql(DECIDE, { input: { approve: true, ectsGranted: 3, reason: 'Equivalent outcomes', ...input } }, token);
  const submit = async (credential: unknown): Promise<Json> => {
    const { data, errors } = await server.gql(SUBMIT, { c: credential }, learner.token);
    if (!data) throw new Error(JSON.stringify(errors));
    return data.submitRecognition;
  };
  /** What a refused decision must leave as it was: the request itself and the audit log. */
  const state = async (id: string) => ({
    recognition: (
      await server.db.query('SELECT status, ects_granted, decided_by, verdict_overridden, override_reason FROM recognition WHERE id = $1', [
        id,
      ])
    ).rows[0],
    audit: await server.count('audit_log'),
  });

  const RULES_NOW = `query($e: ID!) { pathwayRules(editionId: $e) { version rules {
    totalEcts mandatoryModules electiveGroups { name moduleCodes minEcts } minPartnerHeis maxRecognitionEcts timeLimitMonths minEqfLevel } } }`;
  let editionId: string;
  let upmId: string;
  const rulesNow = async (): Promise<Json> => (await server.gql(RULES_NOW, { e: editionId }, admin)).data.pathwayRules;
  /** A new version of the learner's rules, naming these HEIs to decide recognitions. */
  const setDeciders = async (ids: string[]) =>
    server.gql(RULES, { input: { editionId, rules: { ...(await rulesNow()).rules, recognitionDeciderIds: ids } } }, admin);

  /** The learner's own credential (issued to their DID) from a course outside the catalogue: VALID. */
  const aCourseCredential = () => aCourseCredentialFor(server, { id: moduleCredential.credentialSubject.id });

  /** A credential from a university outside the consortium: well signed, by an issuer the registry does not know. */
  async function anOutsideCredential(): Promise<Json> {
    const key = await generateIssuerKey();
    const { proof: _proof, credentialStatus: _status, ...unsigned } = structuredClone(moduleCredential);
    unsigned.id = `urn:uuid:${crypto.randomUUID()}`;
    unsigned.issuer = { ...unsigned.issuer, id: key.did, name: 'Universidade de Fora' };
    unsigned.credentialSubject.achievement = {
      ...unsigned.credentialSubject.achievement,
      id: 'https://fora.example/courses/data-ethics',
      humanCode: 'FORA-DE-1',
      name: 'Data ethics',
    };
    return signCredential(unsigned, key);
  }

  beforeAll(async () => {
    server = await startTestServer();
    [admin, upm, fau] = [await server.login(ADMIN), await server.login(UPM_STAFF), await server.login(FAU_STAFF)];
    learner = await aLearner(server);
    const recorded = await server.gql(RECORD_RESULT, { input: aPassingResult(await anEnrolment(server, learner.id)) }, upm);
    moduleCredential = recorded.data.recordResult.credential.document;

    // The office names UPM to decide recognitions under the learner's rules (the 2026-2027 edition).
    editionId = (await server.gql('{ programme { editions { id code } } }')).data.programme.editions.find(
      (e: Json) => e.code === '2026-2027',
    ).id;
    upmId = (await server.gql('{ module(code: "UPM-AIG-01") { provider { id } } }')).data.module.provider.id;
    const set = await setDeciders([upmId]);
    expect(set.data.setPathwayRules.rules.recognitionDeciderIds).toEqual([upmId]);
  });

  afterAll(() => server.close());

  it('refuses an ISSUER of an HEI the rules do not name, as if the request did not exist, and writes nothing', async () => {
    const recognition = await submit(await aCourseCredential());
    expect(recognition).toMatchObject({ verdict: 'VALID', status: 'SUBMITTED' });
    const before = await state(recognition.id);
    const refused = await decide({ id: recognition.id }, fau);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await state(recognition.id)).toEqual(before);
    expect(before.recognition).toMatchObject({ status: 'SUBMITTED', ects_granted: null, decided_by: null });
    const listed = await server.gql('{ recognitions(limit: 100) { items { id } } }', {}, fau);
    expect(listed.data.recognitions.items.map((r: Json) => r.id)).not.toContain(recognition.id);
    const listedByNamed = await server.gql('{ recognitions(limit: 100) { items { id } } }', {}, upm);
    expect(listedByNamed.data.recognitions.items.map((r: Json) => r.id)).toContain(recognition.id);

    // The HEI the rules name may decide it.
    const named = await decide({ id: recognition.id }, upm);
    expect(named.data.decideRecognition).toMatchObject({
      status: 'APPROVED',
      ectsGranted: 3,
      verdictOverridden: false,
      overrideReason: null,
    });
  });

  it('refuses the HEI its rules no longer name', async () => {
    const recognition = await submit(await aCourseCredential());
    expect((await setDeciders([])).errors).toBeUndefined();
    const before = await state(recognition.id);
    expect((await decide({ id: recognition.id }, upm)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await state(recognition.id)).toEqual(before);
    expect((await setDeciders([upmId])).errors).toBeUndefined();
    expect((await decide({ id: recognition.id, approve: false }, upm)).data.decideRecognition.status).toBe('REJECTED');
  });

  it('refuses naming an organisation that is not a consortium HEI in the rules', async () => {
    const { version } = await rulesNow();
    const fauId = (await server.gql('{ module(code: "FAU-MLP-01") { provider { id } } }')).data.module.provider.id;
    const employer = (await server.gql('{ organisations(kind: PUBLIC_ADMINISTRATION) { items { id } } }')).data.organisations.items[0].id;
    for (const stranger of [crypto.randomUUID(), employer]) {
      const refused = await setDeciders([fauId, stranger]);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules.recognitionDeciderIds' });
    }
    expect((await rulesNow()).version).toBe(version);
  });

  it('approves an INVALID verdict only by the programme office’s override with a reason, recorded and audited', async () => {
    const outside = await anOutsideCredential();
    const report = await verify(server, outside);
    expect(report.verdict).toBe('INVALID');
    expect(checkOf(report, 'PROOF').outcome).toBe('PASSED');
    expect(checkOf(report, 'ISSUER').outcome).toBe('FAILED');
    const recognition = await submit(outside);
    expect(recognition.verdict).toBe('INVALID');
    const before = await state(recognition.id);

    const withoutOverride = await decide({ id: recognition.id }, admin);
    expect(withoutOverride.errors?.[0].extensions).toMatchObject({ code: 'RECOGNITION_OVERRIDE_REQUIRED', field: 'input.overrideVerdict' });
    const withoutReason = await decide({ id: recognition.id, overrideVerdict: true }, admin);
    expect(withoutReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overrideReason' });
    const byTheNamedHei = await decide({ id: recognition.id }, upm);
    expect(byTheNamedHei.errors?.[0].extensions?.code).toBe('RECOGNITION_OVERRIDE_REQUIRED');
    const heiOverride = await decide({ id: recognition.id, overrideVerdict: true, overrideReason: 'We know them' }, upm);
    expect(heiOverride.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await state(recognition.id)).toEqual(before);

    const reason = 'Accredited by the Portuguese agency A3ES; their key is not in our registry';
    const approved = await decide({ id: recognition.id, overrideVerdict: true, overrideReason: reason }, admin);
    expect(approved.data.decideRecognition).toEqual({
      id: recognition.id,
      status: 'APPROVED',
      ectsGranted: 3,
      verdictOverridden: true,
      overrideReason: reason,
    });
    const { rows } = await server.db.query("SELECT details FROM audit_log WHERE action = 'RECOGNITION_DECIDED' AND entity_id = $1", [
      recognition.id,
    ]);
    expect(rows).toEqual([
      { details: expect.objectContaining({ approve: true, verdict: 'INVALID', verdictOverridden: true, overrideReason: reason }) },
    ]);
  });

  it('never overrides a broken signature, even for the programme office', async () => {
    const tampered = await submit({ ...(await aCourseCredential()), name: 'Changed' });
    expect(tampered.verdict).toBe('INVALID');
    const before = await state(tampered.id);
    const refused = await decide({ id: tampered.id, overrideVerdict: true, overrideReason: 'Looks fine to me' }, admin);
    expect(refused.errors?.[0].extensions?.code).toBe('RECOGNITION_NOT_VERIFIED');
    expect(await state(tampered.id)).toEqual(before);
  });

  it('has nothing to override on a VALID verdict', async () => {
    const recognition = await submit(await aCourseCredential());
    const refused = await decide({ id: recognition.id, overrideVerdict: true, overrideReason: 'Just in case' }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overrideVerdict' });
  });
});
