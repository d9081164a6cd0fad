import fc from 'fast-check';
import { documentLoader } from '../../document-loader';
import { unsafeJsonLdName } from '../../unsafe-names';
import { canonizeCounts, compiledCanonize, standardCanonize } from '../compiled-canonize';
import { fillShape, shapeOf } from '../document-shape';
import { valuesLike } from './adversarial-values';
import { mutationOf } from './mutations';

const OPTIONS = { documentLoader, base: null, safe: true };

type Outcome = { nquads: string } | { error: string };

async function outcomeOf(canonize: typeof standardCanonize, document: unknown): Promise<Outcome> {
  try {
    return { nquads: await canonize(document, OPTIONS) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs of a differential property: how many documents took the compiled path (each checked
 * against jsonld.js); the others took the standard path.
 */
export interface DifferentialReport {
  runs: number;
  compiled: number;
}

// A failing run prints its seed; MAGIX_DIFFERENTIAL_SEED replays it (fast-check draws a new one otherwise).
const SEED = process.env.MAGIX_DIFFERENTIAL_SEED ? Number(process.env.MAGIX_DIFFERENTIAL_SEED) : undefined;

async function differential(documents: fc.Arbitrary<unknown>, runs: number, seed = SEED): Promise<DifferentialReport> {
  const before = canonizeCounts().compiled;
  await fc.assert(
    fc.asyncProperty(documents, async (document) => {
      if (unsafeJsonLdName(document) !== null) {
        // jsonld.js itself would write onto Object.prototype here: the reference cannot run.
        const refused = await outcomeOf(compiledCanonize, document);
        if (!('error' in refused) || !refused.error.includes('mishandle')) throw new Error(`not refused: ${JSON.stringify(refused)}`);
        return;
      }
      const standardBefore = canonizeCounts().standard;
      const compiled = await outcomeOf(compiledCanonize, document);
      // It took the standard path: its answer is jsonld.js's by construction.
      if (canonizeCounts().standard > standardBefore) return;
      const standard = await outcomeOf(standardCanonize, document);
      if (JSON.stringify(compiled) !== JSON.stringify(standard)) {
        // Printed here too: fast-check's report names the counterexample, not why it failed.
        console.error(`compiled ${JSON.stringify(compiled)}\nstandard ${JSON.stringify(standard)}`);
        throw new Error(`compiled ${JSON.stringify(compiled).slice(0, 2000)}\nstandard ${JSON.stringify(standard).slice(0, 2000)}`);
      }
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return { runs, compiled: canonizeCounts().compiled - before };
}

/**
 * Documents of the shape of `document` with adversarial values: the compiled path's N-Quads must
 * be jsonld.js's byte for byte (or both must refuse the document alike).
 */
export function differentialOverValues(document: unknown, runs: number): Promise<DifferentialReport> {
  const shape = shapeOf(document);
  if (!shape) throw new Error('not a document the compiled path covers');
  return differential(
    valuesLike(shape.values).map((values) => fillShape(document, (i) => values[i])),
    runs,
  );
}

/** Documents one change away from `document`: either the standard path or the same N-Quads. */
export function differentialOverMutations(document: unknown, runs: number): Promise<DifferentialReport> {
  return differential(
    mutationOf(document).map((m) => m.document),
    runs,
  );
}
