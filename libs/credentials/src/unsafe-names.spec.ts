import { standardCanonize, compiledCanonize } from './canonize/compiled-canonize';
import { signCredential } from './credential-signer';
import { verifyCredential, VerificationContext } from './credential-verifier';
import { documentLoader } from './document-loader';
import { presentationLimitProblem } from './document-limits';
import { generateIssuerKey } from './issuer-key';
import { buildModuleCredential } from './module-credential.builder';
import { aModuleCredential } from './testing/credential-factories';
import { unsafeJsonLdName } from './unsafe-names';
import { CheckName, CheckOutcome } from './verification.types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/**
 * jsonld.js keeps its node map in a plain object: a node id "__proto__" writes onto
 * Object.prototype, and every JSON-LD operation in the thread fails from then on. Verified here
 * by what a verifier answers and by Object.prototype staying clean.
 */
describe('names JSON-LD processors mishandle', () => {
  const options = { documentLoader, base: null, safe: true };
  let credential: Doc;
  let context: VerificationContext;

  beforeAll(async () => {
    const key = await generateIssuerKey();
    credential = await signCredential(
      buildModuleCredential(aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } })),
      key,
    );
    const record = {
      did: key.did,
      organisationId: 'upm',
      name: 'UPM',
      countryCode: 'ES',
      validFrom: new Date(0),
      retiredAt: null,
      compromisedFrom: null,
    };
    context = {
      issuers: { lookup: () => Promise.resolve(record) },
      statusLists: { resolve: () => Promise.resolve(null) },
      now: new Date(),
    };
  });

  afterEach(() => expect(Object.keys(Object.prototype)).toEqual([]));

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses a credential naming %s, and the next one still verifies',
    async (name) => {
      const hostile = structuredClone(credential);
      hostile.credentialSubject.id = name;
      hostile.proof[0].verificationMethod = name;
      const verdict = await verifyCredential(hostile, context);
      expect(verdict.verified).toBe(false);
      expect(verdict.checks.find((c) => c.name === CheckName.DATA_MODEL)?.message).toContain(`"${name}"`);
      expect((await verifyCredential(credential, context)).checks.find((c) => c.name === CheckName.PROOF)?.outcome).toBe(
        CheckOutcome.PASSED,
      );
    },
  );

  it('refuses such a key, in a presentation too', () => {
    const hostile = JSON.parse('{"verifiableCredential": [{"__proto__": {"id": "x"}}]}') as unknown;
    expect(unsafeJsonLdName(hostile)).toBe('__proto__');
    expect(presentationLimitProblem(hostile)).toContain('"__proto__"');
  });

  it('never hands such a document to jsonld.js when signing or canonizing', async () => {
    const { proof: _proof, ...unsigned } = credential;
    await expect(compiledCanonize({ ...unsigned, id: '__proto__' }, options)).rejects.toThrow(/mishandle/);
    await expect(signCredential({ ...unsigned, id: '__proto__' }, await generateIssuerKey())).rejects.toThrow(/mishandle/);
    expect(await compiledCanonize(unsigned, options)).toBe(await standardCanonize(unsigned, options));
  });

  it('lets the names through inside longer strings', () => {
    expect(unsafeJsonLdName({ name: 'The __proto__ of a constructor', id: 'https://example.org/__proto__' })).toBeNull();
  });
});
