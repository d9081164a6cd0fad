import { parentPort } from 'node:worker_threads';
import { signCredential } from '../credential-signer';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';

/** A batch: fewer, larger messages keep the main thread's copying small next to the signing. */
export interface SigningTask {
  id: number;
  credentials: UnsignedCredential[];
  key: IssuerKeyMaterial;
}

export type SigningResult = { id: number; signed: Record<string, unknown>[] } | { id: number; error: string };

async function signBatch(task: SigningTask): Promise<Record<string, unknown>[]> {
  const signed: Record<string, unknown>[] = [];
  for (const credential of task.credentials) signed.push(await signCredential(credential, task.key));
  return signed;
}

parentPort?.on('message', (task: SigningTask) => {
  signBatch(task).then(
    (signed) => parentPort!.postMessage({ id: task.id, signed } satisfies SigningResult),
    (error: unknown) =>
      parentPort!.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) } satisfies SigningResult),
  );
});
