import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from './database-url';
import { embeddedPostgresUrl, isPortFree, PortInUseError, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  /** Where it came from, for the start banner (never the URL: it may hold a password). */
  description: string;
  close(): Promise<void>;
}

export interface DatabaseSettings {
  databaseUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
}

export const EMBEDDED_DATABASE_NAME = 'magix';

export interface OpenOptions {
  log?: (line: string) => void;
  /**
   * When a MAGIX server already runs the embedded PostgreSQL, use it rather than refuse: for the
   * command line, which works beside a running server.
   */
  shareRunning?: boolean;
}

/** DATABASE_URL when given; otherwise our own embedded PostgreSQL, its data kept in DATA_DIR/postgres. */
export async function openDatabase(settings: DatabaseSettings, { log, shareRunning = false }: OpenOptions = {}): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, description: 'PostgreSQL from DATABASE_URL', close: () => Promise.resolve() };
  }
  const port = settings.embeddedPostgresPort;
  if (shareRunning && !(await isPortFree(port))) {
    const url = embeddedPostgresUrl(port, EMBEDDED_DATABASE_NAME);
    if (!(await answers(url))) throw new PortInUseError(port);
    return { url, description: `the embedded PostgreSQL of a running server on 127.0.0.1:${port}`, close: () => Promise.resolve() };
  }
  const dataDir = join(settings.dataDir, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port, log });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE_NAME);
  return {
    url: server.urlFor(EMBEDDED_DATABASE_NAME),
    description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}`,
    close: () => server.stop(),
  };
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
