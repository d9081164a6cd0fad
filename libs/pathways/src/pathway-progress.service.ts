import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { Clock, dateOf } from '@magix/common';
import { EarnedCredential, evaluatePathway, PathwayProgress, RecognisedCredits, WithdrawnCredential } from './domain/pathway-progress';
import { PathwayProgressType } from './dto/pathway.types';
import { DegreeAward } from './pathway.entities';
import { PathwayRulesService } from './pathway-rules.service';

export interface EvaluatedProgress {
  progress: PathwayProgress;
  rulesVersionId: string;
  rulesVersion: number;
  editionId: string;
  earned: Array<EarnedCredential & { json: string; providerName: string }>;
}

/**
 * Progress toward the degree, computed from the learner's valid credentials (never stored): not
 * revoked, not suspended, not expired as of the Clock — and approved recognitions.
 */
/** A module credential as evaluate reads it: its withdrawal (code and detail) null while it is valid, its document only then. */
type EarnedRow = EarnedCredential & {
  providerName: string;
  withdrawnCode: WithdrawnCredential['code'] | null;
  withdrawnDetail: string | null;
  json: string | null;
};

@Injectable()
export class PathwayProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: PathwayRulesService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** As of `now` (the Clock's time): expiry is judged at that instant, the time limit on its date. */
  async evaluate(manager: EntityManager, learnerId: string, now = this.clock.now()): Promise<EvaluatedProgress> {
    const today = dateOf(now);
    const { version, editionId } = await this.rules.forLearner(manager, learnerId);
    // Every module credential of the learner, in one read: the valid ones take part in the search;
    // those no longer valid (revoked, suspended or expired, in that order of precedence) are listed
    // in notCounted with why.
    const credentials = await manager.query<Array<EarnedRow>>(
      `SELECT c.id AS "credentialId", m.code AS "moduleCode", r.credits_awarded::float AS ects, v.eqf_level AS "eqfLevel",
              m.provider_id AS "providerId", o.short_name AS "providerName", to_char(r.assessed_on, 'YYYY-MM-DD') AS "earnedOn",
              CASE WHEN c.revoked_at IS NOT NULL AND c.superseded_by_credential_id IS NOT NULL THEN 'SUPERSEDED'
                   WHEN c.revoked_at IS NOT NULL THEN 'REVOKED'
                   WHEN c.suspended_at IS NOT NULL THEN 'SUSPENDED'
                   WHEN c.valid_until <= $2 THEN 'EXPIRED' END AS "withdrawnCode",
              CASE WHEN c.revoked_at IS NOT NULL THEN COALESCE(c.superseded_by_credential_id::text, c.revocation_reason)
                   WHEN c.suspended_at IS NOT NULL THEN c.suspension_reason
                   WHEN c.valid_until <= $2 THEN to_char(c.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS "withdrawnDetail",
              CASE WHEN c.revoked_at IS NULL AND c.suspended_at IS NULL AND (c.valid_until IS NULL OR c.valid_until > $2)
                   THEN c.document END AS json
         FROM credential c
         JOIN assessment_result r ON r.id = c.result_id
         JOIN enrolment e ON e.id = r.enrolment_id
         JOIN offering f ON f.id = e.offering_id
         JOIN module m ON m.id = f.module_id
         JOIN module_version v ON v.id = f.module_version_id -- the version the credential states
         JOIN organisation o ON o.id = m.provider_id
        WHERE c.learner_id = $1 AND c.kind = 'MODULE'`,
      [learnerId, now],
    );
    const earned: Array<EarnedCredential & { json: string; providerName: string }> = [];
    const withdrawn: WithdrawnCredential[] = [];
    for (const { withdrawnCode, withdrawnDetail, json, ...credential } of credentials) {
      if (withdrawnCode === null) earned.push({ ...credential, json: json! });
      else
        withdrawn.push({
          credentialId: credential.credentialId,
          moduleCode: credential.moduleCode,
          code: withdrawnCode,
          detail: withdrawnDetail,
        });
    }
    const recognised = await manager.query<RecognisedCredits[]>(
      `SELECT id AS "recognitionId", title, ects_granted::float AS ects, group_name AS "groupName", to_char(decided_at, 'YYYY-MM-DD') AS "decidedOn"
         FROM recognition WHERE learner_id = $1 AND status = 'APPROVED'`,
      [learnerId],
    );
    return {
      progress: evaluatePathway(version.rules, earned, recognised, today, withdrawn),
      rulesVersionId: version.id,
      rulesVersion: version.version,
      editionId,
      earned,
    };
  }

  async forLearner(learnerId: string, principal: Principal): Promise<PathwayProgressType> {
    // Another learner's progress answers as if that learner did not exist.
    await this.access.require({ principal, permission: Permission.LEARNER_PROGRESS_READ, ids: [learnerId], what: 'Learner' });
    const evaluated = await this.evaluate(this.dataSource.manager, learnerId);
    const degree = await this.dataSource.getRepository(DegreeAward).findOneBy({ learnerId, supersededAt: IsNull() });
    return toGraphQL(learnerId, evaluated, degree?.credentialId ?? null);
  }
}

function toGraphQL(learnerId: string, evaluated: EvaluatedProgress, degreeCredentialId: string | null): PathwayProgressType {
  const { progress } = evaluated;
  const providerNames = new Map(evaluated.earned.map((e) => [e.providerId, e.providerName]));
  const providerOf = new Map(evaluated.earned.map((e) => [e.credentialId, e.providerName]));
  return {
    learnerId,
    editionId: evaluated.editionId,
    rulesVersion: evaluated.rulesVersion,
    eligible: progress.eligible,
    reasons: progress.reasons,
    requiredEcts: progress.requiredEcts,
    countedEcts: progress.countedEcts,
    mandatory: progress.mandatory.map((m) => ({ ...m, satisfied: m.credentialId !== null })),
    groups: progress.groups,
    partners: {
      required: progress.partners.required,
      partners: progress.partners.providerIds.map((id) => providerNames.get(id) ?? id).sort(),
    },
    recognition: progress.recognition,
    timeLimit: progress.timeLimit,
    counted: progress.counted.map((c) => ({
      id: c.id,
      title: c.title,
      ects: c.ects,
      countsAs: c.countsAs.kind,
      group: c.countsAs.kind === 'GROUP' ? c.countsAs.group : null,
      source: c.source,
      provider: providerOf.get(c.id) ?? null,
    })),
    notCounted: progress.notCounted,
    degreeCredentialId,
  };
}
