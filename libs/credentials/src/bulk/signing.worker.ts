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
}

export async function signBatch(task: SigningTask): Promise<Record<string, unknown>[]> {
  const signed: Record<string, unknown>[] = [];
  for (const credential of task.credentials) signed.push(await signCredential(credential, task.key));
  return signed;
}

/** What the pool hands each thread at start. */
export interface SigningWorkerData {
  publicUrls: string[];
}

for (const url of (workerData as SigningWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks(signBatch);
