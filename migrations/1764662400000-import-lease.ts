import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lease on each running import: the worker that runs it renews `lease_expires_at`; when it
 * dies, the lease runs out and any process's sweeper queues the import again (seconds, not
 * pg-boss's 15-minute expiry). `lease_owner` tells the live worker from one that lost its lease.
 */
export class ImportLease1764662400000 implements MigrationInterface {
  name = 'ImportLease1764662400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE import_job ADD COLUMN lease_owner uuid, ADD COLUMN lease_expires_at timestamptz;
      CREATE INDEX import_job_running_lease ON import_job (lease_expires_at) WHERE status = 'RUNNING';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX import_job_running_lease;
      ALTER TABLE import_job DROP COLUMN lease_owner, DROP COLUMN lease_expires_at;
    `);
  }
}
