import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { badInput, Clock, notFound } from '@magix/common';
import { CredentialIssuanceService, CredentialStatusService, IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from '../assessment-result.entity';
import { followLatestAttempt, issueFor, LockedEnrolment, lockEnrolment, rulesContext } from '../result-context';
import { checkResult, CheckedResult, requireValidResult, sameResult } from '../result-rules';
import { credentialRevokedOtherwise, credentialSuspended, laterAttemptRecorded } from '../results.errors';
import { CorrectResultInput, CorrectResultPayload } from './correct-result.input';

/** The revocation reason of a credential replaced after a correction, as the status list's reader sees it. */
export const SUPERSEDED = 'superseded';

const valuesOf = (r: CheckedResult) => ({ grade: r.grade, passed: r.passed, creditsAwarded: r.creditsAwarded, assessedOn: r.assessedOn });

/**
 * Corrections of recorded results by the assessing HEI. One transaction: the corrected result is a
 * new row naming the one it replaces (kept, superseded), audited with old and new values and the
 * reason; the old result's credential is revoked as superseded (through CredentialStatusService:
 * status list bit, audit, 'credential.revoked') and, for a pass, a replacement is issued through
 * the one issuance path, the two credentials naming each other. A correction the result already
 * says (a retry) changes nothing.
 */
@Injectable()
export class ResultCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly status: CredentialStatusService,
    private readonly issuance: CredentialIssuanceService,
    private readonly clock: Clock,
  ) {}

  async correct(input: CorrectResultInput, principal: Principal): Promise<CorrectResultPayload> {
    if (Boolean(input.resultId) === Boolean(input.enrolmentId))
      throw badInput('input.resultId', 'Name the result or the enrolment: one of them');
    // A fail corrected to a pass may complete the degree: the 'credential.issued' event sees to it.
    return this.dataSource.transaction((manager) => this.correctInTransaction(manager, input, principal));
  }

  private async correctInTransaction(
    manager: EntityManager,
    input: CorrectResultInput,
    principal: Principal,
  ): Promise<CorrectResultPayload> {
    const named = input.resultId ? await manager.findOneBy(AssessmentResult, { id: input.resultId }) : null;
    if (input.resultId && !named) throw notFound('Result');
    const enrolmentId = named?.enrolmentId ?? input.enrolmentId!;
    // Another HEI's result or enrolment answers as if it did not exist (the same NOT_FOUND as an unknown id).
    const what = named ? 'Result' : 'Enrolment';
    await this.access.require({ principal, permission: Permission.ENROLMENT_RECORD_RESULT, ids: [enrolmentId], manager, what });
    const locked = await lockEnrolment(manager, enrolmentId);
    const latest = locked.inForce[locked.inForce.length - 1];
    const target = named ? locked.inForce.find((r) => r.attempt === named.attempt) : latest;
    if (!target) throw notFound('Result');

    const corrected = this.correctedValues(input, target, locked);
    // Locked: a revocation or suspension racing this correction is seen, never overwritten by a replacement.
    const oldCredential = await manager.findOne(IssuedCredential, { where: { resultId: target.id }, lock: { mode: 'pessimistic_write' } });
    if (sameResult(target, corrected)) return { result: target, credential: oldCredential, revokedCredential: null, changed: false };
    if (target !== latest && corrected.passed) throw laterAttemptRecorded(target.attempt);
    if (oldCredential?.revokedAt) throw credentialRevokedOtherwise(oldCredential.revocationReason);
    if (oldCredential?.suspendedAt) throw credentialSuspended();

    // The old row leaves force first: one result in force per attempt (a unique index).
    await manager.update(AssessmentResult, { id: target.id, supersededAt: IsNull() }, { supersededAt: this.clock.now() });
    const result = manager.create(AssessmentResult, {
      ...corrected,
      attempt: target.attempt,
      enrolmentId,
      gradingScale: locked.scale?.code ?? null,
      assessorId: principal.userId,
      replacesResultId: target.id,
      correctionReason: input.reason,
    });
    await manager.insert(AssessmentResult, result);
    if (target === latest) await followLatestAttempt(manager, enrolmentId, corrected.passed);
    await audit(manager, {
      action: AuditAction.RESULT_CORRECTED,
      actorUserId: principal.userId,
      entityType: 'assessment_result',
      entityId: result.id,
      details: { enrolmentId, attempt: target.attempt, replaces: target.id, reason: input.reason, old: valuesOf(target), new: corrected },
    });

    const revoked = oldCredential ? await this.status.revokeWithin(manager, oldCredential.id, SUPERSEDED, principal.userId) : null;
    let credential = corrected.passed ? await issueFor(this.issuance, manager, locked, result, principal.userId) : null;
    if (credential && revoked) {
      await manager.update(IssuedCredential, { id: credential.id }, { replacesCredentialId: revoked.id });
      await manager.update(IssuedCredential, { id: revoked.id }, { supersededByCredentialId: credential.id });
      credential = await manager.findOneByOrFail(IssuedCredential, { id: credential.id });
    }
    return {
      result: await manager.findOneByOrFail(AssessmentResult, { id: result.id }),
      credential,
      revokedCredential: revoked && (await manager.findOneByOrFail(IssuedCredential, { id: revoked.id })),
      changed: true,
    };
  }

  /** The result as corrected, through the same rules as recordResult; what is not given stays as it was. */
  private correctedValues(input: CorrectResultInput, target: AssessmentResult, locked: LockedEnrolment): CheckedResult {
    const context = rulesContext(locked, this.clock.today(), target.attempt);
    const submitted = {
      grade: input.grade ?? target.grade,
      // Without a scale, whether it passes is the HEI's word: as recorded unless corrected.
      passed: input.passed ?? (locked.scale ? undefined : target.passed),
      assessedOn: input.assessedOn ?? target.assessedOn,
      creditsAwarded: input.creditsAwarded,
    };
    if (submitted.creditsAwarded === undefined && target.passed) {
      // A pass that stays a pass keeps the credits it was awarded (fewer than the ECTS, perhaps).
      const reading = checkResult(submitted, context);
      if (reading.ok && reading.result.passed) submitted.creditsAwarded = target.creditsAwarded;
    }
    return requireValidResult(submitted, context);
  }
}
