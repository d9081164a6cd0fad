/** Multikey encodings of Ed25519 keys (did:key, Multikey), written here rather than by the multikey library for speed. */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Five base-58 digits at a time: limb × 256 + carry stays below 2^53. */
const DIGITS_PER_LIMB = 5;
const LIMB = 58 ** DIGITS_PER_LIMB;

/** Multicodec headers of an Ed25519 public key and of its secret (seed ‖ public key), as @digitalbazaar/ed25519-multikey writes them. */
export const ED25519_PUBLIC_HEADER = Uint8Array.of(0xed, 0x01);
export const ED25519_SECRET_HEADER = Uint8Array.of(0x80, 0x26);

/** Base58btc (Bitcoin alphabet; each leading zero byte is a '1'). */
export function base58btc(bytes: Uint8Array): string {
  const limbs: number[] = []; // the number in base 58^5, least significant first
  for (const byte of bytes) {
    let carry = byte;
    for (let j = 0; j < limbs.length; j++) {
      carry += limbs[j] * 256;
      limbs[j] = carry % LIMB;
      carry = Math.floor(carry / LIMB);
    }
    for (; carry > 0; carry = Math.floor(carry / LIMB)) limbs.push(carry % LIMB);
  }
  const digits: string[] = [];
  for (const limb of limbs)
    for (let k = 0, rest = limb; k < DIGITS_PER_LIMB; k++, rest = Math.floor(rest / 58)) digits.push(ALPHABET[rest % 58]);
  while (digits.length > 0 && digits[digits.length - 1] === '1') digits.pop(); // the top limb's padding
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  return '1'.repeat(zeros) + digits.reverse().join('');
}

/** 'z' (base58btc) + base58 of header ‖ key: a multibase multicodec key. */
export function multibaseKey(header: Uint8Array, ...parts: Uint8Array[]): string {
  return `z${base58btc(Buffer.concat([header, ...parts]))}`;
}
