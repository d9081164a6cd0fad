import { DomainError } from '@magix/common';
import { TargetMetric } from '../programme.entities';
import { checkDegreeIntake, checkEditionCode, checkEditionDates, checkTargets, overlaps } from './edition-rules';

const fieldOf = (work: () => void): string | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.field}`;
    throw error;
  }
  return undefined;
};

describe('edition rules', () => {
  const programme = { startsOn: '2025-09-01', endsOn: '2029-08-31' };

  it('takes an intake whose window closes by the edition’s end, and an open day past the end (a shut intake)', () => {
    expect(fieldOf(() => checkDegreeIntake({ places: 30, opensOn: '2027-01-15', closesOn: '2027-06-30' }, '2028-08-31'))).toBeUndefined();
    expect(fieldOf(() => checkDegreeIntake({ places: 0, opensOn: '2099-01-01', closesOn: null }, '2028-08-31'))).toBeUndefined();
  });

  it('refuses a reversed window, a window past the edition, and places that are not whole from 0', () => {
    expect(fieldOf(() => checkDegreeIntake({ places: 1, opensOn: '2027-02-01', closesOn: '2027-01-01' }, '2028-08-31'))).toBe(
      'BAD_USER_INPUT input.closesOn',
    );
    expect(fieldOf(() => checkDegreeIntake({ places: 1, opensOn: null, closesOn: '2028-09-01' }, '2028-08-31'))).toBe(
      'BAD_USER_INPUT input.closesOn',
    );
    expect(fieldOf(() => checkDegreeIntake({ places: -1, opensOn: null, closesOn: null }, '2028-08-31'))).toBe(
      'BAD_USER_INPUT input.places',
    );
    expect(fieldOf(() => checkDegreeIntake({ places: 1.5, opensOn: null, closesOn: null }, '2028-08-31'))).toBe(
      'BAD_USER_INPUT input.places',
    );
  });

  it('wants an edition that starts before it ends, inside the programme', () => {
    expect(fieldOf(() => checkEditionDates({ startsOn: '2027-09-01', endsOn: '2028-08-31' }, programme))).toBeUndefined();
    expect(fieldOf(() => checkEditionDates({ startsOn: '2027-09-01', endsOn: '2027-09-01' }, programme))).toBe(
      'BAD_USER_INPUT input.endsOn',
    );
    expect(fieldOf(() => checkEditionDates({ startsOn: '2029-09-01', endsOn: '2030-08-31' }, programme))).toBe(
      'EDITION_OUTSIDE_PROGRAMME input.startsOn',
    );
  });

  it('counts a shared last day as an overlap, the next day as none', () => {
    const current = { startsOn: '2026-09-01', endsOn: '2027-08-31' };
    expect(overlaps(current, { startsOn: '2027-08-31', endsOn: '2028-08-30' })).toBe(true);
    expect(overlaps(current, { startsOn: '2027-09-01', endsOn: '2028-08-31' })).toBe(false);
    expect(overlaps(current, { startsOn: '2025-01-01', endsOn: '2030-01-01' })).toBe(true);
  });

  it('takes codes of two years in order only', () => {
    expect(fieldOf(() => checkEditionCode('2027-2028'))).toBeUndefined();
    for (const code of ['2028-2027', '2027_2028', '27-28', '2027-2027'])
      expect(fieldOf(() => checkEditionCode(code))).toBe('BAD_USER_INPUT input.code');
  });

  it('takes targets from 0, a share up to 100, counts whole, each metric once', () => {
    const ok = [
      { metric: TargetMetric.PUBLIC_SECTOR_SHARE, value: 42.5 },
      { metric: TargetMetric.GRADUATES, value: 200 },
    ];
    expect(fieldOf(() => checkTargets(ok))).toBeUndefined();
    expect(fieldOf(() => checkTargets([{ metric: TargetMetric.PUBLIC_SECTOR_SHARE, value: 100.5 }]))).toBe(
      'BAD_USER_INPUT input.targets.0.value',
    );
    expect(fieldOf(() => checkTargets([{ metric: TargetMetric.GRADUATES, value: -1 }]))).toBe('BAD_USER_INPUT input.targets.0.value');
    expect(fieldOf(() => checkTargets([{ metric: TargetMetric.GRADUATES, value: 2.5 }]))).toBe('BAD_USER_INPUT input.targets.0.value');
    expect(fieldOf(() => checkTargets([...ok, { metric: TargetMetric.GRADUATES, value: 1 }]))).toBe(
      'BAD_USER_INPUT input.targets.2.metric',
    );
  });
});
