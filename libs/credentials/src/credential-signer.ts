import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, signerFor } from './issuer-key';
import { UnsignedCredential } from './module-credential.builder';

export type SignedCredential = Record<string, unknown> & { proof: unknown };

/** Secures a credential with a Data Integrity proof, eddsa-rdfc-2022, offline. */
export async function signCredential(credential: UnsignedCredential, key: IssuerKeyMaterial): Promise<SignedCredential> {
  const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022 });
  return (await vc.issue({ credential: structuredClone(credential), suite, documentLoader })) as SignedCredential;
}
