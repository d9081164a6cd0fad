import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The advisory lock's key: one per database (advisory locks are), the same in every MAGIX process. */
export const STARTUP_LOCK_KEY = '7236208117';

/**
 * Runs `work` (migrations, then the demo data) while no other MAGIX process on this database does:
 * servers started together on one fresh database would otherwise both create the schema or both
 * load the demo, and one would fail. A session lock on a connection of its own, so that it is
 * released even if this process dies; the next process then finds the schema migrated and the
 * demo loaded, which both steps treat as nothing to do.
 */
export async function startingAlone<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'magix-startup' });
  // A dropped connection releases the lock; the migrations' own transaction still keeps the schema whole.
  client.on('error', (error) => new Logger('Database').warn(`The start-up lock's connection failed: ${error.message}`));
  await client.connect();
  try {
    const [{ free }] = (await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS free', [STARTUP_LOCK_KEY])).rows;
    if (!free) {
      new Logger('Database').log('Another MAGIX process is migrating or seeding this database: waiting for it to finish');
      await client.query('SELECT pg_advisory_lock($1::bigint)', [STARTUP_LOCK_KEY]);
    }
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
