import { buildCoAwardEndorsement } from './co-award';
import { signCredential, SignedCredential } from './credential-signer';
import { IssuerKeyMaterial } from './issuer-key';
import { IssuerProfile, UnsignedCredential } from './module-credential.builder';

export interface CoAwarder {
  profile: IssuerProfile;
  key: IssuerKeyMaterial;
}

/**
 * Signs a joint award: each co-awarder signs an EndorsementCredential bound to the degree's
 * content, the endorsements are embedded (OB 3.0 `endorsement`), and the issuer signs the whole.
 * One proof, by the issuer: every standard verifier checks it; each endorsement verifies alone.
 */
export async function signCredentialJointly(
  credential: UnsignedCredential,
  issuer: IssuerKeyMaterial,
  coAwarders: CoAwarder[],
  issuedAt: Date,
): Promise<SignedCredential> {
  const endorsements: SignedCredential[] = [];
  for (const { profile, key } of coAwarders) {
    endorsements.push(await signCredential(buildCoAwardEndorsement({ degree: credential, coAwarder: profile, issuedAt }), key));
  }
  return signCredential({ ...credential, endorsement: endorsements }, issuer);
}
