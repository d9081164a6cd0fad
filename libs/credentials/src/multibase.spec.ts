import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { randomBytes } from 'node:crypto';
import { generateIssuerKey } from './issuer-key';
import { base58btc } from './multibase';

/** The textbook conversion (one base-58 digit at a time), to check the limb-wise one against. */
function slowBase58(bytes: Uint8Array): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = bytes.reduce((acc, b) => acc * 256n + BigInt(b), 0n);
  let out = '';
  for (; n > 0n; n /= 58n) out = alphabet[Number(n % 58n)] + out;
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  return '1'.repeat(zeros) + out;
}

describe('base58btc', () => {
  it('encodes the standard test vectors', () => {
    expect(base58btc(new Uint8Array())).toBe('');
    expect(base58btc(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58btc(Buffer.from('0000287fb4cd', 'hex'))).toBe('11233QC4');
    expect(base58btc(Uint8Array.of(0, 0))).toBe('11');
  });

  it('equals the digit-by-digit conversion for random bytes of every length up to 80', () => {
    for (let length = 0; length <= 80; length++)
      for (let i = 0; i < 20; i++) {
        const bytes = randomBytes(length);
        if (i % 5 === 0) bytes.fill(0, 0, Math.min(length, i % 3));
        expect(base58btc(bytes)).toBe(slowBase58(bytes));
      }
  });
});

describe('generateIssuerKey', () => {
  it('writes keys as the multikey library reads and writes them, and they sign and verify there', async () => {
    for (let i = 0; i < 50; i++) {
      const key = await generateIssuerKey();
      expect(key.did).toBe(`did:key:${key.publicKeyMultibase}`);
      expect(key.verificationMethod).toBe(`${key.did}#${key.publicKeyMultibase}`);
      const pair = await Ed25519Multikey.from({
        id: key.verificationMethod,
        controller: key.did,
        publicKeyMultibase: key.publicKeyMultibase,
        secretKeyMultibase: key.secretKeyMultibase,
      });
      expect(await pair.export({ publicKey: true, secretKey: true })).toMatchObject({
        publicKeyMultibase: key.publicKeyMultibase,
        secretKeyMultibase: key.secretKeyMultibase,
      });
      const data = randomBytes(32);
      const signature = await pair.signer().sign({ data });
      expect(await pair.verifier().verify({ data, signature })).toBe(true);
    }
  });

  it('gives a new key every time', async () => {
    const dids = new Set(await Promise.all(Array.from({ length: 100 }, async () => (await generateIssuerKey()).did)));
    expect(dids.size).toBe(100);
  });
});
