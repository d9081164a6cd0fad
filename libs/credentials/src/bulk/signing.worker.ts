import { signCredential } from '../credential-signer';
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

serveTasks(signBatch);
