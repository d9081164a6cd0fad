/**
 * /health latency while POST /credentials/verify is saturated, on the built server: with the
 * verification worker threads (as shipped) and, for comparison, with the same server doing the
 * signature work on its event loop (bench/verify-on-event-loop.ts, preloaded).
 * Run: npm run build && npx tsc -p tsconfig.bench.json && node dist-bench/bench/verify-saturation.bench.js
 * BENCH_SECONDS (default 15) and BENCH_CLIENTS (default 16) set the load; loopback only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const PROBE_EVERY_MS = 20;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  url: string;
  credential: unknown;
}

async function startServer(onEventLoop: boolean): Promise<Server> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'magix-bench-verify-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const url = `http://127.0.0.1:${port}`;
  const preload = onEventLoop ? ['-r', join(ROOT, 'dist-bench/bench/verify-on-event-loop.js')] : [];
  const child = spawn('node', [...preload, 'dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const demo = join(dataDir, 'demo-credential.json');
  for (let i = 0; i < 600 && !existsSync(demo) && child.exitCode === null; i++) await sleep(200);
  if (!existsSync(demo)) throw new Error('The server did not start');
  await sleep(200);
  return { child, url, credential: JSON.parse(readFileSync(demo, 'utf8')) };
}

async function stopServer({ child }: Server): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(onEventLoop: boolean) {
  const server = await startServer(onEventLoop);
  const body = JSON.stringify({ verifiableCredential: server.credential });
  const verify = async () => {
    const response = await fetch(`${server.url}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as { verified?: boolean };
    if (answer.verified !== true) throw new Error(`A genuine credential did not verify: ${JSON.stringify(answer).slice(0, 300)}`);
  };
  for (let i = 0; i < 20; i++) await verify(); // warm-up: JIT, contexts, status-list cache
  const until = Date.now() + SECONDS * 1000;
  let verified = 0;
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      await verify();
      verified++;
    }
  });
  const health: number[] = [];
  const probe = (async () => {
    while (Date.now() < until) {
      const start = process.hrtime.bigint();
      const response = await fetch(`${server.url}/health`);
      await response.arrayBuffer();
      health.push(Number(process.hrtime.bigint() - start) / 1e6);
      await sleep(PROBE_EVERY_MS);
    }
  })();
  await Promise.all([...clients, probe]);
  await stopServer(server);
  const sorted = [...health].sort((a, b) => a - b);
  return {
    mode: onEventLoop ? 'signature work on the event loop' : 'signature work on worker threads',
    'verifications/s': Number((verified / SECONDS).toFixed(1)),
    'health p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'health p99 ms': Number(percentile(sorted, 99).toFixed(1)),
    'health max ms': Number(sorted[sorted.length - 1].toFixed(1)),
    probes: health.length,
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) throw new Error('Build the server first: npm run build');
  const rows = [await measure(false), await measure(true)];
  console.log(`/health under ${CLIENTS} concurrent clients verifying for ${SECONDS} s each:`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
