import { GradingScaleSpec, readGrade } from './grading-scale';

const base = { letters: null, passingLetters: null, honours: null };
const spain: GradingScaleSpec = {
  ...base,
  code: 'ES-10',
  name: 'Spanish scale 0–10',
  kind: 'NUMERIC',
  minGrade: 0,
  maxGrade: 10,
  passMark: 5,
  higherIsBetter: true,
  decimals: 1,
};
const italy: GradingScaleSpec = {
  ...base,
  code: 'IT-30',
  name: 'Italian scale 18–30',
  kind: 'NUMERIC',
  minGrade: 0,
  maxGrade: 30,
  passMark: 18,
  higherIsBetter: true,
  decimals: 0,
  honours: 'e lode',
};
const germany: GradingScaleSpec = {
  ...base,
  code: 'DE-5',
  name: 'German scale 1.0–5.0',
  kind: 'NUMERIC',
  minGrade: 1,
  maxGrade: 5,
  passMark: 4,
  higherIsBetter: false,
  decimals: 1,
};
const estonia: GradingScaleSpec = {
  ...base,
  code: 'EE-AF',
  name: 'Estonian scale A–F',
  kind: 'LETTER',
  minGrade: null,
  maxGrade: null,
  passMark: null,
  higherIsBetter: true,
  decimals: 0,
  letters: ['A', 'B', 'C', 'D', 'E', 'F'],
  passingLetters: ['A', 'B', 'C', 'D', 'E'],
};

describe('readGrade', () => {
  it.each([
    [spain, '8,5', '8.5', true],
    [spain, '4.9', '4.9', false],
    [spain, '5', '5.0', true],
    [italy, '28/30', '28', true],
    [italy, '30 e lode', '30 e lode', true],
    [italy, '30L', '30 e lode', true],
    [italy, '17', '17', false],
    [germany, '1.3', '1.3', true],
    [germany, '4,0', '4.0', true],
    [germany, '4.3', '4.3', false],
    [estonia, 'b', 'B', true],
    [estonia, 'F', 'F', false],
  ])('reads %s grade %s as %s (passed: %s)', (scale, raw, grade, passed) => {
    expect(readGrade(scale, raw)).toEqual({ ok: true, grade, passed });
  });

  it.each([
    [spain, '11'],
    [spain, 'A'],
    [spain, '8.55'],
    [italy, '28 e lode'],
    [italy, '31'],
    [germany, '0.7'],
    [estonia, 'G'],
    [estonia, '5'],
  ])('refuses %s grade %s, naming the scale', (scale, raw) => {
    const reading = readGrade(scale, raw);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain(scale.name);
  });
});
