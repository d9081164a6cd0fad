import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import * as jsonld from 'jsonld';
import obSchema from '../../../test/fixtures/ob3/ob_v3p0_achievementcredential_schema.json';
import { canonizeCounts, compiledCanonize, standardCanonize } from './canonize/compiled-canonize';
import { MAGIX_CONTEXT_V2_DIGEST, magixContextV2Url } from './contexts/magix-context';
import { signCredential } from './credential-signer';
import { buildDegreeCredential, DegreeCredentialFacts } from './degree-credential.builder';
import { documentLoader } from './document-loader';
import { generateIssuerKey } from './issuer-key';
import { buildModuleCredential } from './module-credential.builder';
import { relatedResourceDigestProblems } from './related-resource';
import { aModuleCredential } from './testing/credential-factories';
import { TEST_PROGRAMME_TRANSLATIONS, TEST_TRANSLATIONS } from './testing/translations';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(obSchema);
const schemaErrors = (credential: unknown) => (validate(credential) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

const plainlyVerified = async (credential: Doc) => {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
    checkStatus: () => Promise.resolve({ verified: true }),
  });
  return { verified: result.verified, error: result.error ? String(result.error) : undefined };
};

describe('a module credential in several languages', () => {
  let key: Awaited<ReturnType<typeof generateIssuerKey>>;
  let credential: Doc;
  let signed: Doc;

  beforeAll(async () => {
    key = await generateIssuerKey();
    const facts = aModuleCredential({ issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } });
    credential = buildModuleCredential({ ...facts, achievement: { ...facts.achievement, translations: TEST_TRANSLATIONS } });
    signed = await signCredential(credential, key);
  });

  it('keeps the English strings where the OB 3.0 schema wants strings, and every language beside them', () => {
    const achievement = credential.credentialSubject.achievement;
    expect(credential.name).toBe('AI for Public Governance (6 ECTS)');
    expect(credential.localizedName).toEqual([
      { '@value': 'AI for Public Governance (6 ECTS)', '@language': 'en' },
      { '@value': 'IA para la gobernanza pública (6 ECTS)', '@language': 'es' },
      { '@value': 'Tehisintellekt avalikus valitsemises (6 ECTS)', '@language': 'et' },
    ]);
    expect(achievement.name).toBe('AI for Public Governance');
    expect(achievement.localizedName).toContainEqual({ '@value': 'IA para la gobernanza pública', '@language': 'es' });
    expect(achievement.localizedDescription).toContainEqual({ '@value': 'Tehisintellekti alused avalikus halduses.', '@language': 'et' });
    expect(achievement.learningOutcome).toEqual(['Assess AI use cases in public services', 'Apply the EU AI Act to procurement']);
    expect(achievement.localizedLearningOutcome).toHaveLength(6);
    expect(achievement.localizedLearningOutcome).toContainEqual({
      '@value': 'Aplicar el Reglamento de IA de la UE a la contratación',
      '@language': 'es',
    });
    expect(schemaErrors(signed)).toEqual([]);
  });

  it('gives RDF language-tagged literals of schema:name, schema:description and magix:learningOutcome (no term dropped)', async () => {
    const nquads: string = await jsonld.toRDF(credential, { format: 'application/n-quads', documentLoader, safe: true });
    expect(nquads).toContain('<https://schema.org/name> "IA para la gobernanza pública"@es');
    expect(nquads).toContain('<https://schema.org/name> "IA para la gobernanza pública (6 ECTS)"@es');
    expect(nquads).toContain('<https://schema.org/description> "Fundamentos de la IA en la administración pública."@es');
    expect(nquads).toContain(
      '<https://magix.ai4gov-x.eu/vocab#learningOutcome> "Hinnata tehisintellekti kasutusjuhte avalikes teenustes"@et',
    );
    // The English default stays a plain string too.
    expect(nquads).toContain('<https://schema.org/name> "AI for Public Governance" ');
    expect(nquads).not.toContain('issuer-dependent');
  });

  it('signs on the compiled canonicalization path, and plain @digitalbazaar/vc verifies it', async () => {
    const options = { documentLoader, base: null, safe: true };
    await compiledCanonize(credential, options);
    const before = canonizeCounts().compiled;
    const nquads = await compiledCanonize(structuredClone(credential), options);
    expect(canonizeCounts().compiled).toBe(before + 1);
    expect(nquads).toBe(await standardCanonize(credential, options));
    expect(nquads).toContain('"IA para la gobernanza pública"@es');
    expect(await plainlyVerified(signed)).toEqual({ verified: true, error: undefined });
    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.localizedName[1]['@language'] = 'it';
    expect((await plainlyVerified(tampered)).verified).toBe(false);
  });

  /** The degree of Lucía Martín, stacked from this test's signed module credential, for a programme of these texts. */
  const degreeFacts = (
    credentialId: string,
    issuedAt: string,
    texts: Pick<DegreeCredentialFacts['programme'], 'title' | 'description' | 'translations'>,
  ) => ({
    contextUrl: String(credential['@context'][2]),
    credentialId,
    issuedAt: new Date(issuedAt),
    issuer: { did: key.did, name: 'UPM', countryCode: 'ES' },
    coAwarders: [{ did: key.did, name: 'UPM', countryCode: 'ES' }],
    recipient: { id: 'urn:uuid:0f6f2b8e-2f7e-4b0e-8a55-9c1d7e3a4b21', name: 'Lucía Martín' },
    programme: { id: 'http://localhost:3000/programmes/P', code: 'P', totalEcts: 60, eqfLevel: 7, ...texts },
    creditsEarned: 60,
    criteria: 'Earned 60 ECTS.',
    stackedFrom: [{ id: String(credential.id), json: JSON.stringify(signed) }],
  });

  it('the degree names each stacked module in every language its credential gives', () => {
    const degree: Doc = buildDegreeCredential(
      degreeFacts('urn:uuid:9b2f6d1e-0c1a-4e8b-9a77-2b7c9d4e5f60', '2027-07-15T09:30:00Z', {
        title: 'Joint Master',
        description: 'The degree.',
      }),
    );
    expect(degree.evidence[0]).toMatchObject({ name: 'AI for Public Governance' });
    expect(degree.evidence[0].localizedName).toEqual(credential.credentialSubject.achievement.localizedName);
    expect(schemaErrors({ ...degree, proof: [signed.proof[0]] })).toEqual([]);
  });

  it('a translated programme’s degree carries its title and description in every language, as a module credential does', async () => {
    const facts = degreeFacts('urn:uuid:4e7a9c2b-6d1f-4a8e-b3c5-0f2e1d9a8b7c', '2026-07-15T09:30:00Z', {
      title: 'Joint Master in AI for Public Governance',
      description: 'The joint master’s degree of the consortium.',
      translations: TEST_PROGRAMME_TRANSLATIONS,
    });
    const degree: Doc = buildDegreeCredential(facts);
    const names = [
      { '@value': 'Joint Master in AI for Public Governance', '@language': 'en' },
      { '@value': 'Gemeinsamer Master in KI für die öffentliche Governance', '@language': 'de' },
      { '@value': 'Máster conjunto en IA para la gobernanza pública', '@language': 'es' },
    ];
    for (const where of [degree, degree.credentialSubject.achievement]) {
      expect(where.name).toBe('Joint Master in AI for Public Governance');
      expect(where.localizedName).toEqual(names);
      expect(where.localizedDescription).toContainEqual({ '@value': 'El máster conjunto del consorcio.', '@language': 'es' });
    }
    const signedDegree = await signCredential(degree, key);
    expect(schemaErrors(signedDegree)).toEqual([]);
    const nquads: string = await jsonld.toRDF(degree, { format: 'application/n-quads', documentLoader, safe: true });
    expect(nquads).toContain('<https://schema.org/name> "Máster conjunto en IA para la gobernanza pública"@es');
    expect(await plainlyVerified(signedDegree)).toEqual({ verified: true, error: undefined });
    // A programme without translations gives the degree it gave before issue 14.
    const english: Doc = buildDegreeCredential({ ...facts, programme: { ...facts.programme, translations: [] } });
    expect(english.localizedName).toBeUndefined();
    expect(english.credentialSubject.achievement.localizedDescription).toBeUndefined();
  });

  it('an English-only module’s credential has no localized terms', () => {
    const english: Doc = buildModuleCredential(aModuleCredential());
    expect(JSON.stringify(english)).not.toContain('localized');
  });

  it('a credential naming version 2 of the context (issued before translations) still signs, digests and verifies', async () => {
    const contextUrl = magixContextV2Url('http://localhost:3000');
    const old = buildModuleCredential(aModuleCredential({ contextUrl, issuer: { did: key.did, name: 'UPM', countryCode: 'ES' } }));
    expect(old.relatedResource).toEqual([{ id: contextUrl, digestSRI: MAGIX_CONTEXT_V2_DIGEST, mediaType: 'application/ld+json' }]);
    expect(relatedResourceDigestProblems((old.relatedResource as Doc[])[0])).toEqual([]);
    expect(relatedResourceDigestProblems({ ...(credential.relatedResource as Doc[])[0] })).toEqual([]);
    expect(relatedResourceDigestProblems({ id: contextUrl, digestSRI: (credential.relatedResource as Doc[])[0].digestSRI })).toHaveLength(
      1,
    );
    expect(await plainlyVerified(await signCredential(old, key))).toEqual({ verified: true, error: undefined });
  });
});
