import { createHash } from 'node:crypto';

const vocab = 'https://magix.ai4gov-x.eu/vocab#';

/**
 * The first MAGIX context, named by a URL that no deployment serves. Credentials issued before
 * issue 10 name it; it stays bundled (never fetched) so that they keep verifying. Never issue with it.
 */
export const LEGACY_MAGIX_CONTEXT_URL = 'https://magix.ai4gov-x.eu/contexts/v1';

export const LEGACY_MAGIX_CONTEXT = {
  '@context': {
    '@version': 1.1,
    '@protected': true,
    magix: vocab,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    eqfLevel: { '@id': 'magix:eqfLevel', '@type': 'xsd:integer' },
    creditUnit: { '@id': 'magix:creditUnit' },
    workloadHours: { '@id': 'magix:workloadHours', '@type': 'xsd:decimal' },
    participationForm: { '@id': 'magix:participationForm' },
    assessmentType: { '@id': 'magix:assessmentType' },
    qualityAssurance: { '@id': 'magix:qualityAssurance' },
    learningOutcome: { '@id': 'magix:learningOutcome', '@container': '@set' },
    prerequisite: { '@id': 'magix:prerequisite', '@container': '@set' },
    gradingScale: { '@id': 'magix:gradingScale' },
    coAwardedBy: { '@id': 'magix:coAwardedBy', '@container': '@set' },
  },
} as const;

/**
 * Version 2 of the MAGIX context: only the EU micro-credential elements that Open Badges 3.0 has
 * no term for (the EQF level is now an OB `alignment`; see docs/credential-format.md). Each
 * deployment serves it at `${PUBLIC_URL}/contexts/magix/v2`, byte for byte this text, and every
 * credential carries its SHA-384 digest in `relatedResource`.
 */
export const MAGIX_CONTEXT_V2 = {
  '@context': {
    '@version': 1.1,
    '@protected': true,
    // No `xsd` prefix: it would change how the OB context's "xsd:dateTime" reads when a credential
    // embeds another (an endorsement) that names the OB context again.
    magix: vocab,
    creditUnit: { '@id': 'magix:creditUnit' },
    workloadHours: { '@id': 'magix:workloadHours', '@type': 'http://www.w3.org/2001/XMLSchema#decimal' },
    participationForm: { '@id': 'magix:participationForm' },
    assessmentType: { '@id': 'magix:assessmentType' },
    qualityAssurance: { '@id': 'magix:qualityAssurance' },
    learningOutcome: { '@id': 'magix:learningOutcome', '@container': '@set' },
    prerequisite: { '@id': 'magix:prerequisite', '@container': '@set' },
    gradingScale: { '@id': 'magix:gradingScale' },
    coAwardedBy: { '@id': 'magix:coAwardedBy', '@container': '@set' },
    // Where DCC's Learner Credential Wallet reads credits (docs/wallet-display.md): schema.org
    // terms, as DCC's own context defines them, which cannot be combined with VC 2.0's.
    awardedOnCompletionOf: {
      '@reverse': 'https://schema.org/educationalCredentialAwarded',
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        Course: 'https://schema.org/Course',
        EducationalOccupationalProgram: 'https://schema.org/EducationalOccupationalProgram',
        QuantitativeValue: 'https://schema.org/QuantitativeValue',
        numberOfCredits: 'https://schema.org/numberOfCredits',
        value: 'https://schema.org/value',
        unitText: 'https://schema.org/unitText',
      },
    },
  },
} as const;

/** The exact bytes served and digested: a verifier that fetches the URL gets these. */
export const MAGIX_CONTEXT_V2_TEXT = `${JSON.stringify(MAGIX_CONTEXT_V2, null, 2)}\n`;

export const MAGIX_CONTEXT_V2_PATH = '/contexts/magix/v2';

/**
 * Version 3: version 2 and the language-tagged forms of a credential's texts (issue 14). The OB 3.0
 * JSON Schema wants `name` and `description` to be strings, so those stay the English ones, and
 * each `localized…` term holds the same property (schema:name, schema:description,
 * magix:learningOutcome) as a set of language value objects: the RDF is the one VC 2.0's
 * internationalization section gives for `"name": [{ "@value", "@language" }, …]`.
 * Credentials name v3 from issue 14 on; v2 stays served and bundled for those issued before.
 */
export const MAGIX_CONTEXT_V3 = {
  '@context': {
    ...MAGIX_CONTEXT_V2['@context'],
    localizedName: { '@id': 'https://schema.org/name', '@container': '@set' },
    localizedDescription: { '@id': 'https://schema.org/description', '@container': '@set' },
    localizedLearningOutcome: { '@id': 'magix:learningOutcome', '@container': '@set' },
  },
} as const;

export const MAGIX_CONTEXT_V3_TEXT = `${JSON.stringify(MAGIX_CONTEXT_V3, null, 2)}\n`;

export const MAGIX_CONTEXT_V3_PATH = '/contexts/magix/v3';

/** Where a deployment serves (and its new credentials name) the MAGIX context. */
export const magixContextUrl = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}${MAGIX_CONTEXT_V3_PATH}`;

/** Where the same deployment served version 2 (credentials issued before issue 14 name it). */
export const magixContextV2Url = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}${MAGIX_CONTEXT_V2_PATH}`;

/** Subresource Integrity digest (SHA-384, base64) of exact bytes. */
export const digestSri = (text: string | Uint8Array) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

export const MAGIX_CONTEXT_V2_DIGEST = digestSri(MAGIX_CONTEXT_V2_TEXT);
export const MAGIX_CONTEXT_V3_DIGEST = digestSri(MAGIX_CONTEXT_V3_TEXT);

/** The exact text of the MAGIX context a deployment URL names (…/contexts/magix/v2 or v3), if it is one. */
export function magixContextTextAt(url: string): string | undefined {
  if (!/^https?:\/\/[^\s?#]+$/.test(url)) return undefined;
  if (url.endsWith(MAGIX_CONTEXT_V3_PATH)) return MAGIX_CONTEXT_V3_TEXT;
  if (url.endsWith(MAGIX_CONTEXT_V2_PATH)) return MAGIX_CONTEXT_V2_TEXT;
  return undefined;
}
