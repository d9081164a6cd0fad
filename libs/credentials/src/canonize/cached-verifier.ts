import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createPublicKey, KeyObject, verify } from 'node:crypto';

// Importing a public key costs as much as checking the signature: each key is imported once.
const publicKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 1000;
// SubjectPublicKeyInfo of an Ed25519 key, before its 32 bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  const cacheKey = Buffer.from(publicKey).toString('base64');
  const cached = publicKeys.get(cacheKey);
  if (cached) return cached;
  const keyObject = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
  if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.delete(publicKeys.keys().next().value as string);
  publicKeys.set(cacheKey, keyObject);
  return keyObject;
}

// The verifiers of verification methods given by their multibase key: decoded once.
const verifiers = new Map<string, Verifier>();

interface Verifier {
  algorithm: string;
  id: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

/**
 * The eddsa-rdfc-2022 cryptosuite's verifier (the key read by Ed25519Multikey, as the suite reads
 * it; Ed25519 by node:crypto, as the suite checks it), with the imported public key kept.
 */
export async function createCachedVerifier({ verificationMethod }: { verificationMethod: Record<string, unknown> }): Promise<Verifier> {
  const { id, type, controller, publicKeyMultibase } = verificationMethod;
  const plain = Object.keys(verificationMethod).every((k) => ['@context', 'id', 'type', 'controller', 'publicKeyMultibase'].includes(k));
  const cacheKey = plain && typeof publicKeyMultibase === 'string' ? JSON.stringify([id, type, controller, publicKeyMultibase]) : null;
  const cached = cacheKey === null ? undefined : verifiers.get(cacheKey);
  if (cached) return cached;
  const key = (await Ed25519Multikey.from(verificationMethod)) as { id: string; publicKey?: Uint8Array };
  const publicKey = key.publicKey;
  if (!publicKey) throw new Error('A public key is not available for verifying.');
  const keyObject = publicKeyObject(publicKey);
  const verifier: Verifier = {
    algorithm: 'Ed25519',
    id: key.id,
    verify: ({ data, signature }) => Promise.resolve(verify(null, data, keyObject, signature)),
  };
  if (cacheKey !== null) {
    if (verifiers.size >= MAX_CACHED_KEYS) verifiers.delete(verifiers.keys().next().value as string);
    verifiers.set(cacheKey, verifier);
  }
  return verifier;
}
