import { DomainError } from '@magix/common';

export enum OrganisationErrorCode {
  ORGANISATION_EXISTS = 'ORGANISATION_EXISTS',
  NO_SIGNING_IDENTITY = 'NO_SIGNING_IDENTITY',
  COMPROMISE_REPORTED = 'COMPROMISE_REPORTED',
  NOT_COMPROMISED = 'NOT_COMPROMISED',
}

export const organisationExists = (shortName: string) =>
  new DomainError(
    OrganisationErrorCode.ORGANISATION_EXISTS,
    `An organisation with the short name ${shortName} exists`,
    'input.shortName',
    409,
  );

export const noSigningIdentity = (organisationId: string) =>
  new DomainError(
    OrganisationErrorCode.NO_SIGNING_IDENTITY,
    `Organisation ${organisationId} has no signing identity: only consortium HEIs issue`,
    undefined,
    409,
  );

export const EMAIL_TAKEN = 'EMAIL_TAKEN';
export const emailTaken = (email: string) => new DomainError(EMAIL_TAKEN, `An account with the email ${email} exists`, 'input.email', 409);

/** An HEI may report an earlier compromise, never narrow one: a thief holding its staff's login could otherwise. */
export const compromiseReported = (current: Date) =>
  new DomainError(
    OrganisationErrorCode.COMPROMISE_REPORTED,
    `This key is reported compromised from ${current.toISOString()}: only the programme office can move that later or lift it; you may report an earlier date`,
    'input.compromisedFrom',
    403,
  );

export const notCompromised = () =>
  new DomainError(OrganisationErrorCode.NOT_COMPROMISED, 'This key is not reported compromised', 'input.did', 409);
