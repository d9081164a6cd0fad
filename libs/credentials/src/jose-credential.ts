import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { createPublicKey, KeyObject } from 'node:crypto';
import { CheckCode, CheckParams } from './check-codes';
import { isRecord } from './data-model';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, privateKeyObject } from './issuer-key';
import { UnsignedCredential } from './module-credential.builder';
import { proofOffload } from './verify-pool/proof-offload';

/** VC-JOSE-COSE: the media type of a credential secured as a JWS. */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export const looksLikeJwt = (input: unknown): input is string => typeof input === 'string' && COMPACT_JWS.test(input.trim());

/** Secures the credential (without its Data Integrity proof) as `application/vc+jwt`, EdDSA. */
export async function signCredentialJwt(credential: UnsignedCredential, key: IssuerKeyMaterial): Promise<string> {
  const { proof: _proof, ...unsecured } = credential;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(unsecured)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.verificationMethod, typ: 'vc+jwt', cty: 'vc' })
    .sign(await privateKeyObject(key));
}

export interface JwtVerification {
  /** The credential the JWS carries, when its payload is JSON. */
  credential: Record<string, unknown> | null;
  signatureValid: boolean;
  /** What the PROOF check says (see check-codes.ts). */
  code: CheckCode;
  params: CheckParams;
  message: string;
}

/** A did:key verification method (or the did:key itself, for its one key) as an Ed25519 public key. */
export async function didKeyPublicKey(keyId: string): Promise<KeyObject> {
  const did = keyId.split('#')[0];
  const methodId = keyId.includes('#') ? keyId : `${did}#${did.slice('did:key:'.length)}`;
  const { document } = await documentLoader(methodId);
  if (!isRecord(document) || typeof document.publicKeyMultibase !== 'string') throw new Error(`No public key at ${methodId}`);
  const keyPair = await Ed25519Multikey.from(document);
  const publicKey = (keyPair as { publicKey: Uint8Array }).publicKey;
  return createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') } });
}

/**
 * Checks a `vc+jwt`: EdDSA signature by the `kid` did:key, which must be the credential's issuer.
 * Runs on the app's worker threads when they are installed (verify-pool/).
 */
export async function verifyCredentialJwt(jwt: string): Promise<JwtVerification> {
  const offload = proofOffload();
  if (!offload) return verifyCredentialJwtHere(jwt);
  return offload.run({ kind: 'jwt', jwt }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      credential: null,
      signatureValid: false,
      code: 'jose.uncheckable',
      params: { detail },
      message: `The JOSE signature could not be checked: ${detail}`,
    };
  });
}

/** verifyCredentialJwt in this thread. */
export async function verifyCredentialJwtHere(jwt: string): Promise<JwtVerification> {
  let credential: Record<string, unknown> | null = null;
  const answer = (signatureValid: boolean, code: CheckCode, message: string, params: CheckParams = {}): JwtVerification => ({
    credential,
    signatureValid,
    code,
    params,
    message,
  });
  try {
    const [, payload] = jwt.trim().split('.');
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    credential = isRecord(parsed) ? parsed : null;
    const header = decodeProtectedHeader(jwt.trim());
    if (header.alg !== 'EdDSA')
      return answer(false, 'jose.algorithm', `Unsupported JOSE algorithm ${String(header.alg)}`, { alg: String(header.alg) });
    if (typeof header.kid !== 'string' || !header.kid.startsWith('did:key:')) {
      return answer(false, 'jose.noKid', 'The JWS header must name a did:key verification method (kid)');
    }
    await compactVerify(jwt.trim(), await didKeyPublicKey(header.kid), { algorithms: ['EdDSA'] });
    const issuer = credential && (isRecord(credential.issuer) ? credential.issuer.id : credential.issuer);
    if (issuer !== header.kid.split('#')[0]) {
      return answer(false, 'jose.notIssuer', 'The JWS was signed by a key that does not belong to the credential’s issuer');
    }
    return answer(true, 'jose.matches', 'The JOSE signature (EdDSA) matches the content and the issuer');
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'malformed JWS';
    return answer(false, 'jose.invalid', `The JOSE signature does not verify: ${detail}`, { detail });
  }
}
