import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { Principal, Role } from '@magix/auth';
import { Clock, DomainEvents, forbidden, notFound } from '@magix/common';
import { Edition, EditionState, Programme, ProgrammeTarget } from '../programme.entities';
import { CreateEditionInput, EditionTargetInput, UpdateEditionInput } from './dto/edition.inputs';
import {
  checkDegreeIntake,
  checkEditionCode,
  checkEditionDates,
  checkTargets,
  DegreeIntakeFields,
  EditionDates,
  overlaps,
} from './edition-rules';
import { editionCodeTaken, editionOverlap } from './editions.errors';
import './edition.events';

const EDITION_FIELDS: DegreeIntakeFields = {
  places: 'input.degreePlaces',
  opensOn: 'input.degreeApplicationsOpenOn',
  closesOn: 'input.degreeApplicationsCloseOn',
};

// SQLSTATEs of the constraints that back the checks against concurrent writers.
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

/**
 * The programme office plans editions (PLANNED), edits them and opens them (OPEN). Every change
 * is validated whole before anything is written, runs in one transaction with its audit entry,
 * and the programme row is locked first, so two offices editing at once see each other's dates.
 */
@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateEditionInput, principal: Principal): Promise<Edition> {
    this.office(principal);
    checkEditionCode(input.code);
    checkTargets(input.targets ?? []);
    const intake = {
      places: input.degreePlaces,
      opensOn: input.degreeApplicationsOpenOn ?? null,
      closesOn: input.degreeApplicationsCloseOn ?? null,
    };
    checkDegreeIntake(intake, input.endsOn, EDITION_FIELDS);
    return this.write(async (manager) => {
      const programme = await this.lockProgramme(manager, { code: input.programmeCode });
      checkEditionDates(input, programme);
      await this.checkFree(manager, programme.id, input.code, input, null);
      const edition = manager.create(Edition, {
        programmeId: programme.id,
        code: input.code,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        degreePlaces: intake.places,
        degreeApplicationsOpenOn: intake.opensOn,
        degreeApplicationsCloseOn: intake.closesOn,
        state: EditionState.PLANNED,
        openedAt: null,
      });
      await manager.insert(Edition, edition);
      await this.setTargets(manager, edition, input.targets ?? []);
      await audit(manager, {
        action: AuditAction.EDITION_CREATED,
        actorUserId: principal.userId,
        entityType: 'edition',
        entityId: edition.id,
        details: { code: edition.code, startsOn: edition.startsOn, endsOn: edition.endsOn, ...intake, targets: input.targets ?? [] },
      });
      await this.events.emit(manager, 'edition.created', {
        editionId: edition.id,
        programmeId: programme.id,
        actorUserId: principal.userId,
      });
      return manager.findOneByOrFail(Edition, { id: edition.id });
    });
  }

  async update(input: UpdateEditionInput, principal: Principal): Promise<Edition> {
    this.office(principal);
    if (input.code !== undefined) checkEditionCode(input.code);
    checkTargets(input.targets ?? []);
    return this.write(async (manager) => {
      const current = await manager.findOneBy(Edition, { id: input.editionId });
      if (!current) throw notFound('Edition');
      const programme = await this.lockProgramme(manager, { id: current.programmeId });
      const edition = await manager.findOneOrFail(Edition, { where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      const next = {
        code: input.code ?? edition.code,
        startsOn: input.startsOn ?? edition.startsOn,
        endsOn: input.endsOn ?? edition.endsOn,
        degreePlaces: input.degreePlaces ?? edition.degreePlaces,
        degreeApplicationsOpenOn:
          input.degreeApplicationsOpenOn === undefined ? edition.degreeApplicationsOpenOn : input.degreeApplicationsOpenOn,
        degreeApplicationsCloseOn:
          input.degreeApplicationsCloseOn === undefined ? edition.degreeApplicationsCloseOn : input.degreeApplicationsCloseOn,
      };
      checkEditionDates(next, programme);
      const intake = { places: next.degreePlaces, opensOn: next.degreeApplicationsOpenOn, closesOn: next.degreeApplicationsCloseOn };
      checkDegreeIntake(intake, next.endsOn, EDITION_FIELDS);
      await this.checkFree(manager, programme.id, next.code, next, edition.id);
      await manager.update(Edition, { id: edition.id }, next);
      await this.setTargets(manager, edition, input.targets ?? []);
      const { editionId: _id, ...changed } = input;
      await audit(manager, {
        action: AuditAction.EDITION_UPDATED,
        actorUserId: principal.userId,
        entityType: 'edition',
        entityId: edition.id,
        details: { changed, before: { ...edition, openedAt: edition.openedAt?.toISOString() ?? null } },
      });
      const intakeChanged =
        intake.places !== edition.degreePlaces ||
        intake.opensOn !== edition.degreeApplicationsOpenOn ||
        intake.closesOn !== edition.degreeApplicationsCloseOn;
      // The intake's reserve list is admissions' business: places added go to it there.
      if (intakeChanged) await this.events.emit(manager, 'edition.degree-intake-changed', { editionId: edition.id });
      return manager.findOneByOrFail(Edition, { id: edition.id });
    });
  }

  /**
   * Opens a PLANNED edition and raises 'edition.opened' in the same transaction (the interest
   * list is told by its subscriber). The row lock makes a retry or a concurrent call wait and
   * then find the edition OPEN: it answers the edition as it is, and nothing is raised again.
   */
  async open(editionId: string, principal: Principal): Promise<Edition> {
    this.office(principal);
    return this.dataSource.transaction(async (manager) => {
      const edition = await manager.findOne(Edition, { where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw notFound('Edition');
      if (edition.state === EditionState.OPEN) return edition;
      await manager.update(Edition, { id: edition.id }, { state: EditionState.OPEN, openedAt: this.clock.now() });
      await audit(manager, {
        action: AuditAction.EDITION_OPENED,
        actorUserId: principal.userId,
        entityType: 'edition',
        entityId: edition.id,
      });
      await this.events.emit(manager, 'edition.opened', { editionId: edition.id, programmeId: edition.programmeId });
      return manager.findOneByOrFail(Edition, { id: edition.id });
    });
  }

  private office(principal: Principal): void {
    if (principal.role !== Role.ADMIN) throw forbidden('The programme office manages editions');
  }

  private async lockProgramme(manager: EntityManager, where: { id: string } | { code: string }): Promise<Programme> {
    const programme = await manager.findOne(Programme, { where, lock: { mode: 'pessimistic_write' } });
    if (!programme) throw notFound('Programme');
    return programme;
  }

  /** The code is the programme's only one of that name, and the dates overlap no other edition. */
  private async checkFree(
    manager: EntityManager,
    programmeId: string,
    code: string,
    dates: EditionDates,
    self: string | null,
  ): Promise<void> {
    const others = (await manager.findBy(Edition, { programmeId })).filter((e) => e.id !== self);
    if (others.some((e) => e.code === code)) throw editionCodeTaken(code);
    const overlapping = others.find((e) => overlaps(e, dates));
    if (overlapping) throw editionOverlap(overlapping.code);
  }

  /** Each metric named gets this value for this edition (the programme-wide rows stay as they are). */
  private async setTargets(manager: EntityManager, edition: Edition, targets: EditionTargetInput[]): Promise<void> {
    for (const { metric, value } of targets) {
      const existing = await manager.findOneBy(ProgrammeTarget, { editionId: edition.id, metric });
      if (existing) await manager.update(ProgrammeTarget, { id: existing.id }, { targetValue: value });
      else await manager.insert(ProgrammeTarget, { programmeId: edition.programmeId, editionId: edition.id, metric, targetValue: value });
    }
  }

  /** A constraint that caught what the checks could not see (a concurrent write) answers as the check would. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error as QueryFailedError & { code?: string }).code : undefined;
      if (code === UNIQUE_VIOLATION) throw editionCodeTaken('with that code');
      if (code === EXCLUSION_VIOLATION) throw editionOverlap('planned at the same time');
      throw error;
    }
  }
}
