/**
 * The /health probe of http-verify.ts, on a thread of its own: its timings are then the server's
 * answer time, not also the wait for the load generator's event loop (eight clients parsing
 * verification answers) or for the bench process's garbage collection. Posts the latencies (ms).
 */
import { Agent, get } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, until, everyMs } = workerData as { url: string; until: number; everyMs: number };
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function probeOnce(): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((done, fail) => {
    get(`${url}/health`, { agent }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200
          ? done(Number(process.hrtime.bigint() - start) / 1e6)
          : fail(new Error(`/health answered ${response.statusCode} under load`)),
      );
    }).on('error', fail);
  });
}

async function probe(): Promise<number[]> {
  const latencies: number[] = [];
  while (Date.now() < until) {
    latencies.push(await probeOnce());
    await new Promise((r) => setTimeout(r, everyMs));
  }
  agent.destroy();
  return latencies;
}

probe().then(
  (latencies) => parentPort?.postMessage(latencies),
  (error: unknown) => {
    throw error;
  },
);
