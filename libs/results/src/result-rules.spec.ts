import { DomainError } from '@magix/common';
import { creditsForResult, sameResult } from './result-rules';

const context = { moduleEcts: 6, offeringStartsOn: '2026-10-01', today: '2027-02-15' };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
}

describe('creditsForResult', () => {
  it('awards the module’s ECTS to a pass by default', () => {
    expect(creditsForResult({ passed: true, assessedOn: '2027-02-01' }, context)).toBe(6);
  });

  it('awards fewer credits when the HEI says so', () => {
    expect(creditsForResult({ passed: true, assessedOn: '2027-02-01', creditsAwarded: 4.5 }, context)).toBe(4.5);
  });

  it('awards nothing for a fail', () => {
    expect(creditsForResult({ passed: false, assessedOn: '2027-02-01' }, context)).toBe(0);
  });

  it.each([
    ['more credits than the module has', { passed: true, assessedOn: '2027-02-01', creditsAwarded: 7 }, 'input.creditsAwarded'],
    ['credits for a fail', { passed: false, assessedOn: '2027-02-01', creditsAwarded: 3 }, 'input.creditsAwarded'],
    ['a date in the future', { passed: true, assessedOn: '2027-02-16' }, 'input.assessedOn'],
    ['a date before the offering starts', { passed: true, assessedOn: '2026-09-30' }, 'input.assessedOn'],
  ])('refuses %s, naming the field', (_what, input, field) => {
    const error = refusal(() => creditsForResult(input, context));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
  });
});

describe('sameResult', () => {
  const recorded = { grade: '8.5', passed: true, assessedOn: '2027-02-01', creditsAwarded: 6 };

  it('treats an identical submission as a retry', () => {
    expect(sameResult(recorded, { ...recorded })).toBe(true);
  });

  it.each([
    ['grade', { grade: '9' }],
    ['passed', { passed: false }],
    ['date', { assessedOn: '2027-02-02' }],
    ['credits', { creditsAwarded: 5 }],
  ])('treats a different %s as a change', (_what, change) => {
    expect(sameResult(recorded, { ...recorded, ...change })).toBe(false);
  });
});
