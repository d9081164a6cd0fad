/** Rules of places and the reserve list. Pure: no Nest, no database. */

export interface PlaceCounts {
  capacity: number;
  /** Enrolments that hold a place (not withdrawn). */
  enrolled: number;
  /** Offers made and not yet taken, declined or expired. */
  pendingOffers: number;
}

export function freePlaces(counts: PlaceCounts): number {
  return Math.max(0, counts.capacity - counts.enrolled - counts.pendingOffers);
}

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
