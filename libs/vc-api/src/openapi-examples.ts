import { VC_API_OPENAPI } from './openapi';

/** The HEI the examples issue as: one of this server's, so that the issue example works when pasted. */
export interface ExampleIssuer {
  did: string;
  name: string;
  countryCode: string;
}

const PLACEHOLDER_ISSUER: ExampleIssuer = {
  did: 'did:key:z6Mk…(your HEI’s DID: GraphQL organisations { issuerDid })',
  name: 'Your HEI',
  countryCode: 'EU',
};
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const LEARNER_DID = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH';
const CREDENTIAL_ID = 'urn:uuid:26c432c1-8d0a-4a05-9c1d-a8abfe5f1256';

/** An Open Badges 3.0 credential as an HEI submits it: no id, status or proof (the server adds them). */
export const openBadgeCredential = (issuer: ExampleIssuer) => ({
  '@context': [V2, OB3],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer.did, type: ['Profile'], name: issuer.name },
  validFrom: '2026-11-20T00:00:00Z',
  name: 'AI Governance Workshop',
  credentialSubject: {
    id: LEARNER_DID,
    type: ['AchievementSubject'],
    achievement: {
      id: 'urn:uuid:6f1c0c1e-5a1d-4b7e-9c2a-3e8f4d2b1a90',
      type: ['Achievement'],
      name: 'AI Governance Workshop',
      description: 'Took part in a two-day workshop on governing AI in public administration.',
      criteria: { narrative: 'Attended both days and presented a case study.' },
    },
  },
});

/** The same credential as issued, with what the server adds (the proof value is shortened). */
const issuedCredential = (issuer: ExampleIssuer, publicUrl: string) => ({
  ...openBadgeCredential(issuer),
  id: CREDENTIAL_ID,
  credentialStatus: {
    id: `${publicUrl}/status-lists/c557e3c7-b363-4b6b-9cf0-195cbd010e80#170487`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'message',
    statusListIndex: '170487',
    statusListCredential: `${publicUrl}/status-lists/c557e3c7-b363-4b6b-9cf0-195cbd010e80`,
    statusSize: 2,
    statusMessage: [
      { status: '0x0', message: 'valid' },
      { status: '0x1', message: 'revoked' },
      { status: '0x2', message: 'suspended' },
      { status: '0x3', message: 'revoked' },
    ],
  },
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-11-20T09:30:00Z',
    verificationMethod: `${issuer.did}#${issuer.did.replace(/^did:key:/, '')}`,
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46…',
  },
});

const result = (name: string, outcome: string, code: string, message: string, params: Record<string, string> = {}) => ({
  name,
  outcome,
  code,
  params,
  message,
});
const passed = (name: string, code: string, message: string, params?: Record<string, string>) =>
  result(name, 'PASSED', code, message, params);

const issuerCheck = (issuer: ExampleIssuer) =>
  passed('ISSUER', 'issuer.trusted', `Issued by ${issuer.name} (${issuer.countryCode}), a trusted consortium member`, {
    issuer: issuer.name,
    country: issuer.countryCode,
  });

const verified = (issuer: ExampleIssuer) => ({
  verified: true,
  checks: ['dataModel', 'proof', 'status', 'validity'],
  warnings: [],
  errors: [],
  results: [
    passed('DATA_MODEL', 'dataModel.valid', 'Well-formed per the VC Data Model 2.0'),
    passed('PROOF', 'proof.matches', 'The signature matches the content and the issuer'),
    issuerCheck(issuer),
    passed('STATUS', 'status.valid', 'Not revoked and not suspended'),
    passed('VALIDITY_PERIOD', 'validity.since', 'Valid since 2026-11-20T00:00:00Z, no end date', { date: '2026-11-20T00:00:00Z' }),
  ],
  verdict: 'VALID',
});

const tampered = (issuer: ExampleIssuer) => ({
  verified: false,
  checks: ['dataModel', 'status', 'validity'],
  warnings: [],
  errors: [{ name: 'proof', message: 'The signature does not match: Invalid signature.' }],
  results: [
    passed('DATA_MODEL', 'dataModel.valid', 'Well-formed per the VC Data Model 2.0'),
    result('PROOF', 'FAILED', 'proof.mismatch', 'The signature does not match: Invalid signature.', { detail: 'Invalid signature.' }),
    issuerCheck(issuer),
    passed('STATUS', 'status.valid', 'Not revoked and not suspended'),
    passed('VALIDITY_PERIOD', 'validity.since', 'Valid since 2026-11-20T00:00:00Z, no end date', { date: '2026-11-20T00:00:00Z' }),
  ],
  verdict: 'INVALID',
});

const unproven = {
  verified: false,
  checks: ['dataModel'],
  warnings: [{ name: 'holder', message: `Credential 1 (${CREDENTIAL_ID}): not checked, no proof of the presentation verified` }],
  errors: [{ name: 'proof', message: 'The presentation has no proof' }],
  presentationResult: {
    verified: false,
    holder: LEARNER_DID,
    results: [
      passed('DATA_MODEL', 'dataModel.presentationValid', 'Well-formed Verifiable Presentation'),
      result('PROOF', 'FAILED', 'presentation.noProof', 'The presentation has no proof'),
      result(
        'HOLDER',
        'NOT_CHECKED',
        'holder.notChecked',
        `Credential 1 (${CREDENTIAL_ID}): not checked, no proof of the presentation verified`,
        {
          credential: `1 (${CREDENTIAL_ID})`,
        },
      ),
    ],
  },
  credentialResults: [],
};

const error = (code: string, message: string, field?: string) => ({ value: { code, message, ...(field ? { field } : {}) } });
const signIn = { unauthenticated: error('UNAUTHENTICATED', 'Sign in first: a valid bearer access token is required') };
const issuerOnly = { forbidden: error('FORBIDDEN', 'This needs the role ISSUER') };

/** Every POST's request examples, and its answers', by path: `[requestExamples, {status: example}]`. */
function examplesByPath(issuer: ExampleIssuer, publicUrl: string): Record<string, [object, Record<string, object>]> {
  const credential = issuedCredential(issuer, publicUrl);
  return {
    '/credentials/issue': [
      {
        openBadge: {
          summary: `An Open Badges 3.0 credential, as ${issuer.name} (send an ISSUER token of that HEI)`,
          value: { credential: openBadgeCredential(issuer), options: { securingMechanism: 'EmbeddedProof' } },
        },
        vcJose: {
          summary: 'The same, answered in its VC-JOSE form (an EnvelopedVerifiableCredential)',
          value: { credential: openBadgeCredential(issuer), options: { securingMechanism: 'EnvelopingProof' } },
        },
      },
      {
        201: { issued: { value: { verifiableCredential: credential } } },
        400: { notAnObject: error('MALFORMED_REQUEST', 'credential must be a JSON object', 'credential') },
        401: signIn,
        403: issuerOnly,
        422: { otherIssuer: error('INVALID_CREDENTIAL', `issuer must be your HEI's DID, ${issuer.did}`, 'credential.issuer') },
      },
    ],
    '/credentials/verify': [
      {
        issued: {
          summary: 'A credential as issued: paste the verifiableCredential POST /credentials/issue answered',
          value: { verifiableCredential: credential, options: { checks: ['proof', 'status', 'validity'] } },
        },
        withIssuerTrust: {
          summary: 'Also require an issuer in the MAGIX trust registry',
          value: { verifiableCredential: credential, options: { checks: ['proof', 'status', 'validity', 'issuer'] } },
        },
      },
      {
        200: { valid: { value: verified(issuer) } },
        400: { missing: error('MALFORMED_REQUEST', 'verifiableCredential is required', 'verifiableCredential') },
        422: { tampered: { value: tampered(issuer) } },
      },
    ],
    '/presentations/verify': [
      {
        presentation: {
          summary: 'A holder’s presentation for a challenge from GraphQL requestPresentation',
          value: {
            verifiablePresentation: {
              '@context': [V2],
              type: ['VerifiablePresentation'],
              holder: LEARNER_DID,
              verifiableCredential: [credential],
              proof: {
                type: 'DataIntegrityProof',
                cryptosuite: 'eddsa-rdfc-2022',
                created: '2026-11-21T10:00:00Z',
                verificationMethod: `${LEARNER_DID}#${LEARNER_DID.replace(/^did:key:/, '')}`,
                proofPurpose: 'authentication',
                challenge: 'b5d1f0e2-6c1a-4c5e-8f7d-2a9b3c4d5e6f',
                domain: 'hr.example.gov',
                proofValue: 'z5Lp8XVtFz2q…',
              },
            },
            options: { challenge: 'b5d1f0e2-6c1a-4c5e-8f7d-2a9b3c4d5e6f', domain: 'hr.example.gov' },
          },
        },
      },
      { 422: { withoutProof: { value: unproven } } },
    ],
    '/credentials/status': [
      {
        revoke: {
          summary: 'Revoke (final)',
          value: {
            credentialId: CREDENTIAL_ID,
            credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', status: true }],
            reason: 'Issued to the wrong learner',
          },
        },
        suspend: {
          summary: 'Suspend (reinstate with status: false)',
          value: { credentialId: CREDENTIAL_ID, credentialStatus: [{ statusPurpose: 'suspension', status: true }], reason: 'Under review' },
        },
      },
      {
        200: { revoked: { value: { credentialId: CREDENTIAL_ID, state: 'revoked' } } },
        401: signIn,
        403: issuerOnly,
        404: { notYours: error('NOT_FOUND', 'Credential not found') },
        409: { final: error('CREDENTIAL_REVOKED', 'The credential is revoked; revocation is final', 'id') },
      },
    ],
  };
}

type Content = Record<string, { examples?: object }>;
type Operation = { requestBody?: { content: Content }; responses: Record<string, { content?: Content }> };

/**
 * The OpenAPI document with request and answer examples for every POST. `issuer` is one of this
 * server's HEIs (the issue example names its DID), null when there is none yet.
 */
export function openApiWithExamples(issuer: ExampleIssuer | null, publicUrl: string): typeof VC_API_OPENAPI {
  const document = structuredClone(VC_API_OPENAPI) as unknown as { paths: Record<string, { post?: Operation }> };
  for (const [path, [requests, responses]] of Object.entries(examplesByPath(issuer ?? PLACEHOLDER_ISSUER, publicUrl))) {
    const operation = document.paths[path].post!;
    // New `content` objects: the description shares one between several answers (errorBody).
    const withExamples = (content: Content, examples: object): Content => ({
      ...content,
      'application/json': { ...content['application/json'], examples },
    });
    operation.requestBody!.content = withExamples(operation.requestBody!.content, requests);
    for (const [status, examples] of Object.entries(responses)) {
      const response = operation.responses[status];
      response.content = withExamples(response.content!, examples);
    }
  }
  return document as unknown as typeof VC_API_OPENAPI;
}
