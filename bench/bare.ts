/**
 * The bare @digitalbazaar/vc library, as a careful user would call it on one thread: the key
 * imported once, the suite built once, vc.issue / vc.verifyCredential per credential. It is both
 * the yardstick and the judge: every credential a bench produces is checked with bareVerify.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { documentLoader, IssuerKeyMaterial } from '../libs/credentials/src';

export type Credential = Record<string, unknown>;

export async function bareIssuer(key: IssuerKeyMaterial): Promise<(credential: Credential) => Promise<Credential>> {
  const keyPair = await Ed25519Multikey.from({
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  return (credential) => vc.issue({ credential: structuredClone(credential), suite, documentLoader }) as Promise<Credential>;
}

/** The proof only (status is ours to check, not the library's): true when the library accepts it. */
export async function bareVerify(credential: unknown): Promise<boolean> {
  return (await bareVerdict(credential)).verified;
}

interface Verdict {
  verified: boolean;
  error?: unknown;
}

function bareVerdict(credential: unknown): Promise<Verdict> {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader,
    checkStatus: () => Promise.resolve({ verified: true }),
  }) as Promise<Verdict>;
}

/** Throws (so the bench exits non-zero) unless the bare library accepts every one of them. */
export async function assertBareVerifies(credentials: readonly unknown[], what: string): Promise<void> {
  let invalid = 0;
  let first: unknown;
  for (const credential of credentials) {
    const verdict = await bareVerdict(credential);
    if (!verdict.verified) first ??= verdict.error ?? verdict;
    if (!verdict.verified) invalid++;
  }
  if (invalid > 0)
    throw new Error(`${invalid} of ${credentials.length} ${what} did not verify with the bare library; the first: ${String(first)}`);
}

/** `size` distinct items of `all`, picked at random (all of them when size ≥ length). */
export function sample<T>(all: readonly T[], size: number): T[] {
  const copy = [...all];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, size);
}
