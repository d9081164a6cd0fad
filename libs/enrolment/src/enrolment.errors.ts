import { DomainError } from '@magix/common';

export enum EnrolmentErrorCode {
  ALREADY_ENROLLED = 'ALREADY_ENROLLED',
  OFFERING_FULL = 'OFFERING_FULL',
}

export const alreadyEnrolled = () =>
  new DomainError(EnrolmentErrorCode.ALREADY_ENROLLED, 'The learner is already enrolled in this offering', 'input.learnerId', 409);
export const offeringFull = (capacity: number) =>
  new DomainError(EnrolmentErrorCode.OFFERING_FULL, `The offering is full (capacity ${capacity})`, 'input.offeringId', 409);
