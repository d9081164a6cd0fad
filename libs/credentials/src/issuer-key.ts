import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

/** An issuer's Ed25519 signing identity as a did:key. The secret stays inside the server. */
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

export async function signerFor(key: IssuerKeyMaterial): Promise<Signer> {
  const keyPair = await Ed25519Multikey.from({
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  return keyPair.signer() as Signer;
}
