import { join } from 'node:path';
import { Client } from 'pg';
import { provisionAppRole } from './app-role';
import { APP_ROLE, EmbeddedCredentials } from './embedded-credentials';
import { isPortFree, PortInUseError, roleUrl, startEmbeddedPostgres } from './embedded-postgres';
import { inspectCluster } from './orphaned-postgres';

export interface OpenDatabase {
  url: string;
  /** Where it came from, for the start banner (never the URL: it may hold a password). */
  description: string;
  /** True when another process (a running server) owns the embedded PostgreSQL this one uses. */
  shared: boolean;
  close(): Promise<void>;
}

export interface DatabaseSettings {
  databaseUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
}

export const EMBEDDED_DATABASE_NAME = 'magix';

export interface OpenOptions {
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What the operator should read (recoveries, replaced passwords); defaults to `log`. */
  notice?: (line: string) => void;
  /**
   * When a MAGIX server already runs the embedded PostgreSQL, use it rather than refuse: for the
   * command line, which works beside a running server.
   */
  shareRunning?: boolean;
}

/** Where the embedded cluster of DATA_DIR keeps its data and its passwords. */
export function embeddedPaths(dataDir: string): { dataDir: string; secretsDir: string } {
  return { dataDir: join(dataDir, 'postgres'), secretsDir: join(dataDir, 'postgres-secrets') };
}

/**
 * DATABASE_URL when given; otherwise our own embedded PostgreSQL, its data kept in DATA_DIR/postgres,
 * reached as the app role `magix` (not a superuser) with the password kept in DATA_DIR/postgres-secrets.
 */
export async function openDatabase(
  settings: DatabaseSettings,
  { log, notice, shareRunning = false }: OpenOptions = {},
): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, description: 'PostgreSQL from DATABASE_URL', shared: false, close: () => Promise.resolve() };
  }
  const port = settings.embeddedPostgresPort;
  const paths = embeddedPaths(settings.dataDir);
  // A server of this DATA_DIR runs it: join it. An orphan or another program is dealt with by start.
  if (shareRunning && !(await isPortFree(port)) && inspectCluster(paths.dataDir, paths.secretsDir).kind === 'live') {
    const password = new EmbeddedCredentials(paths.secretsDir).read(APP_ROLE);
    const url = password && roleUrl(port, APP_ROLE, password, EMBEDDED_DATABASE_NAME);
    if (!url || !(await answers(url))) throw new PortInUseError(port);
    return {
      url,
      description: `the embedded PostgreSQL of a running server on 127.0.0.1:${port}`,
      shared: true,
      close: () => Promise.resolve(),
    };
  }
  const say = notice ?? log ?? (() => undefined);
  const server = await startEmbeddedPostgres({ ...paths, port, log, notice: say });
  try {
    const password = await provisionAppRole(server.adminUrl, server.credentials, EMBEDDED_DATABASE_NAME, say);
    return {
      url: roleUrl(port, APP_ROLE, password, EMBEDDED_DATABASE_NAME),
      description: `embedded PostgreSQL on 127.0.0.1:${port} as role ${APP_ROLE}, data in ${paths.dataDir}`,
      shared: false,
      close: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
