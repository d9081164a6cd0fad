/**
 * A real MAGIX server for the HTTP and cohort benches: the compiled server (dist-bench, built by
 * `npm run bench`) in its own process, on a throw-away embedded PostgreSQL that the bench owns, so
 * that the bench can prepare data in SQL and read what the server stored. Loopback only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../libs/database/src/embedded-postgres';

/** The repository (this file runs as dist-bench/bench/server.js). */
export const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist-bench');

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
  url: string;
  /** The demo credential the server wrote at start (a genuine one, to verify). */
  credential: unknown;
  /** A superuser client on the server's database. */
  db: Client;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Preload a module into the server (e.g. verify-on-event-loop.js). */
  preload?: string;
}

/** Starts PostgreSQL, then the server on a fresh database with the demo data; resolves once it serves. */
export async function startServer({ preload }: ServerOptions = {}): Promise<BenchServer> {
  const main = join(DIST, 'apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`No ${main}: run through npm run bench (it compiles the server into dist-bench)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'magix-bench-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: await freePort(), ephemeral: true });
  const admin = new Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE magix_bench');
  await admin.end();
  const databaseUrl = postgres.urlFor('magix_bench');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['-r', 'tsconfig-paths/register', ...(preload ? ['-r', preload] : []), main], {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_BASEURL: DIST,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: join(dataDir, 'server'),
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stopPostgres = () => postgres.stop();
  const demo = join(dataDir, 'server', 'demo-credential.json');
  for (let i = 0; i < 900 && !existsSync(demo) && child.exitCode === null; i++) await sleep(200);
  if (!existsSync(demo)) {
    child.kill('SIGTERM');
    await stopPostgres();
    throw new Error('The server did not start');
  }
  await sleep(200);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    url,
    credential: JSON.parse(readFileSync(demo, 'utf8')),
    db,
    pid: child.pid ?? 0,
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
