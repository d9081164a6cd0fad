import { workerData } from 'node:worker_threads';
import { serveTasks } from '../bulk/worker-pool';
import { registerDeploymentContext } from '../document-loader';
import { runCredentialTask } from './proof-tasks';

/** What the pool hands each thread at start. */
export interface CredentialWorkerData {
  /** The deployment's public URLs: their MAGIX context resolves offline here too, as in the main thread. */
  publicUrls: string[];
}

for (const url of (workerData as CredentialWorkerData | null)?.publicUrls ?? []) registerDeploymentContext(url);

serveTasks(runCredentialTask);
