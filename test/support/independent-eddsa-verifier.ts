/**
 * An eddsa-rdfc-2022 verifier written from the W3C "Data Integrity EdDSA Cryptosuites v1.0"
 * specification (section 3.3, "eddsa-rdfc-2022"), sharing no code with the libraries that sign
 * our credentials: only RDF canonicalisation (RDFC-1.0, via jsonld) and Node's own Ed25519.
 * It proves our proofs follow the spec, not merely that one library agrees with itself.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import * as jsonld from 'jsonld';
import { documentLoader } from '@magix/credentials';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58btcDecode(text: string): Buffer {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) throw new Error(`Not base58btc: ${char}`);
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Buffer.from(bytes);
}

function ed25519KeyFromDidKey(verificationMethod: string) {
  const multibase = verificationMethod.split('#')[0].replace(/^did:key:/, '');
  if (!multibase.startsWith('z')) throw new Error('Only base58btc multibase keys');
  const bytes = base58btcDecode(multibase.slice(1));
  if (bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) throw new Error('Not an Ed25519 multikey');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(2).toString('base64url') }, format: 'jwk' });
}

async function canonicalHash(document: object): Promise<Buffer> {
  const nquads = (await jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    documentLoader,
    safe: true,
  })) as string;
  return createHash('sha256').update(nquads, 'utf8').digest();
}

export async function independentlyVerify(secured: Record<string, unknown>): Promise<boolean> {
  const { proof: proofs, ...unsecured } = secured as { proof: Record<string, unknown> | Array<Record<string, unknown>> } & Record<
    string,
    unknown
  >;
  // A set of one is the same proof; larger sets are checked one proof at a time by the caller.
  const proof = Array.isArray(proofs) ? (proofs.length === 1 ? proofs[0] : undefined) : proofs;
  if (!proof) return false;
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') return false;
  const { proofValue, ...proofOptions } = proof;
  const proofConfig = { ...proofOptions, '@context': unsecured['@context'] };
  const hashData = Buffer.concat([await canonicalHash(proofConfig), await canonicalHash(unsecured)]);
  const signature = base58btcDecode(String(proofValue).slice(1));
  return verify(null, hashData, ed25519KeyFromDidKey(String(proof.verificationMethod)), signature);
}
