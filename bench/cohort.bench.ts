/**
 * The cohort part of `npm run bench` alone (`npx tsc -p tsconfig.bench.json && TS_NODE_BASEURL=dist-bench
 * node -r tsconfig-paths/register dist-bench/bench/cohort.bench.js`): a fresh server, BENCH_COHORT
 * rows (default 3000) through the CSV import, BENCH_COHORT_VERIFY of the stored credentials
 * verified (default 100, or all). BENCH_CPU_PROF=<dir> writes the server's
 * main thread's CPU profile there (bench/cpu-profile.ts) to see where an import's time goes.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QueryRunner } from 'typeorm';
import { EnrolmentTargetsOnChange1766044800000 } from '../migrations/1766044800000-enrolment-targets-on-change';
import { round } from './cli';
import { cohortBench } from './cohort';
import { rssMb, startServer } from './server';

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_COHORT ?? 3000);
  const verify = process.env.BENCH_COHORT_VERIFY === 'all' ? rows : Number(process.env.BENCH_COHORT_VERIFY ?? 100);
  const profiles = process.env.BENCH_CPU_PROF;
  if (profiles) {
    mkdirSync(profiles, { recursive: true });
    process.env.BENCH_CPU_PROF = resolve(profiles); // the server inherits it
  }
  // BENCH_SERVER_NODE_OPTIONS: node options for the server alone (e.g. a heap limit), to compare.
  if (process.env.BENCH_SERVER_NODE_OPTIONS) process.env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS;
  const server = await startServer(profiles || process.env.BENCH_HEAP_LOG ? { preload: join(__dirname, 'cpu-profile.js') } : {});
  try {
    // BENCH_TRIGGER=old|new: the enrolment trigger before or after 1766044800000, to compare.
    const trigger = process.env.BENCH_TRIGGER;
    if (trigger) {
      const db = { query: (sql: string) => server.db.query(sql) } as unknown as QueryRunner;
      const { rowCount } = await server.db.query("SELECT 1 FROM pg_trigger WHERE tgname = 'enrolment_targets_update'");
      if (trigger === 'new' && !rowCount) await new EnrolmentTargetsOnChange1766044800000().up(db);
      if (trigger === 'old' && rowCount) await new EnrolmentTargetsOnChange1766044800000().down(db);
    }
    const idleRssMb = Math.round(rssMb(server.pid));
    const result = await cohortBench(server, rows, Math.min(rows, verify));
    console.log(
      JSON.stringify({
        rows,
        seconds: round(result.seconds, 2),
        rowsPerSecond: round(rows / result.seconds),
        bareSignSeconds: round(result.bareSignSeconds, 2),
        ratio: round(result.bareSignSeconds / result.seconds, 2),
        peakRssMb: Math.round(result.peakRssMb),
        idleRssMb,
        verifiedStored: result.verifiedStored,
      }),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
