/** A national grading scale, as data (the pass mark included). Pure: no Nest, no database. */
export interface GradingScaleSpec {
  code: string;
  name: string;
  kind: 'NUMERIC' | 'LETTER';
  minGrade: number | null;
  maxGrade: number | null;
  passMark: number | null;
  higherIsBetter: boolean;
  decimals: number;
  letters: string[] | null;
  passingLetters: string[] | null;
  /** A distinction at the top grade, e.g. Italy's "e lode". */
  honours: string | null;
}

export type GradeReading = { ok: true; grade: string; passed: boolean } | { ok: false; reason: string };

/**
 * Reads a grade as the HEI writes it in its own scale: "8,5" or "8.5" (Spain), "28/30" or
 * "30 e lode" (Italy), "1.7" (Germany, lower is better), "B" (Estonia). Returns the grade in a
 * normal form and whether it passes.
 */
export function readGrade(scale: GradingScaleSpec, raw: string): GradeReading {
  const text = raw.trim();
  if (scale.kind === 'LETTER') {
    const letter = text.toUpperCase();
    if (!scale.letters?.includes(letter))
      return { ok: false, reason: `${scale.name}: the grade must be one of ${scale.letters?.join(', ')}` };
    return { ok: true, grade: letter, passed: scale.passingLetters?.includes(letter) ?? false };
  }
  const honoursPattern = scale.honours ? new RegExp(`\\s*(${scale.honours}|L|cum laude)$`, 'i') : null;
  const withHonours = honoursPattern?.test(text) ?? false;
  const number = (honoursPattern ? text.replace(honoursPattern, '') : text).replace(/\s*\/\s*\d+$/, '').replace(',', '.');
  const value = Number(number);
  const [min, max, pass] = [scale.minGrade!, scale.maxGrade!, scale.passMark!];
  if (!/^\d+(\.\d+)?$/.test(number) || Number.isNaN(value) || value < min || value > max) {
    return { ok: false, reason: `${scale.name}: the grade must be a number from ${min} to ${max}` };
  }
  if ((number.split('.')[1]?.length ?? 0) > scale.decimals)
    return { ok: false, reason: `${scale.name}: at most ${scale.decimals} decimals` };
  const best = scale.higherIsBetter ? max : min;
  if (withHonours && value !== best) return { ok: false, reason: `${scale.name}: ${scale.honours} goes only with ${best}` };
  const passed = scale.higherIsBetter ? value >= pass : value <= pass;
  const grade = value.toFixed(scale.decimals) + (withHonours ? ` ${scale.honours}` : '');
  return { ok: true, grade, passed };
}
