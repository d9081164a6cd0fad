import { DomainError } from '@magix/common';
import { GradingScaleSpec } from './grading/grading-scale';
import { checkResult, requireValidResult, ResultContext, ResultRule, sameResult } from './result-rules';

const spain: GradingScaleSpec = {
  code: 'ES-10',
  name: 'Spanish scale',
  kind: 'NUMERIC',
  minGrade: 0,
  maxGrade: 10,
  passMark: 5,
  higherIsBetter: true,
  decimals: 1,
  letters: null,
  passingLetters: null,
  honours: null,
};
const context: ResultContext = { scale: null, moduleEcts: 6, offeringStartsOn: '2026-10-01', today: '2027-02-15' };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
}

describe('checkResult', () => {
  it('awards the module’s ECTS to a pass by default', () => {
    expect(checkResult({ grade: 'A', passed: true, assessedOn: '2027-02-01' }, context)).toEqual({
      ok: true,
      result: { grade: 'A', passed: true, assessedOn: '2027-02-01', creditsAwarded: 6 },
    });
  });

  it('awards fewer credits when the HEI says so, and nothing for a fail', () => {
    expect(requireValidResult({ grade: 'A', passed: true, assessedOn: '2027-02-01', creditsAwarded: 4.5 }, context).creditsAwarded).toBe(
      4.5,
    );
    expect(requireValidResult({ grade: 'F', passed: false, assessedOn: '2027-02-01' }, context).creditsAwarded).toBe(0);
  });

  it('reads the grade in the HEI’s scale and derives whether it passes', () => {
    expect(requireValidResult({ grade: '8,5', assessedOn: '2027-02-01' }, { ...context, scale: spain })).toMatchObject({
      grade: '8.5',
      passed: true,
    });
  });

  it.each([
    ['more credits than the module has', { passed: true, creditsAwarded: 7 }, ResultRule.CREDITS_ABOVE_ECTS, 'input.creditsAwarded'],
    ['credits for a fail', { passed: false, creditsAwarded: 3 }, ResultRule.CREDITS_WITHOUT_PASS, 'input.creditsAwarded'],
    ['a date in the future', { passed: true, assessedOn: '2027-02-16' }, ResultRule.ASSESSED_IN_FUTURE, 'input.assessedOn'],
    [
      'a date before the offering starts',
      { passed: true, assessedOn: '2026-09-30' },
      ResultRule.ASSESSED_BEFORE_OFFERING,
      'input.assessedOn',
    ],
    ['no word on passing without a scale', {}, ResultRule.PASSED_REQUIRED, 'input.passed'],
    ['a grade with markup', { passed: true, grade: '<b>A</b>' }, ResultRule.GRADE_NOT_IN_SCALE, 'input.grade'],
  ])('refuses %s, naming the field and the rule', (_what, change, rule, field) => {
    const error = refusal(() => requireValidResult({ grade: 'A', assessedOn: '2027-02-01', ...change }, context));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.details).toEqual({ rule });
  });

  it('refuses a pass the scale calls a fail', () => {
    const check = checkResult({ grade: '3', passed: true, assessedOn: '2027-02-01' }, { ...context, scale: spain });
    expect(check).toEqual({
      ok: false,
      violations: [{ rule: ResultRule.PASSED_DISAGREES_WITH_SCALE, field: 'passed', message: 'By the Spanish scale this grade fails' }],
    });
  });

  it('lists every rule a result breaks, for a file’s report', () => {
    const check = checkResult({ grade: '4', creditsAwarded: 9, assessedOn: '2026-09-01' }, { ...context, scale: spain });
    expect(check.ok ? [] : check.violations.map((v) => v.rule)).toEqual([
      ResultRule.ASSESSED_BEFORE_OFFERING,
      ResultRule.CREDITS_WITHOUT_PASS,
      ResultRule.CREDITS_ABOVE_ECTS,
    ]);
  });

  it('refuses a resit assessed before the attempt it follows', () => {
    const resit = { ...context, previousAttemptOn: '2027-01-20' };
    expect(checkResult({ grade: 'A', passed: true, assessedOn: '2027-01-19' }, resit)).toMatchObject({
      ok: false,
      violations: [{ rule: ResultRule.ASSESSED_BEFORE_PREVIOUS_ATTEMPT }],
    });
    expect(checkResult({ grade: 'A', passed: true, assessedOn: '2027-01-20' }, resit).ok).toBe(true);
  });
});

describe('sameResult', () => {
  const recorded = { grade: '8.5', passed: true, assessedOn: '2027-02-01', creditsAwarded: 6 };

  it('treats an identical submission as a retry', () => {
    expect(sameResult(recorded, { ...recorded })).toBe(true);
  });

  it.each([
    ['grade', { grade: '9' }],
    ['passed', { passed: false }],
    ['date', { assessedOn: '2027-02-02' }],
    ['credits', { creditsAwarded: 5 }],
  ])('treats a different %s as a change', (_what, change) => {
    expect(sameResult(recorded, { ...recorded, ...change })).toBe(false);
  });
});
