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
  /** Each signed document as its JSON: one flat string crosses to the main thread, not a tree of objects. */
  asJson?: boolean;
}

export async function signBatch(task: SigningTask): Promise<Array<Record<string, unknown> | string>> {
  const signed: Array<Record<string, unknown> | string> = [];
  for (const credential of task.credentials) {
    const document = await signCredential(credential, task.key);
    signed.push(task.asJson ? JSON.stringify(document) : document);
  }
  return signed;
}

/** What the pool hands each thread at start. */
export interface SigningWorkerData {
  publicUrls: string[];
}

for (const url of (workerData as SigningWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks(signBatch);
