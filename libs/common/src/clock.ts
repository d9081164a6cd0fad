import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on time (windows, deadlines, expiry, schedules).
 * Inject it instead of calling `new Date()`, so a test can move time by replacing `now`
 * (`jest.spyOn(app.get(Clock), 'now')`) or by passing a `FixedClock` to plain domain code.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date in UTC as YYYY-MM-DD, the form of every date column. */
  today(): string {
    return dateOf(this.now());
  }
}

/** An instant's date in UTC as YYYY-MM-DD, the form of every date column. */
export const dateOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** A clock that says what it is told: for unit tests of domain code. */
export class FixedClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }

  set(at: Date): void {
    this.at = at;
  }
}
