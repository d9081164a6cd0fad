import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { Principal } from '@magix/auth';
import { DomainError, notFound } from '@magix/common';
import {
  CREDENTIALS_V1_CONTEXT_URL,
  DATA_INTEGRITY_V2_CONTEXT_URL,
  dataModelProblems,
  describeError,
  isRecord,
  issuerIdOf,
  looksLikeJwt,
  UnsignedCredential,
} from '@magix/credentials';
import {
  credentialRevoked,
  CredentialIssuanceService,
  CredentialStatusService,
  IssuedCredential,
  StatusChange,
  VerificationService,
} from '@magix/issuance';
import { IssuerIdentityService } from '@magix/organisations';
import { credentialResult, presentationResult, requestedChecks, VcApiVerificationResult } from './vc-api-results';
import { malformedRequest, unprocessableCredential } from './vc-api.errors';

function bodyField(body: unknown, field: string): unknown {
  if (!isRecord(body)) throw malformedRequest('The body must be a JSON object');
  return body[field];
}

function optionsOf(body: unknown): Record<string, unknown> {
  const options = bodyField(body, 'options');
  if (options !== undefined && !isRecord(options)) throw malformedRequest('options must be an object', 'options');
  return options ?? {};
}

/** The W3C CCG Verifiable Credentials API over our issuing and verification services. */
@Injectable()
export class VcApiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuance: CredentialIssuanceService,
    private readonly identities: IssuerIdentityService,
    private readonly verification: VerificationService,
    private readonly status: CredentialStatusService,
  ) {}

  async issue(body: unknown, principal: Principal): Promise<Record<string, unknown>> {
    const submitted = bodyField(body, 'credential');
    optionsOf(body);
    if (!isRecord(submitted)) throw malformedRequest('credential must be a JSON object', 'credential');
    if (submitted.proof !== undefined) throw unprocessableCredential('The credential already has a proof');
    const organisationId = principal.organisationId!;
    const { key } = await this.identities.signingIdentity(this.dataSource.manager, organisationId);
    // Absent (or an object without id): we fill it in. Present but not a URL: refused.
    if (submitted.issuer === null || (isRecord(submitted.issuer) && 'id' in submitted.issuer && typeof submitted.issuer.id !== 'string')) {
      throw unprocessableCredential('issuer must be a URL or an object with a URL id', 'credential.issuer');
    }
    const requestedIssuer = submitted.issuer === undefined ? undefined : issuerIdOf(submitted);
    if (requestedIssuer !== undefined && requestedIssuer !== key.did) {
      throw unprocessableCredential(`issuer must be your HEI's DID, ${key.did}`, 'credential.issuer');
    }
    const credential = this.withDataIntegrityContext({
      ...submitted,
      issuer: isRecord(submitted.issuer) ? { ...submitted.issuer, id: key.did } : key.did,
    });
    const problems = dataModelProblems(credential);
    if (problems.length > 0) throw unprocessableCredential(problems.join('; '));
    try {
      const issued = await this.dataSource.transaction((manager) =>
        this.issuance.issueSubmitted(manager, organisationId, credential, principal.userId),
      );
      return JSON.parse(issued.json) as Record<string, unknown>;
    } catch (error) {
      // JSON-LD refuses undefined terms and contexts it cannot load: the credential's fault.
      if (error instanceof DomainError || error instanceof QueryFailedError) throw error;
      throw unprocessableCredential(`The credential cannot be signed: ${describeError(error)}`);
    }
  }

  async verifyCredential(body: unknown): Promise<VcApiVerificationResult> {
    const credential = bodyField(body, 'verifiableCredential');
    const options = optionsOf(body);
    if (credential === undefined) throw malformedRequest('verifiableCredential is required', 'verifiableCredential');
    if (!isRecord(credential) && !looksLikeJwt(credential)) {
      throw malformedRequest('verifiableCredential must be a JSON object, or a VC-JOSE compact JWS', 'verifiableCredential');
    }
    return credentialResult(await this.verification.credential(credential), requestedChecks(options.checks));
  }

  async verifyPresentation(body: unknown) {
    const presentation = bodyField(body, 'verifiablePresentation');
    const options = optionsOf(body);
    if (!isRecord(presentation)) throw malformedRequest('verifiablePresentation must be a JSON object', 'verifiablePresentation');
    const challenge = typeof options.challenge === 'string' ? options.challenge : undefined;
    const domain = typeof options.domain === 'string' ? options.domain : undefined;
    const report = await this.verification.presentation(presentation, { challenge, domain });
    return presentationResult(report, requestedChecks(options.checks));
  }

  /** `{credentialId, credentialStatus: [{type, statusPurpose, status}], reason?}` */
  async updateStatus(body: unknown, principal: Principal) {
    const credentialId = bodyField(body, 'credentialId');
    if (typeof credentialId !== 'string') throw malformedRequest('credentialId is required', 'credentialId');
    const updates = ([] as unknown[]).concat(bodyField(body, 'credentialStatus') ?? []);
    if (updates.length === 0) throw malformedRequest('credentialStatus must name at least one status change', 'credentialStatus');
    const reasonValue = bodyField(body, 'reason');
    const reason = typeof reasonValue === 'string' && reasonValue.trim().length >= 3 ? reasonValue.trim() : 'Changed through the VC-API';
    const stored = await this.findByDocumentId(credentialId);
    let result: IssuedCredential = stored;
    for (const update of updates) {
      result = await this.status.change(stored.id, this.changeFor(update), reason, principal);
    }
    return { credentialId, state: result.revokedAt ? 'revoked' : result.suspendedAt ? 'suspended' : 'active' };
  }

  private changeFor(update: unknown): StatusChange {
    if (!isRecord(update)) throw malformedRequest('each credentialStatus item must be an object', 'credentialStatus');
    const purpose = update.statusPurpose;
    // `status: true` sets the bit (VCALM); `status: "revoked" | "suspended" | "active"` also reads well.
    const set = update.status === true || update.status === 'revoked' || update.status === 'suspended' || update.status === undefined;
    const unset = update.status === false || update.status === 'active';
    if (purpose === 'revocation' || update.status === 'revoked') {
      if (unset) throw credentialRevoked();
      return StatusChange.REVOKE;
    }
    if (purpose === 'suspension' || update.status === 'suspended' || update.status === 'active') {
      if (set && update.status !== 'active') return StatusChange.SUSPEND;
      return StatusChange.REINSTATE;
    }
    throw malformedRequest('statusPurpose must be revocation or suspension', 'credentialStatus');
  }

  private async findByDocumentId(credentialId: string): Promise<IssuedCredential> {
    const id = credentialId.replace(/^urn:uuid:/, '');
    const repository = this.dataSource.getRepository(IssuedCredential);
    const byUuid = /^[0-9a-f-]{36}$/i.test(id) ? await repository.findOneBy({ id }) : null;
    const found =
      byUuid ?? (await repository.createQueryBuilder('c').where("(c.document::jsonb ->> 'id') = :credentialId", { credentialId }).getOne());
    if (!found) throw notFound('Credential');
    return found;
  }

  private withDataIntegrityContext(credential: UnsignedCredential): UnsignedCredential {
    const context = credential['@context'];
    if (!Array.isArray(context) || context[0] !== CREDENTIALS_V1_CONTEXT_URL || context.includes(DATA_INTEGRITY_V2_CONTEXT_URL))
      return credential;
    return { ...credential, '@context': [...(context as unknown[]), DATA_INTEGRITY_V2_CONTEXT_URL] };
  }
}
