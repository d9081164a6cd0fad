import { DomainError } from '@magix/common';

export enum IssuanceErrorCode {
  CREDENTIAL_REVOKED = 'CREDENTIAL_REVOKED',
  CREDENTIAL_NOT_SUSPENDED = 'CREDENTIAL_NOT_SUSPENDED',
  NO_STATUS_LIST = 'NO_STATUS_LIST',
  NOT_YOUR_CREDENTIAL = 'NOT_YOUR_CREDENTIAL',
}

export const credentialRevoked = () =>
  new DomainError(IssuanceErrorCode.CREDENTIAL_REVOKED, 'The credential is revoked; revocation is final', 'id', 409);
export const noStatusList = () =>
  new DomainError(IssuanceErrorCode.NO_STATUS_LIST, 'The credential was issued without a status list and cannot change status', 'id', 409);
export const notYourCredential = () =>
  new DomainError(IssuanceErrorCode.NOT_YOUR_CREDENTIAL, 'Only the issuing HEI can change a credential’s status', 'id', 403);
