/**
 * The MAGIX JSON-LD context: the EU micro-credential elements that Open Badges 3.0 has no term
 * for. Its URL is a stable identifier, not a place we fetch from: the document is bundled here and
 * the API also serves it (GET /contexts/magix/v1) for verifiers that want to read it.
 */
export const MAGIX_CONTEXT_URL = 'https://magix.ai4gov-x.eu/contexts/v1';

const vocab = 'https://magix.ai4gov-x.eu/vocab#';

export const MAGIX_CONTEXT = {
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
