/**
 * Compiled canonicalization: for each document shape MAGIX canonizes, the time of the compiled
 * path against jsonld.js's (the eddsa-rdfc-2022 cryptosuite's own canonize), then the
 * differential property tests at bench size (100,000 documents per shape against jsonld.js, and
 * a tenth as many one change away), on one process per core. Any difference fails the bench.
 * Run: npm run bench:canonize   (BENCH_DIFFERENTIAL_RUNS sets the runs per shape; BENCH_CANONIZE_N the timing loop)
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { compiledCanonize, documentLoader, standardCanonize } from '../libs/credentials/src';
import { magixDocumentsOfEachShape } from '../libs/credentials/src/canonize/testing/magix-shapes';
import type { ShapeReport } from '../libs/credentials/src/canonize/testing/differential-runner';

const RUNS = Number(process.env.BENCH_DIFFERENTIAL_RUNS ?? 100_000);
const N = Number(process.env.BENCH_CANONIZE_N ?? 1_000);
const OPTIONS = { documentLoader, base: null, safe: true };

async function msEach(canonize: typeof standardCanonize, document: unknown): Promise<number> {
  for (let i = 0; i < 20; i++) await canonize(document, OPTIONS);
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await canonize(structuredClone(document), OPTIONS);
  return Number(process.hrtime.bigint() - start) / 1e6 / N;
}

/** The differential runner on the built code, with this process's module resolution. */
function runDifferential(shapes: string[]): Promise<ShapeReport[]> {
  const runner = join(__dirname, '../libs/credentials/src/canonize/testing/differential-runner.js');
  const child = spawn(process.execPath, [...process.execArgv, runner, String(RUNS), ...shapes], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve(
            output
              .split('\n')
              .filter((l) => l.startsWith('{'))
              .map((l) => JSON.parse(l) as ShapeReport),
          )
        : reject(new Error(`the differential runner for ${shapes.join(', ')} failed (exit ${code}):\n${output}`)),
    ),
  );
}

async function main(): Promise<void> {
  const documents = await magixDocumentsOfEachShape();
  const timing = [];
  for (const [shape, document] of Object.entries(documents)) {
    const standard = await msEach(standardCanonize, document);
    const compiled = await msEach(compiledCanonize, document);
    if ((await compiledCanonize(document, OPTIONS)) !== (await standardCanonize(document, OPTIONS)))
      throw new Error(`${shape}: N-Quads differ`);
    timing.push({
      shape,
      'jsonld.js ms': round(standard),
      'compiled ms': round(compiled),
      speedup: `${(standard / compiled).toFixed(1)}×`,
    });
  }
  console.table(timing);

  const shapes = Object.keys(documents);
  const processes = Math.max(1, Math.min(availableParallelism(), shapes.length));
  const groups = Array.from({ length: processes }, (_, p) => shapes.filter((_, i) => i % processes === p));
  const started = Date.now();
  const reports = (await Promise.all(groups.map(runDifferential))).flat();
  console.table(
    reports.map((r) => ({
      shape: r.shape,
      documents: r.values.runs,
      'on the compiled path': r.values.compiled,
      'one change away': r.mutations.runs,
      seconds: round(r.seconds),
    })),
  );
  console.log(
    `Differential: ${reports.length} shapes × ${RUNS} documents equal to jsonld.js, in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
}

const round = (n: number) => Number(n.toFixed(3));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
