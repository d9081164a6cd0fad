import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as rdfCanonize from 'rdf-canonize';
import type { DocumentLoader } from '../document-loader';
import { UnsafeJsonLdError, unsafeJsonLdName } from '../unsafe-names';
import { createCachedVerifier } from './cached-verifier';
import { shapeOf, SlotValue } from './document-shape';
import {
  canonicalDouble,
  Compilation,
  compileShape,
  CompiledShape,
  keepsAsIri,
  Quad,
  sameContexts,
  termKey,
  ToRdfOptions,
} from './shape-compiler';

type Canonize = (input: unknown, options: Record<string, unknown>) => Promise<string>;

/** The cryptosuite's own canonize: jsonld.js toRDF, then RDFC-1.0. The reference and the fallback. */
export const standardCanonize = (eddsaRdfc2022 as { canonize: Canonize }).canonize;

// Bounds on what one process keeps: a verifier sent many shapes only ever costs the standard path.
const MAX_SHAPES = 256;
const MAX_VARIANTS = 16;
// A shape this large is no credential of ours: kept, 256 of them would hold too much memory.
const MAX_SHAPE_KEY_LENGTH = 64 * 1024;

interface ShapeEntry {
  /** By the values pinned into the shape ('' for none). */
  variants: Map<string, Promise<Compilation>>;
}

const shapes = new Map<string, ShapeEntry>();

const counts = { compiled: 0, standard: 0 };

/** How many documents each path canonized in this thread (for tests and the bench). */
export const canonizeCounts = (): Readonly<typeof counts> => ({ ...counts });

/**
 * RDFC-1.0 N-Quads of a JSON-LD document, byte for byte those of the eddsa-rdfc-2022 cryptosuite:
 * for a shape seen before, from its compiled RDF with this document's values filled in, without
 * JSON-LD expansion; for anything else, through jsonld.js as the cryptosuite does.
 */
export const compiledCanonize: Canonize = async (input, options) => {
  // Never handed to jsonld.js, on either path: it would corrupt the thread (see unsafe-names.ts).
  const unsafe = unsafeJsonLdName(input);
  if (unsafe !== null) throw new UnsafeJsonLdError(unsafe);
  const toRdfOptions = standardToRdfOptions(options);
  const quads = toRdfOptions ? await compiledQuads(input, toRdfOptions) : null;
  if (!quads) {
    counts.standard++;
    return standardCanonize(input, options);
  }
  counts.compiled++;
  return rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads', base: null, safe: true, ...options });
};

/** The eddsa-rdfc-2022 cryptosuite, canonizing through compiled shapes. Signatures are unchanged. */
export const compiledEddsaRdfc2022 = { ...eddsaRdfc2022, canonize: compiledCanonize, createVerifier: createCachedVerifier };

const ACCEPTED_OPTIONS: Record<string, (value: unknown) => boolean> = {
  documentLoader: (value) => typeof value === 'function',
  base: (value) => value === null,
  safe: (value) => value === true,
  skipExpansion: (value) => value === false,
};

/** The toRDF options the cryptosuite would use, when the call is one the compiled path covers. */
function standardToRdfOptions(options: Record<string, unknown>): ToRdfOptions | null {
  for (const [key, value] of Object.entries(options)) if (!ACCEPTED_OPTIONS[key]?.(value)) return null;
  const documentLoader = options.documentLoader as DocumentLoader | undefined;
  if (!documentLoader) return null;
  return {
    algorithm: 'RDFC-1.0',
    base: null,
    safe: true,
    rdfDirection: 'i18n-datatype',
    ...options,
    documentLoader,
    produceGeneralizedRdf: false,
  };
}

async function compiledQuads(input: unknown, options: ToRdfOptions): Promise<Quad[] | null> {
  const shape = shapeOf(input);
  if (!shape || shape.key.length > MAX_SHAPE_KEY_LENGTH) return null;
  const entry = shapeEntry(shape.key);
  const compiled = await variant(entry, '', options, () => compileShape(input, new Map(), options));
  if (!compiled) return null;
  // Values JSON-LD would not keep as IRIs (a term, a relative IRI) are compiled into the shape.
  const toPin = compiled.iriSlots.filter((slot) => !keepsAsIri(shape.values[slot] as string, compiled.terms));
  if (toPin.length === 0) return fill(compiled, shape.values);
  const pinned = new Map(toPin.map((slot) => [slot, shape.values[slot]]));
  const withPins = await variant(entry, JSON.stringify([...pinned]), options, () => compileShape(input, pinned, options));
  if (!withPins || withPins.iriSlots.some((slot) => !keepsAsIri(shape.values[slot] as string, withPins.terms))) return null;
  return fill(withPins, shape.values);
}

function shapeEntry(key: string): ShapeEntry {
  const entry = shapes.get(key) ?? { variants: new Map() };
  // Most recently used last; the least recently used goes first.
  shapes.delete(key);
  shapes.set(key, entry);
  if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value as string);
  return entry;
}

/**
 * The compiled variant, compiled now if it is new or if this loader gives other contexts than the
 * ones it was compiled with (document loaders are wrapped anew per call, so they are not the key).
 */
async function variant(
  entry: ShapeEntry,
  key: string,
  options: ToRdfOptions,
  compile: () => Promise<Compilation>,
): Promise<CompiledShape | null> {
  const known = entry.variants.get(key);
  if (known) {
    const compilation = await known;
    if (await sameContexts(compilation, options.documentLoader)) return compilation.shape;
  } else if (entry.variants.size >= MAX_VARIANTS) return null;
  const compiling = compile();
  entry.variants.set(key, compiling);
  return (await compiling).shape;
}

const copyTerm = (term: Quad['object']): Quad['object'] =>
  term.datatype ? { ...term, datatype: { ...term.datatype } } : { termType: term.termType, value: term.value };

/** The compiled quads with this document's values, each quad once (equal values may make two alike). */
function fill(compiled: CompiledShape, values: SlotValue[]): Quad[] {
  const quads = compiled.quads.map((q) => ({
    subject: copyTerm(q.subject),
    predicate: copyTerm(q.predicate),
    object: copyTerm(q.object),
    graph: copyTerm(q.graph),
  }));
  for (const { quad, position, slot, form } of compiled.bindings) {
    const value = values[slot];
    quads[quad][position].value =
      form === 'fixed' ? (value as number).toFixed(0) : form === 'double' ? canonicalDouble(value as number) : (value as string);
  }
  const repeated = new Set<number>();
  for (const [earlier, later] of compiled.mayCoincide) {
    if (!repeated.has(later) && quadKey(quads[earlier]) === quadKey(quads[later])) repeated.add(later);
  }
  return repeated.size === 0 ? quads : quads.filter((_, index) => !repeated.has(index));
}

const quadKey = (q: Quad): string => termKey(q.subject) + termKey(q.predicate) + termKey(q.object) + termKey(q.graph);
