import { cumulative, monthsBetween, projectLinear } from './projection';

describe('projections', () => {
  it('counts months between', () => {
    expect(monthsBetween('2026-09', '2030-08')).toBe(47);
  });

  it('projects a steady pace to the end', () => {
    const series = [1, 2, 3, 4].map((i) => ({ month: `2026-${String(9 + i - 1).padStart(2, '0')}`, value: 10 * i }));
    expect(projectLinear('2026-08', series, '2027-08')).toBe(120);
  });

  it('never projects below what is reached, nor from nothing', () => {
    expect(projectLinear('2026-09', [{ month: '2026-09', value: 50 }], '2030-08')).toBeNull();
    expect(projectLinear('2026-09', [], '2030-08')).toBeNull();
    expect(
      projectLinear(
        '2026-01',
        [
          { month: '2026-02', value: 10 },
          { month: '2026-03', value: 10 },
        ],
        '2026-04',
      ),
    ).toBeGreaterThanOrEqual(10);
  });

  it('counts what happened before the first month from the first month on', () => {
    expect(
      cumulative(
        '2026-09',
        '2026-10',
        new Map([
          ['2026-08', 2],
          ['2026-10', 1],
        ]),
      ),
    ).toEqual([
      { month: '2026-09', value: 2 },
      { month: '2026-10', value: 3 },
    ]);
  });

  it('fills months without events in a cumulative series', () => {
    expect(
      cumulative(
        '2026-11',
        '2027-02',
        new Map([
          ['2026-11', 3],
          ['2027-01', 2],
        ]),
      ),
    ).toEqual([
      { month: '2026-11', value: 3 },
      { month: '2026-12', value: 3 },
      { month: '2027-01', value: 5 },
      { month: '2027-02', value: 5 },
    ]);
  });
});
