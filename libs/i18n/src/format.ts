import { Language, intlLocale } from './languages';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const knownZone = (zone: string | undefined): string => {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
};

export interface DateOptions {
  /** IANA zone of the reader; UTC when absent or unknown. Ignored for a calendar date. */
  timeZone?: string;
  /** "20 November 2026" instead of "Friday, 20 November 2026" (a certificate, not a letter). */
  short?: boolean;
}

/**
 * A date for people in a language: "Monday, 7 December 2026" for a calendar date (no time zone
 * applies to one), "Monday, 7 December 2026 at 14:30 CET" for an instant, in the reader's zone.
 */
export function formatDate(language: Language, value: Date | string, options: DateOptions = {}): string {
  const locale = intlLocale(language);
  const weekday = options.short ? undefined : 'long';
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return new Intl.DateTimeFormat(locale, { weekday, day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (options.short) {
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: knownZone(options.timeZone),
    }).format(instant);
  }
  return new Intl.DateTimeFormat(locale, {
    weekday,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: knownZone(options.timeZone),
  }).format(instant);
}

export const formatNumber = (language: Language, value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(intlLocale(language), options).format(value);

/** "A, B and C" in the language. */
export const formatList = (language: Language, items: string[]): string =>
  new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
