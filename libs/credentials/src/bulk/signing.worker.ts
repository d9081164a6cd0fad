import { workerData } from 'node:worker_threads';
import { registerDeploymentContext } from '../document-loader';
import { signBatch } from './signing-task';
import { serveTasks } from './worker-pool';

/** What the pool hands each thread at start. */
export interface SigningWorkerData {
  publicUrls: string[];
}

for (const url of (workerData as SigningWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks(signBatch);
