/* global process, module */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- plain JavaScript reading untyped JSON (HTTP bodies, mocha reports) */
// The `localConfig.cjs` every suite reads (vc-test-suite-implementations looks for it in the
// suite's root folder). run-suites.sh writes a one-line localConfig.cjs into each suite that
// requires this file, and passes the running server through the environment:
//   MAGIX_INTEROP_URL    https://localhost:PORT of the throw-away server
//   MAGIX_INTEROP_TOKEN  a bearer token of a demo issuer (ISSUER role)
//   MAGIX_INTEROP_DID    that HEI's did:key (the issuer id the suites put in `credential.issuer`)
//   MAGIX_INTEROP_ISSUER_TAGS, MAGIX_INTEROP_ENVELOPING_ISSUER_TAGS, MAGIX_INTEROP_VERIFIER_TAGS,
//   MAGIX_INTEROP_VP_VERIFIER_TAGS
//                        optional, comma-separated: override the tags below
'use strict';

const { MAGIX_INTEROP_URL: url, MAGIX_INTEROP_TOKEN: token, MAGIX_INTEROP_DID: did } = process.env;
if (!url || !token || !did) {
  throw new Error(
    'localConfig.cjs (MAGIX): MAGIX_INTEROP_URL, MAGIX_INTEROP_TOKEN and MAGIX_INTEROP_DID must be set; run the suites through interop/run-suites.sh',
  );
}

// The tags the suites filter implementations on:
//   vc2.0                 w3c/vc-data-model-2.0-test-suite
//   eddsa-rdfc-2022       w3c/vc-di-eddsa-test-suite (not eddsa-jcs-2022: we do not sign with JCS)
//   BitstringStatusList   w3c/vc-bitstring-status-list-test-suite
//   vc-api                w3c-ccg/vc-api-issuer-test-suite and vc-api-verifier-test-suite
//   EnvelopingProof       w3c/vc-data-model-2.0-test-suite's 4.13.2-envelopes.js. It selects
//                         implementations by their issuers' tags and issues with that issuer's
//                         `options`, so a second issuer entry below asks /credentials/issue for
//                         `options: { securingMechanism: 'EnvelopingProof' }` (as OpSecId.json in
//                         w3c/vc-test-suite-implementations does), and our verifiers carry the tag.
//                         That entry has only this tag: the other suites pick the first entry.
// Left out on purpose:
//   JWT                   the CCG issuer suite's 11-issuer-jwt.js wants /credentials/issue to return
//                         a VC-JWT; the CCG verifier suite's 11-vc-jwt.js takes its VC-JWT from
//                         another implementation's issuer (SpruceID), not reachable from here.
const common = ['vc2.0', 'eddsa-rdfc-2022', 'BitstringStatusList', 'vc-api'];
const tagsFrom = (name, fallback) =>
  process.env[name]
    ? process.env[name]
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean)
    : fallback;
const issuerTags = tagsFrom('MAGIX_INTEROP_ISSUER_TAGS', common);
const envelopingIssuerTags = tagsFrom('MAGIX_INTEROP_ENVELOPING_ISSUER_TAGS', ['EnvelopingProof']);
const verifierTags = tagsFrom('MAGIX_INTEROP_VERIFIER_TAGS', [...common, 'EnvelopingProof']);
const vpVerifierTags = tagsFrom('MAGIX_INTEROP_VP_VERIFIER_TAGS', [...common, 'EnvelopingProof']);

const authorization = { Authorization: `Bearer ${token}` };

module.exports = {
  settings: { enableInteropTests: false, testAllImplementations: false },
  implementations: [
    {
      name: 'MAGIX',
      implementation: 'MAGIX (local)',
      issuers: [
        {
          id: did,
          endpoint: `${url}/credentials/issue`,
          headers: authorization,
          supports: { vc: ['2.0'] },
          tags: issuerTags,
        },
        {
          id: did,
          endpoint: `${url}/credentials/issue`,
          headers: authorization,
          options: { securingMechanism: 'EnvelopingProof' },
          supports: { vc: ['2.0'] },
          tags: envelopingIssuerTags,
        },
      ],
      verifiers: [
        {
          id: `${url}/credentials/verify`,
          endpoint: `${url}/credentials/verify`,
          supports: { vc: ['2.0'] },
          tags: verifierTags,
        },
      ],
      vpVerifiers: [
        {
          id: `${url}/presentations/verify`,
          endpoint: `${url}/presentations/verify`,
          supports: { vc: ['2.0'] },
          tags: vpVerifierTags,
        },
      ],
    },
  ],
};
