/** How mails and letters write a date: for people, in their language and time zone. */
export interface PeopleDateOptions {
  /** BCP 47 tag; English (British) when absent. */
  locale?: string;
  /** IANA zone of the reader, e.g. Europe/Tallinn; UTC when absent or unknown. */
  timeZone?: string;
}

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

/**
 * "Monday, 7 December 2026" for a calendar date (a date column has no time zone, so none is
 * applied), "Monday, 7 December 2026 at 14:30 EET" for an instant, in the reader's zone.
 */
export function formatDateForPeople(value: Date | string, options: PeopleDateOptions = {}): string {
  const locale = options.locale ?? 'en-GB';
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: knownZone(options.timeZone),
  }).format(instant);
}
