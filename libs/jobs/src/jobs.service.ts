import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';

/** How the process's queue connections name themselves, so that a command line can see whether a server works the jobs. */
const WORKER_APPLICATION = 'magix-jobs-worker';
const CLIENT_APPLICATION = 'magix-jobs-client';

let worksJobs = true;

/**
 * For the command line: this process sends jobs but works none, and schedules nothing; a
 * running server does the work. A queue can still be worked here on purpose (`inEveryProcess`),
 * e.g. the results import when no server runs. Call before the app is created.
 */
export function leaveJobsToServers(): void {
  worksJobs = false;
}

export interface QueueOptions {
  /** pg-boss policy: `standard` (default), `short` (at most one queued per singleton key), `singleton`, `stately`. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  retryLimit?: number;
  retryDelay?: number;
  /** How long a job may run before pg-boss hands it to another worker. */
  expireInSeconds?: number;
}

export interface WorkOptions {
  /** How often an idle worker looks for new jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** Work the queue here even in a process that leaves jobs to servers. */
  inEveryProcess?: boolean;
}

export interface SendOptions {
  /**
   * The transaction to send the job in: it exists only if that transaction commits, and is seen
   * by workers only once it has. Without it, the job is sent at once on the queue's own pool.
   */
  manager?: EntityManager;
  /** Start no sooner than this many seconds from now. */
  startAfterSeconds?: number;
  /** With a `short`/`singleton`/`stately` queue: jobs with the same key are one job. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelay?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;
export type BatchHandler<T> = (data: T[]) => Promise<void>;

interface Worker {
  name: string;
  batchSize: number;
  options: WorkOptions;
  handler: BatchHandler<unknown>;
  started: boolean;
}

interface Schedule {
  name: string;
  cron: string;
}

/**
 * The one pg-boss instance of the process (queue tables in the `pgboss` schema that our
 * migrations create; pg-boss only checks its version, `migrate: false`). Every server process
 * shares the queues: a job is worked once, by whichever process takes it, and survives a crash
 * to run again. Features register workers and schedules in `onModuleInit`; they start once the
 * whole application is up (`onApplicationBootstrap`); a later registration starts at once.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, QueueOptions>();
  private readonly created = new Map<string, Promise<void>>();
  private readonly workers: Worker[] = [];
  private readonly schedules: Schedule[] = [];
  private starting: Promise<PgBoss> | null = null;
  private bootstrapped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether this process works jobs (a server) or leaves them to servers (the command line). */
  get worksJobs(): boolean {
    return worksJobs;
  }

  /** Declares a queue and its options (created in the database at start if it is new). */
  queue(name: string, options: QueueOptions = {}): void {
    this.queues.set(name, { ...this.queues.get(name), ...options });
  }

  /** Works `name`'s jobs one at a time, in this process when it works jobs. */
  work<T>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    return this.register(name, 1, options, async (data) => {
      for (const one of data as T[]) await handler(one);
    });
  }

  /** Works up to `batchSize` jobs of `name` in one call: for jobs that only say "there is work". */
  workBatch<T>(name: string, batchSize: number, handler: BatchHandler<T>, options: WorkOptions = {}): Promise<void> {
    return this.register(name, batchSize, options, handler as BatchHandler<unknown>);
  }

  /** Sends a job; its id, or null when a singleton key made it one with a job already queued. */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const boss = await this.boss();
    await this.ensureQueue(boss, name);
    const { manager, startAfterSeconds, ...rest } = options;
    return boss.send(name, data, {
      ...rest,
      ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
      ...(manager ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) } } : {}),
    });
  }

  /**
   * Sends `name` on the cron expression `cron` (UTC, minute granularity): pg-boss lets one
   * process per check send it, at most once a minute, so each period runs once across every
   * server on the database. Used through PeriodicJobs.
   */
  async schedule(name: string, cron: string, handler: JobHandler<unknown>): Promise<void> {
    if (!worksJobs) return;
    // A missed run is made up by the next period: no retries, and a stuck one is given up soon.
    this.queue(name, { retryLimit: 0, expireInSeconds: 600 });
    this.schedules.push({ name, cron });
    if (this.bootstrapped) await this.applySchedule(await this.boss(), { name, cron });
    await this.work(name, handler);
  }

  /** How many queue connections of working processes (servers) are open on this database, this one's included. */
  async workersAnywhere(): Promise<number> {
    const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [WORKER_APPLICATION],
    );
    return n;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.boss();
    for (const name of this.queues.keys()) await this.ensureQueue(boss, name);
    for (const schedule of this.schedules) await this.applySchedule(boss, schedule);
    this.bootstrapped = true;
    for (const worker of this.workers) await this.startWorker(boss, worker);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private async register(name: string, batchSize: number, options: WorkOptions, handler: BatchHandler<unknown>): Promise<void> {
    this.queue(name);
    const worker: Worker = { name, batchSize, options, handler, started: false };
    this.workers.push(worker);
    if (this.bootstrapped) await this.startWorker(await this.boss(), worker);
  }

  private async startWorker(boss: PgBoss, worker: Worker): Promise<void> {
    if (worker.started || !(worksJobs || worker.options.inEveryProcess)) return;
    worker.started = true;
    await this.ensureQueue(boss, worker.name);
    const options = { batchSize: worker.batchSize, pollingIntervalSeconds: worker.options.pollingIntervalSeconds ?? 2 };
    await boss.work(worker.name, options, async (jobs) => {
      try {
        await worker.handler(jobs.map((job) => job.data));
      } catch (error) {
        // pg-boss keeps the error on the job; the log says which queue, never the job's data.
        this.logger.warn(`A ${worker.name} job failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
  }

  private async applySchedule(boss: PgBoss, { name, cron }: Schedule): Promise<void> {
    await this.ensureQueue(boss, name);
    await boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  private ensureQueue(boss: PgBoss, name: string): Promise<void> {
    let created = this.created.get(name);
    if (!created) {
      created = boss.createQueue(name, { name, ...this.queues.get(name) });
      this.created.set(name, created);
    }
    return created;
  }

  /** Started on first use (a job sent while the application starts) or at bootstrap. */
  private boss(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const { url } = this.dataSource.options as { url: string };
    const boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      max: 4,
      // The library checks its schema version and never changes the schema itself (migrations do).
      migrate: false,
      // Only a working process sends scheduled jobs; the check every 10 s is one row lock, taken by one process at a time.
      schedule: worksJobs,
      cronMonitorIntervalSeconds: 10,
      cronWorkerIntervalSeconds: 2,
      application_name: worksJobs ? WORKER_APPLICATION : CLIENT_APPLICATION,
    });
    boss.on('error', (error: Error) => this.logger.error(error.message));
    await boss.start();
    return boss;
  }
}
