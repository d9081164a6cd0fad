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
  private readonly pool: WorkerPool<SigningTask, Array<Record<string, unknown> | string>>;

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
   * As `signMany`, each signed document as the JSON to store: the main thread neither copies
   * object trees from the threads nor serialises them again (less garbage a cohort leaves).
   */
  async signManyJson(credentials: UnsignedCredential[], key: IssuerKeyMaterial): Promise<string[]> {
    return (await this.signBatches(credentials, key, true)) as string[];
  }

  private async signBatches(
    credentials: UnsignedCredential[],
    key: IssuerKeyMaterial,
    asJson: boolean,
  ): Promise<Array<Record<string, unknown> | string>> {
    if (this.pool.threads === 0) return signBatch({ credentials, key, asJson });
    // Batches small enough to balance the threads, large enough to keep messaging cheap.
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(credentials.length / (this.pool.threads * 4))));
    const batches: UnsignedCredential[][] = [];
    for (let i = 0; i < credentials.length; i += size) batches.push(credentials.slice(i, i + size));
    const signed = await Promise.all(batches.map((batch) => this.pool.run({ credentials: batch, key, asJson })));
    return signed.flat();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
