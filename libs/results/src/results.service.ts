import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { DegreeService } from '@magix/pathways';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { moduleAsOffered, Offering } from '@magix/catalogue';
import { notFound } from '@magix/common';
import { Enrolment, EnrolmentStatus } from '@magix/enrolment';
import { CredentialIssuanceService, IssuedCredential } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { AssessmentResult } from './assessment-result.entity';
import { RecordResultInput, RecordResultPayload } from './dto/record-result.input';
import { creditsForResult, sameResult } from './result-rules';
import { enrolmentWithdrawn, gradeOutOfScale, passedDisagrees, passedRequired, resultAlreadyRecorded } from './results.errors';
import { readGrade } from './grading/grading-scale';
import { readGradeWithoutScale } from './grading/grade-without-scale';
import { GradingScale } from './grading/grading-scale.entity';
import { Organisation } from '@magix/organisations';

/** The grade in the HEI's scale (normalised) and whether it passes; without a scale, as given. */
function gradeIn(scale: GradingScale | null, input: RecordResultInput): { grade: string; passed: boolean } {
  if (!scale) {
    if (input.passed === undefined) throw passedRequired();
    const reading = readGradeWithoutScale(input.grade);
    if (!reading.ok) throw gradeOutOfScale(reading.reason);
    return { grade: reading.grade, passed: input.passed };
  }
  const reading = readGrade(scale, input.grade);
  if (!reading.ok) throw gradeOutOfScale(reading.reason);
  if (input.passed !== undefined && input.passed !== reading.passed) throw passedDisagrees(reading.passed);
  return { grade: reading.grade, passed: reading.passed };
}

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuance: CredentialIssuanceService,
    private readonly degrees: DegreeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  private readonly logger = new Logger('Results');

  private async scaleOf(manager: EntityManager, organisationId: string): Promise<GradingScale | null> {
    const organisation = await manager.findOneByOrFail(Organisation, { id: organisationId });
    return organisation.gradingScaleId ? manager.findOneBy(GradingScale, { id: organisation.gradingScaleId }) : null;
  }

  /**
   * Records a result and, for a pass, issues its credential in the same transaction. The
   * enrolment row is locked, so concurrent submissions queue; the unique constraints on
   * assessment_result.enrolment_id and credential.result_id keep it exactly once regardless.
   */
  async record(input: RecordResultInput, principal: Principal): Promise<RecordResultPayload> {
    const payload = await this.recordInTransaction(input, principal);
    if (this.config.degreeAutoIssue && payload.credential && !payload.alreadyRecorded) {
      // After the result is committed: the degree is its own transaction, and never blocks the result.
      await this.degrees
        .issueIfEligible(payload.credential.learnerId!)
        .catch((error: unknown) => this.logger.warn(`Automatic degree not issued: ${String(error)}`));
    }
    return payload;
  }

  private recordInTransaction(input: RecordResultInput, principal: Principal): Promise<RecordResultPayload> {
    return this.dataSource.transaction(async (manager) => {
      // Another HEI's enrolment answers as if it did not exist.
      const ids = [input.enrolmentId];
      await this.access.require({ principal, permission: Permission.ENROLMENT_RECORD_RESULT, ids, manager, what: 'Enrolment' });
      const enrolment = await manager.findOne(Enrolment, { where: { id: input.enrolmentId }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw notFound('Enrolment');
      const offering = await manager.findOneByOrFail(Offering, { id: enrolment.offeringId });
      // The module as the offering pinned it (curriculum versions): its ECTS, its credential's fields.
      const module = await moduleAsOffered(manager, offering);
      if (enrolment.status === EnrolmentStatus.WITHDRAWN) throw enrolmentWithdrawn();

      const today = new Date().toISOString().slice(0, 10);
      const scale = await this.scaleOf(manager, module.providerId);
      const { grade, passed } = gradeIn(scale, input);
      const creditsAwarded = creditsForResult(
        { ...input, passed },
        { moduleEcts: module.ectsCredits, offeringStartsOn: offering.startsOn, today },
      );
      const submitted = { grade, passed, assessedOn: input.assessedOn, creditsAwarded };

      const recorded = await manager.findOneBy(AssessmentResult, { enrolmentId: enrolment.id });
      if (recorded) {
        if (!sameResult(recorded, submitted)) throw resultAlreadyRecorded();
        const credential = await manager.findOneBy(IssuedCredential, { resultId: recorded.id });
        return { result: recorded, credential, alreadyRecorded: true };
      }

      const result = manager.create(AssessmentResult, {
        ...submitted,
        gradingScale: scale?.code ?? null,
        enrolmentId: enrolment.id,
        assessorId: principal.userId,
      });
      await manager.insert(AssessmentResult, result);
      await manager.update(Enrolment, { id: enrolment.id }, { status: passed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.FAILED });
      await audit(manager, {
        action: AuditAction.RESULT_RECORDED,
        actorUserId: principal.userId,
        entityType: 'assessment_result',
        entityId: result.id,
        details: { enrolmentId: enrolment.id, grade: submitted.grade, passed: submitted.passed },
      });
      const credential = passed
        ? await this.issuance.issueForResult(manager, {
            gradingScale: scale?.name ?? null,
            resultId: result.id,
            learner: await manager.findOneByOrFail(Learner, { id: enrolment.learnerId }),
            module,
            grade: submitted.grade,
            creditsAwarded,
            assessedOn: submitted.assessedOn,
            actorUserId: principal.userId,
          })
        : null;
      return { result: await manager.findOneByOrFail(AssessmentResult, { id: result.id }), credential, alreadyRecorded: false };
    });
  }
}
