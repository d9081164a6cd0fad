import { workerData } from 'node:worker_threads';
import { signCredential } from '../credential-signer';
import { registerDeploymentContext } from '../document-loader';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';
import { serveTasks } from './worker-pool';

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

const utf8 = new TextEncoder();

export async function signBatch(task: SigningTask): Promise<Array<Record<string, unknown> | Uint8Array>> {
  const signed: Array<Record<string, unknown> | Uint8Array> = [];
  for (const credential of task.credentials) {
    const document = await signCredential(credential, task.key);
    // TextEncoder gives each its own ArrayBuffer (Buffer.from may share a pooled one): safe to transfer.
    signed.push(task.asUtf8 ? utf8.encode(JSON.stringify(document)) : document);
  }
  return signed;
}

/** What the pool hands each thread at start. */
export interface SigningWorkerData {
  publicUrls: string[];
}

for (const url of (workerData as SigningWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks(signBatch);
