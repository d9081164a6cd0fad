import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SignedCredential } from '../credential-signer';
import { IssuerKeyMaterial } from '../issuer-key';
import { UnsignedCredential } from '../module-credential.builder';
import { SignedBatch, signBatch, SigningRunner, SigningTask } from './signing-task';
import type { SigningWorkerData } from './signing.worker';
import { WorkerPool } from './worker-pool';

const BATCH_SIZE = 25;

/** A pool of threads that only sign (the bench's measure of signing alone). */
class OwnSigningThreads implements SigningRunner {
  private readonly pool: WorkerPool<SigningTask, SignedBatch>;

  constructor(threads: number, publicUrls: string[]) {
    this.pool = new WorkerPool({
      file: join(__dirname, 'signing.worker.js'),
      threads,
      inThread: signBatch,
      workerData: { publicUrls } satisfies SigningWorkerData,
      maxQueued: 4 * threads,
      // Canonicalisation allocates heavily; a larger young generation means fewer pauses.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
  }

  get threads(): number {
    return this.pool.threads;
  }

  signBatch(task: SigningTask): Promise<SignedBatch> {
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Signs many credentials on all cores: JSON-LD canonicalisation is CPU-bound and single-threaded,
 * so a cohort is spread over worker threads — threads of its own, or a pool it shares (the
 * server's CredentialWorkers, which also verify: one set of threads, one set of heaps). Where
 * the compiled worker is absent (running from TypeScript sources, as in unit tests) it signs in
 * this thread.
 */
export class BulkSigner {
  private readonly runner: SigningRunner;
  private readonly own: OwnSigningThreads | null;

  /** `publicUrls`: the deployments whose MAGIX context each thread must resolve offline (as the main thread does). */
  constructor(threads: number | SigningRunner = availableParallelism(), options: { publicUrls?: string[] } = {}) {
    this.own = typeof threads === 'number' ? new OwnSigningThreads(threads, options.publicUrls ?? []) : null;
    this.runner = this.own ?? (threads as SigningRunner);
  }

  get threads(): number {
    return this.runner.threads;
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

  private async signBatches(credentials: UnsignedCredential[], key: IssuerKeyMaterial, asUtf8: boolean): Promise<SignedBatch> {
    if (this.runner.threads === 0) return signBatch({ credentials, key, asUtf8 });
    // Batches small enough to balance the threads, large enough to keep messaging cheap.
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(credentials.length / (this.runner.threads * 4))));
    const batches: UnsignedCredential[][] = [];
    for (let i = 0; i < credentials.length; i += size) batches.push(credentials.slice(i, i + size));
    const signed = await Promise.all(batches.map((batch) => this.runner.signBatch({ credentials: batch, key, asUtf8 })));
    return signed.flat();
  }

  /** Stops its own threads; a shared pool is its owner's to close. */
  async close(): Promise<void> {
    await this.own?.close();
  }
}
