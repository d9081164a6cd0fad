import { batchPeriodAt } from './batch-schedule';

const calendar = { anchor: '2026-01-05', intervalDays: 14, reminderDays: 2 };
const at = (iso: string) => new Date(iso);

describe('the review calendar', () => {
  it('cuts time into periods of the interval from the anchor, both ways', () => {
    expect(batchPeriodAt(at('2026-01-05T00:00:00Z'), calendar)).toEqual({
      startsOn: '2026-01-05',
      endsOn: '2026-01-18',
      remindFrom: '2026-01-16',
    });
    expect(batchPeriodAt(at('2026-01-18T23:59:59Z'), calendar).startsOn).toBe('2026-01-05');
    expect(batchPeriodAt(at('2026-01-19T00:00:00Z'), calendar).startsOn).toBe('2026-01-19');
    expect(batchPeriodAt(at('2026-12-02T01:00:00Z'), calendar)).toMatchObject({ startsOn: '2026-11-23', endsOn: '2026-12-06' });
    expect(batchPeriodAt(at('2026-01-04T12:00:00Z'), calendar)).toMatchObject({ startsOn: '2025-12-22', endsOn: '2026-01-04' });
  });

  it('follows the configured interval and reminder', () => {
    expect(batchPeriodAt(at('2026-01-12T08:00:00Z'), { anchor: '2026-01-05', intervalDays: 7, reminderDays: 0 })).toEqual({
      startsOn: '2026-01-12',
      endsOn: '2026-01-18',
      remindFrom: '2026-01-18',
    });
    expect(batchPeriodAt(at('2026-01-06T08:00:00Z'), { anchor: '2026-01-05', intervalDays: 3, reminderDays: 5 }).remindFrom).toBe(
      '2026-01-05',
    );
  });
});
