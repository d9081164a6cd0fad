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
