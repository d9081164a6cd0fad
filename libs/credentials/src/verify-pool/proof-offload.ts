import type { JwtVerification } from '../jose-credential';
import type { ProofResult, ProofSetOptions } from '../proof-check';
import type { VerificationCheck } from '../verification.types';

/** The CPU-bound steps of verification, as messages a worker thread can take. */
export type ProofTask =
  | { kind: 'credentialProofs'; document: Record<string, unknown> }
  | { kind: 'proofSet'; document: Record<string, unknown>; options: ProofSetOptions }
  | { kind: 'jwt'; jwt: string };

export type ProofTaskResult<T extends ProofTask> = T extends { kind: 'credentialProofs' }
  ? VerificationCheck
  : T extends { kind: 'proofSet' }
    ? ProofResult[]
    : JwtVerification;

export interface ProofOffload {
  run<T extends ProofTask>(task: T): Promise<ProofTaskResult<T>>;
}

let installed: ProofOffload | null = null;

/**
 * Where proof-check.ts and jose-credential.ts send their signature work: the app's worker pool
 * once installed (see CredentialWorkers), else nowhere (the work runs in the calling thread, as it
 * does inside a worker itself and under ts-jest).
 */
export const proofOffload = (): ProofOffload | null => installed;

export function installProofOffload(offload: ProofOffload | null): void {
  installed = offload;
}
