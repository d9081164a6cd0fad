import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { signCredential } from './credential-signer';
import { documentLoader } from './document-loader';
import { CheckName, CheckOutcome, IssuerRecord, VerificationContext, verifyCredential, VerificationReport } from './credential-verifier';
import { generateIssuerKey, IssuerKeyMaterial, signerFor } from './issuer-key';
import { buildModuleCredential, UnsignedCredential } from './module-credential.builder';
import { signPresentation, verifyPresentation } from './presentation';
import { aModuleCredential } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const checkOf = (report: Pick<VerificationReport, 'checks'>, name: CheckName) => report.checks.find((c) => c.name === name);
const OPTIONS = { challenge: 'a-challenge-of-the-verifier', domain: 'hr.example.gov' };

describe('attacks on credentials and presentations, in the engine', () => {
  let upm: IssuerKeyMaterial;
  let learner: IssuerKeyMaterial;
  let record: IssuerRecord;
  let base: VerificationContext;

  const moduleCredential = (subject: string, overrides: Parameters<typeof aModuleCredential>[0] = {}) =>
    signCredential(
      buildModuleCredential(
        aModuleCredential({
          issuedAt: new Date(),
          issuer: { did: upm.did, name: 'UPM', countryCode: 'ES' },
          recipient: { id: subject, name: 'Lucía Martín', email: 'lucia@example.org' },
          ...overrides,
        }),
      ),
      upm,
    );

  beforeAll(async () => {
    [upm, learner] = await Promise.all([generateIssuerKey(), generateIssuerKey()]);
    record = {
      did: upm.did,
      organisationId: 'upm',
      name: 'UPM',
      countryCode: 'ES',
      validFrom: new Date('2020-01-01'),
      retiredAt: null,
      compromisedFrom: null,
    };
    base = {
      issuers: { lookup: (did) => Promise.resolve(did === upm.did ? record : null) },
      statusLists: { resolve: () => Promise.resolve(null) },
      // Read when each test spreads it: the credentials are issued after this, valid from then.
      get now() {
        return new Date();
      },
    };
  });

  describe('holder binding', () => {
    it('verifies a presentation of the holder’s own credential, with a HOLDER check per credential', async () => {
      const presentation = await signPresentation([await moduleCredential(learner.did)], learner, OPTIONS);
      const report = await verifyPresentation(presentation, OPTIONS, base);
      expect(report.verified).toBe(true);
      expect(checkOf(report, CheckName.HOLDER)).toMatchObject({ outcome: CheckOutcome.PASSED });
      expect(report.presentedBy).toEqual([learner.did]);
    });

    it('does not verify someone else’s credential presented under the attacker’s own did:key', async () => {
      const attacker = await generateIssuerKey();
      const stolen = await moduleCredential(learner.did);
      const presentation = await signPresentation([stolen], attacker, OPTIONS);
      const report = await verifyPresentation(presentation, OPTIONS, base);
      expect(checkOf(report, CheckName.PROOF)?.outcome).toBe(CheckOutcome.PASSED);
      expect(report.credentials[0].verified).toBe(true);
      expect(checkOf(report, CheckName.HOLDER)).toMatchObject({
        outcome: CheckOutcome.FAILED,
        message: expect.stringMatching(/not the presenter's/),
      });
      expect(report.verified).toBe(false);
    });

    it('names, among several credentials, the one that is not the presenter’s', async () => {
      const own = await moduleCredential(learner.did);
      const stolen = await moduleCredential('did:key:z6MkvictimVictimVictimVictimVictimVictimVictim1');
      const report = await verifyPresentation(await signPresentation([own, stolen], learner, OPTIONS), OPTIONS, base);
      const holder = report.checks.filter((c) => c.name === CheckName.HOLDER);
      expect(holder.map((c) => c.outcome)).toEqual([CheckOutcome.PASSED, CheckOutcome.FAILED]);
      expect(holder[1].message).toMatch(/^Credential 2 .*not the presenter's/);
      expect(report.verified).toBe(false);
    });

    it('lets the learner’s registered wallet present what was issued to the key the platform holds for them', async () => {
      const platformDid = 'did:key:z6MkplatformHeldKeyOfTheLearnerPlatformHeldKey1';
      const credential = await moduleCredential(platformDid);
      const holders = { presentersOf: (did: string) => Promise.resolve(did === platformDid ? [learner.did] : []) };
      const presentation = await signPresentation([credential], learner, OPTIONS);
      await expect(verifyPresentation(presentation, OPTIONS, { ...base, holders })).resolves.toMatchObject({ verified: true });
      await expect(verifyPresentation(presentation, OPTIONS, base)).resolves.toMatchObject({ verified: false });
    });
  });

  describe('a key reported compromised', () => {
    const compromised = () => ({ ...record, compromisedFrom: new Date(Date.now() - 60_000) });

    it('vouches for nothing our record does not hold, whatever proof.created says', async () => {
      // Signed now by the thief, dated a year back in the document and its proof.
      const backDated = new Date(Date.now() - 365 * 86_400_000);
      const unsigned = buildModuleCredential(
        aModuleCredential({ issuedAt: backDated, issuer: { did: upm.did, name: 'UPM', countryCode: 'ES' } }),
      );
      const suite = new DataIntegrityProof({ signer: await signerFor(upm), cryptosuite: eddsaRdfc2022, date: backDated });
      const forged = (await vc.issue({ credential: unsigned, suite, documentLoader })) as Doc;
      expect(Date.parse(forged.proof.created)).toBeLessThan(Date.now() - 364 * 86_400_000);
      const report = await verifyCredential(forged, { ...base, issuers: { lookup: () => Promise.resolve(compromised()) } });
      expect(checkOf(report, CheckName.PROOF)?.outcome).toBe(CheckOutcome.PASSED);
      expect(report.verdict).toBe('INVALID');
      expect(checkOf(report, CheckName.ISSUER)?.message).toMatch(/not in the issuer's issuance record/);
      // The same credential before the report: the key vouched for it.
      await expect(verifyCredential(forged, base)).resolves.toMatchObject({ verdict: 'VALID' });
    });

    it('still vouches for what the record shows it signed before the compromise', async () => {
      const credential = await moduleCredential(learner.did);
      const issuances = { recordsOf: () => Promise.resolve([{ issuedAt: new Date(Date.now() - 120_000), document: credential }]) };
      const context = { ...base, issuances, issuers: { lookup: () => Promise.resolve(compromised()) } };
      await expect(verifyCredential(credential, context)).resolves.toMatchObject({ verdict: 'VALID' });
    });

    it('dates by the record, not the proof: recorded after the compromise is invalid even if created says before', async () => {
      const credential = await moduleCredential(learner.did);
      (credential as Doc).proof[0].created = new Date(Date.now() - 86_400_000).toISOString();
      const issuances = { recordsOf: () => Promise.resolve([{ issuedAt: new Date(), document: credential }]) };
      const report = await verifyCredential(credential, { ...base, issuances, issuers: { lookup: () => Promise.resolve(compromised()) } });
      expect(checkOf(report, CheckName.ISSUER)?.message).toMatch(/signed after that/);
    });

    it('does not count a record of other content under the same id', async () => {
      const recorded = await moduleCredential(learner.did);
      const altered = await moduleCredential(learner.did, { result: { grade: '10', creditsEarned: 6, assessedOn: '2026-06-30' } });
      const issuances = { recordsOf: () => Promise.resolve([{ issuedAt: new Date(Date.now() - 120_000), document: recorded }]) };
      const report = await verifyCredential(altered, { ...base, issuances, issuers: { lookup: () => Promise.resolve(compromised()) } });
      expect(report.verdict).toBe('INVALID');
    });

    it('distrusts a credential without an id', async () => {
      const unsigned: UnsignedCredential = buildModuleCredential(
        aModuleCredential({ issuer: { did: upm.did, name: 'UPM', countryCode: 'ES' } }),
      );
      delete unsigned.id;
      const credential = await signCredential(unsigned, upm);
      const issuances = { recordsOf: () => Promise.resolve([{ issuedAt: new Date(0), document: credential }]) };
      const report = await verifyCredential(credential, { ...base, issuances, issuers: { lookup: () => Promise.resolve(compromised()) } });
      expect(checkOf(report, CheckName.ISSUER)?.outcome).toBe(CheckOutcome.FAILED);
    });
  });

  describe('claims', () => {
    const modules = {
      moduleNamed: ({ id, code }: { id?: string; code?: string }) =>
        Promise.resolve(
          id === 'http://localhost:3000/modules/FAU-MLP-01' || code === 'FAU-MLP-01'
            ? { code: 'FAU-MLP-01', providerOrganisationId: 'fau' }
            : null,
        ),
    };

    it('refuses a credential naming a module another HEI provides', async () => {
      const credential = await moduleCredential(learner.did, {
        achievement: { ...aModuleCredential().achievement, id: 'http://localhost:3000/modules/FAU-MLP-01', code: 'FAU-MLP-01' },
      });
      const report = await verifyCredential(credential, { ...base, modules });
      expect(report.verdict).toBe('INVALID');
      expect(checkOf(report, CheckName.ISSUER)).toMatchObject({
        outcome: CheckOutcome.FAILED,
        message: expect.stringMatching(/FAU-MLP-01/),
      });
    });

    it('accepts the provider’s own module', async () => {
      const own = { moduleNamed: () => Promise.resolve({ code: 'UPM-AIG-01', providerOrganisationId: 'upm' }) };
      await expect(verifyCredential(await moduleCredential(learner.did), { ...base, modules: own })).resolves.toMatchObject({
        verdict: 'VALID',
      });
    });
  });

  describe('faults', () => {
    it('lets a registry that cannot be read fail the verification instead of calling the issuer untrusted', async () => {
      const credential = await moduleCredential(learner.did);
      const down = { ...base, issuers: { lookup: () => Promise.reject(new Error('connection refused')) } };
      await expect(verifyCredential(credential, down)).rejects.toThrow('connection refused');
    });
  });
});
