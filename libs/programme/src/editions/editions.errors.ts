import { DomainError } from '@magix/common';

export enum EditionErrorCode {
  EDITION_CODE_TAKEN = 'EDITION_CODE_TAKEN',
  EDITION_OVERLAP = 'EDITION_OVERLAP',
  EDITION_OUTSIDE_PROGRAMME = 'EDITION_OUTSIDE_PROGRAMME',
}

export const editionCodeTaken = (code: string) =>
  new DomainError(EditionErrorCode.EDITION_CODE_TAKEN, `The programme already has an edition ${code}`, 'input.code', 409);
export const editionOverlap = (other: string) =>
  new DomainError(EditionErrorCode.EDITION_OVERLAP, `The dates overlap the edition ${other}`, 'input.startsOn', 409);
export const editionOutsideProgramme = (programme: { startsOn: string; endsOn: string }) =>
  new DomainError(
    EditionErrorCode.EDITION_OUTSIDE_PROGRAMME,
    `An edition lies within the programme, from ${programme.startsOn} to ${programme.endsOn}`,
    'input.startsOn',
    400,
  );
