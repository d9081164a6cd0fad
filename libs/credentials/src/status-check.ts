import { createHash } from 'node:crypto';
import { dataModelProblems, isRecord, issuerIdOf } from './data-model';
import { dataIntegrityProofCheck } from './proof-check';
import { bitAt, decodeBitstring, StatusPurpose } from './status-list';
import { check, CheckName, CheckOutcome, IssuerDirectory, StatusListResolver, VerificationCheck } from './verification.types';

// A list is re-signed only when it changes, and every credential of an HEI points at the same
// few lists: remember which exact documents (by their SHA-256) verified instead of re-checking.
const verifiedLists = new Map<string, boolean>();
const MAX_REMEMBERED_LISTS = 500;

async function listSignatureValid(list: Record<string, unknown>): Promise<boolean> {
  const cacheKey = createHash('sha256').update(JSON.stringify(list)).digest('base64');
  const remembered = verifiedLists.get(cacheKey);
  if (remembered !== undefined) return remembered;
  const valid = (await dataIntegrityProofCheck(list)).outcome === CheckOutcome.PASSED;
  if (verifiedLists.size >= MAX_REMEMBERED_LISTS) verifiedLists.delete(verifiedLists.keys().next().value as string);
  verifiedLists.set(cacheKey, valid);
  return valid;
}

interface EntryOutcome {
  purpose: StatusPurpose;
  set: boolean | null;
  reason?: string;
}

/**
 * Reads each Bitstring Status List entry. A list that cannot be read, is not signed by the same
 * organisation as the credential, or is malformed gives "status unknown", never "valid".
 */
export async function statusCheck(
  credential: Record<string, unknown>,
  issuerOrganisationId: string | null,
  context: { issuers: IssuerDirectory; statusLists: StatusListResolver; now: Date },
): Promise<VerificationCheck> {
  const entries = ([] as unknown[]).concat(credential.credentialStatus ?? []);
  if (entries.length === 0)
    return check(CheckName.STATUS, CheckOutcome.PASSED, 'No status list: this credential cannot be revoked or suspended');
  const outcomes: EntryOutcome[] = [];
  const lists = new Map<string, Promise<unknown>>();
  for (const entry of entries) {
    if (!isRecord(entry) || entry.type !== 'BitstringStatusListEntry') {
      return check(CheckName.STATUS, CheckOutcome.UNKNOWN, 'Status unknown: an entry is not a BitstringStatusListEntry');
    }
    const purpose = entry.statusPurpose as StatusPurpose;
    const url = entry.statusListCredential;
    const index = Number(entry.statusListIndex);
    if (typeof url !== 'string' || !Number.isInteger(index) || index < 0 || !['revocation', 'suspension'].includes(purpose)) {
      outcomes.push({ purpose, set: null, reason: 'a malformed status entry' });
      continue;
    }
    if (!lists.has(url))
      lists.set(
        url,
        context.statusLists.resolve(url).catch(() => null),
      );
    outcomes.push(await readEntry(await lists.get(url)!, url, purpose, index, issuerOrganisationId, context));
  }
  if (outcomes.some((o) => o.purpose === 'revocation' && o.set))
    return check(CheckName.STATUS, CheckOutcome.FAILED, 'Revoked by the issuer');
  if (outcomes.some((o) => o.purpose === 'suspension' && o.set))
    return check(CheckName.STATUS, CheckOutcome.FAILED, 'Suspended by the issuer');
  const unknown = outcomes.find((o) => o.set === null);
  if (unknown) return check(CheckName.STATUS, CheckOutcome.UNKNOWN, `Status unknown: ${unknown.reason}`);
  return check(CheckName.STATUS, CheckOutcome.PASSED, 'Not revoked and not suspended');
}

async function readEntry(
  list: unknown,
  url: string,
  purpose: StatusPurpose,
  index: number,
  issuerOrganisationId: string | null,
  context: { issuers: IssuerDirectory; now: Date },
): Promise<EntryOutcome> {
  const unknown = (reason: string): EntryOutcome => ({ purpose, set: null, reason });
  if (!isRecord(list)) return unknown(`the status list ${url} cannot be read`);
  const types = Array.isArray(list.type) ? list.type : [];
  const subject = list.credentialSubject;
  if (dataModelProblems(list).length > 0 || !types.includes('BitstringStatusListCredential') || !isRecord(subject)) {
    return unknown(`the status list ${url} is malformed`);
  }
  if (subject.statusPurpose !== purpose) return unknown(`the status list ${url} is not a ${purpose} list`);
  if (typeof list.validUntil === 'string' && Date.parse(list.validUntil) < context.now.getTime())
    return unknown(`the status list ${url} has expired`);
  const listIssuer = issuerIdOf(list);
  const record = listIssuer ? await context.issuers.lookup(listIssuer) : null;
  if (!record || record.organisationId !== issuerOrganisationId)
    return unknown(`the status list ${url} is not signed by the credential’s issuer`);
  if (!(await listSignatureValid(list))) return unknown(`the status list ${url} has an invalid signature`);
  try {
    return { purpose, set: bitAt(decodeBitstring(String(subject.encodedList)), index) };
  } catch {
    return unknown(`the status list ${url} cannot be decoded at index ${index}`);
  }
}
