import { DomainError } from '@magix/common';

export enum OrganisationErrorCode {
  ORGANISATION_EXISTS = 'ORGANISATION_EXISTS',
  NO_SIGNING_IDENTITY = 'NO_SIGNING_IDENTITY',
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
