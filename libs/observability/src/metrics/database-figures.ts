import { Logger } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** pg-boss's states as an operator counts them: `created` and `retry` both wait for a worker. */
const JOB_STATES: Record<string, string> = {
  created: 'queued',
  retry: 'queued',
  active: 'active',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'failed',
};
/** Shown for every queue, at 0 when it has none, so that a rate or an alert has a series to read. */
const SHOWN_STATES = ['queued', 'active', 'completed', 'failed'];

const CREDENTIALS = 'SELECT kind, count(*)::int AS issued, count(revoked_at)::int AS revoked FROM credential GROUP BY kind';
const JOBS = `
  SELECT q.name AS queue, j.state::text AS state, count(j.id)::int AS n
    FROM pgboss.queue q
    LEFT JOIN (SELECT name, state, id FROM pgboss.job UNION ALL SELECT name, state, id FROM pgboss.archive) j ON j.name = q.name
   GROUP BY q.name, j.state`;

export interface DatabaseFigures {
  registry: Registry;
  /** Reads the figures afresh; called before each scrape is answered. */
  refresh(): Promise<void>;
}

/**
 * Figures read from the database when Prometheus scrapes, so that they are exact whichever process
 * (a server, the command line) issued the credential or worked the job, and survive restarts.
 * A failed read leaves its figures out of that scrape (and says so in the log) rather than fail it.
 */
export function databaseFigures(dataSource: DataSource): DatabaseFigures {
  const registry = new Registry();
  const logger = new Logger('Metrics');
  const issued = new Counter({
    name: 'magix_credentials_issued_total',
    help: 'Credentials issued, by kind (by every process, read from the database)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const revoked = new Counter({
    name: 'magix_credentials_revoked_total',
    help: 'Credentials revoked, by kind (by every process, read from the database; a revocation is final)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'magix_jobs',
    help: 'pg-boss jobs by queue and state (queued, active, completed, failed, cancelled); finished ones for as long as pg-boss keeps them',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
  });

  const read = async <T>(what: string, query: string): Promise<T[] | null> => {
    try {
      return await dataSource.query<T[]>(query);
    } catch (error) {
      logger.warn(`Could not read the ${what} for /metrics: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  return {
    registry,
    async refresh() {
      const [credentials, jobRows] = await Promise.all([
        read<{ kind: string; issued: number; revoked: number }>('credential counts', CREDENTIALS),
        read<{ queue: string; state: string | null; n: number }>('job counts', JOBS),
      ]);
      issued.reset();
      revoked.reset();
      for (const row of credentials ?? []) {
        issued.inc({ kind: row.kind }, row.issued);
        revoked.inc({ kind: row.kind }, row.revoked);
      }
      jobs.reset();
      for (const row of jobRows ?? []) {
        for (const state of SHOWN_STATES) jobs.inc({ queue: row.queue, state }, 0);
        if (row.state) jobs.inc({ queue: row.queue, state: JOB_STATES[row.state] ?? row.state }, row.n);
      }
    },
  };
}
