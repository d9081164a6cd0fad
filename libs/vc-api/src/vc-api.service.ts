import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { Principal } from '@magix/auth';
import { Clock, DomainError, notFound } from '@magix/common';
import {
  CheckName,
  CheckOutcome,
  CREDENTIALS_V1_CONTEXT_URL,
  DATA_INTEGRITY_V2_CONTEXT_URL,
  dataModelProblems,
  dataModelVersion,
  describeError,
  foreignModuleClaims,
  isRecord,
  looksLikeJwt,
  PresentationReport,
  UnsignedCredential,
  VerificationReport,
} from '@magix/credentials';
import {
  credentialRevoked,
  CredentialIssuanceService,
  CredentialsQueryService,
  CredentialStatusService,
  IssuedCredential,
  StatusChange,
  VerificationService,
} from '@magix/issuance';
import { IssuerIdentityService } from '@magix/organisations';
import { PresentationChallenges } from '@magix/presentations';
import { ENVELOPED_CREDENTIAL, ENVELOPED_PRESENTATION, envelopeCredentialJwt, isEnvelope, openEnvelope } from './envelopes';
import { verifyPresentationJwt } from './presentation-jwt';
import { degreeClaimProblems, statusEntryProblems, submittedIssuerId } from './submitted-credential';
import {
  credentialResult,
  presentationResult,
  requestedChecks,
  unopenedCredentialReport,
  unopenedPresentationReport,
  VcApiVerificationResult,
} from './vc-api-results';
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

/**
 * `options.securingMechanism`: `EmbeddedProof` (the default: a Data Integrity proof) or
 * `EnvelopingProof` (the VC-JOSE form, as an EnvelopedVerifiableCredential). The name is the W3C
 * vc-data-model-2.0 test suite's tag for enveloping issuers, and the option its registered
 * enveloping issuers are configured with.
 */
export const SECURING_MECHANISMS = ['EmbeddedProof', 'EnvelopingProof'] as const;

function envelopeWanted(options: Record<string, unknown>): boolean {
  const mechanism = options.securingMechanism;
  if (mechanism === undefined || mechanism === 'EmbeddedProof') return false;
  if (mechanism === 'EnvelopingProof') return true;
  throw malformedRequest(`options.securingMechanism must be ${SECURING_MECHANISMS.join(' or ')}`, 'options.securingMechanism');
}

export interface IssueAnswer {
  verifiableCredential: Record<string, unknown>;
  /** What the server did differently from what was submitted (a credentialStatus it replaced). */
  warnings?: Array<{ name: string; message: string }>;
}

const STATUS_REPLACED =
  'The credentialStatus submitted was replaced by this server’s own Bitstring Status List status: ' +
  'it allocates the status of what it issues, and changes it through POST /credentials/status';

/** The W3C CCG Verifiable Credentials API over our issuing and verification services. */
@Injectable()
export class VcApiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuance: CredentialIssuanceService,
    private readonly identities: IssuerIdentityService,
    private readonly verification: VerificationService,
    private readonly status: CredentialStatusService,
    private readonly credentials: CredentialsQueryService,
    private readonly challenges: PresentationChallenges,
    private readonly clock: Clock,
  ) {}

  async issue(body: unknown, principal: Principal): Promise<IssueAnswer> {
    const submitted = bodyField(body, 'credential');
    const envelope = envelopeWanted(optionsOf(body));
    if (!isRecord(submitted)) throw malformedRequest('credential must be a JSON object', 'credential');
    if (submitted.proof !== undefined) throw unprocessableCredential('The credential already has a proof');
    const issuer = submittedIssuerId(submitted.issuer);
    if (issuer.problem !== undefined) throw unprocessableCredential(issuer.problem, 'credential.issuer');
    const organisationId = principal.organisationId!;
    const { key } = await this.identities.signingIdentity(this.dataSource.manager, organisationId);
    if (issuer.id !== key.did) throw unprocessableCredential(`issuer must be your HEI's DID, ${key.did}`, 'credential.issuer');
    const statusProblems = statusEntryProblems(submitted.credentialStatus);
    if (statusProblems.length > 0) throw unprocessableCredential(statusProblems.join('; '), 'credential.credentialStatus');
    const credential = this.withDataIntegrityContext(submitted);
    const problems = dataModelProblems(credential);
    if (problems.length > 0) throw unprocessableCredential(problems.join('; '));
    await this.assertSignableClaims(credential, organisationId);
    if (envelope && dataModelVersion(credential) !== 2) {
      throw unprocessableCredential('EnvelopingProof (VC-JOSE) secures VC Data Model 2.0 credentials only', 'credential.@context');
    }
    // Every credential gets our own status entry (issueSubmitted); a well-formed one sent is replaced, and we say so.
    const statusReplaced = credential.credentialStatus !== undefined;
    let issued: IssuedCredential;
    try {
      issued = await this.dataSource.transaction((manager) =>
        this.issuance.issueSubmitted(manager, organisationId, credential, principal.userId),
      );
    } catch (error) {
      // JSON-LD refuses undefined terms and contexts it cannot load: the credential's fault.
      if (error instanceof DomainError || error instanceof QueryFailedError) throw error;
      throw unprocessableCredential(`The credential cannot be signed: ${describeError(error)}`);
    }
    return {
      verifiableCredential: envelope
        ? envelopeCredentialJwt(await this.credentials.jwtOf(issued))
        : (JSON.parse(issued.json) as Record<string, unknown>),
      ...(statusReplaced ? { warnings: [{ name: 'credentialStatus', message: STATUS_REPLACED }] } : {}),
    };
  }

  /** 422 for what an HEI may not sign here: a degree, co-awarders, another HEI's catalogue module. */
  private async assertSignableClaims(credential: UnsignedCredential, organisationId: string): Promise<void> {
    const degree = degreeClaimProblems(credential);
    if (degree.length > 0) throw unprocessableCredential(degree.map((p) => p.message).join('; '), degree[0].field);
    const foreign = await foreignModuleClaims(credential, organisationId, { moduleNamed: (r) => this.verification.moduleNamed(r) });
    if (foreign.length > 0) {
      throw unprocessableCredential(
        `The MAGIX module ${foreign.join(', ')} is provided by another HEI: only a module's provider certifies it`,
        'credential.credentialSubject.achievement',
      );
    }
  }

  async verifyCredential(body: unknown): Promise<VcApiVerificationResult> {
    const credential = bodyField(body, 'verifiableCredential');
    const options = optionsOf(body);
    if (credential === undefined) throw malformedRequest('verifiableCredential is required', 'verifiableCredential');
    if (!isRecord(credential) && !looksLikeJwt(credential)) {
      throw malformedRequest('verifiableCredential must be a JSON object, or a VC-JOSE compact JWS', 'verifiableCredential');
    }
    return credentialResult(await this.reportOn(credential), requestedChecks(options.checks));
  }

  async verifyPresentation(body: unknown) {
    const presentation = bodyField(body, 'verifiablePresentation');
    const options = optionsOf(body);
    if (!isRecord(presentation)) throw malformedRequest('verifiablePresentation must be a JSON object', 'verifiablePresentation');
    const challenge = typeof options.challenge === 'string' ? options.challenge : undefined;
    const domain = typeof options.domain === 'string' ? options.domain : undefined;
    const report = await this.challenges.verifyOnce(challenge, domain, async (forDomain) =>
      isEnvelope(presentation, ENVELOPED_PRESENTATION)
        ? this.envelopedPresentation(presentation, { challenge, domain: forDomain })
        : this.withEnvelopedCredentials(presentation, await this.verification.presentation(presentation, { challenge, domain: forDomain })),
    );
    return presentationResult(report, requestedChecks(options.checks), await this.challenges.issuedByUs(challenge));
  }

  /** A credential as JSON-LD, as a compact JWS, or as an EnvelopedVerifiableCredential around one. */
  private async reportOn(credential: unknown): Promise<VerificationReport> {
    if (!isEnvelope(credential, ENVELOPED_CREDENTIAL)) return this.verification.credential(credential);
    const opened = openEnvelope(credential, ENVELOPED_CREDENTIAL);
    return opened.problem !== undefined ? unopenedCredentialReport(opened.problem) : this.verification.credential(opened.jwt);
  }

  /** The JWS is the holder's proof; the presentation inside is checked as any other, but for an embedded proof. */
  private async envelopedPresentation(
    envelope: Record<string, unknown>,
    options: { challenge?: string; domain?: string },
  ): Promise<PresentationReport> {
    const opened = openEnvelope(envelope, ENVELOPED_PRESENTATION);
    if (opened.problem !== undefined) return unopenedPresentationReport(opened.problem);
    const { presentation, proof, signer } = await verifyPresentationJwt(opened.jwt, { ...options, now: this.clock.now() });
    if (!presentation) return unopenedPresentationReport('The JWS does not carry a presentation', proof);
    const inner = await this.verification.presentation(presentation, signer ? { envelopedBy: signer } : {});
    return this.withEnvelopedCredentials(presentation, {
      ...inner,
      checks: inner.checks.map((c) => (c.name === CheckName.PROOF ? proof : c)),
    });
  }

  /** Re-checks, opened, the enveloped credentials a presentation holds (the presentation engine reads JSON-LD and JWS only). */
  private async withEnvelopedCredentials(presentation: Record<string, unknown>, report: PresentationReport): Promise<PresentationReport> {
    const items = ([] as unknown[]).concat(presentation.verifiableCredential ?? []);
    if (report.credentials.length !== items.length) return report; // refused before its credentials were read (a verification limit)
    let { checks, credentials } = report;
    if (items.some((item) => isEnvelope(item, ENVELOPED_CREDENTIAL))) {
      credentials = await Promise.all(
        items.map((item, i) => (isEnvelope(item, ENVELOPED_CREDENTIAL) ? this.reportOn(item) : Promise.resolve(report.credentials[i]))),
      );
      // Bound to the presenter by the credentials as opened, not by their envelopes.
      checks = [
        ...checks.filter((c) => c.name !== CheckName.HOLDER),
        ...(await this.verification.holderBinding(credentials, report.presentedBy)),
      ];
    }
    const verified = checks.every((c) => c.outcome === CheckOutcome.PASSED) && credentials.every((c) => c.verified);
    return { ...report, checks, credentials, verified };
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

  /**
   * A stored credential by the id its document carries (`urn:uuid:…`, ours or one the HEI
   * submitted) or by its row's UUID; NOT_FOUND when none. No access check: the caller makes it.
   */
  async findByDocumentId(credentialId: string): Promise<IssuedCredential> {
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
