import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as jsigs from 'jsonld-signatures';
import { signCredential, SignedCredential } from './credential-signer';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, signerFor } from './issuer-key';
import { UnsignedCredential } from './module-credential.builder';

/**
 * Signs one document with several keys: a proof set (Data Integrity §4.3), each proof over the
 * same document, the issuer's first. Verification then requires every one.
 */
export async function signCredentialJointly(
  credential: UnsignedCredential,
  issuer: IssuerKeyMaterial,
  coSigners: IssuerKeyMaterial[],
): Promise<SignedCredential> {
  let signed = await signCredential(credential, issuer);
  for (const key of coSigners) {
    const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022 });
    signed = (await jsigs.sign(signed, { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader })) as SignedCredential;
  }
  return signed;
}
