import { badInput } from '@magix/common';
import { TargetMetric } from '../programme.entities';
import { editionOutsideProgramme } from './editions.errors';

/**
 * The rules of an edition as plain functions: each throws a typed error naming the field at
 * fault, before anything is written. The database holds the same bounds as constraints
 * (migration 1765440000000), for what a check here cannot see (a concurrent overlap).
 */

export const MAX_DEGREE_PLACES = 100_000;

export interface DegreeIntakeValues {
  places: number;
  opensOn: string | null;
  closesOn: string | null;
}

/** The input names of an intake's fields in the caller's input, for the error's `field`. */
export interface DegreeIntakeFields {
  places: string;
  opensOn: string;
  closesOn: string;
}

const SET_DEGREE_INTAKE_FIELDS: DegreeIntakeFields = { places: 'input.places', opensOn: 'input.opensOn', closesOn: 'input.closesOn' };

/**
 * The one rule of a degree intake, used by `setDegreeIntake` and by `createEdition`/`updateEdition`:
 * whole places from 0; the window opens on or before it closes, and closes by the edition's end
 * (an open day past the end is allowed: that is how the office keeps an intake shut).
 */
export function checkDegreeIntake(intake: DegreeIntakeValues, editionEndsOn: string, fields = SET_DEGREE_INTAKE_FIELDS): void {
  if (!Number.isInteger(intake.places) || intake.places < 0 || intake.places > MAX_DEGREE_PLACES)
    throw badInput(fields.places, `Degree places are a whole number from 0 to ${MAX_DEGREE_PLACES}`);
  if (intake.opensOn && intake.closesOn && intake.opensOn > intake.closesOn)
    throw badInput(fields.closesOn, 'Degree applications must close on or after the day they open');
  if (intake.closesOn && intake.closesOn > editionEndsOn)
    throw badInput(fields.closesOn, `Degree applications must close by the edition’s last day (${editionEndsOn})`);
}

export interface EditionDates {
  startsOn: string;
  endsOn: string;
}

/** An edition starts before it ends, within the programme's own dates. */
export function checkEditionDates(edition: EditionDates, programme: EditionDates): void {
  if (edition.startsOn >= edition.endsOn) throw badInput('input.endsOn', 'An edition ends after the day it starts');
  if (edition.startsOn < programme.startsOn || edition.endsOn > programme.endsOn) throw editionOutsideProgramme(programme);
}

/** Both date ranges include their last day, as the edition's dates do. */
export function overlaps(a: EditionDates, b: EditionDates): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export const EDITION_CODE = /^[0-9]{4}-[0-9]{4}$/;

/** e.g. 2027-2028: two years, the second after the first. */
export function checkEditionCode(code: string): void {
  const [first, second] = code.split('-').map(Number);
  if (!EDITION_CODE.test(code) || second <= first) throw badInput('input.code', 'An edition code is two years, e.g. 2027-2028');
}

const MAX_TARGET = 100_000_000;

export interface TargetValue {
  metric: TargetMetric;
  value: number;
}

/** Targets are numbers from 0, a share at most 100 %, each metric once. */
export function checkTargets(targets: TargetValue[]): void {
  const seen = new Set<TargetMetric>();
  targets.forEach((target, index) => {
    const field = `input.targets.${index}.value`;
    if (seen.has(target.metric)) throw badInput(`input.targets.${index}.metric`, `${target.metric} is given twice`);
    seen.add(target.metric);
    // numeric(10,2) in the table: a larger number would fail there instead of here.
    if (!Number.isFinite(target.value) || target.value < 0 || target.value >= MAX_TARGET)
      throw badInput(field, `A target is a number from 0 to below ${MAX_TARGET}`);
    if (target.metric === TargetMetric.PUBLIC_SECTOR_SHARE && target.value > 100)
      throw badInput(field, 'PUBLIC_SECTOR_SHARE is a percentage: at most 100');
    if (target.metric !== TargetMetric.PUBLIC_SECTOR_SHARE && !Number.isInteger(target.value))
      throw badInput(field, `${target.metric} counts people or members: a whole number`);
  });
}
