import { signBatch, SigningTask } from '../bulk/signing-task';
import { verifyCredentialJwtHere } from '../jose-credential';
import { dataIntegrityProofCheckHere, verifyProofSetHere } from '../proof-check';
import type { ProofTask, ProofTaskResult } from './proof-offload';

/** One proof task, in this thread: what a worker does, and the fallback where there is none. */
export async function runProofTask<T extends ProofTask>(task: T): Promise<ProofTaskResult<T>> {
  // A switch on a generic's tag does not narrow the result type; each branch answers its own kind.
  switch (task.kind) {
    case 'credentialProofs':
      return (await dataIntegrityProofCheckHere(task.document)) as ProofTaskResult<T>;
    case 'proofSet':
      return (await verifyProofSetHere(task.document, task.options)) as ProofTaskResult<T>;
    case 'jwt':
      return (await verifyCredentialJwtHere(task.jwt)) as ProofTaskResult<T>;
  }
}

/** What the server's credential threads take: verification's proof work, and cohort signing batches. */
export type CredentialTask = ProofTask | { kind: 'signBatch'; batch: SigningTask };

export function runCredentialTask(task: CredentialTask): Promise<unknown> {
  return task.kind === 'signBatch' ? signBatch(task.batch) : runProofTask(task);
}
