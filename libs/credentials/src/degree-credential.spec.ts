import { CheckName, IssuerRecord, VerificationContext, verifyCredential } from './credential-verifier';
import { buildDegreeCredential, digestSri } from './degree-credential.builder';
import { independentlyVerify } from '../../../test/support/independent-eddsa-verifier';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { signCredentialJointly } from './joint-signer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

// The parts of a module credential the degree names as evidence.
const STACKED_MODULE = JSON.stringify({
  id: 'urn:uuid:11111111-0000-4000-8000-000000000001',
  issuer: { name: 'Universidad Politécnica de Madrid' },
  credentialSubject: { creditsEarned: 6, activityEndDate: '2026-11-20T00:00:00Z', achievement: { name: 'AI governance' } },
});

describe('the joint degree', () => {
  let upm: IssuerKeyMaterial;
  let polimi: IssuerKeyMaterial;
  let fau: IssuerKeyMaterial;
  let degree: Doc;
  let context: VerificationContext;

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
    };
    const profile = (k: IssuerKeyMaterial, name: string, countryCode: string) => ({ did: k.did, name, countryCode });
    const unsigned = buildDegreeCredential({
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
    degree = await signCredentialJointly(unsigned, upm, [polimi, fau]);
  });

  it('carries one proof per co-awarding HEI and lists what it stacks with digests', () => {
    expect(degree.proof).toHaveLength(3);
    expect(degree.proof.map((p: Doc) => p.verificationMethod.split('#')[0])).toEqual([upm.did, polimi.did, fau.did]);
    expect(degree.credentialSubject.achievement.achievementType).toBe('MasterDegree');
    expect(degree.relatedResource).toEqual([{ id: 'urn:uuid:11111111-0000-4000-8000-000000000001', digestSRI: digestSri(STACKED_MODULE) }]);
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

  it('verifies with every proof, naming the co-awarders', async () => {
    const report = await verifyCredential(degree, context);
    expect(report.verified).toBe(true);
    expect(report.checks.find((c) => c.name === CheckName.ISSUER)?.message).toMatch(/co-awarded with Politecnico di Milano, FAU/);
  });

  it('each proof also verifies independently of our library', async () => {
    for (const proof of degree.proof) await expect(independentlyVerify({ ...degree, proof })).resolves.toBe(true);
  });

  it('fails when one proof is removed', async () => {
    const copy = structuredClone(degree);
    copy.proof = copy.proof.slice(0, 2);
    const report = await verifyCredential(copy, context);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/Missing the signature of co-awarding/);
  });

  it('fails when one proof is altered', async () => {
    const copy = structuredClone(degree);
    copy.proof[1].proofValue = copy.proof[2].proofValue;
    const report = await verifyCredential(copy, context);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/1 of 3 signatures do not match/);
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
