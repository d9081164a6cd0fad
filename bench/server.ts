/**
 * A real MAGIX server for the HTTP and cohort benches: the compiled server (dist-bench, built by
 * `npm run bench`) in its own process, on a throw-away embedded PostgreSQL that the bench owns, so
 * that the bench can prepare data in SQL and read what the server stored; a second process can
 * join the first one's database (`beside`). Loopback only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../libs/database/src/embedded-postgres';

/** The build this file is part of (it runs as <outDir>/bench/server.js): dist-bench, or an outDir of one's own. */
const DIST = resolve(__dirname, '..');
/** The repository: the nearest folder above the build with a package.json. */
export const ROOT = repositoryAbove(DIST);

function repositoryAbove(folder: string): string {
  for (let at = dirname(folder); ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return resolve(__dirname, '../..');
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BenchServer {
  /** Where this process listens. */
  url: string;
  /** The demo credential the server wrote at start (a genuine one, to verify). */
  credential: unknown;
  /** A superuser client on the server's database. */
  db: Client;
  pid: number;
  /** What another process on the same database must be given (database, public URL, secrets). */
  shared: Record<string, string>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Preload a module into the server (e.g. verify-on-event-loop.js). */
  preload?: string;
  /** Start another process on this server's database, behind its public URL, rather than a new database. */
  beside?: BenchServer;
}

/** Starts PostgreSQL, then the server on a fresh database with the demo data; resolves once it serves. */
export async function startServer({ preload, beside }: ServerOptions = {}): Promise<BenchServer> {
  const main = join(DIST, 'apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`No ${main}: run through npm run bench (it compiles the server into dist-bench)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'magix-bench-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stopPostgres = () => Promise.resolve();
  let shared = beside?.shared;
  if (!shared) {
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: await freePort(), ephemeral: true });
    stopPostgres = () => postgres.stop();
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE magix_bench');
    await admin.end();
    // Given, not kept in DATA_DIR, so that a second process can be given the same (docs/scaling.md).
    shared = {
      DATABASE_URL: postgres.urlFor('magix_bench'),
      PUBLIC_URL: url,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      MASTER_KEY: randomBytes(32).toString('base64'),
    };
  }

  // main.ts writes the demo credential there and, given its secrets, creates no DATA_DIR itself.
  mkdirSync(join(dataDir, 'server'));
  const child: ChildProcess = spawn(process.execPath, ['-r', 'tsconfig-paths/register', ...(preload ? ['-r', preload] : []), main], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...shared,
      TS_NODE_BASEURL: DIST,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'server'),
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const demo = join(dataDir, 'server', 'demo-credential.json');
  for (let i = 0; i < 900 && !existsSync(demo) && child.exitCode === null; i++) await sleep(200);
  if (!existsSync(demo)) {
    child.kill('SIGTERM');
    await stopPostgres();
    throw new Error('The server did not start');
  }
  await sleep(200);
  const db = new Client({ connectionString: shared.DATABASE_URL });
  await db.connect();
  return {
    url,
    credential: JSON.parse(readFileSync(demo, 'utf8')),
    db,
    pid: child.pid ?? 0,
    shared,
    async stop() {
      await db.end();
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await stopPostgres();
    },
  };
}

/** The server process's resident memory now, in MB (Linux; 0 elsewhere). */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
