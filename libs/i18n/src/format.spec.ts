import { formatDate } from './format';

describe('formatDate', () => {
  it('writes a calendar date without shifting it to any zone', () => {
    expect(formatDate('en', '2027-09-06')).toBe('Monday, 6 September 2027');
    expect(formatDate('en', '2027-09-06', { timeZone: 'Pacific/Honolulu' })).toBe('Monday, 6 September 2027');
  });

  it('writes an instant in the reader’s zone, with the zone named', () => {
    const at = new Date('2026-12-07T22:30:00Z');
    expect(formatDate('en', at, { timeZone: 'Europe/Tallinn' })).toMatch(/^Tuesday,? 8 December 2026.*00:30.*(EET|GMT\+2)/);
    expect(formatDate('en', at)).toMatch(/^Monday,? 7 December 2026.*22:30.*UTC/);
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatDate('en', new Date('2026-12-07T22:30:00Z'), { timeZone: 'Mars/Olympus' })).toMatch(/22:30.*UTC/);
  });

  it('follows the language', () => {
    expect(formatDate('es', '2027-09-06')).toMatch(/lunes.*septiembre.*2027/);
  });
});
