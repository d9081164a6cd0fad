/**
 * /health latency while POST /credentials/verify is saturated, on the compiled server: with the
 * verification worker threads (as shipped) and, for comparison, with the same server doing the
 * signature work on its event loop (bench/verify-on-event-loop.ts, preloaded). Also the CPU time
 * the server's main thread spends per verification (Linux): less noisy than latency on a shared
 * machine, and what /health waits behind.
 * Run: npx tsc -p tsconfig.bench.json && TS_NODE_BASEURL=dist-bench node -r tsconfig-paths/register dist-bench/bench/verify-saturation.bench.js
 * BENCH_SECONDS (default 15) and BENCH_CLIENTS (default 8, as issue 13's target) set the load; loopback only.
 * BENCH_RUNS (default 1) repeats the shipped mode to show the spread; BENCH_EVENT_LOOP=0 leaves out the comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEALTH_P99_TARGET_MS, saturate } from './http-verify';
import { startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const WITH_EVENT_LOOP = process.env.BENCH_EVENT_LOOP !== '0';

/** CPU milliseconds (user + system) of one thread of a process, from /proc; NaN where there is none. */
function threadCpuMs(pid: number, tid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** The worker threads' CPU milliseconds together: every thread but the main one (tid = pid). */
function otherThreadsCpuMs(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .map(Number)
      .filter((tid) => tid !== pid)
      .reduce((sum, tid) => sum + threadCpuMs(pid, tid), 0);
  } catch {
    return NaN;
  }
}

async function measure(onEventLoop: boolean) {
  const server = await startServer(onEventLoop ? { preload: join(__dirname, 'verify-on-event-loop.js') } : {});
  try {
    const [mainBefore, othersBefore, started] = [threadCpuMs(server.pid, server.pid), otherThreadsCpuMs(server.pid), Date.now()];
    const result = await saturate(server, CLIENTS, SECONDS);
    const verifications = (result.perSecond * (Date.now() - started)) / 1000;
    const perVerification = (ms: number) => Number((ms / verifications).toFixed(2));
    return {
      mode: onEventLoop ? 'signature work on the event loop' : 'signature work on worker threads',
      'verifications/s': Number(result.perSecond.toFixed(1)),
      'verify p99 ms': Number(result.verifyP99ms.toFixed(1)),
      'health p50 ms': Number(result.healthP50ms.toFixed(1)),
      'health p99 ms': Number(result.healthP99ms.toFixed(1)),
      'health max ms': Number(result.healthMaxMs.toFixed(1)),
      [`p99 < ${HEALTH_P99_TARGET_MS} ms`]: result.healthP99ms < HEALTH_P99_TARGET_MS,
      'main-thread CPU ms/verification': perVerification(threadCpuMs(server.pid, server.pid) - mainBefore),
      'other threads CPU ms/verification': perVerification(otherThreadsCpuMs(server.pid) - othersBefore),
      'client CPU ms/verification': Number(result.clientCpuMsPerVerification.toFixed(2)),
      probes: result.probes,
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const rows = [];
  for (let run = 0; run < RUNS; run++) rows.push(await measure(false));
  if (WITH_EVENT_LOOP) rows.push(await measure(true));
  console.log(`/health under ${CLIENTS} concurrent clients verifying for ${SECONDS} s each:`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
