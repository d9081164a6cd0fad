import { EntityManager, IsNull } from 'typeorm';
import { LearningModule, moduleAsOffered, Offering } from '@magix/catalogue';
import { notFound } from '@magix/common';
import { Enrolment, EnrolmentStatus } from '@magix/enrolment';
import { CredentialIssuanceService, IssuedCredential } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { Organisation } from '@magix/organisations';
import { AssessmentResult } from './assessment-result.entity';
import { GradingScale } from './grading/grading-scale.entity';
import { ResultContext } from './result-rules';

/** What recording, a resit and a correction all read, on the locked enrolment row. */
export interface LockedEnrolment {
  enrolment: Enrolment;
  offering: Offering;
  module: LearningModule;
  scale: GradingScale | null;
  /** The first attempt and the resits the offering allows (offering.max_attempts). */
  maxAttempts: number;
  /** The result in force of each attempt, first attempt first. */
  inForce: AssessmentResult[];
}

/**
 * Locks the enrolment (concurrent recordings, resits and corrections of it queue) and reads its
 * module, offering, grading scale and results in force. Call after the access check.
 */
export async function lockEnrolment(manager: EntityManager, enrolmentId: string): Promise<LockedEnrolment> {
  const enrolment = await manager.findOne(Enrolment, { where: { id: enrolmentId }, lock: { mode: 'pessimistic_write' } });
  if (!enrolment) throw notFound('Enrolment');
  const offering = await manager.findOneByOrFail(Offering, { id: enrolment.offeringId });
  // The module as the offering pinned it (curriculum versions): its ECTS, its credential's fields.
  const module = await moduleAsOffered(manager, offering);
  const organisation = await manager.findOneByOrFail(Organisation, { id: module.providerId });
  const scale = organisation.gradingScaleId ? await manager.findOneBy(GradingScale, { id: organisation.gradingScaleId }) : null;
  const inForce = await manager.find(AssessmentResult, { where: { enrolmentId, supersededAt: IsNull() }, order: { attempt: 'ASC' } });
  return { enrolment, offering, module, scale, maxAttempts: offering.maxAttempts, inForce };
}

export function rulesContext(locked: LockedEnrolment, today: string, attempt: number): ResultContext {
  return {
    scale: locked.scale,
    moduleEcts: locked.module.ectsCredits,
    offeringStartsOn: locked.offering.startsOn,
    today,
    previousAttemptOn: locked.inForce.find((r) => r.attempt === attempt - 1)?.assessedOn ?? null,
  };
}

/** The enrolment's status follows its latest attempt. */
export async function followLatestAttempt(manager: EntityManager, enrolmentId: string, passed: boolean): Promise<void> {
  await manager.update(Enrolment, { id: enrolmentId }, { status: passed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.FAILED });
}

/** The module credential of a passing result: the one issuance path (CredentialIssuanceService), exactly once per result. */
export async function issueFor(
  issuance: CredentialIssuanceService,
  manager: EntityManager,
  locked: LockedEnrolment,
  result: AssessmentResult,
  actorUserId: string,
): Promise<IssuedCredential> {
  return issuance.issueForResult(manager, {
    gradingScale: locked.scale?.name ?? null,
    resultId: result.id,
    learner: await manager.findOneByOrFail(Learner, { id: locked.enrolment.learnerId }),
    module: locked.module,
    grade: result.grade,
    creditsAwarded: result.creditsAwarded,
    assessedOn: result.assessedOn,
    actorUserId,
  });
}
