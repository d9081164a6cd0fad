/**
 * The commission's review calendar (the call: "in batches, every 2 weeks"): periods of
 * `intervalDays` days counted from an anchor date, in UTC calendar days. Pure: no database.
 */

export interface BatchCalendar {
  /** The first day of one period (YYYY-MM-DD); every period starts a multiple of the interval from it. */
  anchor: string;
  intervalDays: number;
  /** The commission is reminded from this many days before the period's last day. */
  reminderDays: number;
}

export interface BatchPeriod {
  startsOn: string;
  /** The last day of the period, inclusive: the batch should be closed by then. */
  endsOn: string;
  /** From this day on, a batch still open with undecided applications is reminded (once per period). */
  remindFrom: string;
}

const DAY = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The period `now` falls in (before the anchor too: periods extend both ways). */
export function batchPeriodAt(now: Date, calendar: BatchCalendar): BatchPeriod {
  const today = Math.floor(now.getTime() / DAY);
  const anchor = dayNumber(calendar.anchor);
  const index = Math.floor((today - anchor) / calendar.intervalDays);
  const start = anchor + index * calendar.intervalDays;
  const end = start + calendar.intervalDays - 1;
  return { startsOn: isoOf(start), endsOn: isoOf(end), remindFrom: isoOf(Math.max(start, end - calendar.reminderDays)) };
}
