import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { CompactSign } from 'jose';
import {
  documentLoader,
  generateIssuerKey,
  IssuerKeyMaterial,
  privateKeyObject,
  signCredential,
  signerFor,
  UnsignedCredential,
} from '@magix/credentials';
import { UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const JWT_DATA_URL = /^data:application\/vc\+jwt,([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The W3C vc-data-model-2.0 test suite's enveloped presentation (tests/fixtures.js, `vp_jwt`):
 * EdDSA by did:key:z6Mkj8h3…, `nonce` 123456789, holding one ES256 credential.
 */
const SUITE_VP_JWT =
  'eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJFZERTQSIsICJraWQiOiAiZGlkOmtleTp6Nk1rajhoM2t6V1pyUGl1Y295WTlMR0NUcFhoQ3FCb1gzZG9EbUh6NU1hUHhudmkjejZNa2o4aDNreldaclBpdWNveVk5TEdDVHBYaENxQm9YM2RvRG1IejVNYVB4bnZpIn0.eyJpc3MiOiAiZGlkOmtleTp6Nk1rajhoM2t6V1pyUGl1Y295WTlMR0NUcFhoQ3FCb1gzZG9EbUh6NU1hUHhudmkiLCAiYXVkIjogImV4YW1wbGUuY29tIiwgIm5vbmNlIjogIjEyMzQ1Njc4OSIsICJ2cCI6IHsiQGNvbnRleHQiOiBbImh0dHBzOi8vd3d3LnczLm9yZy9ucy9jcmVkZW50aWFscy92MiJdLCAidHlwZSI6IFsiVmVyaWZpYWJsZVByZXNlbnRhdGlvbiJdLCAiaG9sZGVyIjogImRpZDprZXk6ejZNa2o4aDNreldaclBpdWNveVk5TEdDVHBYaENxQm9YM2RvRG1IejVNYVB4bnZpIiwgInZlcmlmaWFibGVDcmVkZW50aWFsIjogW3siQGNvbnRleHQiOiAiaHR0cHM6Ly93d3cudzMub3JnL25zL2NyZWRlbnRpYWxzL3YyIiwgInR5cGUiOiAiRW52ZWxvcGVkVmVyaWZpYWJsZUNyZWRlbnRpYWwiLCAiaWQiOiAiZGF0YTphcHBsaWNhdGlvbi9qd3QsZXlKaGJHY2lPaUpGVXpJMU5pSXNJbXRwWkNJNkltUnBaRHByWlhrNmVrUnVZV1ZVVVV0RVlsaFJWRFJpWVhSNFMyTnVUVkZaVVRoS2VXNXFjVU0xV0hveGRVMXJOV1YxUnpKb2REaHVjU042Ukc1aFpWUlJTMFJpV0ZGVU5HSmhkSGhMWTI1TlVWbFJPRXA1Ym1weFF6VlllakYxVFdzMVpYVkhNbWgwT0c1eEluMC5leUpwYzNNaU9pSmthV1E2YTJWNU9ucEVibUZsVkZGTFJHSllVVlEwWW1GMGVFdGpiazFSV1ZFNFNubHVhbkZETlZoNk1YVk5helZsZFVjeWFIUTRibkVpTENKemRXSWlPaUprYVdRNlpYaGhiWEJzWlRwaGJHbGpaU0lzSW5aaklqcDdJa0JqYjI1MFpYaDBJanBiSW1oMGRIQnpPaTh2ZDNkM0xuY3pMbTl5Wnk5dWN5OWpjbVZrWlc1MGFXRnNjeTkyTWlKZExDSjBlWEJsSWpwYklsWmxjbWxtYVdGaWJHVkRjbVZrWlc1MGFXRnNJbDBzSW1OeVpXUmxiblJwWVd4VGRXSnFaV04wSWpwN0ltbGtJam9pWkdsa09tVjRZVzF3YkdVNllXeHBZMlVpTENKdVlXMWxJam9pUVd4cFkyVWlmU3dpYVhOemRXVnlJam9pWkdsa09tdGxlVHA2Ukc1aFpWUlJTMFJpV0ZGVU5HSmhkSGhMWTI1TlVWbFJPRXA1Ym1weFF6VlllakYxVFdzMVpYVkhNbWgwT0c1eEluMTkucUU4VVliU0pmSWRZVV9MU3d4TEVJRHRqVHBMTGFwNkVZNTNKR3dhZy1UM3dyX2FROVNRem1pcUZFMUZQWEZnZkFVOEdIT2tTWTdBUm1feDVBRnZPTkEifV19fQ.9L0gNj8NbDTMZhCCNDL-q6aSKEddxuJKsX0FGGb7qooHsQQ7i_ZHQEo3hL2jzowWvHzrX4PGTrAhc8j4SIkFCg';

const payloadOf = (jwt: string): Json => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
const jwtOf = (envelope: Json): string => JWT_DATA_URL.exec(envelope.id)![1];
const statusEntries = (credential: Json): Json[] => ([] as Json[]).concat(credential.credentialStatus ?? []);

/** A presentation secured as a VP-JWT by `signer`, in an EnvelopedVerifiablePresentation. */
async function aVpJwt(claims: Record<string, unknown>, signer: IssuerKeyMaterial): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.verificationMethod, typ: 'vp+jwt', cty: 'vp' })
    .sign(await privateKeyObject(signer));
}
/**
 * A Data Integrity presentation by `holder`. Signed with vc.signPresentation itself: its
 * createPresentation (and so our signPresentation) refuses enveloped credentials inside.
 */
async function aDataIntegrityPresentation(
  presentation: Record<string, unknown>,
  holder: IssuerKeyMaterial,
  challenge: string,
  domain: string,
) {
  const suite = new DataIntegrityProof({ signer: await signerFor(holder), cryptosuite: eddsaRdfc2022 });
  return vc.signPresentation({ presentation, suite, challenge, domain, documentLoader });
}

const anEnvelopedPresentation = (jwt: string, mediaType = 'application/vp+jwt') => ({
  '@context': V2,
  type: 'EnvelopedVerifiablePresentation',
  id: `data:${mediaType},${jwt}`,
});

describe('the VC-API as the W3C and CCG test suites expect', () => {
  let server: TestServer;
  let upm: string;
  let upmDid: string;

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
    const { data } = await server.gql('{ organisations(countryCode: "ES", kind: HEI) { items { issuerDid } } }');
    upmDid = data.organisations.items[0].issuerDid;
  });

  afterAll(() => server.close());

  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  /** Built in the test, not at collection time: the HEI's DID is known only once the server runs. */
  const aCredential = (overrides: Record<string, unknown> = {}): Json => ({
    '@context': [V2, 'https://www.w3.org/ns/credentials/examples/v2'],
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer: upmDid,
    credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'Universidad Politécnica de Madrid' },
    ...overrides,
  });

  /** Issued to `subject` (a presentation verifies only the presenter's own credentials). */
  const anEnvelopedCredential = async (subject?: string): Promise<Json> => {
    const credential = subject
      ? aCredential({ credentialSubject: { id: subject, alumniOf: 'Universidad Politécnica de Madrid' } })
      : aCredential();
    const { status, body } = await post('/credentials/issue', { credential, options: { securingMechanism: 'EnvelopingProof' } }, upm);
    expect(status).toBe(201);
    return body.verifiableCredential;
  };

  /** A refused issue request: 422, a JSON error, and no credential stored. */
  const expectRefused = async (credential: Json, field?: string) => {
    const before = await server.count('credential');
    const { status, body } = await post('/credentials/issue', { credential, options: {} }, upm);
    expect(status).toBe(422);
    expect(body).toEqual(expect.objectContaining({ code: 'INVALID_CREDENTIAL', message: expect.any(String) }));
    if (field) expect(body.field).toBe(field);
    expect(await server.count('credential')).toBe(before);
    return body;
  };

  describe('POST /credentials/issue: the issuer is never filled in', () => {
    it('refuses a credential without an issuer', async () => {
      const { issuer: _issuer, ...withoutIssuer } = aCredential();
      const body = await expectRefused(withoutIssuer, 'credential.issuer');
      expect(body.message).toMatch(/issuer is required/);
    });

    it.each([
      ['true', true],
      ['4', 4],
      ['[]', []],
      ['{}', {}],
      ['null', null],
      ['an object whose id is null', { id: null }],
      ['an object whose id is 4', { id: 4 }],
    ])('refuses issuer: %s', async (_what, issuer) => {
      await expectRefused(aCredential({ issuer }), 'credential.issuer');
    });

    it('still refuses another issuer than the HEI', async () => {
      await expectRefused(aCredential({ issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), 'credential.issuer');
      await expectRefused(aCredential({ issuer: { id: 'https://example.edu/issuers/14' } }), 'credential.issuer');
    });

    it('issues with the HEI’s DID as a URL or as an object id, answering no warnings', async () => {
      const asUrl = await post('/credentials/issue', { credential: aCredential() }, upm);
      expect(asUrl.status).toBe(201);
      expect(asUrl.body.verifiableCredential.issuer).toBe(upmDid);
      expect(asUrl.body.warnings).toBeUndefined();
      const asObject = await post('/credentials/issue', { credential: aCredential({ issuer: { id: upmDid, name: 'UPM' } }) }, upm);
      expect(asObject.status).toBe(201);
      expect(asObject.body.verifiableCredential.issuer).toEqual({ id: upmDid, name: 'UPM' });
    });
  });

  describe('POST /credentials/issue: a submitted credentialStatus', () => {
    const entry = (overrides: Record<string, unknown> = {}) => ({
      id: 'https://status.example.edu/lists/7#42',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://status.example.edu/lists/7',
      ...overrides,
    });

    it.each([
      ['statusListIndex: true', entry({ statusListIndex: true })],
      ['statusListIndex as a number', entry({ statusListIndex: 42 })],
      ['a negative statusListIndex', entry({ statusListIndex: '-1' })],
      ['a statusListIndex that is not base 10', entry({ statusListIndex: '0x2a' })],
      ['no statusListIndex', entry({ statusListIndex: undefined })],
      ['no statusListCredential', entry({ statusListCredential: undefined })],
      ['a statusListCredential that is not a URL', entry({ statusListCredential: 'status list 7' })],
      ['a statusListCredential that is an object', entry({ statusListCredential: { id: 'https://status.example.edu/lists/7' } })],
      ['no statusPurpose', entry({ statusPurpose: undefined })],
      ['statusPurpose: 7', entry({ statusPurpose: 7 })],
      ['statusSize: 0', entry({ statusSize: 0 })],
      ['statusSize as a string', entry({ statusSize: '2' })],
      ['statusSize 2 without statusMessage', entry({ statusPurpose: 'message', statusSize: 2 })],
      ['a statusMessage that is not a list of {status, message}', entry({ statusSize: 2, statusMessage: ['revoked'] })],
      ['a statusReference that is not a URL', entry({ statusReference: 'see our website' })],
      ['no type', { id: 'https://status.example.edu/lists/7#42' }],
      ['type: 2', entry({ type: 2 })],
      ['an id that is not a URL', entry({ id: 'https ://not-a-url/statusList/4' })],
      ['several ids', entry({ id: ['did:example:status:1', 'did:example:status:2'] })],
      ['a string', 'revocation'],
      ['an empty array', []],
      ['an array with a number in it', [entry(), 5]],
      ['an array with a malformed entry in it', [entry(), entry({ statusListIndex: true })]],
    ])('refuses %s with 422, storing nothing', async (_what, credentialStatus) => {
      const body = await expectRefused(aCredential({ credentialStatus }));
      expect(body.message).toMatch(/credentialStatus/);
    });

    it('replaces a well-formed one by its own status, and says so', async () => {
      const foreign = entry();
      const { status, body } = await post('/credentials/issue', { credential: aCredential({ credentialStatus: foreign }) }, upm);
      expect(status).toBe(201);
      expect(body.warnings).toEqual([expect.objectContaining({ name: 'credentialStatus', message: expect.stringMatching(/replaced/) })]);
      const entries = statusEntries(body.verifiableCredential);
      expect(entries.length).toBeGreaterThan(0);
      for (const issued of entries) {
        expect(issued.type).toBe('BitstringStatusListEntry');
        expect(issued.statusListCredential).not.toBe(foreign.statusListCredential);
        expect(issued.statusListCredential).toMatch(/\/status-lists\//);
      }
      const verified = await post('/credentials/verify', { verifiableCredential: body.verifiableCredential });
      expect(verified.status).toBe(200);
      expect(verified.body.verdict).toBe('VALID');
    });

    it('accepts the vc-data-model-2.0 suite’s status of another type (credential-status-ok.json)', async () => {
      const { status, body } = await post(
        '/credentials/issue',
        {
          credential: {
            '@context': [V2, { CredentialStatusList2017: 'https://example.org/examples#CredentialStatusList2017' }],
            type: ['VerifiableCredential'],
            issuer: upmDid,
            credentialSubject: { id: 'did:example:subject' },
            credentialStatus: { id: 'did:example:status', type: 'CredentialStatusList2017' },
          },
        },
        upm,
      );
      expect(status).toBe(201);
      expect(body.warnings?.[0].name).toBe('credentialStatus');
      expect(statusEntries(body.verifiableCredential).map((s) => s.type)).not.toContain('CredentialStatusList2017');
    });
  });

  describe('POST /credentials/issue with options.securingMechanism', () => {
    it('EnvelopingProof answers the VC-JOSE form as an EnvelopedVerifiableCredential', async () => {
      const before = await server.count('credential');
      const envelope = await anEnvelopedCredential();
      expect(Object.keys(envelope).sort()).toEqual(['@context', 'id', 'type']);
      expect(envelope).toMatchObject({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: expect.stringMatching(JWT_DATA_URL) });
      const jwt = jwtOf(envelope);
      const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
      expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: expect.stringMatching(new RegExp(`^${upmDid}#`)) });
      const credential = payloadOf(jwt);
      expect(credential).toMatchObject({ issuer: upmDid, type: ['VerifiableCredential', 'ExampleAlumniCredential'] });
      expect(credential.proof).toBeUndefined();
      expect(await server.count('credential')).toBe(before + 1);
      // The one VC-JOSE rendering of a stored credential: the same token GET /credentials/{id} gives.
      const stored = await fetch(`${server.url}/credentials/${String(credential.id).replace(/^urn:uuid:/, '')}`, {
        headers: { authorization: `Bearer ${upm}`, accept: 'application/vc+jwt' },
      });
      expect(stored.status).toBe(200);
      expect(await stored.text()).toBe(jwt);
    });

    it('issues and verifies what the vc-data-model-2.0 suite sends its enveloping issuer (generateCredential)', async () => {
      const credential = {
        '@context': [V2],
        type: ['VerifiableCredential'],
        credentialSubject: { id: 'did:example:alice', name: 'Alice' },
      };
      const issued = await post(
        '/credentials/issue',
        { credential: { ...credential, issuer: upmDid }, options: { securingMechanism: 'EnvelopingProof' } },
        upm,
      );
      expect(issued.status).toBe(201);
      expect(issued.body.verifiableCredential['@context']).toBe(V2);
      const verified = await post('/credentials/verify', {
        verifiableCredential: issued.body.verifiableCredential,
        options: { checks: ['proof'] },
      });
      expect(verified.status).toBe(200);
    });

    it('refuses EnvelopingProof for a VC Data Model 1.1 credential, storing nothing', async () => {
      const before = await server.count('credential');
      const v1 = {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential'],
        issuer: upmDid,
        issuanceDate: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:alice' },
      };
      const { status, body } = await post('/credentials/issue', { credential: v1, options: { securingMechanism: 'EnvelopingProof' } }, upm);
      expect(status).toBe(422);
      expect(body.message).toMatch(/VC Data Model 2\.0/);
      expect(await server.count('credential')).toBe(before);
      expect((await post('/credentials/issue', { credential: v1 }, upm)).status).toBe(201);
    });

    it('is described in the OpenAPI document', async () => {
      const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as Json;
      const options = openapi.paths['/credentials/issue'].post.requestBody.content['application/json'].schema.properties.options;
      expect(options.properties.securingMechanism.enum).toEqual(['EmbeddedProof', 'EnvelopingProof']);
      expect(openapi.components.schemas.EnvelopedVerifiableCredential.properties.type.const).toBe('EnvelopedVerifiableCredential');
    });

    it('EmbeddedProof, the default, answers the Data Integrity form', async () => {
      const { status, body } = await post(
        '/credentials/issue',
        { credential: aCredential(), options: { securingMechanism: 'EmbeddedProof' } },
        upm,
      );
      expect(status).toBe(201);
      expect(body.verifiableCredential.type).toContain('VerifiableCredential');
      expect(JSON.stringify(body.verifiableCredential.proof)).toContain('eddsa-rdfc-2022');
    });

    it.each([['EnvelopedProof'], [true], [{ type: 'vc+jwt' }]])(
      'answers securingMechanism %j with 400, storing nothing',
      async (mechanism) => {
        const before = await server.count('credential');
        const { status, body } = await post(
          '/credentials/issue',
          { credential: aCredential(), options: { securingMechanism: mechanism } },
          upm,
        );
        expect(status).toBe(400);
        expect(body).toMatchObject({ code: 'MALFORMED_REQUEST', field: 'options.securingMechanism' });
        expect(await server.count('credential')).toBe(before);
      },
    );
  });

  describe('POST /credentials/verify with an EnvelopedVerifiableCredential', () => {
    it('verifies the issued envelope, also with the data: URL the W3C suite writes (application/jwt)', async () => {
      const envelope = await anEnvelopedCredential();
      const { status, body } = await post('/credentials/verify', { verifiableCredential: envelope });
      expect(status).toBe(200);
      expect(body).toMatchObject({ verified: true, verdict: 'VALID', errors: [] });
      const plain = { ...envelope, id: `data:application/jwt,${jwtOf(envelope)}` };
      expect((await post('/credentials/verify', { verifiableCredential: plain, options: { checks: ['proof'] } })).status).toBe(200);
    });

    it('refuses a tampered envelope, naming the proof', async () => {
      const envelope = await anEnvelopedCredential();
      const [header, , signature] = jwtOf(envelope).split('.');
      const forged = Buffer.from(JSON.stringify({ ...payloadOf(jwtOf(envelope)), validFrom: '2001-01-01T00:00:00Z' })).toString(
        'base64url',
      );
      const { status, body } = await post('/credentials/verify', {
        verifiableCredential: { ...envelope, id: `data:application/vc+jwt,${header}.${forged}.${signature}` },
      });
      expect(status).toBe(422);
      expect(body.verified).toBe(false);
      expect(body.errors.map((e: Json) => e.name)).toContain('proof');
    });

    // The W3C vc-data-model-2.0 suite's negative envelopes (tests/4.13.2-envelopes.js) and broken data: URLs.
    it.each<[string, (envelope: Json) => Json]>([
      ['@context: []', (e) => ({ ...e, '@context': [] })],
      ['@context: the examples context', (e) => ({ ...e, '@context': 'https://www.w3.org/ns/credentials/examples/v2' })],
      ['no @context', ({ '@context': _c, ...e }) => e],
      ['an id that is the bare JWT, not a data: URL', (e) => ({ ...e, id: jwtOf(e) })],
      ['no type', ({ type: _t, ...e }) => e],
      ['type: VerifiableCredential', (e) => ({ ...e, type: 'VerifiableCredential' })],
      ['type: the presentation envelope', (e) => ({ ...e, type: 'EnvelopedVerifiablePresentation' })],
      ['a data: URL of a presentation media type', (e) => ({ ...e, id: `data:application/vp+jwt,${jwtOf(e)}` })],
      ['a data: URL of JSON', (e) => ({ ...e, id: 'data:application/json,{"a":1}' })],
      ['a data: URL that holds no JWS', (e) => ({ ...e, id: 'data:application/vc+jwt,not-a-jws' })],
      ['a data: URL with broken percent-encoding', (e) => ({ ...e, id: 'data:application/vc+jwt,%E0%A4%A' })],
      ['a data: URL without a comma', (e) => ({ ...e, id: 'data:application/vc+jwt' })],
      ['an id that is a number', (e) => ({ ...e, id: 7 })],
      ['a JWS whose payload is not JSON', (e) => ({ ...e, id: 'data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln' })],
    ])('answers %s with 422 and a verification result, never 5xx', async (_what, broken) => {
      const { status, body } = await post('/credentials/verify', { verifiableCredential: broken(await anEnvelopedCredential()) });
      expect(status).toBe(422);
      expect(body).toMatchObject({ verified: false, verdict: 'INVALID' });
      expect(body.errors.length).toBeGreaterThan(0);
    });
  });

  describe('POST /presentations/verify with enveloped credentials and presentations', () => {
    const challenge = 'a-challenge-8f1d';
    const domain = 'hr.example.gov';
    let holder: IssuerKeyMaterial;

    beforeAll(async () => {
      holder = await generateIssuerKey();
    });

    const aPresentation = (credentials: unknown[], overrides: Record<string, unknown> = {}) => ({
      '@context': [V2],
      type: ['VerifiablePresentation'],
      holder: holder.did,
      verifiableCredential: credentials,
      ...overrides,
    });

    it('verifies an EnvelopedVerifiableCredential inside a Data Integrity presentation', async () => {
      const envelope = await anEnvelopedCredential(holder.did);
      const vp = await aDataIntegrityPresentation(aPresentation([envelope]), holder, challenge, domain);
      const { status, body } = await post('/presentations/verify', { verifiablePresentation: vp, options: { challenge, domain } });
      expect(status).toBe(200);
      expect(body.verified).toBe(true);
      expect(body.credentialResults).toEqual([expect.objectContaining({ verified: true, verdict: 'VALID' })]);
      const broken = await aDataIntegrityPresentation(
        aPresentation([{ ...envelope, id: 'data:application/vc+jwt,not-a-jws' }]),
        holder,
        challenge,
        domain,
      );
      const refused = await post('/presentations/verify', { verifiablePresentation: broken, options: { challenge, domain } });
      expect(refused.status).toBe(422);
      expect(refused.body.presentationResult.verified).toBe(true);
      expect(refused.body.credentialResults[0]).toMatchObject({ verified: false, verdict: 'INVALID' });
    });

    it('verifies an EnvelopedVerifiablePresentation (VP-JWT) signed by its holder for the challenge and domain', async () => {
      const envelope = await anEnvelopedCredential(holder.did);
      const jwt = await aVpJwt({ ...aPresentation([envelope]), nonce: challenge, aud: domain }, holder);
      const { status, body } = await post('/presentations/verify', {
        verifiablePresentation: anEnvelopedPresentation(jwt),
        options: { challenge, domain },
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ verified: true, errors: [], presentationResult: { verified: true, holder: holder.did } });
      expect(body.credentialResults).toEqual([expect.objectContaining({ verified: true, verdict: 'VALID' })]);
      // The older form, with the presentation in a `vp` claim and `iss` the holder, reads the same.
      const legacy = await aVpJwt({ iss: holder.did, nonce: challenge, aud: domain, vp: aPresentation([envelope]) }, holder);
      const read = await post('/presentations/verify', {
        verifiablePresentation: anEnvelopedPresentation(legacy, 'application/jwt'),
        options: { challenge },
      });
      expect(read.status).toBe(200);
    });

    it('refuses a tampered VP-JWT, a wrong challenge or domain, another signer, or an expired one', async () => {
      const envelope = await anEnvelopedCredential();
      const claims = { ...aPresentation([envelope]), nonce: challenge, aud: domain };
      const jwt = await aVpJwt(claims, holder);
      const [header, , signature] = jwt.split('.');
      const forged = Buffer.from(JSON.stringify({ ...claims, verifiableCredential: [] })).toString('base64url');
      const cases: Array<[string, string, Record<string, unknown>]> = [
        ['tampered', `${header}.${forged}.${signature}`, { challenge, domain }],
        ['wrong challenge', jwt, { challenge: 'another-challenge', domain }],
        ['no challenge', jwt, { domain }],
        ['wrong domain', jwt, { challenge, domain: 'evil.example' }],
        ['signed by another key', await aVpJwt(claims, await generateIssuerKey()), { challenge, domain }],
        ['expired', await aVpJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, holder), { challenge, domain }],
      ];
      for (const [what, token, options] of cases) {
        const { status, body } = await post('/presentations/verify', { verifiablePresentation: anEnvelopedPresentation(token), options });
        expect([what, status]).toEqual([what, 422]);
        expect([what, body.verified, body.presentationResult.verified]).toEqual([what, false, false]);
        expect(body.errors.map((e: Json) => e.name)).toContain('proof');
      }
    });

    it.each<[string, Json]>([
      ['@context: []', { '@context': [] }],
      ['@context: the examples context', { '@context': ['https://www.w3.org/ns/credentials/examples/v2'] }],
      ['an id that is not a data: URL', { id: SUITE_VP_JWT }],
      ['a credential media type', { id: `data:application/vc+jwt,${SUITE_VP_JWT}` }],
      ['a data: URL that holds no JWS', { id: 'data:application/vp+jwt,%%%' }],
      ['type: VerifiablePresentation', { type: ['VerifiablePresentation'] }],
    ])('answers a malformed envelope (%s) with 422, never 5xx', async (_what, change) => {
      const { status, body } = await post('/presentations/verify', {
        verifiablePresentation: { ...anEnvelopedPresentation(SUITE_VP_JWT, 'application/jwt'), ...change },
        options: { challenge: '123456789' },
      });
      expect(status).toBe(422);
      expect(body.verified).toBe(false);
      expect(body.presentationResult.verified).toBe(false);
    });

    it('checks the W3C suite’s own VP-JWT: the holder’s signature for its nonce', async () => {
      const { body } = await post('/presentations/verify', {
        verifiablePresentation: anEnvelopedPresentation(SUITE_VP_JWT, 'application/jwt'),
        options: { challenge: '123456789' },
      });
      expect(body.presentationResult).toMatchObject({ verified: true, holder: 'did:key:z6Mkj8h3kzWZrPiucoyY9LGCTpXhCqBoX3doDmHz5MaPxnvi' });
      expect(body.credentialResults).toHaveLength(1);
    });
  });

  describe('verified and verdict agree', () => {
    it('for an issuer outside the trust registry, with and without asking for issuer trust', async () => {
      const outsider = await generateIssuerKey();
      const unsigned: UnsignedCredential = { ...aCredential(), issuer: outsider.did, validFrom: '2026-01-01T00:00:00Z' };
      const credential = await signCredential(unsigned, outsider);
      const lenient = await post('/credentials/verify', { verifiableCredential: credential });
      expect(lenient.status).toBe(200);
      expect(lenient.body).toMatchObject({ verified: true, verdict: 'VALID' });
      expect(lenient.body.warnings.map((w: Json) => w.name)).toContain('issuer');
      const strict = await post('/credentials/verify', { verifiableCredential: credential, options: { checks: ['proof', 'issuer'] } });
      expect(strict.status).toBe(422);
      expect(strict.body).toMatchObject({ verified: false, verdict: 'INVALID' });
    });

    it('for a revoked credential, by whether status is asked for', async () => {
      const { body: issued } = await post('/credentials/issue', { credential: aCredential() }, upm);
      const vc = issued.verifiableCredential;
      const revoked = await post(
        '/credentials/status',
        { credentialId: vc.id, credentialStatus: [{ statusPurpose: 'revocation', status: true }] },
        upm,
      );
      expect(revoked.status).toBe(200);
      const withStatus = await post('/credentials/verify', { verifiableCredential: vc });
      expect(withStatus.status).toBe(422);
      expect(withStatus.body).toMatchObject({ verified: false, verdict: 'REVOKED' });
      const proofOnly = await post('/credentials/verify', { verifiableCredential: vc, options: { checks: ['proof'] } });
      expect(proofOnly.status).toBe(200);
      expect(proofOnly.body).toMatchObject({ verified: true, verdict: 'VALID' });
      expect(proofOnly.body.warnings.map((w: Json) => w.name)).toContain('status');
    });

    it('in every answer, for every choice of checks', async () => {
      const valid = (await post('/credentials/issue', { credential: aCredential() }, upm)).body.verifiableCredential;
      const expired = (
        await post(
          '/credentials/issue',
          { credential: aCredential({ validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' }) },
          upm,
        )
      ).body.verifiableCredential;
      const future = (await post('/credentials/issue', { credential: aCredential({ validFrom: '2099-01-01T00:00:00Z' }) }, upm)).body
        .verifiableCredential;
      const outsider = await generateIssuerKey();
      const untrusted = await signCredential({ ...aCredential(), issuer: outsider.did }, outsider);
      const tampered = { ...valid, credentialSubject: { ...valid.credentialSubject, alumniOf: 'Another University' } };
      const inputs = [valid, expired, future, untrusted, tampered, await anEnvelopedCredential(), {}];
      const choices = [undefined, ['proof'], ['proof', 'status'], ['validity'], ['issuer'], ['proof', 'status', 'validity', 'issuer']];
      let verifiedCount = 0;
      for (const verifiableCredential of inputs) {
        for (const checks of choices) {
          const { status, body } = await post('/credentials/verify', { verifiableCredential, options: checks ? { checks } : {} });
          expect({ checks, verified: body.verified }).toEqual({ checks, verified: body.verdict === 'VALID' });
          expect(status).toBe(body.verified ? 200 : 422);
          if (body.verified) verifiedCount++;
        }
      }
      // Both sides are exercised: some answers verified, some not.
      expect(verifiedCount).toBeGreaterThan(0);
      expect(verifiedCount).toBeLessThan(inputs.length * choices.length);
    });
  });

  describe('bodies over the JSON limit', () => {
    const huge = () => JSON.stringify({ verifiableCredential: { padding: 'x'.repeat(2 * 1024 * 1024) } });

    it.each([['/credentials/verify'], ['/presentations/verify'], ['/credentials/issue']])(
      'answers %s with 413 and a JSON error',
      async (path) => {
        const before = await server.count('credential');
        const response = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${upm}` },
          body: huge(),
        });
        expect(response.status).toBe(413);
        expect(response.headers.get('content-type')).toMatch(/application\/json/);
        expect(await response.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/limit/) });
        expect(await server.count('credential')).toBe(before);
      },
    );

    it('answers 413 for application/ld+json too, and the server still answers afterwards', async () => {
      const response = await fetch(`${server.url}/credentials/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/ld+json' },
        body: huge(),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as Json).code).toBe('PAYLOAD_TOO_LARGE');
      expect((await post('/credentials/verify', { verifiableCredential: {} })).status).toBe(422);
    });
  });
});
