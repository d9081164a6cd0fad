import type { DocumentLoader } from '../document-loader';

/** The names a document's contexts define, as sets shared between every shape naming the same context. */
export class ContextTerms {
  constructor(private readonly sets: ReadonlyArray<ReadonlySet<string>>) {}

  has(name: string): boolean {
    return this.sets.some((set) => set.has(name));
  }
}

interface RemoteContext {
  /** Every key of every object in it: a superset of the terms it defines, scoped ones included. */
  keys: ReadonlySet<string>;
  /** The contexts it names in turn (`@context`, `@import`). */
  urls: string[];
}

// By the loaded document itself: a loader that gives another object gets its own entry.
const remoteContexts = new WeakMap<object, RemoteContext>();

/** Keys and context URLs within a value, without recursion. */
function scan(value: unknown, keys: Set<string>, urls: string[]): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...(next as unknown[]));
    else if (next !== null && typeof next === 'object') {
      for (const [key, child] of Object.entries(next as Record<string, unknown>)) {
        keys.add(key);
        if (key === '@context' || key === '@import')
          for (const url of ([] as unknown[]).concat(child)) if (typeof url === 'string') urls.push(url);
        pending.push(child);
      }
    }
  }
}

function remoteContext(document: unknown): RemoteContext {
  const known = document !== null && typeof document === 'object' ? remoteContexts.get(document) : undefined;
  if (known) return known;
  const keys = new Set<string>();
  const urls: string[] = [];
  scan(document, keys, urls);
  const context = { keys, urls };
  if (document !== null && typeof document === 'object') remoteContexts.set(document, context);
  return context;
}

/**
 * The terms of every context a document names (inline ones, and remote ones through the loader
 * with the contexts they import or scope): a superset, which is what a safe check needs.
 */
export async function termsOfContexts(document: unknown, documentLoader: DocumentLoader): Promise<ContextTerms> {
  const inline = new Set<string>();
  const pendingUrls: string[] = [];
  const contextsOfDocument: unknown[] = [];
  // Only the document's @context values count; the rest of it defines nothing.
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...(next as unknown[]));
    else if (next !== null && typeof next === 'object') {
      for (const [key, child] of Object.entries(next as Record<string, unknown>)) {
        if (key === '@context') contextsOfDocument.push(child);
        else pending.push(child);
      }
    }
  }
  for (const context of contextsOfDocument) {
    for (const entry of ([] as unknown[]).concat(context)) {
      if (typeof entry === 'string') pendingUrls.push(entry);
      else scan(entry, inline, pendingUrls);
    }
  }
  const sets: ReadonlySet<string>[] = [inline];
  const loaded = new Set<string>();
  while (pendingUrls.length > 0) {
    const url = pendingUrls.pop()!;
    if (loaded.has(url)) continue;
    loaded.add(url);
    const remote = remoteContext((await documentLoader(url)).document);
    sets.push(remote.keys);
    pendingUrls.push(...remote.urls);
  }
  return new ContextTerms(sets);
}
