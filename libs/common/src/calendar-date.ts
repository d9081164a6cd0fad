import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as every date column stores it: YYYY-MM-DD, and a day that exists. */
export const isCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  CALENDAR_DATE.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * For inputs that are dates, not instants: ISO 8601 alone also takes `2026-10-15T10:00:00Z`,
 * `2028-08`, `20280831` or `2028-W35`, which the database then reads differently or refuses.
 */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(CALENDAR_DATE, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a day that exists' }),
  );
