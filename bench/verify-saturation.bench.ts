/**
 * /health latency while POST /credentials/verify is saturated, on the compiled server: with the
 * verification worker threads (as shipped) and, for comparison, with the same server doing the
 * signature work on its event loop (bench/verify-on-event-loop.ts, preloaded).
 * Run: npx tsc -p tsconfig.bench.json && TS_NODE_BASEURL=dist-bench node -r tsconfig-paths/register dist-bench/bench/verify-saturation.bench.js
 * BENCH_SECONDS (default 15) and BENCH_CLIENTS (default 16) set the load; loopback only.
 * (`npm run bench` measures the shipped mode alone, with 20 clients for 10 s.)
 */
import { join } from 'node:path';
import { saturate } from './http-verify';
import { startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);

async function measure(onEventLoop: boolean) {
  const server = await startServer(onEventLoop ? { preload: join(__dirname, 'verify-on-event-loop.js') } : {});
  try {
    const result = await saturate(server, CLIENTS, SECONDS);
    return {
      mode: onEventLoop ? 'signature work on the event loop' : 'signature work on worker threads',
      'verifications/s': Number(result.perSecond.toFixed(1)),
      'verify p99 ms': Number(result.verifyP99ms.toFixed(1)),
      'health p50 ms': Number(result.healthP50ms.toFixed(1)),
      'health p99 ms': Number(result.healthP99ms.toFixed(1)),
      'health max ms': Number(result.healthMaxMs.toFixed(1)),
      probes: result.probes,
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const rows = [await measure(false), await measure(true)];
  console.log(`/health under ${CLIENTS} concurrent clients verifying for ${SECONDS} s each:`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
