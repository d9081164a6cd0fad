import { achievementsOf, DEGREE_ACHIEVEMENT_TYPES, isRecord, isUri } from '@magix/credentials';

const BITSTRING_STATUS_LIST_ENTRY = 'BitstringStatusListEntry';
const BASE_10_INTEGER = /^[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The issuer a submitted credential names: a URL, or an object whose `id` is one. We never fill
 * it in: a credential without one, or with anything else, is refused (VC-API, VC Data Model 2.0).
 */
export function submittedIssuerId(issuer: unknown): { id: string; problem?: undefined } | { id?: undefined; problem: string } {
  if (issuer === undefined) return { problem: 'issuer is required: your HEI’s DID, or an object with it as id' };
  if (typeof issuer === 'string') return { id: issuer };
  if (isRecord(issuer) && typeof issuer.id === 'string') return { id: issuer.id };
  return { problem: 'issuer must be a URL or an object with a URL id' };
}

/**
 * What is wrong with a submitted `credentialStatus`, beyond the data model's own rules (an object
 * or array of objects, each with a type and an optional URL id): each BitstringStatusListEntry must
 * be one per the W3C Bitstring Status List — statusListCredential a URL, statusListIndex a base-10
 * integer in a string, statusPurpose a string, statusSize a positive integer with statusMessage
 * when it exceeds 1, statusReference URLs.
 */
export function statusEntryProblems(credentialStatus: unknown): string[] {
  if (credentialStatus === undefined) return [];
  if (Array.isArray(credentialStatus) && credentialStatus.length === 0) return ['credentialStatus must not be an empty array'];
  const problems: string[] = [];
  for (const entry of listOf(credentialStatus)) {
    if (!isRecord(entry)) {
      problems.push('credentialStatus must be an object or an array of objects');
      continue;
    }
    if (!listOf(entry.type).includes(BITSTRING_STATUS_LIST_ENTRY)) continue;
    const field = (name: string) => `credentialStatus.${name}`;
    if (!isUri(entry.statusListCredential)) problems.push(`${field('statusListCredential')} must be a URL`);
    if (typeof entry.statusListIndex !== 'string' || !BASE_10_INTEGER.test(entry.statusListIndex)) {
      problems.push(`${field('statusListIndex')} must be a non-negative integer written as a base-10 string`);
    }
    if (typeof entry.statusPurpose !== 'string' || entry.statusPurpose.trim() === '')
      problems.push(`${field('statusPurpose')} must be a string`);
    const size = entry.statusSize;
    if (size !== undefined && !(typeof size === 'number' && Number.isInteger(size) && size > 0)) {
      problems.push(`${field('statusSize')} must be a positive integer`);
    }
    if (typeof size === 'number' && size > 1 && entry.statusMessage === undefined) {
      problems.push(`${field('statusMessage')} is required when statusSize is more than 1`);
    }
    const messages = entry.statusMessage;
    if (
      messages !== undefined &&
      !(
        Array.isArray(messages) &&
        messages.every((m) => isRecord(m) && typeof m.status === 'string' && HEX.test(m.status) && typeof m.message === 'string')
      )
    ) {
      problems.push(`${field('statusMessage')} must be an array of {status: "0x…", message}`);
    }
    if (entry.statusReference !== undefined && !listOf(entry.statusReference).every(isUri)) {
      problems.push(`${field('statusReference')} must be a URL or an array of URLs`);
    }
  }
  return problems;
}

/**
 * Degrees, and joint awards naming co-awarders, are MAGIX's to award through the degree path: it
 * checks the pathway rules and has each co-awarding HEI sign. An HEI alone may not sign them here.
 */
export function degreeClaimProblems(credential: Record<string, unknown>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const degree = achievementsOf(credential).find((a) => DEGREE_ACHIEVEMENT_TYPES.includes(String(a.achievementType)));
  if (degree) {
    problems.push({
      field: 'credential.credentialSubject.achievement.achievementType',
      message: `A ${String(degree.achievementType)} is awarded through the MAGIX degree path only, not issued through the VC-API`,
    });
  }
  if (credential.coAwardedBy !== undefined) {
    problems.push({
      field: 'credential.coAwardedBy',
      message: 'coAwardedBy is stated through the MAGIX degree path only, where every co-awarding HEI signs',
    });
  }
  return problems;
}
