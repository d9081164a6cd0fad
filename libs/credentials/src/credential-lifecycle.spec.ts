import { signCredential } from './credential-signer';
import { CheckName, CheckOutcome, IssuerRecord, VerificationContext, verifyCredential, VerificationReport } from './credential-verifier';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { signCredentialJwt } from './jose-credential';
import { buildModuleCredential } from './module-credential.builder';
import { signPresentation, verifyPresentation } from './presentation';
import { buildStatusListCredential, STATUS_LIST_SIZE, statusEntry, withBit } from './status-list';
import { aModuleCredential, anInMemoryContext, anIssuerRecord } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const LIST = 'https://magix.example/status-lists';
const outcome = (report: VerificationReport, name: CheckName) => report.checks.find((c) => c.name === name);

describe('credential lifecycle in the engine', () => {
  let key: IssuerKeyMaterial;
  let record: IssuerRecord;
  const lists = new Map<string, Doc>();
  let context: VerificationContext;

  const issue = async (index: number, issuer = key, subject?: string) =>
    signCredential(
      buildModuleCredential(
        aModuleCredential({
          issuedAt: new Date(),
          issuer: { did: issuer.did, name: 'UPM', countryCode: 'ES' },
          ...(subject ? { recipient: { id: subject, name: 'Lucía Martín', email: 'lucia@example.org' } } : {}),
          credentialStatus: [statusEntry(`${LIST}/r`, 'revocation', index), statusEntry(`${LIST}/s`, 'suspension', index)],
        }),
      ),
      issuer,
    );

  const publishLists = async (revoked: number[], suspended: number[]) => {
    for (const [name, purpose, indexes] of [
      ['r', 'revocation', revoked],
      ['s', 'suspension', suspended],
    ] as const) {
      const bits = indexes.reduce<Uint8Array>((acc, i) => withBit(acc, i, true), new Uint8Array(STATUS_LIST_SIZE / 8));
      lists.set(
        `${LIST}/${name}`,
        await signCredential(
          buildStatusListCredential({ url: `${LIST}/${name}`, issuerDid: key.did, purpose, bits, validFrom: new Date() }),
          key,
        ),
      );
    }
  };

  beforeAll(async () => {
    key = await generateIssuerKey();
    record = anIssuerRecord(key.did, { name: 'UPM' });
    context = anInMemoryContext(record, lists);
    await publishLists([7], [9]);
  });

  describe('status', () => {
    it('is valid when neither bit is set', async () => {
      const report = await verifyCredential(await issue(8), context);
      expect(report).toMatchObject({ verified: true, verdict: 'VALID' });
      expect(outcome(report, CheckName.STATUS)?.message).toBe('Not revoked and not suspended');
    });

    it('says revoked when the revocation bit is set', async () => {
      const report = await verifyCredential(await issue(7), context);
      expect(report).toMatchObject({ verified: false, verdict: 'REVOKED' });
      expect(outcome(report, CheckName.STATUS)?.outcome).toBe(CheckOutcome.FAILED);
    });

    it('says suspended when the suspension bit is set', async () => {
      await expect(verifyCredential(await issue(9), context)).resolves.toMatchObject({ verified: false, verdict: 'SUSPENDED' });
    });

    it('says status unknown, not valid, when a list cannot be read', async () => {
      const credential = await issue(8);
      const report = await verifyCredential(credential, {
        ...context,
        statusLists: { resolve: () => Promise.reject(new Error('offline')) },
      });
      expect(report).toMatchObject({ verified: false, verdict: 'STATUS_UNKNOWN' });
      expect(outcome(report, CheckName.STATUS)).toMatchObject({
        outcome: 'UNKNOWN',
        message: expect.stringMatching(/could not be consulted/),
      });
    });

    it('says status unknown when the list is signed by someone else', async () => {
      const stranger = await generateIssuerKey();
      const forged = await signCredential(
        buildStatusListCredential({
          url: `${LIST}/r`,
          issuerDid: stranger.did,
          purpose: 'revocation',
          bits: new Uint8Array(STATUS_LIST_SIZE / 8),
          validFrom: new Date(),
        }),
        stranger,
      );
      const report = await verifyCredential(await issue(7), {
        ...context,
        statusLists: { resolve: (url) => Promise.resolve(url.endsWith('/r') ? forged : lists.get(url)) },
      });
      expect(report.verdict).toBe('STATUS_UNKNOWN');
    });
  });

  describe('issuer key windows', () => {
    it('keeps trusting what a rotated key signed before its retirement', async () => {
      const credential = await issue(8);
      const retired = { ...record, retiredAt: new Date(Date.now() + 60_000) };
      const report = await verifyCredential(credential, { ...context, issuers: { lookup: () => Promise.resolve(retired) } });
      expect(report.verified).toBe(true);
    });

    it('distrusts what a retired key signed after its retirement', async () => {
      const credential = await issue(8);
      const retired = { ...record, retiredAt: new Date(Date.now() - 3_600_000) };
      const report = await verifyCredential(credential, { ...context, issuers: { lookup: () => Promise.resolve(retired) } });
      expect(outcome(report, CheckName.ISSUER)?.outcome).toBe('FAILED');
    });

    it('distrusts what a compromised key signed from the compromise on, but not before (by the issuance record)', async () => {
      const credential = (await issue(8)) as Doc;
      const signedAt = Date.parse(credential.proof[0].created);
      const issuances = { recordsOf: () => Promise.resolve([{ issuedAt: new Date(signedAt), document: credential }]) };
      const after = { ...record, compromisedFrom: new Date(signedAt - 1000) };
      const before = { ...record, compromisedFrom: new Date(signedAt + 1000) };
      const reportAfter = await verifyCredential(credential, { ...context, issuances, issuers: { lookup: () => Promise.resolve(after) } });
      expect(outcome(reportAfter, CheckName.ISSUER)?.message).toMatch(/compromised/);
      expect(reportAfter.verdict).toBe('INVALID');
      await expect(
        verifyCredential(credential, { ...context, issuances, issuers: { lookup: () => Promise.resolve(before) } }),
      ).resolves.toMatchObject({ verified: true });
    });
  });

  describe('VC-JOSE', () => {
    it('verifies the same credential secured as application/vc+jwt', async () => {
      const jwt = await signCredentialJwt(await issue(8), key);
      const [header] = jwt.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: 'EdDSA',
        kid: key.verificationMethod,
        typ: 'vc+jwt',
        cty: 'vc',
      });
      const report = await verifyCredential(jwt, context);
      expect(report).toMatchObject({ verified: true, securedWith: 'JOSE' });
      expect(report.credential).not.toHaveProperty('proof');
    });

    it('reports a tampered JWT payload as not verified', async () => {
      const jwt = await signCredentialJwt(await issue(8), key);
      const [header, payload, signature] = jwt.split('.');
      const credential = JSON.parse(Buffer.from(payload, 'base64url').toString());
      credential.credentialSubject.result[0].value = '10';
      const tampered = [header, Buffer.from(JSON.stringify(credential)).toString('base64url'), signature].join('.');
      const report = await verifyCredential(tampered, context);
      expect(report.verified).toBe(false);
      expect(outcome(report, CheckName.PROOF)?.outcome).toBe('FAILED');
    });

    it('reports a JWT signed by another key than the issuer’s as not verified', async () => {
      const other = await generateIssuerKey();
      const jwt = await signCredentialJwt(await issue(8), other);
      await expect(verifyCredential(jwt, context)).resolves.toMatchObject({ verified: false });
    });
  });

  describe('presentations', () => {
    let holder: IssuerKeyMaterial;
    beforeAll(async () => {
      holder = await generateIssuerKey();
    });

    it('verifies a presentation for its challenge and domain, with each credential', async () => {
      const vp = await signPresentation([await issue(8, key, holder.did)], holder, { challenge: 'c-123', domain: 'employer.example' });
      const report = await verifyPresentation(vp, { challenge: 'c-123', domain: 'employer.example' }, context);
      expect(report).toMatchObject({ verified: true, holder: holder.did });
      expect(report.credentials).toHaveLength(1);
      expect(report.credentials[0].verified).toBe(true);
    });

    it.each([
      ['a wrong challenge', { challenge: 'other', domain: 'employer.example' }],
      ['a wrong domain', { challenge: 'c-123', domain: 'evil.example' }],
      ['no challenge', { domain: 'employer.example' }],
    ])('fails with %s', async (_what, options) => {
      const vp = await signPresentation([await issue(8)], holder, { challenge: 'c-123', domain: 'employer.example' });
      const report = await verifyPresentation(vp, options, context);
      expect(report.verified).toBe(false);
      expect(report.checks.find((c) => c.name === CheckName.PROOF)?.outcome).toBe(CheckOutcome.FAILED);
    });

    it('fails when a credential inside is revoked', async () => {
      const vp = await signPresentation([await issue(7)], holder, { challenge: 'c', domain: 'd' });
      const report = await verifyPresentation(vp, { challenge: 'c', domain: 'd' }, context);
      expect(report.verified).toBe(false);
      expect(report.credentials[0].verdict).toBe('REVOKED');
    });
  });
});

describe('data model details', () => {
  it('accepts a VC 2.0 credential without validFrom, and rejects related resources without digests', async () => {
    const { dataModelProblems } = await import('./data-model');
    const base = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:1',
      credentialSubject: { id: 'did:example:2' },
    };
    expect(dataModelProblems(base)).toEqual([]);
    expect(dataModelProblems({ ...base, relatedResource: [{ id: 'https://x.example/a', digestSRI: 'sha384-abc+/=' }] })).toEqual([]);
    expect(dataModelProblems({ ...base, relatedResource: [{ id: 'https://x.example/a' }] })).toEqual([
      'relatedResource needs digestSRI or digestMultibase',
    ]);
    expect(dataModelProblems({ ...base, relatedResource: ['https://x.example/a'] })).toHaveLength(1);
    expect(
      dataModelProblems({
        ...base,
        relatedResource: [
          { id: 'https://x.example/a', digestMultibase: 'uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k' },
          { id: 'https://x.example/a', digestMultibase: 'uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k' },
        ],
      }),
    ).toEqual(['relatedResource ids must be unique']);
  });
});
