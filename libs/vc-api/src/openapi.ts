/** OpenAPI 3.1 description of the VC-API routes, served at GET /openapi.json. */
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errorBody = json({ $ref: '#/components/schemas/Error' });
const verificationBody = json({ $ref: '#/components/schemas/VerificationResult' });
const tooLarge = { description: 'The body is over the 1 MB JSON limit', ...errorBody };
const envelope = (type: string, mediaType: string) => ({
  type: 'object',
  required: ['@context', 'id', 'type'],
  description: `VC Data Model 2.0 §4.13.2: a \`data:${mediaType},<compact JWS>\` URL as its id (\`application/jwt\` is read too)`,
  properties: {
    '@context': { oneOf: [{ const: 'https://www.w3.org/ns/credentials/v2' }, { type: 'array', items: {} }] },
    id: { type: 'string', pattern: '^data:' },
    type: { const: type },
  },
  examples: [{ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:${mediaType},eyJhbGciOiJFZERTQSIs…`, type }],
});

export const VC_API_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'MAGIX Verifiable Credentials API',
    version: '1.0.0',
    description:
      'The W3C CCG Verifiable Credentials API of the MAGIX platform. Credentials are VC Data Model 2.0 (Open Badges 3.0 for MAGIX modules), secured with Data Integrity eddsa-rdfc-2022 or, on request, VC-JOSE. Issuing and status changes need an ISSUER access token (GraphQL `login`); verifying is open to anyone.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', examples: ['MALFORMED_REQUEST', 'INVALID_CREDENTIAL', 'PAYLOAD_TOO_LARGE'] },
          message: { type: 'string' },
          field: { type: 'string' },
        },
      },
      Check: {
        type: 'object',
        properties: {
          name: { enum: ['DATA_MODEL', 'PROOF', 'ISSUER', 'STATUS', 'VALIDITY_PERIOD', 'HOLDER'] },
          outcome: { enum: ['PASSED', 'FAILED', 'UNKNOWN', 'NOT_CHECKED'] },
          code: {
            type: 'string',
            description: 'The message as a stable key a client translates with `params`',
            examples: ['status.revoked', 'issuer.trusted', 'validity.until'],
          },
          params: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: 'What fills the placeholders of the message of `code`: DIDs, names, counts, ISO 8601 dates',
          },
          message: { type: 'string', description: 'The message in English' },
        },
      },
      VerificationResult: {
        type: 'object',
        required: ['verified', 'checks', 'warnings', 'errors'],
        properties: {
          verified: { type: 'boolean' },
          checks: {
            type: 'array',
            items: { type: 'string' },
            description: 'The checks that passed: dataModel, proof, status, validity, issuer',
          },
          warnings: { type: 'array', items: { $ref: '#/components/schemas/Problem' } },
          errors: { type: 'array', items: { $ref: '#/components/schemas/Problem' } },
          verdict: {
            enum: ['VALID', 'REVOKED', 'SUSPENDED', 'EXPIRED', 'NOT_YET_VALID', 'STATUS_UNKNOWN', 'INVALID'],
            description:
              'The verdict over the checks that count (`options.checks`): VALID exactly when `verified` is true. `results` has every check, counted or not.',
          },
          results: { type: 'array', items: { $ref: '#/components/schemas/Check' } },
        },
      },
      Credential: { type: 'object', description: 'A W3C Verifiable Credential (JSON-LD)' },
      EnvelopedVerifiableCredential: envelope('EnvelopedVerifiableCredential', 'application/vc+jwt'),
      EnvelopedVerifiablePresentation: envelope('EnvelopedVerifiablePresentation', 'application/vp+jwt'),
      Problem: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  paths: {
    '/credentials/issue': {
      post: {
        summary: 'Issue a credential as your HEI',
        description:
          'Signs the credential with the HEI’s current key (eddsa-rdfc-2022). `issuer` is required and must be the HEI’s DID (a URL, or an object with it as `id`); anything else is refused, never filled in. ' +
          'VC 2.0 credentials get this server’s own Bitstring Status List status (revocable and suspendable). A submitted `credentialStatus` is checked first: a malformed one (e.g. a BitstringStatusListEntry whose statusListIndex is not a base-10 integer string) is refused with 422; a well-formed one is replaced by ours, and the answer says so in `warnings`. ' +
          '`options.securingMechanism: "EnvelopingProof"` answers the VC-JOSE form (the stored credential secured as `application/vc+jwt`, EdDSA, the same key) as an EnvelopedVerifiableCredential; `"EmbeddedProof"` (the default) the Data Integrity form.',
        security: [{ bearer: [] }],
        requestBody: json({
          type: 'object',
          required: ['credential'],
          properties: {
            credential: { $ref: '#/components/schemas/Credential' },
            options: {
              type: 'object',
              properties: {
                securingMechanism: {
                  enum: ['EmbeddedProof', 'EnvelopingProof'],
                  default: 'EmbeddedProof',
                  description:
                    'EnvelopingProof: answer an EnvelopedVerifiableCredential (`data:application/vc+jwt,…`). The name of the W3C vc-data-model-2.0 test suite’s tag for enveloping issuers.',
                },
              },
            },
          },
        }),
        responses: {
          201: {
            description: 'Issued',
            ...json({
              type: 'object',
              properties: {
                verifiableCredential: {
                  oneOf: [{ $ref: '#/components/schemas/Credential' }, { $ref: '#/components/schemas/EnvelopedVerifiableCredential' }],
                },
                warnings: {
                  type: 'array',
                  items: { $ref: '#/components/schemas/Problem' },
                  description: 'What was issued differently from what was submitted: a replaced credentialStatus',
                },
              },
            }),
          },
          400: { description: 'Not a request this endpoint takes (including an unknown options.securingMechanism)', ...errorBody },
          401: { description: 'No valid access token', ...errorBody },
          403: { description: 'Not an ISSUER', ...errorBody },
          413: tooLarge,
          422: {
            description:
              'Not a credential that can be issued: no issuer or another one, a malformed credentialStatus, a data model error, EnvelopingProof for a VC 1.1 credential',
            ...errorBody,
          },
        },
      },
    },
    '/credentials/verify': {
      post: {
        summary: 'Verify a credential',
        description:
          '`verifiableCredential` is a JSON-LD credential, a VC-JOSE compact JWS, or an EnvelopedVerifiableCredential around one (an envelope with a wrong context, type or data: URL is not verified: 422). `options.checks` picks what counts (default proof, status, validity); issuer trust is a warning unless `issuer` is asked for.',
        requestBody: json({
          type: 'object',
          required: ['verifiableCredential'],
          properties: {
            verifiableCredential: {
              oneOf: [
                { $ref: '#/components/schemas/Credential' },
                { type: 'string', description: 'A compact JWS (application/vc+jwt)' },
                { $ref: '#/components/schemas/EnvelopedVerifiableCredential' },
              ],
            },
            options: { type: 'object', properties: { checks: { type: 'array', items: { type: 'string' } } } },
          },
        }),
        responses: {
          200: { description: 'Verified', ...verificationBody },
          400: { description: 'Not a request this endpoint takes', ...errorBody },
          413: tooLarge,
          422: { description: 'Not verified; the body says why', ...verificationBody },
        },
      },
    },
    '/presentations/verify': {
      post: {
        summary: 'Verify a presentation and the credentials in it',
        description:
          'A JSON-LD presentation with the holder’s Data Integrity proof for `options.challenge` (and `domain`), or an EnvelopedVerifiablePresentation around a VP-JWT: EdDSA, signed by the did:key its header names (`kid`, else `iss`), which must be the holder; the payload is the presentation (or its `vp` claim); `nonce` must be the challenge and `aud` the domain. Credentials inside may be JSON-LD or EnvelopedVerifiableCredentials.',
        requestBody: json({
          type: 'object',
          required: ['verifiablePresentation', 'options'],
          properties: {
            verifiablePresentation: {
              oneOf: [{ type: 'object' }, { $ref: '#/components/schemas/EnvelopedVerifiablePresentation' }],
            },
            options: {
              type: 'object',
              required: ['challenge'],
              properties: {
                challenge: { type: 'string' },
                domain: { type: 'string' },
                checks: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        }),
        responses: {
          200: { description: 'Verified', ...json({ type: 'object' }) },
          400: { description: 'Not a request this endpoint takes', ...errorBody },
          413: tooLarge,
          422: { description: 'Not verified; the body says why', ...json({ type: 'object' }) },
        },
      },
    },
    '/credentials/status': {
      post: {
        summary: 'Revoke, suspend or reinstate a credential your HEI issued',
        security: [{ bearer: [] }],
        requestBody: json({
          type: 'object',
          required: ['credentialId', 'credentialStatus'],
          properties: {
            credentialId: { type: 'string' },
            credentialStatus: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  type: { const: 'BitstringStatusListEntry' },
                  statusPurpose: { enum: ['revocation', 'suspension'] },
                  status: { type: 'boolean' },
                },
              },
            },
            reason: { type: 'string' },
          },
        }),
        responses: {
          200: {
            description: 'The credential’s state after the change',
            ...json({
              type: 'object',
              properties: { credentialId: { type: 'string' }, state: { enum: ['active', 'suspended', 'revoked'] } },
            }),
          },
          400: { description: 'Malformed', ...errorBody },
          401: { description: 'No valid access token', ...errorBody },
          403: { description: 'Not an ISSUER', ...errorBody },
          404: { description: 'No such credential, or not one your HEI issued', ...errorBody },
          409: { description: 'Revoked credentials cannot change: revocation is final', ...errorBody },
          413: tooLarge,
        },
      },
    },
    '/credentials/{id}': {
      get: {
        summary: 'A credential as issued; `Accept: application/vc+jwt` gives its VC-JOSE form',
        description:
          'Issuer-protected, as in the VC-API: send an access token (GraphQL `login`) of the issuing HEI’s staff, of the learner it was issued to, or of the programme office. Anyone else gets 404, as for an absent credential.',
        security: [{ bearer: [] }],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The credential’s own id (`urn:uuid:…`, URL-encoded or not) or its bare UUID',
            schema: { type: 'string', pattern: '^(urn:uuid:)?[0-9a-fA-F-]{36}$' },
            examples: { credentialId: { value: 'urn:uuid:26c432c1-8d0a-4a05-9c1d-a8abfe5f1256' } },
          },
        ],
        responses: {
          200: { description: 'The credential', content: { 'application/vc+ld+json': {}, 'application/vc+jwt': {} } },
          400: { description: 'Not a UUID or urn:uuid: id', ...errorBody },
          401: { description: 'No valid access token', ...errorBody },
          404: { description: 'No such credential, or not one this token may read', ...errorBody },
        },
      },
    },
    '/status-lists/{id}': {
      get: {
        summary: 'A signed BitstringStatusListCredential (ETag, If-None-Match)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          200: { description: 'The list', content: { 'application/vc+ld+json': {} } },
          304: { description: 'Unchanged' },
          404: { description: 'No such list', ...errorBody },
        },
      },
    },
    '/.well-known/magix-trust-registry.json': {
      get: {
        summary: 'The consortium’s issuer DIDs, organisations and validity windows',
        responses: { 200: { description: 'The registry', ...json({ type: 'object' }) } },
      },
    },
  },
} as const;
