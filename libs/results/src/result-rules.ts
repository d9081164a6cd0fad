import { CommonErrorCode, DomainError } from '@magix/common';
import { GradingScaleSpec, readGrade } from './grading/grading-scale';
import { readGradeWithoutScale } from './grading/grade-without-scale';

/**
 * The one validation of a result (issue 12, item 9): `recordResult`, `correctResult`, resits and
 * the check step of the CSV import all call `checkResult`, so a file checked as valid is recorded
 * as checked. Each refusal has a rule code, the same in GraphQL (`extensions.rule`) and in the
 * import's row errors (`code`), with the same message.
 */
export enum ResultRule {
  GRADE_NOT_IN_SCALE = 'GRADE_NOT_IN_SCALE',
  PASSED_DISAGREES_WITH_SCALE = 'PASSED_DISAGREES_WITH_SCALE',
  PASSED_REQUIRED = 'PASSED_REQUIRED',
  ASSESSED_IN_FUTURE = 'ASSESSED_IN_FUTURE',
  ASSESSED_BEFORE_OFFERING = 'ASSESSED_BEFORE_OFFERING',
  ASSESSED_BEFORE_PREVIOUS_ATTEMPT = 'ASSESSED_BEFORE_PREVIOUS_ATTEMPT',
  CREDITS_ABOVE_ECTS = 'CREDITS_ABOVE_ECTS',
  CREDITS_WITHOUT_PASS = 'CREDITS_WITHOUT_PASS',
}

export type ResultField = 'grade' | 'passed' | 'assessedOn' | 'creditsAwarded';

export interface ResultViolation {
  rule: ResultRule;
  field: ResultField;
  message: string;
}

export interface SubmittedResult {
  grade: string;
  /** Derived from the scale when the HEI has one (and then, if given, it must agree). */
  passed?: boolean | null;
  /** Absent only when the caller could not read it (and has said so): the date rules are then skipped. */
  assessedOn?: string;
  /** Defaults to the module's ECTS for a pass, 0 for a fail. */
  creditsAwarded?: number | null;
}

export interface ResultContext {
  scale: GradingScaleSpec | null;
  moduleEcts: number;
  offeringStartsOn: string;
  today: string;
  /** For a resit: the date of the failed attempt it follows. */
  previousAttemptOn?: string | null;
}

export interface CheckedResult {
  grade: string;
  passed: boolean;
  assessedOn: string;
  creditsAwarded: number;
}

export type ResultCheck = { ok: true; result: CheckedResult } | { ok: false; violations: ResultViolation[] };

/** Every rule a result breaks (all of them, for a file's listing), or the result as it is recorded. Pure. */
export function checkResult(submitted: SubmittedResult, context: ResultContext): ResultCheck {
  const violations: ResultViolation[] = [];
  const refuse = (rule: ResultRule, field: ResultField, message: string) => violations.push({ rule, field, message });

  let grade = submitted.grade;
  let passed = submitted.passed ?? null;
  if (context.scale) {
    const reading = readGrade(context.scale, submitted.grade);
    if (!reading.ok) refuse(ResultRule.GRADE_NOT_IN_SCALE, 'grade', reading.reason);
    else {
      grade = reading.grade;
      if (passed !== null && passed !== reading.passed)
        refuse(
          ResultRule.PASSED_DISAGREES_WITH_SCALE,
          'passed',
          `By the ${context.scale.name} this grade ${reading.passed ? 'passes' : 'fails'}`,
        );
      passed = reading.passed;
    }
  } else {
    const reading = readGradeWithoutScale(submitted.grade);
    if (!reading.ok) refuse(ResultRule.GRADE_NOT_IN_SCALE, 'grade', reading.reason);
    else grade = reading.grade;
    if (passed === null) refuse(ResultRule.PASSED_REQUIRED, 'passed', 'Say whether the result passes: this HEI has no grading scale');
  }

  const on = submitted.assessedOn;
  if (on !== undefined) {
    if (on > context.today) refuse(ResultRule.ASSESSED_IN_FUTURE, 'assessedOn', 'The assessment date cannot be in the future');
    else if (on < context.offeringStartsOn)
      refuse(
        ResultRule.ASSESSED_BEFORE_OFFERING,
        'assessedOn',
        `The assessment date cannot be before the offering starts (${context.offeringStartsOn})`,
      );
    else if (context.previousAttemptOn && on < context.previousAttemptOn)
      refuse(
        ResultRule.ASSESSED_BEFORE_PREVIOUS_ATTEMPT,
        'assessedOn',
        `A resit cannot be assessed before the attempt it follows (${context.previousAttemptOn})`,
      );
  }

  const given = submitted.creditsAwarded ?? null;
  if (passed === false && given) refuse(ResultRule.CREDITS_WITHOUT_PASS, 'creditsAwarded', 'A result that is not passed awards no credits');
  if (given !== null && given > context.moduleEcts)
    refuse(ResultRule.CREDITS_ABOVE_ECTS, 'creditsAwarded', `Credits cannot exceed the module’s ${context.moduleEcts} ECTS`);

  if (violations.length > 0 || passed === null || on === undefined) return { ok: false, violations };
  return { ok: true, result: { grade, passed, assessedOn: on, creditsAwarded: passed ? (given ?? context.moduleEcts) : 0 } };
}

/** A violation as the API answers it: BAD_USER_INPUT on the field, with the rule code beside it. */
export function violationError(violation: ResultViolation): DomainError {
  const error = new DomainError(CommonErrorCode.BAD_USER_INPUT, violation.message, `input.${violation.field}`, 400);
  error.details = { rule: violation.rule };
  return error;
}

/** The result as recorded, or the first rule it breaks, thrown. */
export function requireValidResult(submitted: SubmittedResult, context: ResultContext): CheckedResult {
  const check = checkResult(submitted, context);
  if (!check.ok) throw violationError(check.violations[0]);
  return check.result;
}

/** Whether a new submission repeats the recorded result (a retry) rather than changing it. */
export function sameResult(
  recorded: { grade: string; passed: boolean; assessedOn: string; creditsAwarded: number },
  submitted: { grade: string; passed: boolean; assessedOn: string; creditsAwarded: number },
): boolean {
  return (
    recorded.grade === submitted.grade &&
    recorded.passed === submitted.passed &&
    recorded.assessedOn === submitted.assessedOn &&
    recorded.creditsAwarded === submitted.creditsAwarded
  );
}
