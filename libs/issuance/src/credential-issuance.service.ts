import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { LearningModule } from '@magix/catalogue';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { buildModuleCredential, signCredential } from '@magix/credentials';
import { fullName, Learner } from '@magix/learners';
import { IssuerIdentityService } from '@magix/organisations';
import { CredentialKind, credentialUrn, IssuedCredential } from './credential.entity';

export interface PassedModule {
  resultId: string;
  learner: Learner;
  module: LearningModule;
  grade: string;
  creditsAwarded: number;
  assessedOn: string;
  actorUserId: string;
}

@Injectable()
export class CredentialIssuanceService {
  constructor(
    private readonly identities: IssuerIdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Issues the module credential for a passing result inside the caller's transaction. The unique
   * result_id makes it exactly once: a second call, even concurrent, returns the first credential.
   */
  async issueForResult(manager: EntityManager, passed: PassedModule): Promise<IssuedCredential> {
    const existing = await manager.findOneBy(IssuedCredential, { resultId: passed.resultId });
    if (existing) return existing;
    const { organisation, key } = await this.identities.signingIdentity(manager, passed.module.providerId);
    const id = randomUUID();
    const issuedAt = new Date();
    const { module, learner } = passed;
    const unsigned = buildModuleCredential({
      credentialId: credentialUrn(id),
      issuedAt,
      issuer: { did: key.did, name: organisation.name, countryCode: organisation.countryCode, url: organisation.website ?? undefined },
      recipient: { id: `urn:uuid:${learner.id}`, name: fullName(learner), email: learner.email },
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
      },
      result: { grade: passed.grade, creditsEarned: passed.creditsAwarded, assessedOn: passed.assessedOn },
    });
    const signed = await signCredential(unsigned, key);
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO credential (id, kind, result_id, learner_id, issuer_organisation_id, issuer_did, document, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (result_id) DO NOTHING RETURNING id`,
      [id, CredentialKind.MODULE, passed.resultId, learner.id, organisation.id, key.did, JSON.stringify(signed), issuedAt],
    );
    // Another transaction issued it first: theirs is the one.
    if (inserted.length === 0) return manager.findOneByOrFail(IssuedCredential, { resultId: passed.resultId });
    await audit(manager, {
      action: AuditAction.CREDENTIAL_ISSUED,
      actorUserId: passed.actorUserId,
      entityType: 'credential',
      entityId: id,
      details: { resultId: passed.resultId, issuerDid: key.did, module: module.code },
    });
    return manager.findOneByOrFail(IssuedCredential, { id });
  }

  private async prerequisiteCodes(manager: EntityManager, moduleId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ code: string }>>(
      'SELECT m.code FROM module_prerequisite p JOIN module m ON m.id = p.prerequisite_id WHERE p.module_id = $1 ORDER BY m.code',
      [moduleId],
    );
    return rows.map((row) => row.code);
  }
}
