import { GradingScaleSpec } from '../grading/grading-scale';
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
const today = '2026-11-23';

describe('parseResultsCsv', () => {
  it('reads a clean file, normalising grades in the scale', () => {
    const csv = 'email,grade,assessed_on,credits\nAna@Example.org,"8,5",2026-11-10,\nbo@example.org,4.0,2026-11-10,6\n';
    expect(parseResultsCsv(csv, spain, today)).toEqual({
      rows: [
        { line: 2, email: 'ana@example.org', grade: '8.5', passed: true, assessedOn: '2026-11-10', creditsAwarded: null },
        { line: 3, email: 'bo@example.org', grade: '4.0', passed: false, assessedOn: '2026-11-10', creditsAwarded: 6 },
      ],
      errors: [],
    });
  });

  it('lists every bad cell with its line and column', () => {
    const csv = [
      'email,grade,assessed_on,passed',
      'not-an-email,8,2026-11-10,',
      'a@example.org,11,2026-13-40,',
      'a@example.org,7,2026-11-10,',
      'b@example.org,3,2099-01-01,yes',
    ].join('\n');
    const { rows, errors } = parseResultsCsv(csv, spain, today);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'email', reason: 'not an email address' },
      { line: 3, column: 'assessed_on', reason: 'must be a date as YYYY-MM-DD' },
      { line: 3, column: 'grade', reason: 'Spanish scale: the grade must be a number from 0 to 10' },
      { line: 4, column: 'email', reason: 'the same learner is on line 3' },
      { line: 5, column: 'assessed_on', reason: 'cannot be in the future' },
      { line: 5, column: 'passed', reason: 'by the Spanish scale this grade fails' },
    ]);
  });

  it('refuses files without the required columns, or that are not CSV', () => {
    expect(parseResultsCsv('email,mark\na@example.org,8', spain, today).errors[0]).toMatchObject({
      line: 1,
      reason: 'Missing columns: grade, assessed_on',
    });
    expect(parseResultsCsv('email,grade,assessed_on\n"a@example.org,8,2026-11-01', spain, today).errors[0].reason).toMatch(
      /Not a readable CSV/,
    );
    expect(parseResultsCsv('email,grade,assessed_on\n', spain, today).errors[0].reason).toBe('The file has no results');
  });
});
