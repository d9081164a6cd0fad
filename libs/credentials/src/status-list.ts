import { gunzipSync, gzipSync } from 'node:zlib';
import { CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';
import { toDateTimeStamp, UnsignedCredential } from './module-credential.builder';

/** W3C Bitstring Status List v1.0: at least 131,072 entries per list, for herd privacy. */
export const STATUS_LIST_SIZE = 131072;

export type LegacyStatusPurpose = 'revocation' | 'suspension';
export type StatusPurpose = LegacyStatusPurpose | 'message';
/** The two one-bit lists of credentials issued before issue 10; still read and still changed. */
export const STATUS_PURPOSES: LegacyStatusPurpose[] = ['revocation', 'suspension'];

/** A credential's state in a two-bit message list. */
export enum CredentialState {
  VALID = 0,
  REVOKED = 1,
  SUSPENDED = 2,
}

export const STATUS_SIZE = 2;
export const STATUS_MESSAGES = [
  { status: '0x0', message: 'valid' },
  { status: '0x1', message: 'revoked' },
  { status: '0x2', message: 'suspended' },
  { status: '0x3', message: 'revoked' },
];

/**
 * A message list holds MESSAGE_LIST_ENTRIES two-bit statuses; credentials get indexes in its upper
 * half only, which is still STATUS_LIST_SIZE positions for herd privacy. Readers that ignore
 * `statusSize` read the single bit at the index itself; that bit lies in the unused lower half,
 * and we set it whenever the status is not "valid", so they too see a revoked or suspended
 * credential as not valid and never read another credential's status (docs/credential-status.md).
 */
export const MESSAGE_LIST_ENTRIES = 2 * STATUS_LIST_SIZE;
export const FIRST_MESSAGE_INDEX = MESSAGE_LIST_ENTRIES / 2;

export interface MessageStatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'message';
  statusListIndex: string;
  statusListCredential: string;
  statusSize: number;
  statusMessage: typeof STATUS_MESSAGES;
}

export function messageStatusEntry(listUrl: string, index: number): MessageStatusEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'message',
    statusListIndex: String(index),
    statusListCredential: listUrl,
    statusSize: STATUS_SIZE,
    statusMessage: STATUS_MESSAGES,
  };
}

/** The status (an unsigned number of `size` bits) of entry `index`, most significant bit first. */
export function statusAt(bits: Uint8Array, index: number, size: number): number {
  let value = 0;
  for (let bit = index * size; bit < (index + 1) * size; bit++) value = (value << 1) | (bitAt(bits, bit) ? 1 : 0);
  return value;
}

/** The bit positions to write for a credential's state in a message list, shadow bit included. */
export function messageListBits(index: number, state: CredentialState): Array<{ position: number; value: boolean }> {
  return [
    { position: index * STATUS_SIZE, value: (state & 2) !== 0 },
    { position: index * STATUS_SIZE + 1, value: (state & 1) !== 0 },
    { position: index, value: state !== CredentialState.VALID },
  ];
}

export interface StatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: LegacyStatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

/** A one-bit entry of the two-list form (credentials issued before issue 10; tests). */
export function statusEntry(listUrl: string, purpose: LegacyStatusPurpose, index: number): StatusEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** Index 0 is the left-most (most significant) bit of the first byte, as the spec orders them. */
export function bitAt(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  if (byte === undefined) throw new RangeError(`Index ${index} is beyond the list`);
  return ((byte >> (7 - (index & 7))) & 1) === 1;
}

export function withBit(bits: Uint8Array, index: number, value: boolean): Uint8Array {
  const copy = Uint8Array.from(bits);
  const mask = 1 << (7 - (index & 7));
  copy[index >> 3] = value ? copy[index >> 3] | mask : copy[index >> 3] & ~mask;
  return copy;
}

/** Multibase base64url (prefix `u`) of the GZIP-compressed bitstring. */
export function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function decodeBitstring(encoded: string): Uint8Array {
  if (!encoded.startsWith('u')) throw new Error('encodedList must be multibase base64url (prefix u)');
  return new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
}

export interface StatusListFacts {
  url: string;
  issuerDid: string;
  purpose: StatusPurpose;
  bits: Uint8Array;
  validFrom: Date;
}

export function buildStatusListCredential(facts: StatusListFacts): UnsignedCredential {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL],
    id: facts.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: facts.issuerDid,
    validFrom: toDateTimeStamp(facts.validFrom),
    credentialSubject: {
      id: `${facts.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: facts.purpose,
      encodedList: encodeBitstring(facts.bits),
    },
  };
}
