import { gunzipSync, gzipSync } from 'node:zlib';
import { CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';
import { toDateTimeStamp, UnsignedCredential } from './module-credential.builder';

/** W3C Bitstring Status List v1.0: at least 131,072 entries per list, for herd privacy. */
export const STATUS_LIST_SIZE = 131072;

export type StatusPurpose = 'revocation' | 'suspension';
export const STATUS_PURPOSES: StatusPurpose[] = ['revocation', 'suspension'];

export interface StatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

export function statusEntry(listUrl: string, purpose: StatusPurpose, index: number): StatusEntry {
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
