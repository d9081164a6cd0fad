import { createHash } from 'node:crypto';
import { buildModuleCredential, toDateTimeStamp } from './module-credential.builder';
import { MAGIX_CONTEXT_V2, MAGIX_CONTEXT_V3, MAGIX_CONTEXT_V3_DIGEST, MAGIX_CONTEXT_V3_TEXT, digestSri } from './contexts/magix-context';
import { dataModelProblems } from './data-model';
import { aModuleCredential, TEST_CONTEXT_URL } from './testing/credential-factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

describe('buildModuleCredential', () => {
  const facts = aModuleCredential();
  const credential: Doc = buildModuleCredential(facts);

  it('builds a VC 2.0 OpenBadgeCredential that passes the data model checks', () => {
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'http://localhost:3000/contexts/magix/v3',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(dataModelProblems(credential)).toEqual([]);
  });

  it('carries the digest of the exact bytes of the MAGIX context it names', () => {
    expect(credential.relatedResource).toEqual([
      { id: TEST_CONTEXT_URL, digestSRI: MAGIX_CONTEXT_V3_DIGEST, mediaType: 'application/ld+json' },
    ]);
    expect(MAGIX_CONTEXT_V3_DIGEST).toBe(digestSri(Buffer.from(MAGIX_CONTEXT_V3_TEXT, 'utf8')));
    expect(JSON.parse(MAGIX_CONTEXT_V3_TEXT)).toEqual(MAGIX_CONTEXT_V3);
  });

  it('version 3 of the MAGIX context keeps every term of version 2 as it was', () => {
    for (const [term, definition] of Object.entries(MAGIX_CONTEXT_V2['@context'])) {
      expect({ term, definition: (MAGIX_CONTEXT_V3['@context'] as Record<string, unknown>)[term] }).toEqual({ term, definition });
    }
  });

  it('states the EQF level as an Open Badges alignment, and the award date', () => {
    expect(credential.credentialSubject.achievement.alignment).toEqual([
      expect.objectContaining({ type: ['Alignment'], targetCode: '7', targetUrl: 'http://data.europa.eu/snb/eqf/7' }),
    ]);
    expect(credential.credentialSubject.achievement.eqfLevel).toBeUndefined();
    expect(credential.awardedDate).toBe('2026-07-01T10:00:00Z');
  });

  it('names the issuer with its DID and country', () => {
    expect(credential.issuer).toMatchObject({ id: facts.issuer.did, name: facts.issuer.name, address: { addressCountryCode: 'ES' } });
  });

  it('states validity to the second in UTC', () => {
    expect(credential.validFrom).toBe('2026-07-01T10:00:00Z');
    expect(credential.validUntil).toBeUndefined();
    const until: Doc = buildModuleCredential(aModuleCredential({ validUntil: new Date('2031-07-01T00:00:00Z') }));
    expect(until.validUntil).toBe('2031-07-01T00:00:00Z');
  });

  it('carries the EU micro-credential elements of the module', () => {
    const achievement = credential.credentialSubject.achievement;
    expect(achievement).toMatchObject({
      achievementType: 'MicroCredential',
      humanCode: 'UPM-AIG-01',
      name: 'AI for Public Governance',
      creditsAvailable: 6,
      creditUnit: 'ECTS',
      workloadHours: 150,
      inLanguage: 'en',
      participationForm: 'ONLINE',
      qualityAssurance: 'Accredited by ANECA',
      learningOutcome: facts.achievement.learningOutcomes,
    });
    expect(achievement.criteria.narrative).toContain('Apply the EU AI Act to procurement');
  });

  it('records the grade and credits earned', () => {
    const subject = credential.credentialSubject;
    expect(subject.creditsEarned).toBe(6);
    expect(subject.result).toEqual([expect.objectContaining({ value: '8.7', status: 'Completed' })]);
    expect(subject.result[0].resultDescription).toBe(subject.achievement.resultDescription[0].id);
  });

  it('shows the learner name but only a salted hash of the email', () => {
    const [name, email] = credential.credentialSubject.identifier;
    expect(name).toEqual({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Lucía Martín' });
    const expected = createHash('sha256')
      .update('lucia.martin@madrid.example' + 'f00dfeed')
      .digest('hex');
    expect(email).toEqual(expect.objectContaining({ hashed: true, identityHash: `sha256$${expected}`, salt: 'f00dfeed' }));
    expect(JSON.stringify(credential)).not.toContain('madrid.example');
  });

  it('uses only terms its contexts define for the MAGIX extensions', () => {
    const defined = Object.keys(MAGIX_CONTEXT_V3['@context']);
    for (const term of [
      'creditUnit',
      'workloadHours',
      'participationForm',
      'assessmentType',
      'qualityAssurance',
      'learningOutcome',
      'prerequisite',
    ]) {
      expect(defined).toContain(term);
    }
  });

  it('formats timestamps without milliseconds', () => {
    expect(toDateTimeStamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
