import { join } from 'node:path';
import { ensureDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

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

/** DATABASE_URL when given; otherwise our own embedded PostgreSQL, its data kept in DATA_DIR/postgres. */
export async function openDatabase(settings: DatabaseSettings, log?: (line: string) => void): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, description: 'PostgreSQL from DATABASE_URL', close: () => Promise.resolve() };
  }
  const dataDir = join(settings.dataDir, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: settings.embeddedPostgresPort, log });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE_NAME);
  return {
    url: server.urlFor(EMBEDDED_DATABASE_NAME),
    description: `embedded PostgreSQL on 127.0.0.1:${settings.embeddedPostgresPort}, data in ${dataDir}`,
    close: () => server.stop(),
  };
}
