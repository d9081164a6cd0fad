import { GradingScaleSpec } from '../grading/grading-scale';
import { ResultContext, ResultRule } from '../result-rules';
import { parseResultsCsv } from './results-csv';

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
const context: ResultContext = { scale: spain, moduleEcts: 6, offeringStartsOn: '2026-10-01', today: '2026-11-23' };

describe('parseResultsCsv', () => {
  it('reads a clean file, normalising grades in the scale, with the credits each row records', () => {
    const csv =
      'email,grade,assessed_on,credits\nAna@Example.org,"8,5",2026-11-10,\nbo@example.org,7.0,2026-11-10,4\ncy@example.org,4.0,2026-11-10,\n';
    expect(parseResultsCsv(csv, context)).toEqual({
      rows: [
        { line: 2, email: 'ana@example.org', grade: '8.5', passed: true, assessedOn: '2026-11-10', creditsAwarded: 6 },
        { line: 3, email: 'bo@example.org', grade: '7.0', passed: true, assessedOn: '2026-11-10', creditsAwarded: 4 },
        { line: 4, email: 'cy@example.org', grade: '4.0', passed: false, assessedOn: '2026-11-10', creditsAwarded: 0 },
      ],
      errors: [],
    });
  });

  it('lists every bad cell with its line, column and code', () => {
    const csv = [
      'email,grade,assessed_on,passed',
      'not-an-email,8,2026-11-10,',
      'a@example.org,11,2026-13-40,',
      'a@example.org,7,2026-11-10,',
      'b@example.org,3,2099-01-01,yes',
    ].join('\n');
    const { rows, errors } = parseResultsCsv(csv, context);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'email', reason: 'not an email address', code: 'MALFORMED_CELL' },
      { line: 3, column: 'assessed_on', reason: 'must be a date as YYYY-MM-DD', code: 'MALFORMED_CELL' },
      { line: 3, column: 'grade', reason: 'Spanish scale: the grade must be a number from 0 to 10', code: ResultRule.GRADE_NOT_IN_SCALE },
      { line: 4, column: 'email', reason: 'the same learner is on line 3', code: 'DUPLICATE_LEARNER' },
      { line: 5, column: 'passed', reason: 'By the Spanish scale this grade fails', code: ResultRule.PASSED_DISAGREES_WITH_SCALE },
      { line: 5, column: 'assessed_on', reason: 'The assessment date cannot be in the future', code: ResultRule.ASSESSED_IN_FUTURE },
    ]);
  });

  it('refuses what recordResult refuses: credits above the ECTS, a date before the offering, credits on a fail', () => {
    const csv = [
      'email,grade,assessed_on,credits',
      'a@example.org,8,2026-11-10,7',
      'b@example.org,8,2026-09-30,',
      'c@example.org,4,2026-11-10,3',
    ].join('\n');
    expect(parseResultsCsv(csv, context)).toEqual({
      rows: [],
      errors: [
        { line: 2, column: 'credits', reason: 'Credits cannot exceed the module’s 6 ECTS', code: ResultRule.CREDITS_ABOVE_ECTS },
        {
          line: 3,
          column: 'assessed_on',
          reason: 'The assessment date cannot be before the offering starts (2026-10-01)',
          code: ResultRule.ASSESSED_BEFORE_OFFERING,
        },
        { line: 4, column: 'credits', reason: 'A result that is not passed awards no credits', code: ResultRule.CREDITS_WITHOUT_PASS },
      ],
    });
  });

  it('refuses a day that does not exist, which PostgreSQL would refuse in the background job', () => {
    const { rows, errors } = parseResultsCsv('email,grade,assessed_on\na@example.org,8,2026-02-29\n', context);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 2, column: 'assessed_on', reason: 'must be a date as YYYY-MM-DD', code: 'MALFORMED_CELL' }]);
  });

  it('refuses files without the required columns, or that are not CSV', () => {
    expect(parseResultsCsv('email,mark\na@example.org,8', context).errors[0]).toMatchObject({
      line: 1,
      reason: 'Missing columns: grade, assessed_on',
      code: 'MALFORMED_FILE',
    });
    expect(parseResultsCsv('email,grade,assessed_on\n"a@example.org,8,2026-11-01', context).errors[0].reason).toMatch(/Not a readable CSV/);
    expect(parseResultsCsv('email,grade,assessed_on\n', context).errors[0].reason).toBe('The file has no results');
  });
});
