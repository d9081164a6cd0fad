import { EntityManager, In } from 'typeorm';
import { notFound } from '@magix/common';
import { formatDate } from '@magix/i18n';
import { Edition, EditionState } from '@magix/programme';
import { Application, ApplicationStatus } from './admission.entities';
import { applicationsClosed } from './admissions.errors';
import { PlaceCounts } from './places';

/**
 * Degree intakes: a degree application applies to one edition, which has its degree places and
 * its application window. The place arithmetic is that of offerings (places.ts).
 */

/** A degree application in these states admits its learner to the degree (see ApplicationStatus). */
export const ADMITTED_TO_DEGREE = [ApplicationStatus.ACCEPTED, ApplicationStatus.ENROLLED];

/** A degree application (to the programme, in an edition), not one to a module offering. */
export const isDegreeApplication = (application: Pick<Application, 'programmeId' | 'offeringId'>) =>
  application.programmeId !== null && application.offeringId === null;

/** The learner's admission to the programme's degree, or null: the gate of every degree award. */
export function degreeAdmission(manager: EntityManager, learnerId: string, programmeId: string): Promise<Application | null> {
  return manager.findOne(Application, {
    where: { learnerId, programmeId, status: In(ADMITTED_TO_DEGREE) },
    order: { decidedAt: 'ASC' },
  });
}

/** Locks the edition row: every change to its degree places queues here, so none is double-booked. */
export async function lockEdition(manager: EntityManager, editionId: string): Promise<Edition> {
  const edition = await manager.findOne(Edition, { where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
  if (!edition) throw notFound('Edition');
  return edition;
}

/** Degree places held in an edition: admitted applicants hold one each, like taken or offered places. */
export async function degreePlaceCounts(manager: EntityManager, edition: Edition): Promise<PlaceCounts> {
  const rows = await manager.query<Array<{ status: ApplicationStatus; n: number }>>(
    `SELECT status, count(*)::int AS n FROM application
      WHERE edition_id = $1 AND programme_id IS NOT NULL AND status IN ('ACCEPTED', 'ENROLLED') GROUP BY status`,
    [edition.id],
  );
  const count = (status: ApplicationStatus) => rows.find((r) => r.status === status)?.n ?? 0;
  return { capacity: edition.degreePlaces, enrolled: count(ApplicationStatus.ENROLLED), pendingOffers: count(ApplicationStatus.ACCEPTED) };
}

export interface DegreeWindow {
  opensOn: string;
  closesOn: string;
}

/** The window of an edition's degree applications: unset bounds mean open now and until the edition ends. */
export function degreeWindow(edition: Edition): DegreeWindow {
  return { opensOn: edition.degreeApplicationsOpenOn ?? '0000-01-01', closesOn: edition.degreeApplicationsCloseOn ?? edition.endsOn };
}

/**
 * An application window written for people: "from <date> to <date>", or "until <date>" when it
 * has no opening day (open since ever; the stored bound is then unset, never printed).
 */
export function windowForPeople(opensOn: string | null, closesOn: string): string {
  const until = formatDate('en', closesOn);
  return opensOn ? `from ${formatDate('en', opensOn)} to ${until}` : `until ${until}`;
}

/** Whether the edition takes degree applications today; a PLANNED one takes none: the interest list hears of it first, when it opens. */
export const takesDegreeApplications = (edition: Edition, today: string) => {
  const window = degreeWindow(edition);
  return edition.state === EditionState.OPEN && window.opensOn <= today && today <= window.closesOn;
};

/** The intake a degree application goes to: the named edition if its window is open, else the latest open one. */
export async function degreeIntake(
  manager: EntityManager,
  programmeId: string,
  editionId: string | undefined,
  today: string,
): Promise<Edition> {
  if (editionId) {
    const edition = await manager.findOneBy(Edition, { id: editionId, programmeId });
    if (!edition) throw notFound('Edition');
    if (!takesDegreeApplications(edition, today)) {
      const { closesOn } = degreeWindow(edition);
      const when =
        edition.state === EditionState.OPEN
          ? `are taken ${windowForPeople(edition.degreeApplicationsOpenOn, closesOn)}`
          : 'open once the edition is opened';
      throw applicationsClosed(`degree applications to ${edition.code} ${when}`, 'input.editionId');
    }
    return edition;
  }
  const editions = await manager.find(Edition, { where: { programmeId }, order: { startsOn: 'DESC' } });
  const open = editions.find((e) => takesDegreeApplications(e, today));
  if (!open) throw applicationsClosed('no edition takes degree applications today', 'input.editionId');
  return open;
}
