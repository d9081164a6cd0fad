/**
 * Preloaded into the server by `bench:cohort` under BENCH_CPU_PROF (node refuses --cpu-prof in
 * NODE_OPTIONS): the main thread's CPU profile, written at exit to BENCH_CPU_PROF/server-<pid>.cpuprofile.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  // The in-process session answers synchronously: the profile is written before the process ends.
  process.once('exit', () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }),
  );
}

// BENCH_HEAP_LOG=1: every two seconds a full collection, then the main heap in use: what of the
// server's growth under an import is garbage not yet collected, and what is held.
if (process.env.BENCH_HEAP_LOG) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('v8').setFlagsFromString('--expose-gc');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gc = require('vm').runInNewContext('gc') as () => void;
  setInterval(() => {
    const before = process.memoryUsage();
    gc();
    const after = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1e6);
    console.error(`HEAP rss ${mb(before.rss)} used ${mb(before.heapUsed)} → after gc used ${mb(after.heapUsed)} rss ${mb(after.rss)}`);
  }, 2000).unref();
}
