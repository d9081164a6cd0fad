import { Offering } from '@magix/catalogue';
import { Edition, EditionState } from '@magix/programme';

export interface OfferingWindow {
  /** None: open since ever. */
  opensOn: string | null;
  closesOn: string;
}

/** An offering's application window: without a last day set, applications close when it starts. */
export function offeringWindow(offering: Pick<Offering, 'applicationsOpenOn' | 'applicationsCloseOn' | 'startsOn'>): OfferingWindow {
  return { opensOn: offering.applicationsOpenOn, closesOn: offering.applicationsCloseOn ?? offering.startsOn };
}

/** Whether today falls within the offering's application window, its dates aside from its edition's state. */
export function withinOfferingWindow(
  offering: Pick<Offering, 'applicationsOpenOn' | 'applicationsCloseOn' | 'startsOn'>,
  today: string,
): boolean {
  const { opensOn, closesOn } = offeringWindow(offering);
  return (opensOn === null || opensOn <= today) && today <= closesOn;
}

/**
 * Whether an offering takes applications today: within its window, in an OPEN edition (a PLANNED
 * one takes none; the interest list hears of it first, when it opens).
 */
export function offeringTakesApplications(
  offering: Pick<Offering, 'applicationsOpenOn' | 'applicationsCloseOn' | 'startsOn'>,
  edition: Pick<Edition, 'state'>,
  today: string,
): boolean {
  return edition.state === EditionState.OPEN && withinOfferingWindow(offering, today);
}
