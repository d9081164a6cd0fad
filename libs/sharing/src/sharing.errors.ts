import { DomainError } from '@magix/common';

export enum SharingErrorCode {
  SHARE_LINK_NOT_FOUND = 'SHARE_LINK_NOT_FOUND',
  SHARE_LINK_REVOKED = 'SHARE_LINK_REVOKED',
  SHARE_LINK_EXPIRED = 'SHARE_LINK_EXPIRED',
}

export const shareLinkNotFound = () =>
  new DomainError(SharingErrorCode.SHARE_LINK_NOT_FOUND, 'No credential is shared at this link', undefined, 404);
// 410 Gone: the link existed and was withdrawn on purpose, so a client should not retry.
export const shareLinkRevoked = () =>
  new DomainError(SharingErrorCode.SHARE_LINK_REVOKED, 'The holder has withdrawn this link', undefined, 410);
export const shareLinkExpired = () => new DomainError(SharingErrorCode.SHARE_LINK_EXPIRED, 'This link has expired', undefined, 410);
