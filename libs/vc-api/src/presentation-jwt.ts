import { decodeProtectedHeader, jwtVerify } from 'jose';
import {
  check,
  CheckCode,
  CheckName,
  CheckOutcome,
  CheckParams,
  describeError,
  didKeyPublicKey,
  isRecord,
  VerificationCheck,
} from '@magix/credentials';

export interface PresentationJwtVerification {
  /** The presentation the JWS carries, when its payload holds one. */
  presentation: Record<string, unknown> | null;
  /** The holder's proof: the JWS signature, bound to the verifier's challenge (`nonce`) and domain (`aud`). */
  proof: VerificationCheck;
  /** The did:key that signed it, when the proof passed. */
  signer: string | null;
}

const holderOf = (presentation: Record<string, unknown>): string | null => {
  const holder = isRecord(presentation.holder) ? presentation.holder.id : presentation.holder;
  return typeof holder === 'string' ? holder : null;
};

/**
 * Verifies a presentation secured as a JWS (`application/vp+jwt`), as `verifyCredentialJwt` does a
 * credential: EdDSA by the did:key its header names (`kid`, else `iss`), which must be the
 * presentation's holder. The payload is the presentation itself (VC-JOSE-COSE) or, from older
 * wallets, its `vp` claim. The verifier's challenge must be the `nonce` claim and its domain the
 * `aud`; `exp` and `nbf` are honoured, as of `now`. Never throws.
 */
export async function verifyPresentationJwt(
  jwt: string,
  options: { challenge?: string; domain?: string; now: Date },
): Promise<PresentationJwtVerification> {
  let presentation: Record<string, unknown> | null = null;
  const failed = (code: CheckCode, message: string, params: CheckParams = {}) => ({
    presentation,
    proof: check(CheckName.PROOF, CheckOutcome.FAILED, code, message, params),
    signer: null,
  });
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    if (!isRecord(claims)) return failed('presentation.jwtNotObject', 'The JWS payload is not a JSON object');
    presentation = isRecord(claims.vp) ? claims.vp : claims;
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== 'EdDSA')
      return failed('jose.algorithm', `Unsupported JOSE algorithm ${String(header.alg)}`, { alg: String(header.alg) });
    const keyId = typeof header.kid === 'string' ? header.kid : typeof claims.iss === 'string' ? claims.iss : null;
    if (!keyId?.startsWith('did:key:'))
      return failed('presentation.jwtNoKey', 'The JWS must name a did:key verification method (kid or iss)');
    const signer = keyId.split('#')[0];
    if (claims.iss !== undefined && claims.iss !== signer)
      return failed('presentation.jwtIss', 'The JWS iss is not the key that signed it');
    const holder = holderOf(presentation);
    if (holder !== null && holder !== signer)
      return failed('presentation.notHolder', 'The presentation was signed by someone other than its holder');
    if (!options.challenge) return failed('presentation.challengeRequired', 'A challenge is required to verify a presentation');
    await jwtVerify(jwt, await didKeyPublicKey(keyId), { algorithms: ['EdDSA'], audience: options.domain, currentDate: options.now });
    if (claims.nonce !== options.challenge)
      return failed('presentation.wrongNonce', 'The presentation was not made for this challenge (nonce)');
    const signed = 'Signed (JOSE, EdDSA) by the holder for this challenge';
    return {
      presentation,
      signer,
      proof: options.domain
        ? check(CheckName.PROOF, CheckOutcome.PASSED, 'presentation.jwtSignedForDomain', `${signed} and domain ${options.domain}`, {
            domain: options.domain,
          })
        : check(CheckName.PROOF, CheckOutcome.PASSED, 'presentation.jwtSigned', signed),
    };
  } catch (error) {
    const detail = describeError(error);
    return failed('presentation.jwtInvalid', `The holder’s JOSE signature does not verify: ${detail}`, { detail });
  }
}
