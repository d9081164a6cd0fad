import { signCredential } from '../credential-signer';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';

/** A batch: fewer, larger messages keep the main thread's copying small next to the signing. */
export interface SigningTask {
  credentials: UnsignedCredential[];
  key: IssuerKeyMaterial;
  /**
   * Each signed document as its JSON in UTF-8, in a buffer of its own: the buffers are moved to the
   * main thread, not copied, and outside its JavaScript heap (a string would be copied into it).
   */
  asUtf8?: boolean;
}

export type SignedBatch = Array<Record<string, unknown> | Uint8Array>;

/** Where signing batches run: a BulkSigner's own threads, or a pool it shares with verification. */
export interface SigningRunner {
  readonly threads: number;
  signBatch(task: SigningTask): Promise<SignedBatch>;
}

const utf8 = new TextEncoder();

/** One batch, in this thread: what a signing thread does with a task. */
export async function signBatch(task: SigningTask): Promise<SignedBatch> {
  const signed: SignedBatch = [];
  for (const credential of task.credentials) {
    const document = await signCredential(credential, task.key);
    // TextEncoder gives each its own ArrayBuffer (Buffer.from may share a pooled one): safe to transfer.
    signed.push(task.asUtf8 ? utf8.encode(JSON.stringify(document)) : document);
  }
  return signed;
}
