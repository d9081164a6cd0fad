import { badInput, DomainError, forbidden } from '@magix/common';
import { RuleProblem } from './domain/pathway-rules';

export enum PathwayErrorCode {
  CONTRADICTORY_RULES = 'CONTRADICTORY_RULES',
  NO_PATHWAY_RULES = 'NO_PATHWAY_RULES',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NOT_ADMITTED_TO_DEGREE = 'NOT_ADMITTED_TO_DEGREE',
  RECOGNITION_CAP_EXCEEDED = 'RECOGNITION_CAP_EXCEEDED',
  RECOGNITION_NOT_VERIFIED = 'RECOGNITION_NOT_VERIFIED',
  RECOGNITION_OVERRIDE_REQUIRED = 'RECOGNITION_OVERRIDE_REQUIRED',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  NO_REVIEW_PENDING = 'NO_REVIEW_PENDING',
  NOT_YOUR_CREDENTIAL_TO_RECOGNISE = 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE',
  CREDENTIAL_ALREADY_SUBMITTED = 'CREDENTIAL_ALREADY_SUBMITTED',
  MODULE_ALREADY_HELD = 'MODULE_ALREADY_HELD',
  MODULE_ALREADY_RECOGNISED = 'MODULE_ALREADY_RECOGNISED',
}

export const contradictoryRules = (problems: RuleProblem[]) =>
  new DomainError(PathwayErrorCode.CONTRADICTORY_RULES, problems.map((p) => p.message).join('; '), `rules.${problems[0].field}`, 400);
export const noPathwayRules = () =>
  new DomainError(PathwayErrorCode.NO_PATHWAY_RULES, 'The programme office has not set degree rules for this edition yet', undefined, 404);
export const notEligible = (reasons: string[]) =>
  new DomainError(PathwayErrorCode.NOT_ELIGIBLE, `Not eligible for the degree: ${reasons.join('; ')}`, 'learnerId', 409);
export const notAdmittedToDegree = () =>
  new DomainError(
    PathwayErrorCode.NOT_ADMITTED_TO_DEGREE,
    'Only a learner admitted to the degree (an accepted degree application) can be awarded it',
    'learnerId',
    409,
  );
export const recognitionCapExceeded = (cap: number, already: number) =>
  new DomainError(
    PathwayErrorCode.RECOGNITION_CAP_EXCEEDED,
    `Recognition may bring at most ${cap} ECTS; ${already} are already granted`,
    'input.ectsGranted',
    409,
  );
export const recognitionNotVerified = (verdict: string) =>
  new DomainError(
    PathwayErrorCode.RECOGNITION_NOT_VERIFIED,
    `The submitted credential cannot be recognised: it verified as ${verdict}`,
    'input.id',
    409,
  );
export const alreadyDecided = () =>
  new DomainError(PathwayErrorCode.ALREADY_DECIDED, 'This recognition was already decided', 'input.id', 409);
export const noReviewPending = () =>
  new DomainError(PathwayErrorCode.NO_REVIEW_PENDING, 'This degree is not awaiting review', 'input.degreeAwardId', 409);
export const recognitionNeedsOverride = () =>
  new DomainError(
    PathwayErrorCode.RECOGNITION_OVERRIDE_REQUIRED,
    'The submitted credential verified as INVALID: only the programme office may approve it, with overrideVerdict and a reason',
    'input.overrideVerdict',
    409,
  );
// Role-level: only the programme office may set a verdict aside, whatever the row.
export const overrideNotAllowed = () => forbidden('Only the programme office may override a verdict');
export const overrideWithoutReason = () => badInput('input.overrideReason', 'An override needs its reason');
export const nothingToOverride = (verdict: string) =>
  badInput('input.overrideVerdict', `Only an INVALID verdict can be overridden; this one is ${verdict}`);

// Recognition integrity (issue 12): only the learner's own credential, and never the same achievement twice.
export const notYourCredential = (why: string) =>
  new DomainError(PathwayErrorCode.NOT_YOUR_CREDENTIAL_TO_RECOGNISE, `This credential is not shown to be yours: ${why}`, 'credential', 422);
export const credentialAlreadySubmitted = () =>
  new DomainError(
    PathwayErrorCode.CREDENTIAL_ALREADY_SUBMITTED,
    'This credential has already been handed in for recognition: it counts once',
    'credential',
    409,
  );
export const moduleAlreadyHeld = (code: string, field = 'credential') =>
  new DomainError(PathwayErrorCode.MODULE_ALREADY_HELD, `You already hold a valid credential for ${code}: it counts already`, field, 409);
export const moduleAlreadyRecognised = (code: string) =>
  new DomainError(
    PathwayErrorCode.MODULE_ALREADY_RECOGNISED,
    `A recognition for ${code} is already pending or approved for you`,
    'moduleCode',
    409,
  );
