import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EVERY_MINUTE, JobsService, leaveJobsToServers, PeriodicJobs } from '@magix/jobs';

export const IMPORT_QUEUE = 'results-import';
/** A delayed job per running import: has its worker's lease run out? (one queued per import) */
const LEASE_CHECK = 'results.import-lease-check';
/** Every minute, every running import: the backstop should a lease check itself be lost. */
const SWEEP = 'results.import-sweep';

export type ImportWorker = (importJobId: string) => Promise<void>;

interface ImportJobData {
  importJobId: string;
}

/**
 * Seconds a worker's lease on a running import lasts unless renewed (it renews it every third of
 * that): how soon an import whose worker died is resumed elsewhere. IMPORT_LEASE_SECONDS, 2–600.
 */
export function importLeaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.IMPORT_LEASE_SECONDS ?? 30);
  return Number.isInteger(value) && value >= 2 && value <= 600 ? value : 30;
}

/**
 * For the command line: do not take jobs from the queue at start. It works the queue only once
 * it has found that no server does (ResultsImportService.runHereUnlessAServerDoes).
 */
export function workImportsOnlyWhenNoServerDoes(): void {
  leaveJobsToServers();
}

/**
 * The results import as pg-boss jobs on the process's one queue (libs/jobs): any number of
 * server processes share it, and a job survives a crash to run again. pg-boss would hand a job
 * whose worker died to another only after its expiry (15 minutes); the lease on import_job does
 * it in about two leases: when a worker takes an import it queues a lease check, delayed by one
 * lease, which any process may run and which queues the next one while the import runs; a lease
 * found expired sends the import again. A sweep every minute, and one a lease after a server
 * starts, catch what a lost check missed.
 */
@Injectable()
export class ImportQueue implements OnModuleInit {
  private readonly logger = new Logger('Jobs');
  private worker: ImportWorker | null = null;
  private working = false;
  readonly leaseSeconds = importLeaseSeconds();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly periodic: PeriodicJobs,
  ) {}

  register(worker: ImportWorker): void {
    this.worker = worker;
  }

  async onModuleInit(): Promise<void> {
    this.jobs.queue(IMPORT_QUEUE);
    // A check stuck in a dead process is handed on after a minute; a duplicate is harmless.
    this.jobs.queue(LEASE_CHECK, { policy: 'short', expireInSeconds: 60 });
    await this.periodic.every(SWEEP, EVERY_MINUTE, () => this.requeueExpired(null));
    if (!this.jobs.worksJobs) return;
    await this.startWorking();
    // A server that starts may be the one replacing a dead one: one sweep as soon as its leases can have run out.
    await this.jobs.send(SWEEP, {}, { startAfterSeconds: this.leaseSeconds + 1 });
  }

  get isWorking(): boolean {
    return this.working;
  }

  /** Takes jobs from the queue in this process too (also in a process that leaves jobs to servers). */
  async startWorking(): Promise<void> {
    if (this.working) return;
    this.working = true;
    const here = { inEveryProcess: true };
    await this.jobs.work<ImportJobData>(
      IMPORT_QUEUE,
      async ({ importJobId }) => {
        await this.checkLeaseLater(importJobId);
        if (this.worker) await this.worker(importJobId);
      },
      { ...here, pollingIntervalSeconds: 0.5 },
    );
    await this.jobs.work<ImportJobData>(LEASE_CHECK, ({ importJobId }) => this.checkLease(importJobId), {
      ...here,
      pollingIntervalSeconds: 1,
    });
  }

  /** How many connections of queue workers in other processes (servers) are open on this database (asked by the command line). */
  workersElsewhere(): Promise<number> {
    return this.jobs.workersAnywhere();
  }

  /** With `manager`, the job is sent in that transaction: it exists only if the transaction commits. */
  async enqueue(importJobId: string, manager?: EntityManager): Promise<void> {
    await this.jobs.send(IMPORT_QUEUE, { importJobId }, { retryLimit: 3, retryDelay: 5, singletonKey: importJobId, manager });
  }

  private async checkLeaseLater(importJobId: string): Promise<void> {
    await this.jobs.send(LEASE_CHECK, { importJobId }, { singletonKey: importJobId, startAfterSeconds: this.leaseSeconds });
  }

  /** Still running under a live lease: look again later; lease run out: queue it again; else nothing to watch. */
  private async checkLease(importJobId: string): Promise<void> {
    const [job] = await this.dataSource.query<Array<{ status: string; expired: boolean }>>(
      `SELECT status, coalesce(lease_expires_at < now(), false) AS expired FROM import_job WHERE id = $1`,
      [importJobId],
    );
    if (job?.status !== 'RUNNING') return;
    if (!job.expired) return this.checkLeaseLater(importJobId);
    await this.requeueExpired(importJobId);
  }

  /**
   * Imports still RUNNING whose lease ran out lost their worker (killed, crashed, cut off): queue
   * them again (one, or all when `id` is null). The UPDATE moves the lease on first, so that of
   * all the processes checking, one queues each import once per lease.
   */
  private async requeueExpired(id: string | null): Promise<void> {
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE import_job SET lease_owner = NULL, lease_expires_at = now() + make_interval(secs => $1)
       WHERE status = 'RUNNING' AND lease_expires_at < now() AND ($2::uuid IS NULL OR id = $2) RETURNING id`,
      [this.leaseSeconds, id],
    );
    for (const row of rows) {
      this.logger.warn(`Import ${row.id}: its worker stopped before the end (lease expired); queued again to resume`);
      await this.enqueue(row.id);
    }
  }
}
