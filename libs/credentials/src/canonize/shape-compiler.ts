import jsonld from 'jsonld';
import { randomBytes } from 'node:crypto';
import type { DocumentLoader } from '../document-loader';
import { ContextTerms, termsOfContexts } from './context-terms';
import { fillShape, isJsonLdDouble, SlotValue } from './document-shape';

/** An RDF term as jsonld.js writes it and rdf-canonize reads it. */
export interface Term {
  termType: string;
  value: string;
  datatype?: { termType: string; value: string };
  language?: string;
}
export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}
type Position = keyof Quad;
const POSITIONS: Position[] = ['subject', 'predicate', 'object', 'graph'];

/** How a value becomes a term's text, as jsonld.js's toRDF writes it. */
type Form = 'iri' | 'literal' | 'fixed' | 'double';

interface Binding {
  quad: number;
  position: Position;
  slot: number;
  form: Form;
}

/**
 * The RDF of one document shape, with the places each value goes: derived by jsonld.js itself
 * from a copy of a document whose values are replaced by unique placeholders.
 */
export interface CompiledShape {
  quads: Quad[];
  bindings: Binding[];
  /** The slots whose value becomes an IRI: only IRIs that JSON-LD keeps as they are may go there. */
  iriSlots: number[];
  /** Every term the shape's contexts define: a value equal to one (or to its prefix) may expand. */
  terms: ContextTerms;
  /** Pairs of quads [earlier, later] that equal values can make alike (JSON-LD writes such a quad once). */
  mayCoincide: [number, number][];
}

/** A compiled shape (null: the shape takes the standard path) and the contexts it was compiled with. */
export interface Compilation {
  shape: CompiledShape | null;
  /** Every context document the shape names, directly or through other contexts, as the loader gave it. */
  contexts: [url: string, document: unknown][];
}

export type ToRdfOptions = Record<string, unknown> & { documentLoader: DocumentLoader };

/** jsonld.js's canonical xsd:double form (toRdf.js). */
export const canonicalDouble = (value: number): string => value.toExponential(15).replace(/(\d)0*e\+?/, '$1E');

// jsonld.js's isAbsolute (url.js), blank node labels aside.
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;

/**
 * True when JSON-LD writes `value` unchanged as an IRI wherever the shape has one: an absolute IRI
 * (not a blank node label) that no term of the contexts expands, neither whole nor by its prefix
 * (jsonld.js's expandIri keeps `scheme://…` as it is whatever the prefix).
 */
export function keepsAsIri(value: string, terms: ContextTerms): boolean {
  if (!ABSOLUTE_IRI.test(value) || value.startsWith('_:') || terms.has(value)) return false;
  const colon = value.indexOf(':');
  return value.startsWith('//', colon + 1) || !terms.has(value.slice(0, colon));
}

/**
 * Compiles the shape of `document` (values in `pinned` kept as they are), or returns null when
 * jsonld.js does not map every value to whole terms (a value it drops, converts or embeds): such
 * shapes take the standard path.
 */
export async function compileShape(document: unknown, pinned: ReadonlyMap<number, SlotValue>, options: ToRdfOptions): Promise<Compilation> {
  const contexts: Compilation['contexts'] = [];
  const recordingLoader: DocumentLoader = async (url) => {
    const remote = await options.documentLoader(url);
    contexts.push([url, remote.document]);
    return remote;
  };
  let terms: ContextTerms;
  try {
    terms = await termsOfContexts(document, recordingLoader);
  } catch {
    return { shape: null, contexts };
  }
  return { shape: await compileWithTerms(document, pinned, options, terms), contexts };
}

/**
 * True when the loader gives the very documents (the same objects) the compilation had: then
 * jsonld.js would read the shape's contexts as it read them then.
 */
export async function sameContexts(compilation: Compilation, documentLoader: DocumentLoader): Promise<boolean> {
  for (const [url, document] of compilation.contexts) {
    try {
      if ((await documentLoader(url)).document !== document) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function compileWithTerms(
  document: unknown,
  pinned: ReadonlyMap<number, SlotValue>,
  options: ToRdfOptions,
  terms: ContextTerms,
): Promise<CompiledShape | null> {
  const nonce = randomBytes(8).toString('hex');
  const textOfSlot = new Map<string, { slot: number; form: Form }[]>();
  const expect = (text: string, slot: number, form: Form) => textOfSlot.set(text, [...(textOfSlot.get(text) ?? []), { slot, form }]);
  const slots: number[] = [];
  const filled = fillShape(document, (slot, value) => {
    const kept = pinned.get(slot);
    if (kept !== undefined) return kept;
    slots.push(slot);
    if (typeof value === 'string') {
      const placeholder = `urn:x-magix-slot-${nonce}:${slot}`;
      expect(placeholder, slot, 'literal');
      return placeholder;
    }
    // Numbers of the same JSON-LD kind as the value, distinct per slot, written both ways toRDF may write them.
    const placeholder = isJsonLdDouble(value) ? slot + 0.25 : 4e15 + slot;
    if (!isJsonLdDouble(value)) expect(placeholder.toFixed(0), slot, 'fixed');
    expect(canonicalDouble(placeholder), slot, 'double');
    return placeholder;
  });

  let quads: Quad[];
  try {
    quads = (await jsonld.toRDF(filled, options)) as Quad[];
  } catch {
    return null;
  }
  const bindings = bind(quads, textOfSlot, nonce);
  if (!bindings) return null;
  const formOfSlot = new Map<number, Form>();
  for (const binding of bindings) {
    const form = formOfSlot.get(binding.slot);
    if (form !== undefined && form !== binding.form) return null;
    formOfSlot.set(binding.slot, binding.form);
  }
  // A value JSON-LD ignores or drops may still decide something (a relative IRI): not compiled.
  if (slots.some((slot) => !formOfSlot.has(slot))) return null;
  const iriSlots = slots.filter((slot) => formOfSlot.get(slot) === 'iri');
  return { quads, bindings, iriSlots, terms, mayCoincide: quadsThatMayCoincide(quads, bindings) };
}

function bind(quads: Quad[], textOfSlot: Map<string, { slot: number; form: Form }[]>, nonce: string): Binding[] | null {
  const bindings: Binding[] = [];
  for (let quad = 0; quad < quads.length; quad++) {
    for (const position of POSITIONS) {
      const term = quads[quad][position];
      if (term.datatype?.value.includes(nonce) || term.language?.includes(nonce)) return null;
      const candidates = textOfSlot.get(term.value);
      if (!candidates) {
        if (term.value.includes(nonce)) return null;
        continue;
      }
      // A string's placeholder may become an IRI or a literal; a number's only a literal.
      const found = candidates.filter((c) => (term.termType === 'NamedNode' ? c.form === 'literal' : term.termType === 'Literal'));
      if (found.length !== 1) return null;
      const { slot, form } = found[0];
      bindings.push({ quad, position, slot, form: term.termType === 'NamedNode' ? 'iri' : form });
    }
  }
  return bindings;
}

/** A term written unambiguously (each part prefixed with its length), to compare quads. */
export const termKey = (term: Term): string => {
  const datatype = term.datatype?.value ?? '';
  const language = term.language ?? '';
  return `${term.termType}${term.value.length}:${term.value}${datatype.length}:${datatype}${language.length}:${language}`;
};

function quadsThatMayCoincide(quads: Quad[], bindings: Binding[]): [number, number][] {
  const bound = new Set(bindings.map((b) => `${b.quad} ${b.position}`));
  const pairs: [number, number][] = [];
  for (let j = 1; j < quads.length; j++) {
    for (let i = 0; i < j; i++) {
      const alike = POSITIONS.every(
        (p) => bound.has(`${i} ${p}`) || bound.has(`${j} ${p}`) || termKey(quads[i][p]) === termKey(quads[j][p]),
      );
      if (alike) pairs.push([i, j]);
    }
  }
  return pairs;
}
