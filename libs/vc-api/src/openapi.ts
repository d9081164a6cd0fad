/** OpenAPI 3.1 description of the VC-API routes, served at GET /openapi.json. */
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errorBody = json({ $ref: '#/components/schemas/Error' });
const verificationBody = json({ $ref: '#/components/schemas/VerificationResult' });

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
          code: { type: 'string', examples: ['MALFORMED_REQUEST', 'INVALID_CREDENTIAL'] },
          message: { type: 'string' },
          field: { type: 'string' },
        },
      },
      Problem: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } } },
      Check: {
        type: 'object',
        properties: {
          name: { enum: ['DATA_MODEL', 'PROOF', 'ISSUER', 'STATUS', 'VALIDITY_PERIOD'] },
          outcome: { enum: ['PASSED', 'FAILED', 'UNKNOWN', 'NOT_CHECKED'] },
          message: { type: 'string' },
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
          verdict: { enum: ['VALID', 'REVOKED', 'SUSPENDED', 'EXPIRED', 'NOT_YET_VALID', 'STATUS_UNKNOWN', 'INVALID'] },
          results: { type: 'array', items: { $ref: '#/components/schemas/Check' } },
        },
      },
      Credential: { type: 'object', description: 'A W3C Verifiable Credential (JSON-LD)' },
    },
  },
  paths: {
    '/credentials/issue': {
      post: {
        summary: 'Issue a credential as your HEI',
        description:
          'Signs the credential with the HEI’s current key (eddsa-rdfc-2022). The issuer is set to the HEI’s DID; VC 2.0 credentials get Bitstring Status List entries for revocation and suspension.',
        security: [{ bearer: [] }],
        requestBody: json({
          type: 'object',
          required: ['credential'],
          properties: { credential: { $ref: '#/components/schemas/Credential' }, options: { type: 'object' } },
        }),
        responses: {
          201: {
            description: 'Issued',
            ...json({ type: 'object', properties: { verifiableCredential: { $ref: '#/components/schemas/Credential' } } }),
          },
          400: { description: 'Not a request this endpoint takes', ...errorBody },
          401: { description: 'No valid access token', ...errorBody },
          403: { description: 'Not an ISSUER', ...errorBody },
          422: { description: 'Not a credential that can be issued', ...errorBody },
        },
      },
    },
    '/credentials/verify': {
      post: {
        summary: 'Verify a credential',
        description:
          '`verifiableCredential` is a JSON-LD credential or a VC-JOSE compact JWS. `options.checks` picks what counts (default proof, status, validity); issuer trust is a warning unless `issuer` is asked for.',
        requestBody: json({
          type: 'object',
          required: ['verifiableCredential'],
          properties: {
            verifiableCredential: { oneOf: [{ $ref: '#/components/schemas/Credential' }, { type: 'string' }] },
            options: { type: 'object', properties: { checks: { type: 'array', items: { type: 'string' } } } },
          },
        }),
        responses: {
          200: { description: 'Verified', ...verificationBody },
          400: { description: 'Not a request this endpoint takes', ...errorBody },
          422: { description: 'Not verified; the body says why', ...verificationBody },
        },
      },
    },
    '/presentations/verify': {
      post: {
        summary: 'Verify a presentation and the credentials in it',
        requestBody: json({
          type: 'object',
          required: ['verifiablePresentation', 'options'],
          properties: {
            verifiablePresentation: { type: 'object' },
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
          403: { description: 'Not your HEI’s credential', ...errorBody },
          404: { description: 'No such credential', ...errorBody },
          409: { description: 'Revoked credentials cannot change: revocation is final', ...errorBody },
        },
      },
    },
    '/credentials/{id}': {
      get: {
        summary: 'A credential as issued; `Accept: application/vc+jwt` gives its VC-JOSE form',
        security: [{ bearer: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          200: { description: 'The credential', content: { 'application/vc+ld+json': {}, 'application/vc+jwt': {} } },
          403: { description: 'Not yours', ...errorBody },
          404: { description: 'No such credential', ...errorBody },
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
