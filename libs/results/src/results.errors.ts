import { DomainError } from '@magix/common';

export enum ResultErrorCode {
  RESULT_ALREADY_RECORDED = 'RESULT_ALREADY_RECORDED',
  ENROLMENT_WITHDRAWN = 'ENROLMENT_WITHDRAWN',
  RESIT_AFTER_PASS = 'RESIT_AFTER_PASS',
  NO_FAILED_ATTEMPT = 'NO_FAILED_ATTEMPT',
  ATTEMPTS_EXHAUSTED = 'ATTEMPTS_EXHAUSTED',
  LATER_ATTEMPT_RECORDED = 'LATER_ATTEMPT_RECORDED',
  CREDENTIAL_REVOKED_OTHERWISE = 'CREDENTIAL_REVOKED_OTHERWISE',
  CREDENTIAL_SUSPENDED = 'CREDENTIAL_SUSPENDED',
}

export const resultAlreadyRecorded = () =>
  new DomainError(
    ResultErrorCode.RESULT_ALREADY_RECORDED,
    'A different result is already recorded for this attempt: correct it with correctResult (with a reason), or record a resit after a fail',
    'input.enrolmentId',
    409,
  );
export const enrolmentWithdrawn = () =>
  new DomainError(ResultErrorCode.ENROLMENT_WITHDRAWN, 'The learner withdrew from this offering', 'input.enrolmentId', 409);
export const resitAfterPass = () =>
  new DomainError(ResultErrorCode.RESIT_AFTER_PASS, 'The learner passed the attempt before: a pass is not resat', 'input.attempt', 409);
export const noFailedAttempt = (attempt: number) =>
  new DomainError(
    ResultErrorCode.NO_FAILED_ATTEMPT,
    `Attempt ${attempt} follows attempt ${attempt - 1}, which is not recorded`,
    'input.attempt',
    409,
  );
export const attemptsExhausted = (max: number) =>
  new DomainError(
    ResultErrorCode.ATTEMPTS_EXHAUSTED,
    `This offering allows ${max} attempts (the first and ${max - 1} resits)`,
    'input.attempt',
    409,
  );
export const laterAttemptRecorded = (attempt: number) =>
  new DomainError(
    ResultErrorCode.LATER_ATTEMPT_RECORDED,
    `Attempt ${attempt} is followed by a resit: it can be corrected only to another fail`,
    'input.resultId',
    409,
  );
export const credentialRevokedOtherwise = (reason: string | null) =>
  new DomainError(
    ResultErrorCode.CREDENTIAL_REVOKED_OTHERWISE,
    `The credential of this result was revoked (${reason ?? 'no reason given'}); a correction would issue it again`,
    'input.resultId',
    409,
  );
export const credentialSuspended = () =>
  new DomainError(
    ResultErrorCode.CREDENTIAL_SUSPENDED,
    'The credential of this result is suspended; reinstate or revoke it before correcting the result',
    'input.resultId',
    409,
  );
