import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { independentlyVerify } from '../../../test/support/independent-eddsa-verifier';
import { degreeContentDigest } from './co-award';
import { signCredential } from './credential-signer';
import { CheckName, IssuerRecord, VerificationContext, verifyCredential } from './credential-verifier';
import { buildDegreeCredential, digestSri } from './degree-credential.builder';
import { documentLoader } from './document-loader';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { signCredentialJointly } from './joint-signer';
import { TEST_CONTEXT_URL } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

// The parts of a module credential the degree names as evidence.
const STACKED_MODULE = JSON.stringify({
  id: 'urn:uuid:11111111-0000-4000-8000-000000000001',
  issuer: { name: 'Universidad Politécnica de Madrid' },
  credentialSubject: { creditsEarned: 6, activityEndDate: '2026-11-20T00:00:00Z', achievement: { name: 'AI governance' } },
});

/** Plain digitalbazaar, as any VC 2.0 verifier runs it: every proof must pass. */
async function plainVerify(credential: Doc) {
  return (await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
  })) as { verified: boolean; results?: Array<{ verified: boolean }>; error?: unknown };
}

describe('the joint degree', () => {
  let upm: IssuerKeyMaterial;
  let polimi: IssuerKeyMaterial;
  let fau: IssuerKeyMaterial;
  let unsigned: Doc;
  let degree: Doc;
  let context: VerificationContext;
  const profile = (k: IssuerKeyMaterial, name: string, countryCode: string) => ({ did: k.did, name, countryCode });

  beforeAll(async () => {
    [upm, polimi, fau] = await Promise.all([generateIssuerKey(), generateIssuerKey(), generateIssuerKey()]);
    const records = new Map<string, IssuerRecord>(
      [
        [upm, 'UPM', 'ES'],
        [polimi, 'Politecnico di Milano', 'IT'],
        [fau, 'FAU', 'DE'],
      ].map(([key, name, countryCode]) => {
        const k = key as IssuerKeyMaterial;
        return [
          k.did,
          {
            did: k.did,
            organisationId: name as string,
            name: name as string,
            countryCode: countryCode as string,
            validFrom: new Date(0),
            retiredAt: null,
            compromisedFrom: null,
          },
        ];
      }),
    );
    context = {
      issuers: { lookup: (did) => Promise.resolve(records.get(did) ?? null) },
      statusLists: { resolve: () => Promise.resolve(null) },
      now: new Date(),
    };
    unsigned = buildDegreeCredential({
      contextUrl: TEST_CONTEXT_URL,
      credentialId: 'urn:uuid:5d0c9a5e-0000-4000-8000-000000000001',
      issuedAt: new Date(),
      issuer: profile(upm, 'UPM', 'ES'),
      coAwarders: [profile(upm, 'UPM', 'ES'), profile(polimi, 'Politecnico di Milano', 'IT'), profile(fau, 'FAU', 'DE')],
      recipient: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Lucía Martín' },
      programme: {
        id: 'https://magix.example/programmes/MAGIX',
        code: 'MAGIX',
        title: 'Joint Master',
        description: 'The joint master',
        totalEcts: 60,
        eqfLevel: 7,
      },
      creditsEarned: 60,
      criteria: '60 ECTS from three partner HEIs',
      stackedFrom: [{ id: 'urn:uuid:11111111-0000-4000-8000-000000000001', json: STACKED_MODULE }],
    });
    degree = await signCredentialJointly(
      unsigned,
      upm,
      [
        { key: polimi, profile: profile(polimi, 'Politecnico di Milano', 'IT') },
        { key: fau, profile: profile(fau, 'FAU', 'DE') },
      ],
      new Date(),
    );
  });

  it('carries one proof, by the issuer, an endorsement per other co-awarder, and digests of what it stacks', () => {
    expect(degree.proof).toHaveLength(1);
    expect(degree.proof[0].verificationMethod.split('#')[0]).toBe(upm.did);
    expect(degree.endorsement.map((e: Doc) => e.issuer.id)).toEqual([polimi.did, fau.did]);
    for (const endorsement of degree.endorsement) {
      expect(endorsement.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
      expect(endorsement.credentialSubject).toMatchObject({ id: degree.id, type: ['EndorsementSubject'] });
      expect(endorsement.relatedResource).toEqual([{ id: degree.id, digestSRI: degreeContentDigest(degree) }]);
    }
    expect(degree.credentialSubject.achievement.achievementType).toBe('MasterDegree');
    expect(degree.relatedResource).toContainEqual({
      id: 'urn:uuid:11111111-0000-4000-8000-000000000001',
      digestSRI: digestSri(STACKED_MODULE),
    });
    expect(degree.evidence).toEqual([
      {
        id: 'urn:uuid:11111111-0000-4000-8000-000000000001',
        type: ['Evidence'],
        genre: 'Module credential',
        name: 'AI governance',
        description: 'Universidad Politécnica de Madrid, 6 ECTS, 2026-11-20',
      },
    ]);
  });

  it('verifies with every co-awarder, naming them', async () => {
    const report = await verifyCredential(degree, context);
    expect(report.verified).toBe(true);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/2 co-awarders match/);
    expect(report.checks.find((c) => c.name === CheckName.ISSUER)?.message).toMatch(/co-awarded with Politecnico di Milano, FAU/);
  });

  it('verifies under plain @digitalbazaar/vc with no failing proof, and so does each endorsement alone', async () => {
    const result = await plainVerify(degree);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(result.results?.every((r) => r.verified)).toBe(true);
    for (const endorsement of degree.endorsement) await expect(plainVerify(endorsement)).resolves.toMatchObject({ verified: true });
    await expect(independentlyVerify({ ...degree, proof: degree.proof[0] })).resolves.toBe(true);
  });

  it('fails when an endorsement is removed, even if the issuer re-signs', async () => {
    const { proof: _proof, ...rest } = degree;
    const resigned = await signCredential({ ...rest, endorsement: degree.endorsement.slice(0, 1) }, upm);
    const report = await verifyCredential(resigned, context);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toBe(`Missing the signature of co-awarding ${fau.did}`);
  });

  it('fails when an endorsement was made for other content (replayed onto another degree)', async () => {
    const other = { ...unsigned, name: 'Another joint master' };
    const forged = await signCredential({ ...other, endorsement: degree.endorsement }, upm);
    const report = await verifyCredential(forged, context);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.outcome).toBe('FAILED');
  });

  it('fails when an endorsement is altered', async () => {
    const copy = structuredClone(degree);
    copy.endorsement[1].name = 'FAU co-awards something else';
    const report = await verifyCredential(copy, context);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.outcome).toBe('FAILED');
  });

  it('is never co-awarded by names without identifiers or signatures', async () => {
    const named = { ...unsigned, coAwardedBy: [...unsigned.coAwardedBy, { type: ['Profile'], name: 'TalTech' }] };
    const alone = await signCredential(named, upm);
    const report = await verifyCredential(alone, context);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/without an identifier/);
    const unsignedPartners = await signCredential(unsigned, upm);
    const second = await verifyCredential(unsignedPartners, context);
    expect(second.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/Missing the signature of co-awarding/);
  });

  it('fails when a co-awarder is not trusted', async () => {
    const withoutFau: VerificationContext = {
      ...context,
      issuers: { lookup: (did) => (did === fau.did ? Promise.resolve(null) : context.issuers.lookup(did)) },
    };
    const report = await verifyCredential(degree, withoutFau);
    expect(report.checks.find((c) => c.name === CheckName.ISSUER)?.outcome).toBe('FAILED');
  });
});
