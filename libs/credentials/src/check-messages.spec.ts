import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flattenMessages, MessageTree, placeholderNames } from '../../../test/support/message-catalogs';
import { CHECK_CODES } from './check-codes';
import { signCredential } from './credential-signer';
import { CheckName, IssuerRecord, VerificationCheck, VerificationContext, verifyCredential } from './credential-verifier';
import { generateIssuerKey, IssuerKeyMaterial } from './issuer-key';
import { signCredentialJwt } from './jose-credential';
import { buildModuleCredential, ModuleCredentialFacts } from './module-credential.builder';
import { signPresentation, verifyPresentation } from './presentation';
import { buildStatusListCredential, STATUS_LIST_SIZE, statusEntry, withBit } from './status-list';
import { aModuleCredential, anInMemoryContext, anIssuerRecord } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The English catalog the verification page reads, `checkMessage.<code>` → message. */
const ENGLISH = new Map(
  [...flattenMessages(JSON.parse(readFileSync(join(__dirname, '../../../web/locales/en/verify.json'), 'utf8')) as MessageTree)]
    .filter(([key]) => key.startsWith('checkMessage.'))
    .map(([key, text]) => [key.slice('checkMessage.'.length), text]),
);

/** What i18next shows for a message: each {{placeholder}} filled with its param. */
const rendered = (template: string, params: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);

const LIST = 'https://magix.example/status-lists';

/** Every check message the engine writes has a catalog entry that says, in English, exactly that. */
describe('check messages and the English catalog of the verification page', () => {
  let key: IssuerKeyMaterial;
  let record: IssuerRecord;
  let context: VerificationContext;
  const lists = new Map<string, Doc>();
  const seen: VerificationCheck[] = [];

  const issue = (facts: Partial<ModuleCredentialFacts> = {}, index = 8) =>
    signCredential(
      buildModuleCredential(
        aModuleCredential({
          issuedAt: new Date(),
          issuer: { did: key.did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
          credentialStatus: [statusEntry(`${LIST}/r`, 'revocation', index), statusEntry(`${LIST}/s`, 'suspension', index)],
          ...facts,
        }),
      ),
      key,
    );

  const checksOf = async (input: unknown, given: Partial<VerificationContext> = {}) => {
    const report = await verifyCredential(input, { ...context, ...given });
    seen.push(...report.checks);
    return report;
  };

  beforeAll(async () => {
    key = await generateIssuerKey();
    record = anIssuerRecord(key.did);
    context = anInMemoryContext(record, lists);
    for (const [name, purpose, revoked] of [
      ['r', 'revocation', 7],
      ['s', 'suspension', 9],
    ] as const) {
      const bits = withBit(new Uint8Array(STATUS_LIST_SIZE / 8), revoked, true);
      const list = buildStatusListCredential({ url: `${LIST}/${name}`, issuerDid: key.did, purpose, bits, validFrom: new Date() });
      lists.set(`${LIST}/${name}`, await signCredential(list, key));
    }
  });

  it('has one English message for each code, and none for a code the engine does not know', () => {
    expect([...CHECK_CODES].filter((code) => !ENGLISH.has(code))).toEqual([]);
    expect([...ENGLISH.keys()].filter((code) => !(CHECK_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('gives a module credential the codes of a valid one', async () => {
    const report = await checksOf(await issue());
    expect(report.verdict).toBe('VALID');
    expect(report.checks.map((c) => c.code)).toEqual([
      'dataModel.valid',
      'proof.matches',
      'issuer.trusted',
      'status.valid',
      'validity.since',
    ]);
    expect(report.checks.find((c) => c.code === 'issuer.trusted')?.params).toEqual({
      issuer: 'Universidad Politécnica de Madrid',
      country: 'ES',
    });
  });

  it.each([
    ['revoked', 7, 'REVOKED', 'status.revoked'],
    ['suspended', 9, 'SUSPENDED', 'status.suspended'],
  ])('says %s by its code', async (_what, index, verdict, code) => {
    const report = await checksOf(await issue({}, index));
    expect(report.verdict).toBe(verdict);
    expect(report.checks.map((c) => c.code)).toContain(code);
  });

  it('dates an expired credential by its validUntil, an ISO date the page formats', async () => {
    const report = await checksOf(
      await issue({ issuedAt: new Date('2025-01-01T00:00:00Z'), validUntil: new Date('2026-01-01T00:00:00Z') }),
    );
    expect(report.verdict).toBe('EXPIRED');
    expect(report.checks.find((c) => c.name === CheckName.VALIDITY_PERIOD)).toMatchObject({
      code: 'validity.expired',
      params: { date: '2026-01-01T00:00:00Z' },
    });
    seen.push(...(await checksOf(await issue({ validUntil: new Date(Date.now() + 86_400_000) }))).checks);
  });

  it('names an untrusted issuer by its DID', async () => {
    const stranger = await generateIssuerKey();
    const credential = await signCredential(
      buildModuleCredential(aModuleCredential({ issuer: { did: stranger.did, name: 'Unknown HEI', countryCode: 'XX' } })),
      stranger,
    );
    const report = await checksOf(credential);
    expect(report.checks.find((c) => c.name === CheckName.ISSUER)).toMatchObject({
      code: 'issuer.untrusted',
      params: { did: stranger.did },
    });
  });

  it('keeps the library’s words of a tampered credential in `detail`', async () => {
    const tampered = (await issue()) as Doc;
    tampered.credentialSubject.result[0].value = '10';
    const proof = (await checksOf(tampered)).checks.find((c) => c.name === CheckName.PROOF);
    expect(proof?.code).toBe('proof.mismatch');
    expect(proof?.message).toBe(`The signature does not match: ${proof?.params.detail}`);
  });

  it('covers the key windows, unreadable lists, JOSE, unreadable input and presentations', async () => {
    const credential = await issue();
    const inKeyWindow = (changes: Partial<IssuerRecord>) => ({ issuers: { lookup: () => Promise.resolve({ ...record, ...changes }) } });
    await checksOf(credential, inKeyWindow({ retiredAt: new Date(Date.now() + 60_000) }));
    await checksOf(credential, inKeyWindow({ retiredAt: new Date(Date.now() - 3_600_000) }));
    await checksOf(credential, inKeyWindow({ compromisedFrom: new Date(Date.now() - 3_600_000) }));
    await checksOf(credential, inKeyWindow({ validFrom: new Date(Date.now() + 3_600_000) }));
    await checksOf(credential, { statusLists: { resolve: () => Promise.reject(new Error('offline')) } });
    await checksOf(await signCredentialJwt(credential, key));
    await checksOf('not a credential');
    await checksOf({ ...(credential as Doc), proof: undefined });
    const holder = await generateIssuerKey();
    const vp = await signPresentation(
      [await issue({ recipient: { id: holder.did, name: 'Lucía Martín', email: 'l@example.org' } })],
      holder,
      {
        challenge: 'c-1',
        domain: 'employer.example',
      },
    );
    for (const options of [{ challenge: 'c-1', domain: 'employer.example' }, { challenge: 'c-1' }, {}]) {
      const report = await verifyPresentation(vp, options, context);
      seen.push(...report.checks);
    }
    seen.push(...(await verifyPresentation({ ...vp, proof: undefined }, { challenge: 'c-1' }, context)).checks);
    expect(new Set(seen.map((c) => c.code)).size).toBeGreaterThan(25);
  });

  // Last: it reads every check the cases above produced.
  it('writes each message as its English catalog entry filled with its params, naming no param the entry lacks', () => {
    expect(seen.length).toBeGreaterThan(50);
    const disagreeing = seen.filter((c) => rendered(ENGLISH.get(c.code) ?? '', c.params) !== c.message);
    expect(disagreeing.map(({ code, params, message }) => ({ code, params, message, catalog: ENGLISH.get(code) }))).toEqual([]);
    const unused = seen.filter((c) => {
      const names = placeholderNames(ENGLISH.get(c.code) ?? '');
      return Object.keys(c.params).some((name) => !names.includes(name));
    });
    expect(unused.map(({ code, params }) => ({ code, params }))).toEqual([]);
    // i18next reads `count` and `context` as options, not as values.
    expect(seen.filter((c) => 'count' in c.params || 'context' in c.params)).toEqual([]);
  });
});
