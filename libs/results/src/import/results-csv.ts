import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '@magix/common';
import { checkResult, ResultContext, ResultField } from '../result-rules';

/** One valid line of a results file, as a student information system exports it. */
export interface ResultRow {
  line: number;
  email: string;
  grade: string;
  passed: boolean;
  assessedOn: string;
  /** As recorded: the module's ECTS for a pass unless the file says fewer, 0 for a fail. */
  creditsAwarded: number;
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
  /** A ResultRule (the same as recordResult's `extensions.rule`) or a CsvRowCode. */
  code: string;
}

/** Row errors that only a file can have; what a row means is checked by the result rules. */
export enum CsvRowCode {
  MALFORMED_FILE = 'MALFORMED_FILE',
  MALFORMED_CELL = 'MALFORMED_CELL',
  DUPLICATE_LEARNER = 'DUPLICATE_LEARNER',
  NOT_ENROLLED = 'NOT_ENROLLED',
}

const COLUMN_OF: Record<ResultField, string> = { grade: 'grade', passed: 'passed', assessedOn: 'assessed_on', creditsAwarded: 'credits' };

const REQUIRED = ['email', 'grade', 'assessed_on'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a results CSV (header: email, grade, assessed_on[, credits][, passed]) and checks every
 * line against the result rules of its module and offering, listing every problem by line and
 * column. Pure: who is enrolled and what is already recorded is checked by the caller.
 */
export function parseResultsCsv(text: string, context: ResultContext): { rows: ResultRow[]; errors: RowError[] } {
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
      errors: [
        {
          line,
          column: '',
          reason: `Not a readable CSV: ${error instanceof Error ? error.message : String(error)}`,
          code: CsvRowCode.MALFORMED_FILE,
        },
      ],
    };
  }
  if (records.length === 0)
    return { rows: [], errors: [{ line: 1, column: '', reason: 'The file has no results', code: CsvRowCode.MALFORMED_FILE }] };
  const columns = Object.keys(records[0].record);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return {
      rows: [],
      errors: [{ line: 1, column: missing.join(', '), reason: `Missing columns: ${missing.join(', ')}`, code: CsvRowCode.MALFORMED_FILE }],
    };

  const rows: ResultRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const before = errors.length;
    const fail = (column: string, reason: string, code: string = CsvRowCode.MALFORMED_CELL) => errors.push({ line, column, reason, code });
    const email = record.email.toLowerCase();
    if (!EMAIL.test(email)) fail('email', 'not an email address');
    else if (seen.has(email)) fail('email', `the same learner is on line ${seen.get(email)}`, CsvRowCode.DUPLICATE_LEARNER);
    else seen.set(email, line);
    const dateReadable = isCalendarDate(record.assessed_on);
    if (!dateReadable) fail('assessed_on', 'must be a date as YYYY-MM-DD');
    let credits: number | null = null;
    if (record.credits) {
      credits = Number(record.credits.replace(',', '.'));
      if (Number.isNaN(credits) || credits < 0) {
        fail('credits', 'must be a number of ECTS, 0 or more');
        credits = null;
      }
    }
    let passed: boolean | null = null;
    if (record.passed) {
      const value = record.passed.toLowerCase();
      if (['true', 'yes', '1', 'pass', 'passed'].includes(value)) passed = true;
      else if (['false', 'no', '0', 'fail', 'failed'].includes(value)) passed = false;
      else fail('passed', 'must be yes or no');
    }
    if (!record.grade) fail('grade', 'is empty');
    else {
      // What the row means for the module and offering: the same rules as recordResult, same codes and messages.
      const check = checkResult(
        { grade: record.grade, passed, creditsAwarded: credits, assessedOn: dateReadable ? record.assessed_on : undefined },
        context,
      );
      if (!check.ok) for (const v of check.violations) fail(COLUMN_OF[v.field], v.message, v.rule);
      else if (errors.length === before) rows.push({ line, email, ...check.result });
    }
  }
  return { rows, errors };
}
