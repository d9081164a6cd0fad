import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from '../bulk/worker-pool';
import { installProofOffload, ProofOffload, ProofTask, ProofTaskResult, proofOffload } from './proof-offload';
import { runProofTask } from './proof-tasks';
import type { ProofWorkerData } from './proof.worker';

/** Tasks waiting for a thread; a presentation of 50 credentials fits, and memory stays bounded. */
const MAX_QUEUED_TASKS = 64;

export interface ProofWorkersOptions {
  /** The deployment's PUBLIC_URL(s), whose MAGIX context each thread must resolve. */
  publicUrls: string[];
  /** Defaults to the cores available, at least 1. */
  threads?: number;
}

/**
 * The signature work of verification (JSON-LD canonicalization and Ed25519) on worker threads,
 * so that /health and every other request keep being answered while verification is saturated.
 * Registry and status-list look-ups stay on the main thread, with the database. Without the
 * compiled worker (ts-jest) the work runs in the calling thread.
 */
export class ProofWorkers implements ProofOffload {
  private readonly pool: WorkerPool<ProofTask, unknown>;

  constructor(options: ProofWorkersOptions) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.pool = new WorkerPool<ProofTask, unknown>({
      file: join(__dirname, 'proof.worker.js'),
      threads: options.threads === 0 ? 0 : threads,
      inThread: runProofTask,
      workerData: { publicUrls: options.publicUrls } satisfies ProofWorkerData,
      maxQueued: MAX_QUEUED_TASKS,
      // A hostile document that still fits the limits cannot take the whole process's memory.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    });
  }

  get threads(): number {
    return this.pool.threads;
  }

  run<T extends ProofTask>(task: T): Promise<ProofTaskResult<T>> {
    return this.pool.run(task) as Promise<ProofTaskResult<T>>;
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
