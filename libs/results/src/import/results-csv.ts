import { parse } from 'csv-parse/sync';
import { GradingScaleSpec, readGrade } from '../grading/grading-scale';
import { readGradeWithoutScale } from '../grading/grade-without-scale';

/** One valid line of a results file, as a student information system exports it. */
export interface ResultRow {
  line: number;
  email: string;
  grade: string;
  passed: boolean | null;
  assessedOn: string;
  creditsAwarded: number | null;
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
}

const REQUIRED = ['email', 'grade', 'assessed_on'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a results CSV (header: email, grade, assessed_on[, credits][, passed]) and checks every
 * line, listing every problem by line and column. Pure: what the rows mean for the database is
 * checked by the caller.
 */
export function parseResultsCsv(text: string, scale: GradingScaleSpec | null, today: string): { rows: ResultRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [{ line, column: '', reason: `Not a readable CSV: ${error instanceof Error ? error.message : String(error)}` }],
    };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, column: '', reason: 'The file has no results' }] };
  const columns = Object.keys(records[0].record);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { rows: [], errors: [{ line: 1, column: missing.join(', '), reason: `Missing columns: ${missing.join(', ')}` }] };

  const rows: ResultRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const fail = (column: string, reason: string) => errors.push({ line, column, reason });
    const email = record.email.toLowerCase();
    if (!EMAIL.test(email)) fail('email', 'not an email address');
    else if (seen.has(email)) fail('email', `the same learner is on line ${seen.get(email)}`);
    else seen.set(email, line);
    if (!DATE.test(record.assessed_on) || Number.isNaN(Date.parse(record.assessed_on))) fail('assessed_on', 'must be a date as YYYY-MM-DD');
    else if (record.assessed_on > today) fail('assessed_on', 'cannot be in the future');
    let credits: number | null = null;
    if (record.credits) {
      credits = Number(record.credits.replace(',', '.'));
      if (Number.isNaN(credits) || credits < 0 || credits > 60) fail('credits', 'must be a number of ECTS from 0 to 60');
    }
    let passed: boolean | null = null;
    if (record.passed) {
      const value = record.passed.toLowerCase();
      if (['true', 'yes', '1', 'pass', 'passed'].includes(value)) passed = true;
      else if (['false', 'no', '0', 'fail', 'failed'].includes(value)) passed = false;
      else fail('passed', 'must be yes or no');
    }
    let grade = record.grade;
    if (!grade) fail('grade', 'is empty');
    else if (scale) {
      const reading = readGrade(scale, grade);
      if (!reading.ok) fail('grade', reading.reason);
      else {
        grade = reading.grade;
        if (passed !== null && passed !== reading.passed)
          fail('passed', `by the ${scale.name} this grade ${reading.passed ? 'passes' : 'fails'}`);
        passed = reading.passed;
      }
    } else {
      const reading = readGradeWithoutScale(grade);
      if (!reading.ok) fail('grade', reading.reason);
      else grade = reading.grade;
      if (passed === null) fail('passed', 'is required: this HEI has no grading scale');
    }
    if (!errors.some((e) => e.line === line))
      rows.push({ line, email, grade, passed, assessedOn: record.assessed_on, creditsAwarded: credits });
  }
  return { rows, errors };
}
