import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';

export const IMPORT_QUEUE = 'results-import';

export type ImportWorker = (importJobId: string) => Promise<void>;

/** How the import queue's connections name themselves, so that a command line can see whether a server works the queue. */
const WORKER_APPLICATION = 'magix-import-worker';
const CLIENT_APPLICATION = 'magix-import-client';

/**
 * Seconds a worker's lease on a running import lasts unless renewed (it renews it every third of
 * that): how soon an import whose worker died is resumed elsewhere. IMPORT_LEASE_SECONDS, 2–600.
 */
export function importLeaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.IMPORT_LEASE_SECONDS ?? 30);
  return Number.isInteger(value) && value >= 2 && value <= 600 ? value : 30;
}

let workOnStart = true;

/**
 * For the command line: do not take jobs from the queue at start. It works the queue only once
 * it has found that no server does (ResultsImportService.runHereUnlessAServerDoes).
 */
export function workImportsOnlyWhenNoServerDoes(): void {
  workOnStart = false;
}

/**
 * Background jobs on the same PostgreSQL (pg-boss, in the `pgboss` schema that our migrations
 * create): any number of server processes share the queue, and a job survives a crash to run
 * again. pg-boss would hand a job whose worker died to another only after its expiry (15
 * minutes); the lease on import_job, swept every few seconds by every process, does it in
 * about one lease.
 */
@Injectable()
export class ImportQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private worker: ImportWorker | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private working = false;
  readonly leaseSeconds = importLeaseSeconds();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  register(worker: ImportWorker): void {
    this.worker = worker;
  }

  async onModuleInit(): Promise<void> {
    const { url } = this.dataSource.options as { url: string };
    // migrate: false: the library checks its schema version and never changes the schema itself.
    this.boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      max: 4,
      migrate: false,
      application_name: workOnStart ? WORKER_APPLICATION : CLIENT_APPLICATION,
    });
    this.boss.on('error', (error: Error) => this.logger.error(error.message));
    await this.boss.start();
    await this.boss.createQueue(IMPORT_QUEUE);
    if (workOnStart) await this.startWorking();
    this.sweeper = setInterval(() => void this.sweep(), Math.max(1, this.leaseSeconds / 3) * 1000);
    this.sweeper.unref();
  }

  get isWorking(): boolean {
    return this.working;
  }

  /** Takes jobs from the queue in this process too. */
  async startWorking(): Promise<void> {
    if (this.working) return;
    this.working = true;
    await this.boss!.work<{ importJobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (this.worker) await this.worker(job.data.importJobId);
    });
  }

  /** How many connections of queue workers in other processes (servers) are open on this database. */
  async workersElsewhere(): Promise<number> {
    const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [WORKER_APPLICATION],
    );
    return n;
  }

  async enqueue(importJobId: string): Promise<void> {
    await this.boss!.send(IMPORT_QUEUE, { importJobId }, { retryLimit: 3, retryDelay: 5, singletonKey: importJobId });
  }

  /**
   * Imports still RUNNING whose lease ran out lost their worker (killed, crashed, cut off): queue
   * them again. The UPDATE moves the lease on first, so that of all the processes sweeping,
   * one queues each import once per lease.
   */
  private async sweep(): Promise<void> {
    try {
      const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
        `UPDATE import_job SET lease_owner = NULL, lease_expires_at = now() + make_interval(secs => $1)
         WHERE status = 'RUNNING' AND lease_expires_at < now() RETURNING id`,
        [this.leaseSeconds],
      );
      for (const { id } of rows) {
        this.logger.warn(`Import ${id}: its worker stopped before the end (lease expired); queued again to resume`);
        await this.enqueue(id);
      }
    } catch (error) {
      this.logger.error(`Sweeping interrupted imports failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
