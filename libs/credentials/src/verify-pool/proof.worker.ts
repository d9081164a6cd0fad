import { workerData } from 'node:worker_threads';
import { serveTasks } from '../bulk/worker-pool';
import { registerDeploymentContext } from '../document-loader';
import type { ProofTask } from './proof-offload';
import { runProofTask } from './proof-tasks';

/** What the pool hands each thread at start. */
export interface ProofWorkerData {
  /** The deployment's public URLs: their MAGIX context resolves offline here too, as in the main thread. */
  publicUrls: string[];
}

for (const url of (workerData as ProofWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks((task: ProofTask) => runProofTask(task));
