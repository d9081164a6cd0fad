import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { independentlyVerify } from './support/independent-eddsa-verifier';
import { Json, startTestServer, TestServer } from './support/test-server';

const VERIFY = `
  query($credential: JSON!) {
    verifyCredential(credential: $credential) {
      verified verdict credentialId issuer { did name countryCode } checks { name outcome message }
    }
  }`;

describe('from a recorded result to a verified credential', () => {
  let server: TestServer;
  let credential: Json;
  let learner: Awaited<ReturnType<typeof aLearner>>;

  beforeAll(async () => {
    server = await startTestServer();
    learner = await aLearner(server, { givenName: 'Elena', familyName: 'García' });
    const enrolmentId = await anEnrolment(server, learner.id);
    const staff = await server.login(UPM_STAFF);
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '9.4' }) }, staff);
    expect(errors).toBeUndefined();
    credential = data.recordResult.credential;
  });

  afterAll(() => server.close());

  const verify = (document: unknown) => server.gql(VERIFY, { credential: document });
  const failedChecks = (report: Json): string[] => report.checks.filter((c: Json) => c.outcome !== 'PASSED').map((c: Json) => c.name);

  it('issues an Open Badges 3.0 micro-credential signed by the HEI', () => {
    const doc = credential.document;
    expect(doc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(doc.id).toBe(`urn:uuid:${credential.id}`);
    expect(doc.issuer).toMatchObject({ id: credential.issuerDid, name: 'Universidad Politécnica de Madrid' });
    expect(doc.credentialSubject.achievement).toMatchObject({
      achievementType: 'MicroCredential',
      humanCode: 'UPM-AIG-01',
      creditsAvailable: 6,
      creditUnit: 'ECTS',
      alignment: [expect.objectContaining({ targetCode: '7', targetFramework: 'European Qualifications Framework' })],
      participationForm: 'ONLINE',
    });
    expect(doc.credentialSubject.result[0]).toMatchObject({ value: '9.4', gradingScale: 'Spanish university scale 0–10 (pass 5)' });
    expect(doc.credentialSubject.identifier[0].identityHash).toBe('Elena García');
    expect(doc.proof).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' })]);
  });

  it('keeps the credential byte for byte as issued', async () => {
    const { rows } = await server.db.query('SELECT document FROM credential WHERE id = $1', [credential.id]);
    expect(rows[0].document).toBe(credential.json);
    expect(JSON.parse(credential.json)).toEqual(credential.document);
  });

  it('shows it to the learner in myCredentials', async () => {
    const { data } = await server.gql('{ myCredentials { totalCount items { id json issuer { shortName } } } }', {}, learner.token);
    expect(data.myCredentials.totalCount).toBe(1);
    expect(data.myCredentials.items[0]).toEqual({ id: credential.id, json: credential.json, issuer: { shortName: 'UPM' } });
  });

  it('lets anyone verify it without signing in', async () => {
    const { data } = await verify(credential.document);
    expect(data.verifyCredential).toMatchObject({
      verified: true,
      credentialId: `urn:uuid:${credential.id}`,
      issuer: { did: credential.issuerDid, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
    });
    expect(data.verifyCredential.checks.map((c: Json) => [c.name, c.outcome])).toEqual([
      ['DATA_MODEL', 'PASSED'],
      ['PROOF', 'PASSED'],
      ['ISSUER', 'PASSED'],
      ['STATUS', 'PASSED'],
      ['VALIDITY_PERIOD', 'PASSED'],
    ]);
    expect(data.verifyCredential.verdict).toBe('VALID');
  });

  it('verifies the credential pasted as text', async () => {
    const { data } = await verify(credential.json);
    expect(data.verifyCredential.verified).toBe(true);
  });

  it('verifies with an independent eddsa-rdfc-2022 implementation', async () => {
    await expect(independentlyVerify(JSON.parse(credential.json))).resolves.toBe(true);
  });

  it.each([
    ['grade', (d: Json) => (d.credentialSubject.result[0].value = '10')],
    ['name', (d: Json) => (d.credentialSubject.identifier[0].identityHash = 'Someone Else')],
    ['credits', (d: Json) => (d.credentialSubject.creditsEarned = 12)],
    ['module credits', (d: Json) => (d.credentialSubject.achievement.creditsAvailable = 30)],
    ['issuer name', (d: Json) => (d.issuer.name = 'Universidad Falsa')],
    ['validFrom date', (d: Json) => (d.validFrom = '2020-01-01T00:00:00Z')],
    ['added validUntil', (d: Json) => (d.validUntil = '2099-01-01T00:00:00Z')],
    ['proof value', (d: Json) => (d.proof[0].proofValue = d.proof[0].proofValue.slice(0, -2) + '11')],
  ])('reports a copy with a changed %s as not verified, naming the proof', async (_what, tamper) => {
    const copy = JSON.parse(credential.json);
    tamper(copy);
    const { data, errors } = await verify(copy);
    expect(errors).toBeUndefined();
    expect(data.verifyCredential.verified).toBe(false);
    expect(failedChecks(data.verifyCredential)).toContain('PROOF');
  });

  it('reports a copy claiming another issuer as untrusted and unproven', async () => {
    const copy = JSON.parse(credential.json);
    copy.issuer.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const { data } = await verify(copy);
    expect(data.verifyCredential.verified).toBe(false);
    expect(failedChecks(data.verifyCredential)).toEqual(expect.arrayContaining(['PROOF', 'ISSUER']));
  });

  it('reports a credential without proof as not verified', async () => {
    const { proof: _proof, ...unsigned } = JSON.parse(credential.json);
    const { data } = await verify(unsigned);
    expect(data.verifyCredential.verified).toBe(false);
    expect(data.verifyCredential.checks.find((c: Json) => c.name === 'PROOF').message).toMatch(/no proof/);
  });

  it.each([
    ['malformed JSON text', '{"@context": ['],
    ['a number', 7],
    ['an array', [1, 2]],
    ['an empty object', {}],
  ])('answers %s with a negative verdict, not an error', async (_what, input) => {
    const { status, data, errors } = await verify(input);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data.verifyCredential.verified).toBe(false);
    expect(failedChecks(data.verifyCredential)).toContain('DATA_MODEL');
  });

  it('serves the MAGIX JSON-LD context it uses, and the old one for older credentials', async () => {
    const old = (await (await fetch(`${server.url}/contexts/magix/v1`)).json()) as Json;
    expect(Object.keys(old['@context'])).toContain('eqfLevel');
    const response = await fetch(`${server.url}/contexts/magix/v2`);
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const context = (await response.json()) as Json;
    expect(Object.keys(context['@context'])).toEqual(expect.arrayContaining(['creditUnit', 'participationForm', 'qualityAssurance']));
  });

  it('records who issued the credential in the audit log', async () => {
    const { rows } = await server.db.query('SELECT action FROM audit_log WHERE entity_id = $1', [credential.id]);
    expect(rows.map((r) => r.action)).toEqual(['CREDENTIAL_ISSUED']);
    await expect(server.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
