import { DomainError } from '@magix/common';

export enum EnrolmentErrorCode {
  ALREADY_ENROLLED = 'ALREADY_ENROLLED',
  OFFERING_FULL = 'OFFERING_FULL',
  PREREQUISITES_MISSING = 'PREREQUISITES_MISSING',
  OFFERING_ENDED = 'OFFERING_ENDED',
}

export const alreadyEnrolled = () =>
  new DomainError(EnrolmentErrorCode.ALREADY_ENROLLED, 'The learner is already enrolled in this offering', 'input.learnerId', 409);
export const offeringFull = (capacity: number) =>
  new DomainError(EnrolmentErrorCode.OFFERING_FULL, `The offering is full (capacity ${capacity})`, 'input.offeringId', 409);
export const prerequisitesMissing = (codes: string[]) =>
  new DomainError(
    EnrolmentErrorCode.PREREQUISITES_MISSING,
    `First complete, with a valid credential: ${codes.join(', ')}`,
    'input.offeringId',
    409,
  );
export const offeringEnded = (endsOn: string) =>
  new DomainError(EnrolmentErrorCode.OFFERING_ENDED, `The offering ended on ${endsOn}`, 'input.offeringId', 409);
