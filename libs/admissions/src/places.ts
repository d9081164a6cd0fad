/** Rules of places and the reserve list: plain functions, no database. */

// The held-places arithmetic lives beside enrolment (which admissions depends on), one copy for
// enrolment, decisions and promotion alike.
export { freePlaces, type PlaceCounts } from '@magix/enrolment';

export interface ReserveEntry {
  id: string;
  reserveRank: number | null;
  submittedAt: Date;
}

/** Who gets the next offers: by rank, then by who applied first. */
export function nextInLine<T extends ReserveEntry>(reserve: T[], places: number): T[] {
  return [...reserve]
    .sort(
      (a, b) =>
        (a.reserveRank ?? Number.MAX_SAFE_INTEGER) - (b.reserveRank ?? Number.MAX_SAFE_INTEGER) ||
        a.submittedAt.getTime() - b.submittedAt.getTime(),
    )
    .slice(0, Math.max(0, places));
}

export const OFFER_VALID_DAYS = 7;

export function offerDeadline(from: Date, days = OFFER_VALID_DAYS): Date {
  return new Date(from.getTime() + days * 86_400_000);
}
