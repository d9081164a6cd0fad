import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { Clock } from '@magix/common';
import { EnrolmentStatus } from '@magix/enrolment';
import { CredentialIssuanceService, IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from './assessment-result.entity';
import { RecordResultInput, RecordResultPayload } from './dto/record-result.input';
import { followLatestAttempt, issueFor, lockEnrolment, rulesContext } from './result-context';
import { requireValidResult, sameResult } from './result-rules';
import { attemptsExhausted, enrolmentWithdrawn, noFailedAttempt, resitAfterPass, resultAlreadyRecorded } from './results.errors';

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuance: CredentialIssuanceService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a result (of the first attempt, or of a resit after a fail) and, for a pass, issues
   * its credential in the same transaction. The enrolment row is locked, so concurrent
   * submissions queue; the unique index on (enrolment_id, attempt) in force and the unique
   * credential.result_id keep it exactly once regardless.
   */
  // With DEGREE_AUTO_ISSUE, the degree follows in the same transaction ('credential.issued', libs/pathways).
  record(input: RecordResultInput, principal: Principal): Promise<RecordResultPayload> {
    return this.dataSource.transaction(async (manager) => {
      // Another HEI's enrolment answers as if it did not exist.
      const ids = [input.enrolmentId];
      await this.access.require({ principal, permission: Permission.ENROLMENT_RECORD_RESULT, ids, manager, what: 'Enrolment' });
      const locked = await lockEnrolment(manager, input.enrolmentId);
      const { enrolment, inForce } = locked;
      if (enrolment.status === EnrolmentStatus.WITHDRAWN) throw enrolmentWithdrawn();

      const attempt = input.attempt ?? 1;
      const submitted = requireValidResult(input, rulesContext(locked, this.clock.today(), attempt));
      const recorded = inForce.find((r) => r.attempt === attempt);
      if (recorded) {
        if (!sameResult(recorded, submitted)) throw resultAlreadyRecorded();
        const credential = await manager.findOneBy(IssuedCredential, { resultId: recorded.id });
        return { result: recorded, credential, alreadyRecorded: true };
      }
      if (attempt > 1) {
        // A resit follows a failed attempt, within the offering's limit.
        const previous = inForce.find((r) => r.attempt === attempt - 1);
        if (!previous) throw noFailedAttempt(attempt);
        if (previous.passed) throw resitAfterPass();
        if (attempt > locked.maxAttempts) throw attemptsExhausted(locked.maxAttempts);
      }

      const result = manager.create(AssessmentResult, {
        ...submitted,
        attempt,
        gradingScale: locked.scale?.code ?? null,
        enrolmentId: enrolment.id,
        assessorId: principal.userId,
      });
      await manager.insert(AssessmentResult, result);
      await followLatestAttempt(manager, enrolment.id, submitted.passed);
      await audit(manager, {
        action: AuditAction.RESULT_RECORDED,
        actorUserId: principal.userId,
        entityType: 'assessment_result',
        entityId: result.id,
        details: { enrolmentId: enrolment.id, attempt, grade: submitted.grade, passed: submitted.passed },
      });
      const credential = submitted.passed ? await issueFor(this.issuance, manager, locked, result, principal.userId) : null;
      return { result: await manager.findOneByOrFail(AssessmentResult, { id: result.id }), credential, alreadyRecorded: false };
    });
  }
}
