/**
 * A JSON-LD document split into its shape (everything that decides how JSON-LD reads it: keys,
 * array lengths, kinds of values, contexts, types, booleans) and its values (the strings and
 * numbers that only fill that shape in). Two documents with the same shape key expand alike, so
 * the RDF of one is the RDF of the other with the values swapped (see shape-compiler.ts).
 */

/** A value a compiled shape fills in: a string (literal or IRI) or a number (by its JSON-LD form). */
export type SlotValue = string | number;

export interface DocumentShape {
  /** Equal for two documents exactly when they have the same shape. */
  key: string;
  /** The document's strings and numbers, in the order of the key's `s`, `i` and `d` marks. */
  values: SlotValue[];
}

/**
 * Keys whose values are part of the shape, compared as they are: contexts change every term,
 * types select type-scoped contexts, a language or direction changes the literal, and a proof
 * purpose is a term of the vocabulary (not a value to fill in).
 */
const SHAPE_KEYS = new Set(['@context', 'type', '@type', '@language', '@direction', '@index', 'proofPurpose']);

/** jsonld.js's own test (types.isDouble): a number it writes in the canonical double form. */
export const isJsonLdDouble = (value: number): boolean => String(value).includes('.') || Math.abs(value) >= 1e21;

/** What no compiled shape covers: the document takes the standard jsonld.js path. */
class NotAShape extends Error {}

/** An object literal, of this realm or another (a worker's, a vm's): no class instance. */
function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** The document's shape and values, or null when it holds anything JSON does not (or `__proto__`). */
export function shapeOf(document: unknown): DocumentShape | null {
  const values: SlotValue[] = [];
  const parts: string[] = [];
  try {
    walk(document, values, parts);
  } catch (error) {
    if (error instanceof NotAShape) return null;
    throw error;
  }
  return { key: parts.join(''), values };
}

function walk(value: unknown, values: SlotValue[], parts: string[]): void {
  switch (typeof value) {
    case 'string':
      parts.push('s');
      values.push(value);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new NotAShape();
      parts.push(isJsonLdDouble(value) ? 'd' : 'i');
      values.push(value);
      return;
    case 'boolean':
      parts.push(value ? 't' : 'f');
      return;
    case 'object':
      if (value === null) parts.push('n');
      else if (Array.isArray(value)) walkArray(value, values, parts);
      else if (isPlainObject(value)) walkObject(value, values, parts);
      else throw new NotAShape();
      return;
    default:
      throw new NotAShape();
  }
}

function walkArray(array: unknown[], values: SlotValue[], parts: string[]): void {
  parts.push('[');
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) throw new NotAShape();
    if (i > 0) parts.push(',');
    walk(array[i], values, parts);
  }
  parts.push(']');
}

function walkObject(object: Record<string, unknown>, values: SlotValue[], parts: string[]): void {
  parts.push('{');
  let first = true;
  for (const key of Object.keys(object)) {
    if (key === '__proto__') throw new NotAShape();
    if (!first) parts.push(',');
    first = false;
    parts.push(JSON.stringify(key), ':');
    const value = object[key];
    if (SHAPE_KEYS.has(key)) parts.push(exactJson(value));
    else walk(value, values, parts);
  }
  parts.push('}');
}

/** The value as JSON, refusing what JSON.stringify would silently drop or change. */
function exactJson(value: unknown): string {
  const constant: SlotValue[] = [];
  const parts: string[] = [];
  walk(value, constant, parts);
  return `${parts.join('')}=${JSON.stringify(constant)}`;
}

/**
 * The document rebuilt with `fill(i)` in place of its i-th value: the same keys in the same
 * order, shape keys kept as they are. Only called on documents shapeOf accepted.
 */
export function fillShape(document: unknown, fill: (index: number, value: SlotValue) => SlotValue): unknown {
  let next = 0;
  const rebuild = (value: unknown): unknown => {
    if (typeof value === 'string' || typeof value === 'number') return fill(next++, value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(rebuild);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      out[key] = SHAPE_KEYS.has(key) ? child : rebuild(child);
    }
    return out;
  };
  return rebuild(document);
}
