import { GradeReading } from './grading-scale';

/**
 * What a grade may look like when its HEI has no grading scale to read it by: short, printable,
 * letters, digits, spaces and . , / + - only ("8,5", "28/30", "A+", "sehr gut", "Pass"). The grade
 * is printed in credentials, certificates and web pages, so markup and control characters never pass.
 */
const SAFE_GRADE = /^[\p{L}\p{N}](?:[\p{L}\p{N} .,/+-]*[\p{L}\p{N}+-])?$/u;
export const MAX_GRADE_LENGTH = 20;

/** The grade as given (trimmed, inner spaces collapsed), if it is of the safe form; `passed` is the caller's. */
export function readGradeWithoutScale(raw: string): GradeReading | { ok: true; grade: string } {
  const grade = raw.trim().replace(/ {2,}/g, ' ');
  if (grade.length === 0 || grade.length > MAX_GRADE_LENGTH || !SAFE_GRADE.test(grade)) {
    return {
      ok: false,
      reason: `Without a grading scale for this HEI, a grade is 1 to ${MAX_GRADE_LENGTH} letters, digits, spaces or . , / + -`,
    };
  }
  return { ok: true, grade };
}
