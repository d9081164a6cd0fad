import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsCalendarDate, isCalendarDate } from './calendar-date';

class Dated {
  @IsCalendarDate()
  on!: string;
}

const problems = (on: unknown) => validateSync(plainToInstance(Dated, { on })).length;

describe('IsCalendarDate', () => {
  it.each(['2026-10-15', '2028-02-29', '2027-12-31'])('takes the day %s', (on) => {
    expect(problems(on)).toBe(0);
    expect(isCalendarDate(on)).toBe(true);
  });

  it.each(['2026-10-15T10:00:00Z', '2028-08', '20280831', '2028-W35', '2027-02-29', '2026-13-01', '26-10-15', '', 20261015, null])(
    'refuses %p',
    (on) => {
      expect(problems(on)).toBeGreaterThan(0);
      expect(isCalendarDate(on)).toBe(false);
    },
  );
});
