import { createHash } from 'node:crypto';
import { dataModelProblems, isRecord, issuerIdOf } from './data-model';
import { dataIntegrityProofCheck } from './proof-check';
import { decodeBitstring, statusAt, StatusPurpose } from './status-list';
import { CheckCode, CheckParams } from './check-codes';
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

// The same few lists are read for every credential: their bits decoded (base64url, gunzip) once
// per distinct encodedList, not on the event loop at every verification.
const decodedLists = new Map<string, Uint8Array>();
const MAX_DECODED_LISTS = 100;

function bitsOf(encodedList: string): Uint8Array {
  let bits = decodedLists.get(encodedList);
  if (!bits) {
    bits = decodeBitstring(encodedList);
    if (decodedLists.size >= MAX_DECODED_LISTS) decodedLists.delete(decodedLists.keys().next().value as string);
    decodedLists.set(encodedList, bits);
  }
  return bits;
}

/** What a resolver that failed (rather than answered "no such list") gave. */
const UNREACHABLE = Symbol('unreachable');

type EntryState = 'valid' | 'revoked' | 'suspended';

/** Why a status could not be read: the code of the STATUS check it gives, its params and its English words. */
interface Unknown {
  code: CheckCode;
  reason: string;
  params?: CheckParams;
}

interface EntryOutcome {
  state: EntryState | null;
  why?: Unknown;
}

interface ParsedEntry {
  purpose: StatusPurpose;
  url: string;
  index: number;
  size: number;
  messages: Map<number, string>;
}

/** One entry as the spec defines it, or why it is malformed. */
function parseEntry(entry: unknown): ParsedEntry | Unknown {
  if (!isRecord(entry) || entry.type !== 'BitstringStatusListEntry')
    return { code: 'status.unknown.notAnEntry', reason: 'an entry is not a BitstringStatusListEntry' };
  const purpose = entry.statusPurpose as StatusPurpose;
  const url = entry.statusListCredential;
  const index = typeof entry.statusListIndex === 'string' && /^\d+$/.test(entry.statusListIndex) ? Number(entry.statusListIndex) : NaN;
  const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if (typeof url !== 'string' || !Number.isSafeInteger(index) || !['revocation', 'suspension', 'message'].includes(purpose)) {
    return { code: 'status.unknown.malformedEntry', reason: 'a malformed status entry' };
  }
  if (!Number.isInteger(size) || size < 1 || size > 8) return { code: 'status.unknown.malformedSize', reason: 'a malformed status size' };
  const messages = new Map<number, string>();
  for (const item of ([] as unknown[]).concat(entry.statusMessage ?? [])) {
    if (!isRecord(item) || typeof item.status !== 'string' || typeof item.message !== 'string' || !/^0x[0-9a-f]+$/i.test(item.status)) {
      return { code: 'status.unknown.malformedMessage', reason: 'a malformed status message' };
    }
    messages.set(parseInt(item.status.slice(2), 16), item.message);
  }
  if (purpose === 'message' && messages.size === 0)
    return { code: 'status.unknown.noMessages', reason: 'a message entry without status messages' };
  return { purpose, url, index, size, messages };
}

/** What a status value means: a one-bit list by its purpose, a message list by its messages. */
function stateOf(entry: ParsedEntry, value: number): EntryOutcome {
  if (entry.purpose !== 'message') return { state: value === 0 ? 'valid' : entry.purpose === 'revocation' ? 'revoked' : 'suspended' };
  const message = entry.messages.get(value);
  if (value === 0 || message === 'valid') return { state: 'valid' };
  if (message === 'revoked' || message === 'suspended') return { state: message };
  const status = message ?? `0x${value.toString(16)}`;
  return { state: null, why: { code: 'status.unknown.listSays', reason: `the status list says "${status}"`, params: { status } } };
}

/**
 * Reads each Bitstring Status List entry: one two-bit "message" entry (what MAGIX issues now) or
 * one-bit revocation and suspension entries (before issue 10, and other issuers). A list that
 * cannot be read, is not signed by the same organisation as the credential, or is malformed gives
 * "status unknown", never "valid".
 */
export async function statusCheck(
  credential: Record<string, unknown>,
  issuerOrganisationId: string | null,
  context: { issuers: IssuerDirectory; statusLists: StatusListResolver; now: Date },
): Promise<VerificationCheck> {
  const entries = ([] as unknown[]).concat(credential.credentialStatus ?? []);
  if (entries.length === 0)
    return check(CheckName.STATUS, CheckOutcome.PASSED, 'status.none', 'No status list: this credential cannot be revoked or suspended');
  const outcomes: EntryOutcome[] = [];
  const lists = new Map<string, Promise<unknown>>();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if ('code' in parsed) {
      outcomes.push({ state: null, why: parsed });
      continue;
    }
    // A list that cannot be fetched is "status unknown", said so, never a revoked or invalid credential.
    if (!lists.has(parsed.url))
      lists.set(
        parsed.url,
        context.statusLists.resolve(parsed.url).catch(() => UNREACHABLE),
      );
    outcomes.push(await readEntry(await lists.get(parsed.url)!, parsed, issuerOrganisationId, context));
  }
  if (outcomes.some((o) => o.state === 'revoked'))
    return check(CheckName.STATUS, CheckOutcome.FAILED, 'status.revoked', 'Revoked by the issuer');
  if (outcomes.some((o) => o.state === 'suspended'))
    return check(CheckName.STATUS, CheckOutcome.FAILED, 'status.suspended', 'Suspended by the issuer');
  const unknown = outcomes.find((o) => o.state === null)?.why;
  if (unknown) return check(CheckName.STATUS, CheckOutcome.UNKNOWN, unknown.code, `Status unknown: ${unknown.reason}`, unknown.params);
  return check(CheckName.STATUS, CheckOutcome.PASSED, 'status.valid', 'Not revoked and not suspended');
}

async function readEntry(
  list: unknown,
  entry: ParsedEntry,
  issuerOrganisationId: string | null,
  context: { issuers: IssuerDirectory; now: Date },
): Promise<EntryOutcome> {
  const { url, purpose, index } = entry;
  const unknown = (code: CheckCode, reason: string, params: CheckParams = {}): EntryOutcome => ({
    state: null,
    why: { code, reason, params: { url, ...params } },
  });
  if (list === UNREACHABLE) return unknown('status.unknown.unreachable', `the status list ${url} could not be consulted`);
  if (!isRecord(list)) return unknown('status.unknown.unreadable', `the status list ${url} cannot be read`);
  const types = Array.isArray(list.type) ? list.type : [];
  const subject = list.credentialSubject;
  if (dataModelProblems(list).length > 0 || !types.includes('BitstringStatusListCredential') || !isRecord(subject)) {
    return unknown('status.unknown.malformedList', `the status list ${url} is malformed`);
  }
  if (subject.statusPurpose !== purpose)
    return unknown('status.unknown.wrongPurpose', `the status list ${url} is not a ${purpose} list`, { purpose });
  if (typeof list.validUntil === 'string' && Date.parse(list.validUntil) < context.now.getTime())
    return unknown('status.unknown.listExpired', `the status list ${url} has expired`);
  const listIssuer = issuerIdOf(list);
  const record = listIssuer ? await context.issuers.lookup(listIssuer) : null;
  if (!record || record.organisationId !== issuerOrganisationId)
    return unknown('status.unknown.wrongSigner', `the status list ${url} is not signed by the credential’s issuer`);
  if (!(await listSignatureValid(list))) return unknown('status.unknown.badSignature', `the status list ${url} has an invalid signature`);
  try {
    return stateOf(entry, statusAt(bitsOf(String(subject.encodedList)), index, entry.size));
  } catch {
    return unknown('status.unknown.undecodable', `the status list ${url} cannot be decoded at index ${index}`, { index: String(index) });
  }
}
