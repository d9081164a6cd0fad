import { CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';

// XML Schema dateTimeStamp: a date, a time and a time zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/**
 * Structural checks of the VC Data Model 2.0 (and of Open Badges 3.0 where the credential says it
 * is one). Returns every problem found, so a verifier learns all that is wrong at once.
 */
export function dataModelProblems(credential: unknown): string[] {
  if (!isRecord(credential)) return ['The credential is not a JSON object'];
  const problems: string[] = [];
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== CREDENTIALS_V2_CONTEXT_URL) {
    problems.push(`@context must be an array starting with ${CREDENTIALS_V2_CONTEXT_URL}`);
  }
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential')) {
    problems.push('type must be an array including VerifiableCredential');
  }
  if (credential.id !== undefined && (typeof credential.id !== 'string' || !URI.test(credential.id))) {
    problems.push('id must be a URI');
  }
  const issuerId = issuerIdOf(credential);
  if (!issuerId || !URI.test(issuerId)) problems.push('issuer must be a URI or an object with a URI id');
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = credential[field];
    if (value !== undefined && (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
      problems.push(`${field} must be an XML Schema dateTimeStamp`);
    }
  }
  const subjects = Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject];
  if (subjects.length === 0 || !subjects.every(isRecord)) {
    problems.push('credentialSubject must be an object (or a non-empty array of objects)');
  } else if (Array.isArray(types) && types.includes('OpenBadgeCredential')) {
    if (!subjects.every((subject) => isRecord(subject.achievement))) {
      problems.push('an OpenBadgeCredential subject must name its achievement');
    }
  }
  return problems;
}
