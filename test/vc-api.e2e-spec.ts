import { anIssuedCredential } from './support/credentials';
import { anEnrolment, aPassingResult, LEARNER_PASSWORD, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { independentlyVerify } from './support/independent-eddsa-verifier';
import { Json, startTestServer, TestServer } from './support/test-server';

describe('the W3C VC-API', () => {
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

  const post = async (path: string, body: unknown, token?: string, raw = false) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  // The issuer is required (never filled in): call this inside a test, once the HEI's DID is known.
  const aCredential = (overrides: Record<string, unknown> = {}) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer: upmDid,
    credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'Universidad Politécnica de Madrid' },
    ...overrides,
  });

  describe('POST /credentials/issue', () => {
    it('issues as the HEI, with status list entries, 201', async () => {
      const { status, body } = await post('/credentials/issue', { credential: aCredential(), options: {} }, upm);
      expect(status).toBe(201);
      const vc = body.verifiableCredential;
      expect(vc.issuer).toBe(upmDid);
      expect(vc.id).toMatch(/^urn:uuid:/);
      // Not an Open Badge: a single proof object, as VC-API clients expect (OB credentials get a set).
      expect(vc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
      expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'message', statusSize: 2 });
      await expect(independentlyVerify(vc)).resolves.toBe(true);
    });

    it('keeps an issuer object', async () => {
      const { status, body } = await post('/credentials/issue', { credential: aCredential({ issuer: { id: upmDid, name: 'UPM' } }) }, upm);
      expect(status).toBe(201);
      expect(body.verifiableCredential.issuer).toEqual({ id: upmDid, name: 'UPM' });
    });

    it.each([
      ['a body that is not JSON', '{"credential": ', 400],
      ['an array', [], 400],
      ['no credential', { options: {} }, 400],
      ['a credential that is a string', { credential: 'hello' }, 400],
      ['options that are not an object', () => ({ credential: aCredential(), options: 'x' }), 400],
      ['no type', () => ({ credential: aCredential({ type: undefined }) }), 422],
      ['no credentialSubject', () => ({ credential: aCredential({ credentialSubject: undefined }) }), 422],
      ['an id that is not a URL', () => ({ credential: aCredential({ id: 'not a url' }) }), 422],
      ['another issuer', () => ({ credential: aCredential({ issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }) }), 422],
      [
        'an undefined term',
        () => ({
          credential: {
            ...aCredential(),
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            credentialSubject: { id: 'did:example:1', undefinedTerm: 'x' },
          },
        }),
        422,
      ],
      [
        'a context that cannot be loaded',
        () => ({ credential: aCredential({ '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.com/unknown'] }) }),
        422,
      ],
      [
        'validFrom after validUntil',
        () => ({ credential: aCredential({ validFrom: '2030-01-01T00:00:00Z', validUntil: '2029-01-01T00:00:00Z' }) }),
        422,
      ],
    ])('answers %s with the status it deserves and writes nothing', async (_what, request, expected) => {
      // Built in the test: the credentials need the HEI's DID, known once the server runs.
      const body: unknown = typeof request === 'function' ? request() : request;
      const before = await server.count('credential');
      const { status, body: answer } = await post('/credentials/issue', body, upm, typeof body === 'string');
      expect(status).toBe(expected);
      expect(answer).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      expect(await server.count('credential')).toBe(before);
    });

    it('needs an ISSUER token', async () => {
      expect((await post('/credentials/issue', { credential: aCredential() })).status).toBe(401);
      const learner = await anIssuedCredential(server);
      const token = await server.login(learner.learner.email, LEARNER_PASSWORD);
      expect((await post('/credentials/issue', { credential: aCredential() }, token)).status).toBe(403);
    });
  });

  describe('POST /credentials/verify', () => {
    it('answers 200 with the checks that passed', async () => {
      const { credential } = await anIssuedCredential(server);
      const { status, body } = await post('/credentials/verify', {
        verifiableCredential: credential.document,
        options: { checks: ['proof', 'status', 'issuer'] },
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ verified: true, checks: ['dataModel', 'proof', 'issuer', 'status'], errors: [], verdict: 'VALID' });
    });

    it('answers 422 for a tampered credential, naming the proof', async () => {
      const { credential } = await anIssuedCredential(server);
      const tampered = { ...credential.document, validFrom: '2001-01-01T00:00:00Z' };
      const { status, body } = await post('/credentials/verify', { verifiableCredential: tampered, options: {} });
      expect(status).toBe(422);
      expect(body.verified).toBe(false);
      expect(body.errors.map((e: Json) => e.name)).toContain('proof');
    });

    it('verifies the VC-JOSE form', async () => {
      const { credential } = await anIssuedCredential(server);
      const { data } = await server.gql('query($id: ID!) { credential(id: $id) { jwt } }', { id: credential.id }, upm);
      const { status, body } = await post('/credentials/verify', { verifiableCredential: data.credential.jwt });
      expect(status).toBe(200);
      expect(body.verified).toBe(true);
    });

    it('reports an issuer outside the trust registry as a warning unless asked to check it', async () => {
      const { body: issued } = await post('/credentials/issue', { credential: aCredential() }, upm);
      const { status } = await post('/credentials/verify', {
        verifiableCredential: issued.verifiableCredential,
        options: { checks: ['issuer'] },
      });
      expect(status).toBe(200);
    });

    it.each([
      ['no body', undefined],
      ['a credential as a JSON string', { verifiableCredential: '{"@context": []}' }],
      ['no verifiableCredential', { options: {} }],
      ['a number', { verifiableCredential: 5 }],
    ])('answers %s with 400', async (_what, body) => {
      const { status } = await post('/credentials/verify', body);
      expect(status).toBe(400);
    });

    it.each([
      ['an empty object', {}],
      ['a non-conforming document', { type: ['NonconformingDocument'] }],
      [
        'proof: null',
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential'],
          issuer: 'did:example:1',
          credentialSubject: { id: 'did:example:2' },
          proof: null,
        },
      ],
    ])('answers %s with 422, never 5xx', async (_what, credential) => {
      const { status, body } = await post('/credentials/verify', { verifiableCredential: credential });
      expect(status).toBe(422);
      expect(body.verified).toBe(false);
    });
  });

  describe('POST /credentials/status', () => {
    it('revokes, after which verification says revoked', async () => {
      const { body: issued } = await post('/credentials/issue', { credential: aCredential() }, upm);
      const vc = issued.verifiableCredential;
      const { status, body } = await post(
        '/credentials/status',
        { credentialId: vc.id, credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', status: true }] },
        upm,
      );
      expect(status).toBe(200);
      expect(body).toEqual({ credentialId: vc.id, state: 'revoked' });
      const verified = await post('/credentials/verify', { verifiableCredential: vc });
      expect(verified.status).toBe(422);
      expect(verified.body.verdict).toBe('REVOKED');
      const undo = await post(
        '/credentials/status',
        { credentialId: vc.id, credentialStatus: [{ statusPurpose: 'revocation', status: false }] },
        upm,
      );
      expect(undo.status).toBe(409);
    });

    it('suspends and reinstates', async () => {
      const { body: issued } = await post('/credentials/issue', { credential: aCredential() }, upm);
      const vc = issued.verifiableCredential;
      await post('/credentials/status', { credentialId: vc.id, credentialStatus: { statusPurpose: 'suspension', status: true } }, upm);
      expect((await post('/credentials/verify', { verifiableCredential: vc })).body.verdict).toBe('SUSPENDED');
      await post('/credentials/status', { credentialId: vc.id, credentialStatus: { statusPurpose: 'suspension', status: false } }, upm);
      expect((await post('/credentials/verify', { verifiableCredential: vc })).status).toBe(200);
    });

    it.each([
      ['no credentialId', { credentialStatus: [{ statusPurpose: 'revocation' }] }, 400],
      ['no change', { credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000', credentialStatus: [] }, 400],
      [
        'an unknown credential',
        { credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000', credentialStatus: [{ statusPurpose: 'revocation' }] },
        404,
      ],
    ])('answers %s with %s', async (_what, body, expected) => {
      expect((await post('/credentials/status', body, upm)).status).toBe(expected);
    });

    it('answers an unknown status purpose with 400, changing nothing', async () => {
      const { body: issued } = await post('/credentials/issue', { credential: aCredential() }, upm);
      const { status } = await post(
        '/credentials/status',
        { credentialId: issued.verifiableCredential.id, credentialStatus: [{ statusPurpose: 'refresh' }] },
        upm,
      );
      expect(status).toBe(400);
      expect((await post('/credentials/verify', { verifiableCredential: issued.verifiableCredential })).status).toBe(200);
    });
  });

  describe('presentations', () => {
    it('an employer asks, the learner presents, the employer verifies', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const request = await server.gql(
        'mutation { requestPresentation(input: { domain: "hr.example.gov" }) { challenge domain expiresAt } }',
      );
      const { challenge } = request.data.requestPresentation;
      const presented = await server.gql(
        'mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) }',
        { input: { credentialIds: [credential.id], challenge, domain: 'hr.example.gov' } },
        learner.token,
      );
      const vp = presented.data.presentCredentials;
      expect(vp.holder).toBe(credential.document.credentialSubject.id);
      expect(vp.proof).toMatchObject({ proofPurpose: 'authentication', challenge, domain: 'hr.example.gov' });

      const ok = await post('/presentations/verify', { verifiablePresentation: vp, options: { challenge, domain: 'hr.example.gov' } });
      expect(ok.status).toBe(200);
      expect(ok.body.credentialResults).toHaveLength(1);
      const verifyByGraphQL = (p: Json, c: string) =>
        server.gql(
          'query($p: JSON!, $c: String!) { verifyPresentation(presentation: $p, challenge: $c, domain: "hr.example.gov") { verified credentials { verdict } } }',
          { p, c },
        );
      // Our challenge answers once: the same presentation again is a replay.
      expect((await verifyByGraphQL(vp, challenge)).data.verifyPresentation).toEqual({
        verified: false,
        credentials: [{ verdict: 'VALID' }],
      });
      const fresh = (await server.gql('mutation { requestPresentation(input: { domain: "hr.example.gov" }) { challenge } }')).data
        .requestPresentation.challenge;
      const again = await server.gql(
        'mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) }',
        { input: { credentialIds: [credential.id], challenge: fresh, domain: 'hr.example.gov' } },
        learner.token,
      );
      const graphql = await verifyByGraphQL(again.data.presentCredentials, fresh);
      expect(graphql.data.verifyPresentation).toEqual({ verified: true, credentials: [{ verdict: 'VALID' }] });

      const wrongChallenge = await post('/presentations/verify', {
        verifiablePresentation: vp,
        options: { challenge: 'another-challenge', domain: 'hr.example.gov' },
      });
      expect(wrongChallenge.status).toBe(422);
      const wrongDomain = await post('/presentations/verify', {
        verifiablePresentation: vp,
        options: { challenge, domain: 'evil.example' },
      });
      expect(wrongDomain.status).toBe(422);
      expect(wrongDomain.body.errors[0].name).toBe('proof');
    });

    it('refuses to present another learner’s credential or for an unknown request', async () => {
      const mine = await anIssuedCredential(server);
      const theirs = await anIssuedCredential(server);
      const { data } = await server.gql('mutation { requestPresentation(input: { domain: "hr.example.gov" }) { challenge } }');
      const present = (ids: string[], challenge: string) =>
        server.gql(
          'mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) }',
          { input: { credentialIds: ids, challenge, domain: 'hr.example.gov' } },
          mine.learner.token,
        );
      expect((await present([theirs.credential.id], data.requestPresentation.challenge)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await present([mine.credential.id], 'never-issued-challenge')).errors?.[0].extensions?.code).toBe('CHALLENGE_UNKNOWN');
    });

    it('names a registered wallet DID as the subject of credentials issued afterwards', async () => {
      const { learner, credential: before } = await anIssuedCredential(server);
      expect(before.document.credentialSubject.id).toMatch(/^did:key:z6Mk/);
      const wallet = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
      const registered = await server.gql(
        'mutation($input: RegisterWalletInput!) { registerWallet(input: $input) { walletDid } }',
        { input: { did: wallet } },
        learner.token,
      );
      expect(registered.data.registerWallet.walletDid).toBe(wallet);
      const polimi = 'registrar@polimi.example';
      const enrolmentId = await anEnrolment(server, learner.id, 'POLIMI-DGT-01', polimi);
      const { data } = await server.gql(
        RECORD_RESULT,
        { input: aPassingResult(enrolmentId, { grade: '27/30' }) },
        await server.login(polimi),
      );
      expect(data.recordResult.credential.document.credentialSubject.id).toBe(wallet);
      const bad = await server.gql(
        'mutation($input: RegisterWalletInput!) { registerWallet(input: $input) { walletDid } }',
        { input: { did: 'not-a-did' } },
        learner.token,
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'did' });
    });
  });
});
