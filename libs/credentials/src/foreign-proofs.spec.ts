import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { createSignCryptosuite as eddsaJcs2022Signer } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { CheckName, CheckOutcome, IssuerRecord, VerificationContext, VerificationReport, verifyCredential } from './credential-verifier';
import { documentLoader } from './document-loader';
import { dataIntegrityProofCheck, verifyProofSet } from './proof-check';
import { ACCEPTED_PROOFS, ED25519_SIGNATURE_2020_CONTEXT_URL } from './proof-suites';
import ccgVector from './testing/fixtures/ccg-verifier-suite-ed25519-signature-2020.json';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const outcomeOf = (report: VerificationReport, name: CheckName) => report.checks.find((c) => c.name === name);

/** An outside issuer's did:key, the way DCC and Open edX hold theirs. */
async function outsideIssuer2020() {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.fingerprint() as string}`;
  key.controller = did;
  key.id = `${did}#${key.fingerprint() as string}`;
  return { did, key };
}

async function outsideIssuerMultikey() {
  const key = await Ed25519Multikey.generate();
  const { publicKeyMultibase } = (await key.export({ publicKey: true })) as { publicKeyMultibase: string };
  const did = `did:key:${publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${publicKeyMultibase}`;
  return { did, key };
}

/** An Open Badges 3.0 achievement as a VC 1.1 credential, as DCC's issuers and Open edX sign them. */
function openBadge11(issuerDid: string): Doc {
  return {
    '@context': [V1, OB3, ED25519_SIGNATURE_2020_CONTEXT_URL],
    id: 'urn:uuid:2f7e4b0e-8a55-4c1d-9e3a-4b210f6f2b8e',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerDid, type: ['Profile'], name: 'Université Example (Open edX)' },
    issuanceDate: '2025-05-01T09:00:00Z',
    name: 'Data Science Fundamentals',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://courses.example.org/courses/course-v1:UEx+DS101+2025/',
        type: ['Achievement'],
        name: 'Data Science Fundamentals',
        description: 'Completed the course with a passing grade.',
        criteria: { narrative: 'Pass every graded assignment.' },
      },
    },
  };
}

function alumni20(issuerDid: string): Doc {
  return {
    '@context': [V2, OB3],
    id: 'urn:uuid:0c7d5b1e-6f3a-4e58-9a1d-2b3c4d5e6f70',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerDid, type: ['Profile'], name: 'Digital Credentials Consortium member' },
    validFrom: '2025-06-01T00:00:00Z',
    name: 'Open Source Contributor',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        type: ['Achievement'],
        name: 'Open Source Contributor',
        criteria: { narrative: 'Merged a contribution.' },
      },
    },
  };
}

function directoryOf(...dids: string[]): VerificationContext {
  const record = (did: string): IssuerRecord => ({
    did,
    organisationId: 'outside',
    name: 'Outside issuer',
    countryCode: 'FR',
    validFrom: new Date('2020-01-01'),
    retiredAt: null,
    compromisedFrom: null,
  });
  return {
    issuers: { lookup: (did) => Promise.resolve(dids.includes(did) ? record(did) : null) },
    statusLists: { resolve: () => Promise.resolve(null) },
    now: new Date(),
  };
}

const sign = async (credential: Doc, suite: unknown): Promise<Doc> =>
  (await vc.issue({ credential: structuredClone(credential), suite, documentLoader })) as Doc;

describe('credentials other issuers sign', () => {
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    // Verification never touches the network: any fetch fails the test.
    globalThis.fetch = () => Promise.reject(new Error('verification must not fetch'));
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  describe('the CCG vc-api-verifier-test-suite positive vector (Ed25519Signature2020)', () => {
    const vector = (): Doc => structuredClone(ccgVector);

    it('has a signature that verifies, by the did:key that signed it', async () => {
      await expect(verifyProofSet(vector(), { purpose: 'assertionMethod' })).resolves.toEqual([
        { verified: true, controller: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', error: null },
      ]);
    });

    it('resolves the signer’s did:key offline as a Multikey, which the 2020 suite imports itself', async () => {
      const { document } = await documentLoader(ccgVector.proof.verificationMethod);
      expect(document).toMatchObject({ type: 'Multikey', controller: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' });
    });

    it('still fails the PROOF check: its issuer is an https URL, not the key that signed', async () => {
      // The vector's issuer (https://vc.example/issuers/5678) never proves it controls the key, so
      // the rule "a proof is by the issuer" rejects it (as @digitalbazaar/vc's own verifier does).
      await expect(dataIntegrityProofCheck(vector())).resolves.toEqual({
        name: CheckName.PROOF,
        outcome: CheckOutcome.FAILED,
        code: 'proof.notByIssuer',
        params: {},
        message: 'No proof is by the credential’s issuer',
      });
      const suite = new Ed25519Signature2020();
      const theirs = (await vc.verifyCredential({ credential: vector(), suite, documentLoader })) as { verified: boolean };
      expect(theirs.verified).toBe(false);
    });

    it('does not verify when tampered with', async () => {
      const tampered = vector();
      tampered.credentialSubject.alumniOf = 'The School of Forgeries';
      const [result] = await verifyProofSet(tampered, { purpose: 'assertionMethod' });
      expect(result).toMatchObject({ verified: false, controller: null });
      await expect(dataIntegrityProofCheck(tampered)).resolves.toMatchObject({
        outcome: CheckOutcome.FAILED,
        message: expect.stringMatching(/^The signature does not match: /),
      });
    });
  });

  describe('Ed25519Signature2020, VC Data Model 1.1 (Open edX, DCC)', () => {
    let issuer: Awaited<ReturnType<typeof outsideIssuer2020>>;
    let signed: Doc;

    beforeAll(async () => {
      issuer = await outsideIssuer2020();
      signed = await sign(openBadge11(issuer.did), new Ed25519Signature2020({ key: issuer.key }));
    });

    it('is signed the way those issuers sign', () => {
      expect(signed.proof).toMatchObject({
        type: 'Ed25519Signature2020',
        proofPurpose: 'assertionMethod',
        verificationMethod: issuer.key.id,
      });
    });

    it('verifies with every check passing when the issuer is known', async () => {
      const report = await verifyCredential(signed, directoryOf(issuer.did));
      expect(report.checks.map((c) => [c.name, c.outcome])).toEqual([
        [CheckName.DATA_MODEL, CheckOutcome.PASSED],
        [CheckName.PROOF, CheckOutcome.PASSED],
        [CheckName.ISSUER, CheckOutcome.PASSED],
        [CheckName.STATUS, CheckOutcome.PASSED],
        [CheckName.VALIDITY_PERIOD, CheckOutcome.PASSED],
      ]);
      expect(report).toMatchObject({ verified: true, verdict: 'VALID', securedWith: 'DATA_INTEGRITY' });
    });

    it('passes the PROOF check for an issuer outside the consortium (recognition of prior learning)', async () => {
      const report = await verifyCredential(signed, directoryOf());
      expect(outcomeOf(report, CheckName.PROOF)).toMatchObject({
        outcome: CheckOutcome.PASSED,
        message: 'The signature matches the content and the issuer',
      });
      expect(outcomeOf(report, CheckName.ISSUER)?.outcome).toBe(CheckOutcome.FAILED);
    });

    it('verifies pasted as text, with its keys in another order', async () => {
      const reordered = Object.fromEntries(Object.entries(signed).reverse());
      await expect(verifyCredential(JSON.stringify(reordered), directoryOf(issuer.did))).resolves.toMatchObject({ verified: true });
    });

    it.each([
      ['the achievement name', (d: Doc) => (d.credentialSubject.achievement.name = 'Advanced Data Science')],
      ['the issuance date', (d: Doc) => (d.issuanceDate = '2020-01-01T00:00:00Z')],
      ['the issuer name', (d: Doc) => (d.issuer.name = 'Another University')],
      ['an added field', (d: Doc) => (d.credentialSubject.achievement.description = 'With honours.')],
      ['the signature', (d: Doc) => (d.proof.proofValue = `z${'1'.repeat(86)}`)],
      ['the proof date', (d: Doc) => (d.proof.created = '2020-01-01T00:00:00Z')],
      [
        'the verification method',
        (d: Doc) =>
          (d.proof.verificationMethod =
            'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
      ],
    ])('reports PROOF FAILED when %s is changed', async (_what, tamper) => {
      const copy = structuredClone(signed);
      tamper(copy);
      const report = await verifyCredential(copy, directoryOf(issuer.did));
      expect(report.verified).toBe(false);
      expect(report.verdict).toBe('INVALID');
      expect(outcomeOf(report, CheckName.PROOF)?.outcome).toBe(CheckOutcome.FAILED);
    });

    it('reports PROOF FAILED when someone else signed it in the issuer’s name', async () => {
      const impostor = await outsideIssuer2020();
      const forged = await sign(openBadge11(issuer.did), new Ed25519Signature2020({ key: impostor.key }));
      const report = await verifyCredential(forged, directoryOf(issuer.did));
      expect(outcomeOf(report, CheckName.PROOF)).toEqual({
        name: CheckName.PROOF,
        outcome: CheckOutcome.FAILED,
        code: 'proof.notByIssuer',
        params: {},
        message: 'No proof is by the credential’s issuer',
      });
    });

    it('checks the proof purpose', async () => {
      const [result] = await verifyProofSet(signed, { purpose: 'authentication', challenge: 'abc' });
      expect(result).toEqual({ verified: false, controller: null, error: 'the proof purpose must be authentication' });
    });

    it('needs the suite context that defines its terms', async () => {
      const copy = structuredClone(signed);
      copy['@context'] = [V1, OB3];
      await expect(dataIntegrityProofCheck(copy)).resolves.toEqual({
        name: CheckName.PROOF,
        outcome: CheckOutcome.FAILED,
        code: 'proof.mismatch',
        params: { detail: `an Ed25519Signature2020 proof needs the ${ED25519_SIGNATURE_2020_CONTEXT_URL} context` },
        message: `The signature does not match: an Ed25519Signature2020 proof needs the ${ED25519_SIGNATURE_2020_CONTEXT_URL} context`,
      });
    });

    it('reports a key it cannot resolve offline, without fetching', async () => {
      const copy = structuredClone(signed);
      copy.proof.verificationMethod = 'did:web:credentials.example.edu#key-1';
      const report = await verifyCredential(copy, directoryOf(issuer.did));
      expect(outcomeOf(report, CheckName.PROOF)).toMatchObject({
        outcome: CheckOutcome.FAILED,
        message: 'The signature does not match: Document not available offline: did:web:credentials.example.edu#key-1',
      });
    });
  });

  it('verifies a holder’s Ed25519Signature2020 presentation proof for its challenge only', async () => {
    const holder = await outsideIssuer2020();
    const presentation = vc.createPresentation({ holder: holder.did, version: 2.0 }) as Doc;
    presentation['@context'].push(ED25519_SIGNATURE_2020_CONTEXT_URL);
    const suite = new Ed25519Signature2020({ key: holder.key });
    const signed = (await vc.signPresentation({ presentation, suite, challenge: 'c-123', domain: 'magix.example', documentLoader })) as Doc;
    await expect(verifyProofSet(signed, { purpose: 'authentication', challenge: 'c-123', domain: 'magix.example' })).resolves.toEqual([
      { verified: true, controller: holder.did, error: null },
    ]);
    const [replayed] = await verifyProofSet(signed, { purpose: 'authentication', challenge: 'c-456', domain: 'magix.example' });
    expect(replayed).toMatchObject({ verified: false, error: expect.stringContaining('challenge') });
  });

  describe('DataIntegrityProof with eddsa-jcs-2022', () => {
    let issuer: Awaited<ReturnType<typeof outsideIssuerMultikey>>;
    let signed: Doc;

    beforeAll(async () => {
      issuer = await outsideIssuerMultikey();
      signed = await sign(alumni20(issuer.did), new DataIntegrityProof({ signer: issuer.key.signer(), cryptosuite: eddsaJcs2022Signer() }));
    });

    it('is signed with eddsa-jcs-2022', () => {
      expect(signed.proof).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-jcs-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: issuer.key.id,
      });
    });

    it('verifies with every check passing when the issuer is known', async () => {
      const report = await verifyCredential(signed, directoryOf(issuer.did));
      expect(report.checks.every((c) => c.outcome === CheckOutcome.PASSED)).toBe(true);
      expect(report).toMatchObject({ verified: true, verdict: 'VALID' });
    });

    it('verifies with its keys in another order (JSON Canonicalization)', async () => {
      const reordered = Object.fromEntries(Object.entries(signed).reverse());
      await expect(verifyCredential(reordered, directoryOf(issuer.did))).resolves.toMatchObject({ verified: true });
    });

    it('signs the @context into its proof, and accepts contexts appended after it (vc-di-eddsa §3.3.2)', async () => {
      expect(signed.proof['@context']).toEqual([V2, OB3]);
      const appended = { ...structuredClone(signed), '@context': [V2, OB3, 'https://w3id.org/security/data-integrity/v2'] };
      await expect(dataIntegrityProofCheck(appended)).resolves.toMatchObject({ outcome: CheckOutcome.PASSED });
    });

    it.each([
      ['the achievement name', (d: Doc) => (d.credentialSubject.achievement.name = 'Core Maintainer')],
      ['validFrom', (d: Doc) => (d.validFrom = '2020-01-01T00:00:00Z')],
      ['an added field', (d: Doc) => (d.credentialSubject.achievement.description = 'Many contributions.')],
      ['the @context', (d: Doc) => (d['@context'] = [V2, 'https://w3id.org/security/data-integrity/v2'])],
      ['the proof’s @context', (d: Doc) => (d.proof['@context'] = [V2])],
      ['the signature', (d: Doc) => (d.proof.proofValue = `z${'1'.repeat(86)}`)],
      ['the proof date', (d: Doc) => (d.proof.created = '2020-01-01T00:00:00Z')],
    ])('reports PROOF FAILED when %s is changed', async (_what, tamper) => {
      const copy = structuredClone(signed);
      tamper(copy);
      const report = await verifyCredential(copy, directoryOf(issuer.did));
      expect(report.verified).toBe(false);
      expect(outcomeOf(report, CheckName.PROOF)?.outcome).toBe(CheckOutcome.FAILED);
    });

    it('reports PROOF FAILED when someone else signed it in the issuer’s name', async () => {
      const impostor = await outsideIssuerMultikey();
      const forged = await sign(
        alumni20(issuer.did),
        new DataIntegrityProof({ signer: impostor.key.signer(), cryptosuite: eddsaJcs2022Signer() }),
      );
      await expect(dataIntegrityProofCheck(forged)).resolves.toMatchObject({
        outcome: CheckOutcome.FAILED,
        code: 'proof.notByIssuer',
        params: {},
        message: 'No proof is by the credential’s issuer',
      });
    });
  });

  it.each([
    ['Ed25519Signature2018', { type: 'Ed25519Signature2018' }],
    ['ecdsa-rdfc-2019', { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' }],
    ['no type', {}],
  ])('names the accepted proofs when given %s', async (_what, fields) => {
    const credential = { ...structuredClone(ccgVector), proof: { ...ccgVector.proof, ...fields } } as Doc;
    if (!('type' in fields)) delete credential.proof.type;
    await expect(dataIntegrityProofCheck(credential)).resolves.toEqual({
      name: CheckName.PROOF,
      outcome: CheckOutcome.FAILED,
      code: 'proof.mismatch',
      params: { detail: `proofs must be ${ACCEPTED_PROOFS}` },
      message: `The signature does not match: proofs must be ${ACCEPTED_PROOFS}`,
    });
  });

  it.each([
    ['a proof that is a string', 'z3abc'],
    ['a proof with no verification method', { type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod', proofValue: 'z3abc' }],
    ['a malformed did:key', { ...ccgVector.proof, verificationMethod: 'did:key:zNotAKey#zNotAKey' }],
    ['a proofValue that is not base58', { ...ccgVector.proof, proofValue: 'z0OIl' }],
    [
      'a jcs proof whose @context is not the document’s',
      { ...ccgVector.proof, type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', '@context': [V1] },
    ],
  ])('reports PROOF FAILED, never throws, for %s', async (_what, proof) => {
    const report = await verifyCredential({ ...structuredClone(ccgVector), proof }, directoryOf());
    expect(outcomeOf(report, CheckName.PROOF)?.outcome).toBe(CheckOutcome.FAILED);
  });
});
