import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { signCredential, SignedCredential } from '../credential-signer';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';
import type { SigningResult, SigningTask } from './signing.worker';

const WORKER_FILE = join(__dirname, 'signing.worker.js');
const BATCH_SIZE = 25;

/**
 * Signs many credentials on all cores: JSON-LD canonicalisation is CPU-bound and single-threaded,
 * so a cohort is spread over worker threads. Where the compiled worker is absent (running from
 * TypeScript sources, as in unit tests) it signs in this thread.
 */
export class BulkSigner {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (signed: SignedCredential[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(threads = availableParallelism()) {
    if (!existsSync(WORKER_FILE)) return;
    for (let i = 0; i < threads; i++) {
      // Canonicalisation allocates heavily; a larger young generation means fewer pauses.
      const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.on('message', (result: SigningResult) => this.settle(result));
      this.workers.push(worker);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  async signMany(credentials: UnsignedCredential[], key: IssuerKeyMaterial): Promise<SignedCredential[]> {
    if (this.workers.length === 0) return Promise.all(credentials.map((credential) => signCredential(credential, key)));
    // Batches small enough to balance the threads, large enough to keep messaging cheap.
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(credentials.length / (this.workers.length * 4))));
    const batches: UnsignedCredential[][] = [];
    for (let i = 0; i < credentials.length; i += size) batches.push(credentials.slice(i, i + size));
    const signed = await Promise.all(
      batches.map((batch, i) => this.dispatch(this.workers[i % this.workers.length], { id: this.nextId++, credentials: batch, key })),
    );
    return signed.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }

  private dispatch(worker: Worker, task: SigningTask): Promise<SignedCredential[]> {
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject });
      worker.postMessage(task);
    });
  }

  private settle(result: SigningResult): void {
    const waiting = this.pending.get(result.id);
    if (!waiting) return;
    this.pending.delete(result.id);
    if ('error' in result) waiting.reject(new Error(result.error));
    else waiting.resolve(result.signed as SignedCredential[]);
  }
}
