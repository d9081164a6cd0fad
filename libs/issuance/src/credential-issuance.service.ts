import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { heiFactsOf, issuerLogo, moduleBadge, moduleBadgeFactsOf } from '@magix/badges';
import { LearningModule } from '@magix/catalogue';
import { Clock, DomainEvents } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import {
  buildModuleCredential,
  dataModelVersion,
  IssuerKeyMaterial,
  magixContextUrl,
  signCredential,
  toDateTimeStamp,
  UnsignedCredential,
} from '@magix/credentials';
import { fullName, HolderIdentityService, Learner } from '@magix/learners';
import { IssuerIdentityService } from '@magix/organisations';
import { CredentialKind, credentialUrn, IssuedCredential } from './credential.entity';
import { StatusAllocation, StatusListService } from './status-list.service';

export interface PassedModule {
  resultId: string;
  /** The name of the scale the grade is in, stated in the credential. */
  gradingScale: string | null;
  learner: Learner;
  module: LearningModule;
  grade: string;
  creditsAwarded: number;
  assessedOn: string;
  actorUserId: string;
}

const STATUS = 'https://www.w3.org/ns/credentials/status#';
/**
 * BitstringStatusListEntry for VC 1.1 credentials, defined exactly as the VC 2.0 context (and the
 * W3C status/v1 context) define it, inline: no verifier has to fetch a context to read it.
 */
export const STATUS_ENTRY_CONTEXT = {
  BitstringStatusListEntry: {
    '@id': `${STATUS}BitstringStatusListEntry`,
    '@context': {
      '@protected': true,
      id: '@id',
      type: '@type',
      statusListCredential: { '@id': `${STATUS}statusListCredential`, '@type': '@id' },
      statusListIndex: `${STATUS}statusListIndex`,
      statusPurpose: `${STATUS}statusPurpose`,
      statusMessage: {
        '@id': `${STATUS}statusMessage`,
        '@context': { '@protected': true, id: '@id', type: '@type', message: `${STATUS}message`, status: `${STATUS}status` },
      },
      statusReference: { '@id': `${STATUS}statusReference`, '@type': '@id' },
      statusSize: { '@id': `${STATUS}statusSize`, '@type': 'https://www.w3.org/2001/XMLSchema#integer' },
    },
  },
};

interface StoredCredential {
  id: string;
  kind: CredentialKind;
  resultId: string | null;
  learnerId: string | null;
  organisationId: string;
  key: IssuerKeyMaterial;
  signed: Record<string, unknown>;
  issuedAt: Date;
  status: StatusAllocation | null;
}

declare module '@magix/common' {
  interface DomainEventMap {
    /** A credential was written (once per credential), in the issuing transaction. */
    'credential.issued': { credential: IssuedCredential };
  }
}

@Injectable()
export class CredentialIssuanceService {
  constructor(
    private readonly identities: IssuerIdentityService,
    private readonly holders: HolderIdentityService,
    private readonly statusLists: StatusListService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues the module credential for a passing result inside the caller's transaction. The unique
   * result_id makes it exactly once: a second call, even concurrent, returns the first credential.
   */
  async issueForResult(manager: EntityManager, passed: PassedModule): Promise<IssuedCredential> {
    const existing = await manager.findOneBy(IssuedCredential, { resultId: passed.resultId });
    if (existing) return existing;
    const { organisation, key } = await this.identities.signingIdentity(manager, passed.module.providerId);
    const status = await this.statusLists.allocate(manager, organisation.id);
    const id = randomUUID();
    const issuedAt = this.clock.now();
    const { module, learner } = passed;
    const unsigned = buildModuleCredential({
      contextUrl: magixContextUrl(this.config.publicUrl),
      credentialId: credentialUrn(id),
      issuedAt,
      issuer: {
        did: key.did,
        name: organisation.name,
        countryCode: organisation.countryCode,
        url: organisation.website ?? undefined,
        image: issuerLogo(heiFactsOf(organisation)).dataUri,
      },
      recipient: { id: await this.holders.subjectDid(manager, learner), name: fullName(learner), email: learner.email },
      achievement: {
        id: `${this.config.publicUrl}/modules/${encodeURIComponent(module.code)}`,
        code: module.code,
        title: module.title,
        description: module.description,
        learningOutcomes: module.learningOutcomes,
        ectsCredits: module.ectsCredits,
        eqfLevel: module.eqfLevel,
        workloadHours: module.workloadHours,
        language: module.language,
        assessmentType: module.assessmentType,
        participationForm: module.participationForm,
        qualityAssurance: module.qualityAssurance,
        prerequisites: await this.prerequisiteCodes(manager, module.id),
        image: moduleBadge(moduleBadgeFactsOf(module, organisation)).dataUri,
      },
      result: {
        grade: passed.grade,
        gradingScale: passed.gradingScale ?? undefined,
        creditsEarned: passed.creditsAwarded,
        assessedOn: passed.assessedOn,
      },
      credentialStatus: status.entry,
    });
    const signed = await signCredential(unsigned, key);
    const stored = await this.store(manager, {
      id,
      kind: CredentialKind.MODULE,
      resultId: passed.resultId,
      learnerId: learner.id,
      organisationId: organisation.id,
      key,
      signed,
      issuedAt,
      status,
    });
    // Another transaction issued it first: theirs is the one.
    if (!stored) return manager.findOneByOrFail(IssuedCredential, { resultId: passed.resultId });
    await audit(manager, {
      action: AuditAction.CREDENTIAL_ISSUED,
      actorUserId: passed.actorUserId,
      entityType: 'credential',
      entityId: id,
      details: { resultId: passed.resultId, issuerDid: key.did, module: module.code },
    });
    return stored;
  }

  /**
   * Signs a credential an HEI submits through the VC-API, as that HEI, with our status list entry
   * (VC 2.0 and 1.1 alike). The caller has checked its shape and claims; signing itself refuses
   * terms no context defines.
   */
  async issueSubmitted(
    manager: EntityManager,
    organisationId: string,
    credential: UnsignedCredential,
    actorUserId: string,
  ): Promise<IssuedCredential> {
    const { key } = await this.identities.signingIdentity(manager, organisationId);
    const status = await this.statusLists.allocate(manager, organisationId);
    const id = randomUUID();
    const issuedAt = this.clock.now();
    // A VC 1.1 credential is as revocable: the terms of its status entry come inline.
    const v1 = dataModelVersion(credential) === 1;
    const context = credential['@context'] as unknown[];
    const complete: UnsignedCredential = {
      ...credential,
      ...(v1 ? { '@context': [...context, STATUS_ENTRY_CONTEXT] } : {}),
      id: credential.id ?? credentialUrn(id),
      issuer: typeof credential.issuer === 'object' && credential.issuer !== null ? { ...credential.issuer, id: key.did } : key.did,
      ...(v1 ? {} : { validFrom: credential.validFrom ?? toDateTimeStamp(issuedAt) }),
      credentialStatus: status.entry,
    };
    const signed = await signCredential(complete, key);
    const stored = await this.store(manager, {
      id,
      kind: CredentialKind.API,
      resultId: null,
      learnerId: null,
      organisationId,
      key,
      signed,
      issuedAt,
      status,
    });
    await audit(manager, {
      action: AuditAction.CREDENTIAL_ISSUED,
      actorUserId,
      entityType: 'credential',
      entityId: id,
      details: { issuerDid: key.did, via: 'vc-api' },
    });
    return stored!;
  }

  private async store(manager: EntityManager, c: StoredCredential): Promise<IssuedCredential | null> {
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO credential (id, kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, issued_at, status_set_id, status_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (result_id) DO NOTHING RETURNING id`,
      [
        c.id,
        c.kind,
        c.resultId,
        c.learnerId,
        c.organisationId,
        c.key.did,
        JSON.stringify(c.signed),
        c.issuedAt,
        c.status?.setId ?? null,
        c.status?.index ?? null,
      ],
    );
    if (inserted.length === 0) return null;
    const credential = await manager.findOneByOrFail(IssuedCredential, { id: c.id });
    await this.events.emit(manager, 'credential.issued', { credential });
    return credential;
  }

  private async prerequisiteCodes(manager: EntityManager, moduleId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ code: string }>>(
      'SELECT m.code FROM module_prerequisite p JOIN module m ON m.id = p.prerequisite_id WHERE p.module_id = $1 ORDER BY m.code',
      [moduleId],
    );
    return rows.map((row) => row.code);
  }
}
