import { independentlyVerify } from '../../../test/support/independent-eddsa-verifier';
import { signCredential } from './credential-signer';
import { CheckName, CheckOutcome, IssuerRecord, VerificationContext, verifyCredential } from './credential-verifier';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { KeyVault } from './key-vault';
import { buildModuleCredential } from './module-credential.builder';
import { aModuleCredential } from './testing/credential-factories';
import { randomBytes } from 'node:crypto';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('credential engine', () => {
  let key: IssuerKeyMaterial;
  let signed: Doc;
  let directory: VerificationContext;

  beforeAll(async () => {
    key = await generateIssuerKey();
    const record: IssuerRecord = {
      did: key.did,
      organisationId: 'upm',
      name: 'UPM',
      countryCode: 'ES',
      validFrom: new Date('2020-01-01'),
      retiredAt: null,
      compromisedFrom: null,
    };
    directory = {
      issuers: { lookup: (did) => Promise.resolve(did === key.did ? record : null) },
      statusLists: { resolve: () => Promise.resolve(null) },
      now: new Date(),
    };
    const facts = aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } });
    signed = await signCredential(buildModuleCredential(facts), key);
  });

  const outcomeOf = (report: Awaited<ReturnType<typeof verifyCredential>>, name: CheckName) =>
    report.checks.find((c) => c.name === name)?.outcome;

  it('signs with a DataIntegrityProof using eddsa-rdfc-2022 from the issuer DID', () => {
    expect(signed.proof).toHaveLength(1);
    expect(signed.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: key.verificationMethod,
    });
    expect(signed.proof[0].proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
  });

  it('verifies with every check passing', async () => {
    const report = await verifyCredential(signed, directory);
    expect(report.verified).toBe(true);
    expect(report.checks.map((c) => c.outcome)).toEqual(Array(5).fill(CheckOutcome.PASSED));
    expect(report.verdict).toBe('VALID');
    expect(report.issuer).toEqual({ did: key.did, name: 'UPM', countryCode: 'ES' });
  });

  it('also verifies with an independent implementation of the spec', async () => {
    await expect(independentlyVerify(signed)).resolves.toBe(true);
    const tampered = structuredClone(signed);
    tampered.credentialSubject.creditsEarned = 60;
    await expect(independentlyVerify(tampered)).resolves.toBe(false);
  });

  it('verifies JSON pasted as text', async () => {
    await expect(verifyCredential(JSON.stringify(signed), directory)).resolves.toMatchObject({ verified: true });
  });

  it.each([
    ['grade', (d: Doc) => (d.credentialSubject.result[0].value = '10')],
    ['name', (d: Doc) => (d.credentialSubject.identifier[0].identityHash = 'Someone Else')],
    ['credits', (d: Doc) => (d.credentialSubject.creditsEarned = 60)],
    ['validFrom', (d: Doc) => (d.validFrom = '2020-01-01T00:00:00Z')],
    ['an added field', (d: Doc) => (d.credentialSubject.achievement.eqfLevel = 8)],
  ])('fails the proof check when the %s is changed', async (_field, tamper) => {
    const copy = structuredClone(signed);
    tamper(copy);
    const report = await verifyCredential(copy, directory);
    expect(report.verified).toBe(false);
    expect(outcomeOf(report, CheckName.PROOF)).toBe(CheckOutcome.FAILED);
  });

  it('fails when the issuer is swapped for another DID', async () => {
    const other = await generateIssuerKey();
    const copy = structuredClone(signed);
    copy.issuer.id = other.did;
    const report = await verifyCredential(copy, directory);
    expect(outcomeOf(report, CheckName.PROOF)).toBe(CheckOutcome.FAILED);
    expect(outcomeOf(report, CheckName.ISSUER)).toBe(CheckOutcome.FAILED);
  });

  it('fails the issuer check for a well-signed credential from outside the consortium', async () => {
    const outsider = await generateIssuerKey();
    const forged = await signCredential(
      buildModuleCredential(aModuleCredential({ issuer: { did: outsider.did, name: 'UPM', countryCode: 'ES' } })),
      outsider,
    );
    const report = await verifyCredential(forged, directory);
    expect(outcomeOf(report, CheckName.PROOF)).toBe(CheckOutcome.PASSED);
    expect(outcomeOf(report, CheckName.ISSUER)).toBe(CheckOutcome.FAILED);
    expect(report.verified).toBe(false);
  });

  it('fails the validity check outside the validity period', async () => {
    const facts = aModuleCredential({
      issuer: { did: key.did, name: 'UPM', countryCode: 'ES' },
      validUntil: new Date('2026-12-31T00:00:00Z'),
    });
    const expiring = await signCredential(buildModuleCredential(facts), key);
    const later = await verifyCredential(expiring, { ...directory, now: new Date('2027-01-01T00:00:00Z') });
    expect(outcomeOf(later, CheckName.VALIDITY_PERIOD)).toBe(CheckOutcome.FAILED);
    const before = await verifyCredential(expiring, { ...directory, now: new Date('2026-01-01T00:00:00Z') });
    expect(outcomeOf(before, CheckName.VALIDITY_PERIOD)).toBe(CheckOutcome.FAILED);
  });

  it.each([
    ['a string that is not JSON', '{not json'],
    ['a number', 42],
    ['null', null],
    ['an empty object', {}],
    ['a credential without proof', { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] }],
    [
      'a proof with garbage',
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: 'did:key:z6Mk',
        credentialSubject: {},
        proof: { cryptosuite: 'eddsa-rdfc-2022', proofValue: 'zzz' },
      },
    ],
    [
      'a context we do not hold',
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/ctx'],
        type: ['VerifiableCredential'],
        issuer: 'did:example:1',
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:2' },
        proof: {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          proofValue: 'z1',
          verificationMethod: 'did:example:1#k',
          proofPurpose: 'assertionMethod',
        },
      },
    ],
  ])('answers %s with a negative report, never an exception', async (_what, input) => {
    const report = await verifyCredential(input, directory);
    expect(report.verified).toBe(false);
    expect(report.checks.some((c) => c.outcome === CheckOutcome.FAILED)).toBe(true);
  });
});

describe('KeyVault', () => {
  const vault = new KeyVault(randomBytes(32));

  it('opens what it sealed, for the same owner only', () => {
    const sealed = vault.seal('zSecretKeyMultibase', 'did:key:a');
    expect(sealed).not.toContain('zSecretKeyMultibase');
    expect(vault.open(sealed, 'did:key:a')).toBe('zSecretKeyMultibase');
    expect(() => vault.open(sealed, 'did:key:b')).toThrow();
  });

  it('refuses a sealed secret under another master key', () => {
    const sealed = vault.seal('secret', 'owner');
    expect(() => new KeyVault(randomBytes(32)).open(sealed, 'owner')).toThrow();
  });
});
