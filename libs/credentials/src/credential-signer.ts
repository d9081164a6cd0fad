import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { compiledEddsaRdfc2022 as eddsaRdfc2022 } from './canonize/compiled-canonize';
import * as vc from '@digitalbazaar/vc';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, signerFor } from './issuer-key';
import { UnsignedCredential } from './module-credential.builder';

export type SignedCredential = Record<string, unknown> & { proof: unknown };

const OPEN_BADGES_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'];

/**
 * Secures a credential with a Data Integrity proof, eddsa-rdfc-2022, offline. An Open Badges
 * credential gets `proof` as an array (a set of one), as 1EdTech's OB 3.0 JSON Schema requires;
 * any other keeps the single object that VC-API clients and their test suites expect. In JSON-LD
 * both are the same graph, so the signature does not depend on the form.
 */
export async function signCredential(credential: UnsignedCredential, key: IssuerKeyMaterial): Promise<SignedCredential> {
  const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022 });
  const signed = (await vc.issue({ credential: structuredClone(credential), suite, documentLoader })) as SignedCredential;
  const types = ([] as unknown[]).concat(credential.type);
  const openBadge = types.some((t) => OPEN_BADGES_TYPES.includes(t as string));
  return openBadge && !Array.isArray(signed.proof) ? { ...signed, proof: [signed.proof] } : signed;
}
