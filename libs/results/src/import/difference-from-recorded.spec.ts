import { differenceFromRecorded } from './results-import.service';

describe('differenceFromRecorded', () => {
  const recorded = { grade: '1.3', passed: true, assessedOn: '2026-11-20', creditsAwarded: 6 };

  it('names the date, not the grade, when only the date differs', () => {
    expect(differenceFromRecorded(recorded, { ...recorded, assessedOn: '2026-11-19' })).toEqual([
      'assessed_on',
      'already recorded with assessed_on 2026-11-20 (the file says 2026-11-19): correct the recorded result with correctResult, or this row',
    ]);
  });

  it('names every column that differs, the first one as the column', () => {
    const [column, reason] = differenceFromRecorded(recorded, { ...recorded, grade: '2.0', creditsAwarded: 5 });
    expect(column).toBe('grade');
    expect(reason).toContain('grade 1.3 (the file says 2.0), credits 6 (the file says 5)');
  });
});
