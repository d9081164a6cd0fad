import { createHash } from 'node:crypto';
import { anIssuedCredential } from './support/credentials';
import { UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { closeTheNetworkExceptLoopback } from './support/loopback-only-fetch';
import { Json, startTestServer, TestServer } from './support/test-server';
import { dccStep, dccVerify, obSchemaErrors, plainVcVerify } from './support/third-party-verifiers';

/**
 * Our credentials as the outside world judges them: DCC's verifier-core (the engine of VerifierPlus
 * and the Learner Credential Wallet) with the network closed except our server on loopback, plain
 * @digitalbazaar/vc, and 1EdTech's Open Badges 3.0 JSON Schema.
 */
describe('credentials the ecosystem accepts', () => {
  let server: TestServer;
  let network: ReturnType<typeof closeTheNetworkExceptLoopback>;

  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    network = closeTheNetworkExceptLoopback();
  });

  afterAll(async () => {
    network.restore();
    await server.close();
  });

  const documentOf = async (kind: string): Promise<Json> => {
    const { rows } = await server.db.query<{ document: string }>(
      'SELECT document FROM credential WHERE kind = $1 ORDER BY issued_at DESC LIMIT 1',
      [kind],
    );
    return JSON.parse(rows[0].document);
  };

  const dcc = dccVerify;
  const step = dccStep;
  const schemaErrors = obSchemaErrors;

  const change = (mutation: string, id: string, token: string) =>
    server.gql(
      `mutation($input: CredentialStatusInput!) { ${mutation}(input: $input) { id } }`,
      { input: { id, reason: 'Under review' } },
      token,
    );

  it('serves the MAGIX context at exactly the URL the credentials name, with the digest they carry', async () => {
    const { credential } = await anIssuedCredential(server);
    const doc = credential.document;
    const contextUrl = doc['@context'][2];
    expect(contextUrl).toBe(`${server.url}/contexts/magix/v3`);
    const response = await fetch(contextUrl);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const related = doc.relatedResource.find((r: Json) => r.id === contextUrl);
    expect(related.digestSRI).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    expect(JSON.parse(bytes.toString('utf8'))['@context']['@protected']).toBe(true);
  });

  it('a module credential: DCC verifier-core verifies it, loading our context from our server only', async () => {
    const { credential } = await anIssuedCredential(server);
    network.requested.length = 0;
    const result = await dcc(credential.document);
    expect(result.errors).toBeUndefined();
    expect(step(result, 'valid_signature')).toEqual({ id: 'valid_signature', valid: true });
    expect(step(result, 'message_status')).toEqual({ id: 'message_status', valid: true });
    expect(step(result, 'expiration')).toMatchObject({ valid: true });
    // Beyond our server, DCC only tries 1EdTech's schema for its own optional schema note.
    const elsewhere = network.requested.filter((url) => !url.startsWith(server.url));
    expect(elsewhere.filter((url) => !url.includes('/ob_v3p0_achievementcredential_schema.json'))).toEqual([]);
    expect(network.requested).toContain(`${server.url}/contexts/magix/v3`);
    // What wallets show: the module's badge and the HEI's logo (PNG, embedded), and the credits
    // where DCC's wallet reads them.
    const achievement = credential.document.credentialSubject.achievement;
    expect(achievement.image).toMatchObject({ type: 'Image', id: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(credential.document.issuer.image).toMatchObject({ type: 'Image', id: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(achievement.awardedOnCompletionOf.numberOfCredits).toEqual({ type: 'QuantitativeValue', value: '6', unitText: 'ECTS' });
  });

  it('revoked and suspended module credentials: DCC reports their status entry failing; MAGIX names which', async () => {
    const upm = await server.login(UPM_STAFF);
    const { credential: revoked } = await anIssuedCredential(server);
    const { credential: suspended } = await anIssuedCredential(server);
    const { credential: untouched } = await anIssuedCredential(server);
    expect((await change('revokeCredential', revoked.id, upm)).errors).toBeUndefined();
    expect((await change('suspendCredential', suspended.id, upm)).errors).toBeUndefined();
    for (const doc of [revoked.document, suspended.document]) {
      const result = await dcc(doc);
      expect(step(result, 'valid_signature')).toMatchObject({ valid: true });
      expect(step(result, 'message_status')).toEqual({ id: 'message_status', valid: false });
    }
    // Its neighbours in the same list are untouched, for DCC too.
    expect(step(await dcc(untouched.document), 'message_status')).toMatchObject({ valid: true });
    const verdicts = await Promise.all(
      [revoked, suspended].map(async (c) => {
        const { data } = await server.gql('query($c: JSON!) { verifyCredential(credential: $c) { verdict } }', { c: c.document });
        return data.verifyCredential.verdict;
      }),
    );
    expect(verdicts).toEqual(['REVOKED', 'SUSPENDED']);
    expect((await change('reinstateCredential', suspended.id, upm)).errors).toBeUndefined();
    expect(step(await dcc(suspended.document), 'message_status')).toMatchObject({ valid: true });
  });

  it('the joint degree: DCC verifier-core and plain @digitalbazaar/vc verify it with no failing proof', async () => {
    const degree = await documentOf('DEGREE');
    expect(degree.endorsement.length).toBeGreaterThanOrEqual(2);
    const result = await dcc(degree);
    expect(result.errors).toBeUndefined();
    expect(step(result, 'valid_signature')).toMatchObject({ valid: true });
    // Only the proofs here: the status entry is read by verifier-core in the other tests.
    const plain = await plainVcVerify(degree);
    expect(plain.error).toBeUndefined();
    expect(plain.results.map((r: Json) => r.verified)).toEqual(degree.proof.map(() => true));
    // Each co-awarding HEI's endorsement is a credential of its own that standard tools verify.
    for (const endorsement of degree.endorsement) {
      expect(step(await dcc(endorsement), 'valid_signature')).toMatchObject({ valid: true });
    }
  });

  it('every kind MAGIX issues validates against 1EdTech’s OB 3.0 JSON Schema', async () => {
    const { credential } = await anIssuedCredential(server);
    const degree = await documentOf('DEGREE');
    expect(schemaErrors(credential.document)).toEqual([]);
    expect(schemaErrors(degree)).toEqual([]);
    const recognitionSource = await documentOf('MODULE');
    expect(schemaErrors(recognitionSource)).toEqual([]);
    // And the schema is not vacuous: the old form fails it.
    expect(schemaErrors({ ...credential.document, proof: credential.document.proof[0] })).toContain('/proof must be array');
  });
});
