import { badInput, DomainError } from '@magix/common';

export enum ResultErrorCode {
  RESULT_ALREADY_RECORDED = 'RESULT_ALREADY_RECORDED',
  ENROLMENT_WITHDRAWN = 'ENROLMENT_WITHDRAWN',
}

export const resultAlreadyRecorded = () =>
  new DomainError(
    ResultErrorCode.RESULT_ALREADY_RECORDED,
    'A different result is already recorded for this enrolment; results are final once recorded',
    'input.enrolmentId',
    409,
  );
export const enrolmentWithdrawn = () =>
  new DomainError(ResultErrorCode.ENROLMENT_WITHDRAWN, 'The learner withdrew from this offering', 'input.enrolmentId', 409);
export const assessedInFuture = () => badInput('input.assessedOn', 'assessedOn cannot be in the future');
export const assessedBeforeStart = (startsOn: string) =>
  badInput('input.assessedOn', `assessedOn cannot be before the offering starts (${startsOn})`);
export const tooManyCredits = (ects: number) => badInput('input.creditsAwarded', `creditsAwarded cannot exceed the module’s ${ects} ECTS`);
export const creditsWithoutPass = () => badInput('input.creditsAwarded', 'A result that is not passed awards no credits');
export const gradeOutOfScale = (reason: string) => badInput('input.grade', reason);
export const passedDisagrees = (passed: boolean) =>
  badInput('input.passed', `By the HEI's grading scale this grade ${passed ? 'passes' : 'fails'}`);
export const passedRequired = () => badInput('input.passed', 'Say whether the result passes: this HEI has no grading scale');
