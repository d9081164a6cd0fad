import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createPrivateKey, KeyObject, sign } from 'node:crypto';

/** An issuer's (or holder's) Ed25519 signing identity as a did:key. The secret stays in the server. */
export interface IssuerKeyMaterial {
  did: string;
  verificationMethod: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export async function generateIssuerKey(): Promise<IssuerKeyMaterial> {
  const keyPair = await Ed25519Multikey.generate();
  const exported = (await keyPair.export({ publicKey: true, secretKey: true })) as {
    publicKeyMultibase: string;
    secretKeyMultibase: string;
  };
  const did = `did:key:${exported.publicKeyMultibase}`;
  return {
    did,
    verificationMethod: `${did}#${exported.publicKeyMultibase}`,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

export interface Signer {
  id: string;
  algorithm: string;
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

// Importing a multikey costs more than the signature itself, so each key is imported once.
const privateKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 1000;

/** The key as a Node KeyObject, usable by node:crypto and by jose. */
export async function privateKeyObject(key: IssuerKeyMaterial): Promise<KeyObject> {
  const cacheKey = `${key.verificationMethod} ${key.secretKeyMultibase}`;
  const cached = privateKeys.get(cacheKey);
  if (cached) return cached;
  const keyPair = await Ed25519Multikey.from({
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const { publicKey, secretKey } = keyPair as { publicKey: Uint8Array; secretKey: Uint8Array };
  const keyObject = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      x: Buffer.from(publicKey).toString('base64url'),
      // The multikey secret is seed ‖ public key; a JWK's `d` is the 32-byte seed.
      d: Buffer.from(secretKey.subarray(0, 32)).toString('base64url'),
    },
  });
  if (privateKeys.size >= MAX_CACHED_KEYS) privateKeys.delete(privateKeys.keys().next().value as string);
  privateKeys.set(cacheKey, keyObject);
  return keyObject;
}

/** A Data Integrity signer backed by node:crypto's Ed25519. */
export async function signerFor(key: IssuerKeyMaterial): Promise<Signer> {
  const keyObject = await privateKeyObject(key);
  return {
    id: key.verificationMethod,
    algorithm: 'Ed25519',
    sign: ({ data }) => Promise.resolve(new Uint8Array(sign(null, data, keyObject))),
  };
}
