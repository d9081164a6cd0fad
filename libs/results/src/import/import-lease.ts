import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ImportJob } from './import-job.entity';

export interface ImportCounters {
  done: number;
  failed: number;
  failures: string[];
}

/**
 * One worker's hold on one import. Claimed only when nobody holds it (new, requeued, or its
 * holder's lease ran out); renewed every third of the lease while the rows are recorded; every
 * write is conditional on still holding it, so a worker that was presumed dead and comes back
 * stops instead of counting twice.
 *
 * The renewal is a timer on purpose, not a pg-boss job: it is part of the running job and must
 * live and die with the process that runs it. That it stops when the process stops is what lets
 * another process take over (ImportQueue's lease check); periodic work of the system is in libs/jobs.
 * Leases are in the database's time (now()), not the Clock's: the processes that hold and check them
 * must agree on one time, and moving the Clock in a test must not end a live worker's lease.
 */
export class ImportLease {
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  lost = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly id: string,
    private readonly seconds: number,
  ) {}

  /** The import, now held by this worker; null when it is finished or another live worker holds it. */
  async claim(): Promise<ImportJob | null> {
    // Read before the claim: the status tells a resumed run from a first one.
    const job = await this.dataSource
      .getRepository(ImportJob)
      .createQueryBuilder('job')
      .addSelect('job.rows')
      .where('job.id = :id', { id: this.id })
      .getOne();
    if (!job || job.status === 'DONE' || job.status === 'FAILED') return null;
    const claimed = await this.update(
      `status = 'RUNNING', lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3)`,
      `status IN ('QUEUED', 'RUNNING') AND (lease_owner IS NULL OR lease_expires_at < now())`,
      [this.owner, this.seconds],
    );
    return claimed ? job : null;
  }

  async runWhileHeld<T>(work: () => Promise<T>): Promise<T> {
    this.timer = setInterval(() => void this.renew(), (this.seconds * 1000) / 3);
    try {
      return await work();
    } finally {
      clearInterval(this.timer);
    }
  }

  /** Progress so far; `issued` read from the credentials this import's results hold. */
  async progress(counters: ImportCounters, enrolmentIds: string[]): Promise<void> {
    await this.write(counters, enrolmentIds, `lease_expires_at = now() + make_interval(secs => ${Number(this.seconds)})`);
  }

  async finish(counters: ImportCounters, enrolmentIds: string[]): Promise<{ issued: number }> {
    const status = counters.failed === 0 ? 'DONE' : 'FAILED';
    await this.write(counters, enrolmentIds, `status = '${status}', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL`);
    const [job] = await this.dataSource.query<Array<{ issued: number }>>('SELECT issued FROM import_job WHERE id = $1', [this.id]);
    return { issued: job.issued };
  }

  /** After an error: let the retry (or another process) have it at once. */
  async release(): Promise<void> {
    await this.update('lease_expires_at = now()', 'lease_owner = $2', [this.owner]).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    try {
      if (!(await this.update(`lease_expires_at = now() + make_interval(secs => $3)`, 'lease_owner = $2', [this.owner, this.seconds])))
        this.lost = true;
    } catch {
      // A failed renewal is retried at the next tick; the lease outlives two of them.
    }
  }

  private async write(counters: ImportCounters, enrolmentIds: string[], more: string): Promise<void> {
    const held = await this.update(
      `done = $3, failed = $4, failures = $5::jsonb, ${more},
       issued = (SELECT count(*) FROM credential c JOIN assessment_result r ON r.id = c.result_id WHERE r.enrolment_id = ANY($6::uuid[]))`,
      'lease_owner = $2',
      [this.owner, counters.done, counters.failed, JSON.stringify(counters.failures), enrolmentIds],
    );
    if (!held) this.lost = true;
  }

  /** UPDATE import_job SET `set` WHERE id = $1 AND `where`; whether a row changed. */
  private async update(set: string, where: string, parameters: unknown[]): Promise<boolean> {
    const [, changed] = await this.dataSource.query<[unknown[], number]>(`UPDATE import_job SET ${set} WHERE id = $1 AND ${where}`, [
      this.id,
      ...parameters,
    ]);
    return changed === 1;
  }
}
