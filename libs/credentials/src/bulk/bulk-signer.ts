import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SignedCredential } from '../credential-signer';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';
import { signBatch, SigningTask, SigningWorkerData } from './signing.worker';
import { WorkerPool } from './worker-pool';

const BATCH_SIZE = 25;

/**
 * Signs many credentials on all cores: JSON-LD canonicalisation is CPU-bound and single-threaded,
 * so a cohort is spread over worker threads. Where the compiled worker is absent (running from
 * TypeScript sources, as in unit tests) it signs in this thread.
 */
export class BulkSigner {
  private readonly pool: WorkerPool<SigningTask, Array<Record<string, unknown> | Uint8Array>>;

  /** `publicUrls`: the deployments whose MAGIX context each thread must resolve offline (as the main thread does). */
  constructor(threads = availableParallelism(), options: { publicUrls?: string[] } = {}) {
    this.pool = new WorkerPool({
      file: join(__dirname, 'signing.worker.js'),
      threads,
      inThread: signBatch,
      workerData: { publicUrls: options.publicUrls ?? [] } satisfies SigningWorkerData,
      maxQueued: 4 * threads,
      // Canonicalisation allocates heavily; a larger young generation means fewer pauses.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
  }

  get threads(): number {
    return this.pool.threads;
  }

  async signMany(credentials: UnsignedCredential[], key: IssuerKeyMaterial): Promise<SignedCredential[]> {
    return (await this.signBatches(credentials, key, false)) as SignedCredential[];
  }

  /**
   * As `signMany`, each signed document as the JSON to store, in UTF-8: moved from the threads
   * without a copy, kept outside the main thread's heap, and written to PostgreSQL as they are
   * (a cohort's documents as strings were ≈ 80 MB of the main heap's garbage for 3,000).
   */
  async signManyUtf8(credentials: UnsignedCredential[], key: IssuerKeyMaterial): Promise<Uint8Array[]> {
    return (await this.signBatches(credentials, key, true)) as Uint8Array[];
  }

  private async signBatches(
    credentials: UnsignedCredential[],
    key: IssuerKeyMaterial,
    asUtf8: boolean,
  ): Promise<Array<Record<string, unknown> | Uint8Array>> {
    if (this.pool.threads === 0) return signBatch({ credentials, key, asUtf8 });
    // Batches small enough to balance the threads, large enough to keep messaging cheap.
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(credentials.length / (this.pool.threads * 4))));
    const batches: UnsignedCredential[][] = [];
    for (let i = 0; i < credentials.length; i += size) batches.push(credentials.slice(i, i + size));
    const signed = await Promise.all(batches.map((batch) => this.pool.run({ credentials: batch, key, asUtf8 })));
    return signed.flat();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
