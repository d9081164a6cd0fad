// The suites that verify credentials other issuers sign ship no type declarations either.
declare module '@digitalbazaar/ed25519-signature-2020';
declare module '@digitalbazaar/ed25519-verification-key-2020';
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
declare module 'ed25519-signature-2020-context';
