import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative import: Jest's module mapper does not apply to global setup.
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { freePort } from './free-port';
import { buildServer } from './node-process';

/**
 * The built server, and one real PostgreSQL for the whole run: DATABASE_URL's server when given (it needs CREATEDB),
 * else a throw-away embedded one. Each test suite then makes its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  // Once, before the suites: those that run the built server then share one dist/ (see buildServer).
  await buildServer();
  if (process.env.DATABASE_URL) {
    process.env.MAGIX_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'magix-test-pg-'));
  // The server runs as the `postgres` user when we are root: it must reach its folder.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port: await freePort(), ephemeral: true });
  process.env.MAGIX_TEST_ADMIN_URL = server.adminUrl;
  (globalThis as { magixTestPostgres?: typeof server }).magixTestPostgres = server;
}
