import { signCredential } from './credential-signer';
import { buildDegreeCredential } from './degree-credential.builder';
import { credentialLimitProblem, presentationLimitProblem, VERIFICATION_LIMITS } from './document-limits';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { signCredentialJwt } from './jose-credential';
import { signCredentialJointly } from './joint-signer';
import { buildModuleCredential } from './module-credential.builder';
import { aModuleCredential, TEST_CONTEXT_URL } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { name: value };
  return value;
};

describe('verification limits', () => {
  let key: IssuerKeyMaterial;
  let credential: Doc;

  beforeAll(async () => {
    key = await generateIssuerKey();
    credential = await signCredential(
      buildModuleCredential(aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } })),
      key,
    );
  });

  it('lets a genuine module credential through, as JSON, as JSON text and as a JWS', async () => {
    expect(credentialLimitProblem(credential)).toBeNull();
    expect(credentialLimitProblem(JSON.stringify(credential))).toBeNull();
    const { proof: _proof, ...unsigned } = credential;
    expect(credentialLimitProblem(await signCredentialJwt(unsigned as never, key))).toBeNull();
  });

  it('lets a joint degree of eight co-awarding HEIs (seven endorsements) and fifteen stacked modules through', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => generateIssuerKey()));
    const profiles = keys.map((k, i) => ({ did: k.did, name: `University ${i + 1}`, countryCode: 'EU' }));
    const stackedFrom = Array.from({ length: 15 }, (_, i) => ({
      id: `urn:uuid:11111111-0000-4000-8000-${String(i).padStart(12, '0')}`,
      json: JSON.stringify({ credentialSubject: { creditsEarned: 4, achievement: { name: `Module ${i}` } }, issuer: { name: 'U' } }),
    }));
    const unsigned = buildDegreeCredential({
      contextUrl: TEST_CONTEXT_URL,
      credentialId: 'urn:uuid:5d0c9a5e-0000-4000-8000-000000000002',
      issuedAt: new Date(),
      issuer: profiles[0],
      coAwarders: profiles,
      recipient: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Lucía Martín' },
      programme: {
        id: 'https://magix.example/programmes/MAGIX',
        code: 'MAGIX',
        title: 'Joint Master',
        description: 'd',
        totalEcts: 60,
        eqfLevel: 7,
      },
      creditsEarned: 60,
      criteria: '60 ECTS',
      stackedFrom,
    });
    const others = keys.slice(1).map((k, i) => ({ key: k, profile: profiles[i + 1] }));
    const degree = await signCredentialJointly(unsigned, keys[0], others, new Date());
    expect((degree.endorsement as unknown[]).length).toBe(7);
    expect(credentialLimitProblem(degree)).toBeNull();
    const presentation = { '@context': [], type: ['VerifiablePresentation'], verifiableCredential: [degree, credential], proof: {} };
    expect(presentationLimitProblem(presentation)).toBeNull();
  }, 30_000);

  it('refuses the 1,000-proof credential by its proof count', () => {
    const problem = credentialLimitProblem({ ...credential, proof: Array(1000).fill(credential.proof[0]) });
    expect(problem).toBe('Over the verification limit of 8 proofs in one proof set (proofsPerSet): found 1,000');
  });

  it('counts the proofs of embedded endorsements, and bounds how many there are', () => {
    const endorsement = { type: ['VerifiableCredential', 'EndorsementCredential'], proof: Array(8).fill(credential.proof[0]) };
    expect(credentialLimitProblem({ ...credential, endorsement: [endorsement] })).toBeNull();
    expect(credentialLimitProblem({ ...credential, endorsement: [endorsement, endorsement] })).toMatch(
      /\(signaturesPerCredential\): found 17$/,
    );
    expect(credentialLimitProblem({ ...credential, endorsement: [{ ...endorsement, proof: Array(9).fill({}) }] })).toMatch(
      /\(proofsPerSet\): found 9$/,
    );
    expect(credentialLimitProblem({ ...credential, endorsement: Array(17).fill({}) })).toMatch(/\(endorsements\): found 17$/);
  });

  it('bounds nesting without recursing, even a million levels deep, and in JSON text', () => {
    expect(credentialLimitProblem({ ...credential, name: nested(VERIFICATION_LIMITS.depth - 2) })).toBeNull();
    expect(credentialLimitProblem({ ...credential, name: nested(VERIFICATION_LIMITS.depth) })).toMatch(/\(depth\)/);
    expect(credentialLimitProblem({ ...credential, name: nested(1_000_000) })).toMatch(/\(depth\)/);
    expect(credentialLimitProblem(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toMatch(/\(depth\)/);
  });

  it('bounds the values, the bytes and the canonicalization work (values × proofs)', () => {
    const many = Array.from({ length: VERIFICATION_LIMITS.credentialValues }, (_, i) => i);
    expect(credentialLimitProblem({ ...credential, name: many })).toMatch(/\(credentialValues\): found more than 4,000$/);
    expect(credentialLimitProblem({ ...credential, name: 'x'.repeat(VERIFICATION_LIMITS.credentialBytes) })).toMatch(/\(credentialBytes\)/);
    const half = Array.from({ length: 1900 }, (_, i) => i);
    expect(credentialLimitProblem({ ...credential, name: half })).toBeNull();
    expect(credentialLimitProblem({ ...credential, name: half, proof: Array(8).fill(credential.proof[0]) })).toMatch(
      /\(canonicalizedValuesPerCredential\)/,
    );
  });

  it('bounds the look-ups a credential causes: co-awarders and status entries', () => {
    expect(credentialLimitProblem({ ...credential, coAwardedBy: Array(17).fill('did:key:x') })).toMatch(/\(coAwarders\): found 17$/);
    expect(credentialLimitProblem({ ...credential, credentialStatus: Array(9).fill({}) })).toMatch(/\(statusEntries\): found 9$/);
  });

  it('bounds presentations: credentials, their own limits, values and work', () => {
    const presentation = (verifiableCredential: unknown[], proof: unknown = {}) => ({
      type: ['VerifiablePresentation'],
      verifiableCredential,
      proof,
    });
    expect(presentationLimitProblem(presentation(Array(50).fill(credential)))).toBeNull();
    expect(presentationLimitProblem(presentation(Array(280).fill(credential)))).toBe(
      'Over the verification limit of 50 credentials in a presentation (credentialsPerPresentation): found 280',
    );
    expect(presentationLimitProblem(presentation([{ ...credential, proof: Array(9).fill({}) }]))).toMatch(/\(proofsPerSet\)/);
    expect(presentationLimitProblem(presentation([credential], Array(9).fill({})))).toMatch(/\(proofsPerSet\): found 9$/);
    expect(presentationLimitProblem(presentation([credential], Array(8).fill({})))).toBeNull();
    const big = { ...credential, name: Array.from({ length: 3000 }, (_, i) => i) };
    expect(presentationLimitProblem(presentation(Array(7).fill(big)))).toMatch(/\(presentationValues\)/);
    expect(presentationLimitProblem(presentation(Array(6).fill(big), Array(2).fill({})))).toMatch(/\(canonicalizedValuesPerPresentation\)/);
  });

  it('leaves what is not a credential to the verifier to report', () => {
    for (const input of [null, 42, 'not json', '', [], {}]) expect(credentialLimitProblem(input)).toBeNull();
    for (const input of [null, 42, 'text', [], {}]) expect(presentationLimitProblem(input)).toBeNull();
  });
});
