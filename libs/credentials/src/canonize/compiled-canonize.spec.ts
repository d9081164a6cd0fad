import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { signCredential } from '../credential-signer';
import { documentLoader, DocumentLoader } from '../document-loader';
import { generateIssuerKey } from '../issuer-key';
import { canonizeCounts, compiledCanonize, standardCanonize } from './compiled-canonize';
import { Doc, magixDocumentsOfEachShape } from './testing/magix-shapes';

const OPTIONS = { documentLoader, base: null, safe: true };

/** The N-Quads by the compiled canonize, and which path it took. */
async function compiled(document: unknown, options: Record<string, unknown> = OPTIONS) {
  const before = canonizeCounts();
  const nquads = await compiledCanonize(document, options);
  return { nquads, path: canonizeCounts().compiled > before.compiled ? 'compiled' : 'standard' };
}

/** The N-Quads, or the refusal, as data to compare. */
async function outcome(canonize: typeof standardCanonize, document: unknown) {
  try {
    return { nquads: await canonize(document, OPTIONS) };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('compiled canonicalization', () => {
  let documents: Record<string, Doc>;
  beforeAll(async () => {
    documents = await magixDocumentsOfEachShape();
  });

  it('canonizes every MAGIX shape without JSON-LD expansion, to jsonld.js’s very N-Quads', async () => {
    for (const [shape, document] of Object.entries(documents)) {
      await compiled(document);
      const { nquads, path } = await compiled(structuredClone(document));
      expect({ shape, path }).toEqual({ shape, path: 'compiled' });
      expect(nquads).toBe(await standardCanonize(document, OPTIONS));
    }
  });

  it('fills in other values of the same shape: the N-Quads follow them', async () => {
    const credential = structuredClone(documents.moduleCredential) as Doc & { credentialSubject: { id: string }; name: string };
    credential.name = 'Gobernanza de la IA "avanzada"\n\\ 😀';
    credential.credentialSubject.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const { nquads, path } = await compiled(credential);
    expect(path).toBe('compiled');
    expect(nquads).toBe(await standardCanonize(credential, OPTIONS));
    expect(nquads).toContain('<did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK>');
    expect(nquads).toContain('"Gobernanza de la IA \\"avanzada\\"\\n\\\\ 😀"');
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are changed field by field
  it.each<[string, (d: Record<string, any>) => void]>([
    ['an extra key', (d) => (d.extra = 'x')],
    ['an extra key that a context defines', (d) => (d.image = 'http://localhost:3000/badges/x.png')],
    ['a different array length', (d) => (d.type as string[]).push('AchievementCredential')],
    ['a value of another kind', (d) => (d.credentialSubject.creditsEarned = '6')],
    ['a number in another form', (d) => (d.credentialSubject.creditsEarned = 6.5)],
    ['a language tag', (d) => (d.name = { '@value': 'Gobernanza', '@language': 'es' })],
    ['a relative IRI', (d) => (d.credentialSubject.id = 'learners/ieva')],
    ['a blank node label', (d) => (d.credentialSubject.id = '_:b0')],
  ])('agrees with jsonld.js on a document of another shape: %s', async (_change, change) => {
    const document = structuredClone(documents.moduleCredential);
    change(document);
    expect(await outcome(compiledCanonize, document)).toEqual(await outcome(standardCanonize, document));
  });

  it('refuses, as jsonld.js does, an IRI that is not absolute (it is never filled into the compiled IRI)', async () => {
    const document = structuredClone(documents.moduleCredential) as Doc & { credentialSubject: Doc };
    document.credentialSubject.id = 'learners/ieva';
    await expect(compiledCanonize(document, OPTIONS)).rejects.toThrow(/safe mode/i);
    await expect(standardCanonize(document, OPTIONS)).rejects.toThrow(/safe mode/i);
  });

  it('compiles a term in a vocabulary position into the shape (proof purposes)', async () => {
    const proof = structuredClone(documents.credentialProofConfiguration);
    proof.proofPurpose = 'authentication';
    const { nquads } = await compiled(proof);
    expect(nquads).toBe(await standardCanonize(proof, OPTIONS));
    expect(nquads).toContain('<https://w3id.org/security#authenticationMethod>');
  });

  it('recompiles for a loader that gives another document for the same context URL', async () => {
    const document = documents.statusList;
    await compiled(document);
    const url = 'https://www.w3.org/ns/credentials/v2';
    const other = structuredClone((await documentLoader(url)).document) as { '@context': Record<string, { '@context': Doc }> };
    other['@context'].BitstringStatusList['@context'].encodedList = { '@id': 'urn:x:list' };
    const otherLoader: DocumentLoader = async (u) =>
      u === url ? { contextUrl: null, documentUrl: u, document: other } : documentLoader(u);
    const options = { ...OPTIONS, documentLoader: otherLoader };
    const { nquads } = await compiled(document, options);
    expect(nquads).toBe(await standardCanonize(document, options));
    expect(nquads).toContain('<urn:x:list>');
    expect((await compiled(document)).nquads).not.toContain('<urn:x:list>');
  });

  it('signs credentials that the plain library verifies with its own canonicalization', async () => {
    const key = await generateIssuerKey();
    const signed = await signCredential(
      { ...documents.moduleCredential, issuer: { ...(documents.moduleCredential.issuer as Doc), id: key.did } },
      key,
    );
    const result = (await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
    })) as { verified: boolean };
    expect(result.verified).toBe(true);
  });
});
