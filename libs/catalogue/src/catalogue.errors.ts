import { badInput, DomainError } from '@magix/common';

export enum CatalogueErrorCode {
  MODULE_CODE_TAKEN = 'MODULE_CODE_TAKEN',
  OFFERING_CODE_TAKEN = 'OFFERING_CODE_TAKEN',
  PROVIDER_NOT_ISSUING_HEI = 'PROVIDER_NOT_ISSUING_HEI',
  MODULE_RETIRED = 'MODULE_RETIRED',
}

export const moduleCodeTaken = (code: string) =>
  new DomainError(CatalogueErrorCode.MODULE_CODE_TAKEN, `A module with the code ${code} exists`, 'input.code', 409);
export const offeringCodeTaken = (code: string) =>
  new DomainError(CatalogueErrorCode.OFFERING_CODE_TAKEN, `An offering with the code ${code} exists`, 'input.code', 409);
export const providerNotIssuingHei = () =>
  new DomainError(CatalogueErrorCode.PROVIDER_NOT_ISSUING_HEI, 'The provider must be a consortium HEI', 'input.providerId', 400);
export const unknownPrerequisites = (codes: string[]) => badInput('input.prerequisiteCodes', `Unknown modules: ${codes.join(', ')}`);
export const offeringOutsideEdition = () => badInput('input.startsOn', 'The offering must run within its edition and end after it starts');
/** A retired module takes no new offering and no new version; what exists keeps working. */
export const moduleRetired = (code: string, field = 'input.moduleId') =>
  new DomainError(CatalogueErrorCode.MODULE_RETIRED, `The module ${code} is retired`, field, 409);
