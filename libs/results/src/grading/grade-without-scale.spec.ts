import { readGradeWithoutScale } from './grade-without-scale';

describe('readGradeWithoutScale', () => {
  it.each(['8,5', '28/30', 'A+', 'B-', 'sehr gut', 'Pass', '1.7', '30 e lode', 'Très bien'])('accepts %s', (grade) => {
    expect(readGradeWithoutScale(grade)).toEqual({ ok: true, grade });
  });

  it('trims and collapses spaces', () => {
    expect(readGradeWithoutScale('  sehr   gut ')).toEqual({ ok: true, grade: 'sehr gut' });
  });

  it.each([
    ['markup', '<b>A</b>'],
    ['a script', '<script>x</script>'],
    ['quotes', '"A"'],
    ['an ampersand entity', 'A&amp;'],
    ['a control character', 'A\u0000'],
    ['a line break inside', 'A\nB'],
    ['a bidi override', 'A\u202eB'],
    ['nothing but spaces', '   '],
    ['an empty grade', ''],
    ['a grade too long', 'A'.repeat(21)],
    ['leading punctuation', '.5'],
  ])('refuses %s', (_what, grade) => {
    expect(readGradeWithoutScale(grade).ok).toBe(false);
  });
});
