import { CREDENTIALS_V1_CONTEXT_URL, CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';
import { SRI_DIGEST, relatedResourceDigestProblems } from './related-resource';

// XML Schema dateTimeStamp: a date, a time and a time zone.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isUri = (value: unknown): value is string => typeof value === 'string' && URI.test(value);

export function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/** VC Data Model 1.1 credentials are still verified (older wallets issue them); we issue 2.0. */
export function dataModelVersion(credential: Record<string, unknown>): 1 | 2 | null {
  const context = credential['@context'];
  if (!Array.isArray(context)) return null;
  if (context[0] === CREDENTIALS_V2_CONTEXT_URL) return 2;
  if (context[0] === CREDENTIALS_V1_CONTEXT_URL) return 1;
  return null;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function typedObjectsProblems(credential: Record<string, unknown>, field: string, idRequired: boolean): string[] {
  const problems: string[] = [];
  for (const item of asList(credential[field])) {
    if (!isRecord(item)) problems.push(`${field} must be an object or an array of objects`);
    else {
      const type = item.type;
      if (!(typeof type === 'string' || (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string')))) {
        problems.push(`${field} must have a type`);
      }
      if ((idRequired || item.id !== undefined) && !isUri(item.id)) problems.push(`${field}.id must be a URL`);
    }
  }
  return problems;
}

/**
 * Each related resource: a unique URL `id` and a well-formed digest (`digestSRI` or `digestMultibase`)
 * that matches the resource when we hold it offline (see related-resource.ts).
 */
function relatedResourceProblems(value: unknown): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of asList(value)) {
    if (!isRecord(item)) {
      problems.push('relatedResource must be an object or an array of objects');
      continue;
    }
    if (!isUri(item.id)) problems.push('relatedResource.id must be a URL');
    else if (seen.has(item.id)) problems.push('relatedResource ids must be unique');
    else seen.add(item.id);
    if (item.digestSRI === undefined && item.digestMultibase === undefined)
      problems.push('relatedResource needs digestSRI or digestMultibase');
    if (item.digestSRI !== undefined && !(typeof item.digestSRI === 'string' && SRI_DIGEST.test(item.digestSRI))) {
      problems.push('relatedResource.digestSRI must be a Subresource Integrity hash');
    }
    problems.push(...relatedResourceDigestProblems(item));
  }
  return problems;
}

function languageValueProblems(value: unknown, field: string): string[] {
  const allowed = new Set(['@value', '@language', '@direction']);
  for (const item of asList(value)) {
    if (typeof item === 'string') continue;
    if (!isRecord(item) || typeof item['@value'] !== 'string' || Object.keys(item).some((k) => !allowed.has(k))) {
      return [`${field} must be a string or language value objects`];
    }
  }
  return [];
}

/**
 * Structural checks of the VC Data Model (2.0, and 1.1 where the credential says it is one), and of
 * Open Badges 3.0 where it says it is one. Returns every problem found, so a verifier learns all
 * that is wrong at once.
 */
export function dataModelProblems(credential: unknown): string[] {
  if (!isRecord(credential)) return ['The credential is not a JSON object'];
  const problems: string[] = [];
  const version = dataModelVersion(credential);
  const context = credential['@context'];
  if (version === null) problems.push(`@context must be an array starting with ${CREDENTIALS_V2_CONTEXT_URL}`);
  else if (!(context as unknown[]).every((c) => typeof c === 'string' || isRecord(c)))
    problems.push('@context entries must be URLs or objects');
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential') || !types.every((t) => typeof t === 'string')) {
    problems.push('type must be an array including VerifiableCredential');
  }
  if (credential.id !== undefined && !isUri(credential.id)) problems.push('id must be a URL');
  const issuerId = issuerIdOf(credential);
  if (!isUri(issuerId)) problems.push('issuer must be a URL or an object with a URL id');
  if (isRecord(credential.issuer)) {
    problems.push(
      ...languageValueProblems(credential.issuer.name, 'issuer.name'),
      ...languageValueProblems(credential.issuer.description, 'issuer.description'),
    );
  }
  problems.push(...languageValueProblems(credential.name, 'name'), ...languageValueProblems(credential.description, 'description'));
  const dateFields = version === 1 ? (['issuanceDate', 'expirationDate'] as const) : (['validFrom', 'validUntil'] as const);
  for (const field of dateFields) {
    const value = credential[field];
    if (value !== undefined && (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
      problems.push(`${field} must be an XML Schema dateTimeStamp`);
    }
  }
  if (version === 1 && credential.issuanceDate === undefined) problems.push('issuanceDate is required in a VC Data Model 1.1 credential');
  const [from, until] = dateFields.map((f) => (typeof credential[f] === 'string' ? Date.parse(credential[f]) : NaN));
  if (from > until) problems.push(`${dateFields[0]} must not be after ${dateFields[1]}`);
  const subjects = asList(credential.credentialSubject);
  if (subjects.length === 0 || !subjects.every((s) => isRecord(s) && Object.keys(s).length > 0)) {
    problems.push('credentialSubject must be a non-empty object (or a non-empty array of them)');
  } else {
    if (subjects.some((s) => isRecord(s) && s.id !== undefined && !isUri(s.id))) problems.push('credentialSubject.id must be a URL');
    if (Array.isArray(types) && types.includes('OpenBadgeCredential') && !subjects.every((s) => isRecord(s) && isRecord(s.achievement))) {
      problems.push('an OpenBadgeCredential subject must name its achievement');
    }
  }
  problems.push(...typedObjectsProblems(credential, 'credentialStatus', false));
  problems.push(...relatedResourceProblems(credential.relatedResource));
  problems.push(...typedObjectsProblems(credential, 'credentialSchema', true));
  for (const field of ['termsOfUse', 'evidence', 'refreshService']) problems.push(...typedObjectsProblems(credential, field, false));
  return problems;
}

/** The subjects' DIDs (or other ids) a credential is about. */
export function subjectIdsOf(credential: Record<string, unknown>): string[] {
  return asList(credential.credentialSubject)
    .map((s) => (isRecord(s) ? s.id : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/** The Open Badges achievements a credential's subjects hold. */
export function achievementsOf(credential: Record<string, unknown>): Record<string, unknown>[] {
  return asList(credential.credentialSubject)
    .flatMap((s) => (isRecord(s) ? asList(s.achievement) : []))
    .filter(isRecord);
}

/** Open Badges 3.0 achievement types that award a degree: MAGIX awards those through the degree path only. */
export const DEGREE_ACHIEVEMENT_TYPES = [
  'AssociateDegree',
  'BachelorDegree',
  'Degree',
  'DoctoralDegree',
  'MasterDegree',
  'ProfessionalDoctorate',
  'ResearchDoctorate',
];

/** What each achievement could name a catalogue module by: its URL and its `humanCode`. */
export function moduleReferencesOf(credential: Record<string, unknown>): Array<{ id?: string; code?: string }> {
  return achievementsOf(credential).map((a) => ({
    ...(typeof a.id === 'string' ? { id: a.id } : {}),
    ...(typeof a.humanCode === 'string' ? { code: a.humanCode } : {}),
  }));
}
