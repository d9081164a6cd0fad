import { EntityManager } from 'typeorm';

/**
 * The one computation of held places (issue 12, item 9), used by enrolment, by the commission's
 * decisions and by promotion from the reserve list (libs/admissions re-exports it from places.ts).
 * Pure arithmetic here; the counts come from `offeringPlaceCounts` or, for a degree intake, from
 * the admitted applications (libs/admissions/src/degree-intake.ts).
 */
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

/**
 * Places held in an offering: enrolments not withdrawn, applications accepted and not yet told (their
 * batch is open), and offers still open at `now` (an offer
 * past its deadline no longer holds a place, whether or not the expiry job has passed it on).
 * `except` leaves out one application's own offer (the one being taken).
 */
export async function offeringPlaceCounts(
  manager: EntityManager,
  offering: { id: string; capacity: number },
  now: Date,
  except?: string,
): Promise<PlaceCounts> {
  const [{ enrolled, offers }] = await manager.query<Array<{ enrolled: number; offers: number }>>(
    `SELECT (SELECT count(*)::int FROM enrolment WHERE offering_id = $1 AND status <> 'WITHDRAWN') AS enrolled,
            (SELECT count(*)::int FROM application WHERE offering_id = $1 AND status = 'ACCEPTED'
                AND (offer_expires_at IS NULL OR offer_expires_at > $2) AND id IS DISTINCT FROM $3) AS offers`,
    [offering.id, now, except ?? null],
  );
  return { capacity: offering.capacity, enrolled, pendingOffers: offers };
}
