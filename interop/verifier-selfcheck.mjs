#!/usr/bin/env node
/* global process, console, fetch, crypto, structuredClone */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- plain JavaScript reading untyped JSON (HTTP bodies, mocha reports) */
// The CCG vc-api-verifier-test-suite checks its negative cases (missing @context, type, proof.*…)
// on one fixed vector signed with Ed25519Signature2020. A verifier that rejects that vector
// passes every negative test whatever it checks. This repeats the same mutations on a
// credential MAGIX itself issued (eddsa-rdfc-2022), so each rejection is known to come from the
// mutation. Prints the same "total … passed … failed …" line as summarise.mjs.
// Environment: MAGIX_INTEROP_URL, MAGIX_INTEROP_TOKEN, MAGIX_INTEROP_DID (see local-config.cjs).
const { MAGIX_INTEROP_URL: url, MAGIX_INTEROP_TOKEN: token, MAGIX_INTEROP_DID: did } = process.env;
if (!url || !token || !did) {
  console.error('MAGIX_INTEROP_URL, MAGIX_INTEROP_TOKEN and MAGIX_INTEROP_DID must be set');
  process.exit(2);
}

async function post(path, body, authorized = false) {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorized ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
const reasonOf = (body) => String(body?.errors?.[0]?.message ?? body?.message ?? JSON.stringify(body)).slice(0, 160);

// the CCG suite's mutations (tests/10-vc-di.js), in its order
const mutations = {
  '"@context" property is missing': (vc) => delete vc['@context'],
  '"type" property is missing': (vc) => delete vc.type,
  '"issuer" property is missing': (vc) => delete vc.issuer,
  '"credentialSubject" property is missing': (vc) => delete vc.credentialSubject,
  '"proof" property is missing': (vc) => delete vc.proof,
  '"proof.type" property is missing': (vc) => delete vc.proof.type,
  '"proof.created" property is missing': (vc) => delete vc.proof.created,
  '"proof.verificationMethod" property is missing': (vc) => delete vc.proof.verificationMethod,
  '"proof.proofValue" property is missing': (vc) => delete vc.proof.proofValue,
  '"proof.proofPurpose" property is missing': (vc) => delete vc.proof.proofPurpose,
  '"@context" is not an array': (vc) => (vc['@context'] = 'https://www.w3.org/ns/credentials/v2'),
  '"@context" items are not strings or objects': (vc) => (vc['@context'] = [4]),
  '"type" is not an array': (vc) => (vc.type = 'VerifiableCredential'),
  '"type" items are not strings': (vc) => (vc.type = [2, 3]),
  '"issuer" is not an object or a string': (vc) => (vc.issuer = 4),
  '"credentialSubject" is not an object': (vc) => (vc.credentialSubject = 'not an object'),
  '"proof" is not an object': (vc) => (vc.proof = 'not an object'),
};

const results = [];
const issued = await post(
  '/credentials/issue',
  {
    credential: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential'],
      issuer: did,
      credentialSubject: { id: 'did:example:abcdefgh', name: 'Alumna' },
    },
  },
  true,
);
const vc = issued.body?.verifiableCredential;
if (issued.status !== 201 || !vc) {
  results.push({ title: 'MAGIX issues the credential to mutate', ok: false, reason: `HTTP ${issued.status}: ${reasonOf(issued.body)}` });
} else {
  const verify = (credential) => post('/credentials/verify', { verifiableCredential: credential, options: { checks: ['proof'] } });
  const valid = await verify(vc);
  results.push({
    title: 'MUST verify a valid VC (issued by MAGIX).',
    ok: valid.status === 200,
    reason: valid.status === 200 ? `HTTP 200, verified: ${valid.body?.verified}` : `HTTP ${valid.status}: ${reasonOf(valid.body)}`,
  });
  for (const [what, mutate] of Object.entries(mutations)) {
    const mutated = structuredClone(vc);
    mutate(mutated);
    const r = await verify(mutated);
    results.push({
      title: `MUST not verify if ${what}.`,
      ok: r.status === 400 || r.status === 422,
      reason: `HTTP ${r.status}: ${reasonOf(r.body)}`,
    });
  }
}

const passed = results.filter((r) => r.ok).length;
console.log('# magix-verifier-selfcheck');
console.log("the CCG verifier suite's mutations (tests/10-vc-di.js) on a MAGIX-issued eddsa-rdfc-2022 credential");
console.log('');
console.log(`total ${results.length}  passed ${passed}  failed ${results.length - passed}  pending 0`);
console.log('');
for (const r of results) console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.title}  (${r.reason})`);
