/**
 * The bench's options and its one machine-readable line (`npm run bench -- --json`): plain code,
 * no engine, so that a unit test can check the line's shape without running a bench.
 */

export interface BenchOptions {
  /** Print the summary as one JSON object on the last line of stdout. */
  json: boolean;
  /** Credentials per in-process measure (BENCH_N). */
  n: number;
  /** CSV rows imported through the server (BENCH_COHORT); 0 skips the cohort. */
  cohort: number;
  /** How many of the cohort's stored credentials the bare library verifies (BENCH_COHORT_VERIFY: a number, or all). */
  cohortVerify: number;
  /** Seconds of HTTP verification (BENCH_SECONDS); 0 skips it. */
  httpSeconds: number;
  /** Concurrent HTTP clients (BENCH_CLIENTS; default 8, as issue 13's target is stated). */
  httpClients: number;
}

export interface BenchSummary {
  issue: { bare: number; magix: number };
  verify: { bare: number; magix: number };
  cohort: { rows: number; seconds: number; bareSignSeconds: number; peakRssMb?: number; verifiedStored?: number };
  httpVerify: { perSecond: number; p99ms: number; clients?: number; seconds?: number; healthP99ms?: number; clientCpuMs?: number };
  /** Credentials stored a second through one server process and through two on one database (an extra key). */
  scaleOut?: { rows: number; oneProcess: number; twoProcesses: number; ratio: number; verifiedStored: number };
}

/** The keys a consumer may rely on, each a finite number (extra keys may follow). */
export const SUMMARY_KEYS = {
  issue: ['bare', 'magix'],
  verify: ['bare', 'magix'],
  cohort: ['rows', 'seconds', 'bareSignSeconds'],
  httpVerify: ['perSecond', 'p99ms'],
} as const;

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return value;
}

/** Arguments after `npm run bench --` and the size knobs; a typo is an error, not a silent default. */
export function benchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length > 0) throw new Error(`Unknown argument(s): ${unknown.join(' ')} (the only one is --json)`);
  const cohort = count(env, 'BENCH_COHORT', 3000, 0);
  const verify = env.BENCH_COHORT_VERIFY;
  const json = argv.includes('--json');
  const httpSeconds = count(env, 'BENCH_SECONDS', 10, 0);
  if (json && (cohort === 0 || httpSeconds === 0)) throw new Error('--json reports every part: BENCH_COHORT and BENCH_SECONDS must be ≥ 1');
  return {
    json,
    n: count(env, 'BENCH_N', 400, 1),
    cohort,
    cohortVerify:
      verify === undefined || verify === '' || verify === 'all' ? cohort : Math.min(cohort, count(env, 'BENCH_COHORT_VERIFY', cohort, 1)),
    httpSeconds,
    httpClients: count(env, 'BENCH_CLIENTS', 8, 1),
  };
}

/**
 * Rows of the one-process / two-process measure (BENCH_SCALE_OUT, default 800; 0 skips it): read
 * apart from benchOptions so that the options' shape, which consumers test, stays as it was.
 */
export function scaleOutRows(env: NodeJS.ProcessEnv = process.env): number {
  const rows = count(env, 'BENCH_SCALE_OUT', 800, 0);
  if (rows === 1) throw new Error('BENCH_SCALE_OUT must be 0 (skip) or ≥ 2: the two processes get half each');
  return rows;
}

/** Throws unless every key of SUMMARY_KEYS is there and a finite number. */
export function checkSummary(value: unknown): BenchSummary {
  const missing: string[] = [];
  for (const [group, keys] of Object.entries(SUMMARY_KEYS)) {
    const part = (value as Record<string, Record<string, unknown> | undefined> | null)?.[group];
    for (const key of keys) if (typeof part?.[key] !== 'number' || !Number.isFinite(part[key])) missing.push(`${group}.${key}`);
  }
  if (missing.length > 0) throw new Error(`The bench summary lacks (or has no finite number for) ${missing.join(', ')}`);
  return value as BenchSummary;
}

/** The one line `--json` prints last. */
export function summaryLine(summary: BenchSummary): string {
  return JSON.stringify(checkSummary(summary));
}

/** What a consumer does with the bench's stdout: the last non-empty line, parsed and checked. */
export function parseSummary(stdout: string): BenchSummary {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  return checkSummary(JSON.parse(last));
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
