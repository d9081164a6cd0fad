/**
 * Names jsonld.js mishandles: it keeps its node map in a plain object, so a node whose id is
 * `__proto__` writes its properties onto Object.prototype (every later JSON-LD operation in the
 * thread then fails, and every object in it has an `@id`), and `constructor`, `toString` and the
 * like write onto built-in functions. No credential needs them as a whole key or string.
 */
const UNSAFE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The first key or string of the document that is one of those names, or null. Iterative: no stack to overflow. */
export function unsafeJsonLdName(document: unknown): string | null {
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (UNSAFE_NAMES.has(value)) return value;
    } else if (Array.isArray(value)) {
      pending.push(...(value as unknown[]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (UNSAFE_NAMES.has(key)) return key;
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return null;
}

export const unsafeNameMessage = (name: string): string =>
  `The document holds "${name}" as a key or value, a name JSON-LD processors mishandle (it would corrupt the processor): refused`;

/** Raised instead of handing such a document to jsonld.js. */
export class UnsafeJsonLdError extends Error {
  constructor(readonly unsafeName: string) {
    super(unsafeNameMessage(unsafeName));
    this.name = 'UnsafeJsonLdError';
  }
}
