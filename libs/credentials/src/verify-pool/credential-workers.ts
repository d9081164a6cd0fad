import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SignedBatch, SigningRunner, SigningTask } from '../bulk/signing-task';
import { WorkerPool } from '../bulk/worker-pool';
import type { CredentialWorkerData } from './credential.worker';
import { installProofOffload, ProofOffload, ProofTask, ProofTaskResult, proofOffload } from './proof-offload';
import { CredentialTask, runCredentialTask } from './proof-tasks';

/** Tasks of each kind waiting for a thread; a presentation of 50 credentials fits, and memory stays bounded. */
const MAX_QUEUED_TASKS = 64;

export interface CredentialWorkersOptions {
  /** The deployment's PUBLIC_URL(s), whose MAGIX context each thread must resolve. */
  publicUrls: string[];
  /** Defaults to the cores available, at least 1. */
  threads?: number;
}

/**
 * The server's CPU-bound credential work on worker threads: the signature work of verification
 * (JSON-LD canonicalization and Ed25519), so that /health and every other request keep being
 * answered while verification is saturated, and the signing of cohorts. One pool for both: each
 * thread is a heap of its own (≈ 35 MB), and a cohort import with a second pool of signers held
 * four. A verification waits ahead of queued signing batches: someone is waiting for it. Registry
 * and status-list look-ups stay on the main thread, with the database. Without the compiled
 * worker (ts-jest) the work runs in the calling thread.
 */
export class CredentialWorkers implements ProofOffload, SigningRunner {
  private readonly pool: WorkerPool<CredentialTask, unknown>;

  constructor(options: CredentialWorkersOptions) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.pool = new WorkerPool<CredentialTask, unknown>({
      file: join(__dirname, 'credential.worker.js'),
      threads: options.threads === 0 ? 0 : threads,
      inThread: runCredentialTask,
      workerData: { publicUrls: options.publicUrls } satisfies CredentialWorkerData,
      maxQueued: MAX_QUEUED_TASKS,
      urgent: (task) => task.kind !== 'signBatch',
      // A hostile document that still fits the limits cannot take the whole process's memory;
      // a young generation of 16 MB a thread (not 64) keeps a 3,000-row import near 390 MB of RSS, not 480–510, at the same speed.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 },
    });
  }

  get threads(): number {
    return this.pool.threads;
  }

  run<T extends ProofTask>(task: T): Promise<ProofTaskResult<T>> {
    return this.pool.run(task) as Promise<ProofTaskResult<T>>;
  }

  signBatch(batch: SigningTask): Promise<SignedBatch> {
    return this.pool.run({ kind: 'signBatch', batch }) as Promise<SignedBatch>;
  }

  /** Makes proof-check.ts and jose-credential.ts send their work here. */
  install(): this {
    installProofOffload(this);
    return this;
  }

  async close(): Promise<void> {
    if (proofOffload() === this) installProofOffload(null);
    await this.pool.close();
  }
}
