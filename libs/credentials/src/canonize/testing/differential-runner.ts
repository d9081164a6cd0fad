/**
 * The differential properties, run by Node itself on the built code (jsonld.js is several times
 * slower inside Jest's module sandbox): `node differential-runner.js <runs> <shape>...` prints one
 * JSON report per shape, or the counterexample and exits 1.
 */
import { differentialOverMutations, differentialOverValues } from './differential';
import { magixDocumentsOfEachShape } from './magix-shapes';

export interface ShapeReport {
  shape: string;
  values: { runs: number; compiled: number };
  mutations: { runs: number; compiled: number };
  seconds: number;
}

async function main(): Promise<void> {
  const [runs, ...shapes] = process.argv.slice(2);
  const documents = await magixDocumentsOfEachShape();
  for (const shape of shapes) {
    const document = documents[shape];
    if (!document) throw new Error(`no such shape: ${shape}; the shapes: ${Object.keys(documents).join(', ')}`);
    const started = process.hrtime.bigint();
    const values = await differentialOverValues(document, Number(runs));
    const mutations = await differentialOverMutations(document, Math.ceil(Number(runs) / 10));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ shape, values, mutations, seconds } satisfies ShapeReport));
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
