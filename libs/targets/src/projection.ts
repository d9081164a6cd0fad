/** A month's cumulative totals. */
export interface MonthPoint {
  month: string; // YYYY-MM
  value: number;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * Least-squares line through the cumulative series, anchored at zero at the programme's start,
 * extended to its end. Pure; `null` when there is nothing to project from.
 */
export function projectLinear(startMonth: string, series: MonthPoint[], endMonth: string): number | null {
  if (series.length === 0) return null;
  const points = [{ x: 0, y: 0 }, ...series.map((p) => ({ x: monthsBetween(startMonth, p.month), y: p.value }))];
  const n = points.length;
  const meanX = points.reduce((t, p) => t + p.x, 0) / n;
  const meanY = points.reduce((t, p) => t + p.y, 0) / n;
  const sxx = points.reduce((t, p) => t + (p.x - meanX) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((t, p) => t + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const projected = intercept + slope * monthsBetween(startMonth, endMonth);
  // Cumulative totals never fall: the projection is at least what is already reached.
  return Math.max(Math.round(projected), series[series.length - 1].value);
}

/**
 * Fills months without events so that a cumulative series has one point per month; what happened
 * before the first month (enrolling ahead of the start) counts from the first month on.
 */
export function cumulative(startMonth: string, endMonth: string, increments: Map<string, number>): MonthPoint[] {
  const points: MonthPoint[] = [];
  let total = [...increments].filter(([month]) => month < startMonth).reduce((sum, [, n]) => sum + n, 0);
  const [y, m] = startMonth.split('-').map(Number);
  for (let i = 0; i <= monthsBetween(startMonth, endMonth); i++) {
    const date = new Date(Date.UTC(y, m - 1 + i, 1));
    const month = date.toISOString().slice(0, 7);
    total += increments.get(month) ?? 0;
    points.push({ month, value: total });
  }
  return points;
}
