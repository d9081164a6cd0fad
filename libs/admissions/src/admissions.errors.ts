import { DomainError } from '@magix/common';

export enum AdmissionErrorCode {
  DUPLICATE_APPLICATION = 'DUPLICATE_APPLICATION',
  APPLICATIONS_CLOSED = 'APPLICATIONS_CLOSED',
  NOT_A_PDF = 'NOT_A_PDF',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  BATCH_ALREADY_OPEN = 'BATCH_ALREADY_OPEN',
  NOTHING_TO_REVIEW = 'NOTHING_TO_REVIEW',
  BATCH_CLOSED = 'BATCH_CLOSED',
  UNDECIDED_APPLICATIONS = 'UNDECIDED_APPLICATIONS',
  NOT_IN_BATCH = 'NOT_IN_BATCH',
  CAPACITY_REACHED = 'CAPACITY_REACHED',
  NO_OFFER = 'NO_OFFER',
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  CANNOT_WITHDRAW = 'CANNOT_WITHDRAW',
  CV_REQUIRED = 'CV_REQUIRED',
  MOTIVATION_REQUIRED = 'MOTIVATION_REQUIRED',
  INVALID_PROFILE = 'INVALID_PROFILE',
  NOT_A_DEGREE_APPLICATION = 'NOT_A_DEGREE_APPLICATION',
  NOT_ADMITTED = 'NOT_ADMITTED',
  REGISTER_AT_UPM = 'REGISTER_AT_UPM',
  DECISION_NOT_SENT = 'DECISION_NOT_SENT',
  NOT_DECIDABLE = 'NOT_DECIDABLE',
}

const error = (code: AdmissionErrorCode, message: string, field?: string, status = 409) => new DomainError(code, message, field, status);

export const duplicateApplication = () =>
  error(AdmissionErrorCode.DUPLICATE_APPLICATION, 'You already have an application for this under review or on offer', 'input');
/** The interest list's page (InterestListController): a late applicant hears there of the next editions. */
export const INTEREST_LIST_PATH = '/interest-list';
export const applicationsClosed = (window: string, field = 'input.offeringId') =>
  error(
    AdmissionErrorCode.APPLICATIONS_CLOSED,
    `Applications are not open: ${window}. Join the interest list at ${INTEREST_LIST_PATH} to hear when the next edition opens`,
    field,
  );
export const notAPdf = (what = 'The CV') => error(AdmissionErrorCode.NOT_A_PDF, `${what} must be a PDF file`, 'file', 415);
export const fileTooLarge = (what = 'The CV') => error(AdmissionErrorCode.FILE_TOO_LARGE, `${what} must be at most 2 MB`, 'file', 413);
export const cvRequired = () =>
  error(
    AdmissionErrorCode.CV_REQUIRED,
    'The applicant has not uploaded a CV yet: an application is accepted only with one',
    'input.applicationId',
  );
export const motivationRequired = () =>
  error(
    AdmissionErrorCode.MOTIVATION_REQUIRED,
    'The application has no motivation, as text or as a PDF: an application is accepted only with one',
    'input.applicationId',
  );
export const invalidProfile = (field: string, message: string) => error(AdmissionErrorCode.INVALID_PROFILE, message, field, 400);
export const batchAlreadyOpen = () =>
  error(AdmissionErrorCode.BATCH_ALREADY_OPEN, 'A review batch is already open for this; close it first', 'input');
export const nothingToReview = () =>
  error(AdmissionErrorCode.NOTHING_TO_REVIEW, 'No applications were submitted since the last cut-off', 'input');
export const batchClosed = () => error(AdmissionErrorCode.BATCH_CLOSED, 'This review batch is closed', 'input.batchId');
export const undecided = (count: number) =>
  error(AdmissionErrorCode.UNDECIDED_APPLICATIONS, `${count} applications in the batch have no decision yet`, 'batchId');
export const notInBatch = () =>
  error(AdmissionErrorCode.NOT_IN_BATCH, 'The application is not in this review batch', 'input.applicationId');
export const capacityReached = (capacity: number) =>
  error(
    AdmissionErrorCode.CAPACITY_REACHED,
    `All ${capacity} places are taken or offered: put the application on the reserve list`,
    'input.decision',
  );
export const noOffer = () => error(AdmissionErrorCode.NO_OFFER, 'There is no place on offer for this application', 'applicationId');
export const offerExpired = () =>
  error(AdmissionErrorCode.OFFER_EXPIRED, 'The offer has expired; the place went to the reserve list', 'applicationId');
export const cannotWithdraw = () =>
  error(AdmissionErrorCode.CANNOT_WITHDRAW, 'Only a live application or an enrolment before the start can be withdrawn', 'applicationId');
export const notADegreeApplication = () =>
  error(
    AdmissionErrorCode.NOT_A_DEGREE_APPLICATION,
    'This is an application to a module offering: only a degree application is registered at UPM',
    'applicationId',
  );
export const notAdmitted = (status: string) =>
  error(
    AdmissionErrorCode.NOT_ADMITTED,
    `Only an ACCEPTED degree application can be confirmed as registered; this one is ${status}`,
    'applicationId',
  );
/** A degree place is not taken in MAGIX: the learner registers at UPM and the programme office confirms it. */
export const registerAtUpm = (registrationUrl: string) =>
  error(
    AdmissionErrorCode.REGISTER_AT_UPM,
    `A degree place is taken by registering in the official registration system of Universidad Politécnica de Madrid (${registrationUrl}); the programme office then confirms your registration`,
    'applicationId',
  );
/** The decision is in a review batch still open: the applicant has not been told, so nothing acts on it yet. */
export const decisionNotSent = () =>
  error(
    AdmissionErrorCode.DECISION_NOT_SENT,
    'The decision on this application is not sent yet: its review batch is still open; act on it once the batch is closed',
    'applicationId',
  );
/** Only an application under review, or decided in this open batch, takes a (new) decision. */
export const notDecidable = (status: string) =>
  error(
    AdmissionErrorCode.NOT_DECIDABLE,
    `Only a SUBMITTED, ACCEPTED, RESERVE or REJECTED application can be decided; this one is ${status}`,
    'input.applicationId',
  );
