import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';

export const IMPORT_QUEUE = 'results-import';

export type ImportWorker = (importJobId: string) => Promise<void>;

/**
 * Background jobs on the same PostgreSQL (pg-boss, in the `pgboss` schema that our migrations
 * create): any number of server processes share the queue, and a job survives a crash to run again.
 */
@Injectable()
export class ImportQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private worker: ImportWorker | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  register(worker: ImportWorker): void {
    this.worker = worker;
  }

  async onModuleInit(): Promise<void> {
    const { url } = this.dataSource.options as { url: string };
    // migrate: false: the library checks its schema version and never changes the schema itself.
    this.boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, migrate: false });
    this.boss.on('error', (error: Error) => this.logger.error(error.message));
    await this.boss.start();
    await this.boss.createQueue(IMPORT_QUEUE);
    await this.boss.work<{ importJobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (this.worker) await this.worker(job.data.importJobId);
    });
  }

  async enqueue(importJobId: string): Promise<void> {
    await this.boss!.send(IMPORT_QUEUE, { importJobId }, { retryLimit: 3, retryDelay: 5, singletonKey: importJobId });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
