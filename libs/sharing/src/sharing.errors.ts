import { DomainError } from '@magix/common';

export enum SharingErrorCode {
  SHARE_LINK_NOT_FOUND = 'SHARE_LINK_NOT_FOUND',
  SHARE_LINK_REVOKED = 'SHARE_LINK_REVOKED',
  SHARE_LINK_EXPIRED = 'SHARE_LINK_EXPIRED',
  NOT_YOUR_CREDENTIAL = 'NOT_YOUR_CREDENTIAL',
  NOT_YOUR_SHARE_LINK = 'NOT_YOUR_SHARE_LINK',
}

export const shareLinkNotFound = () =>
  new DomainError(SharingErrorCode.SHARE_LINK_NOT_FOUND, 'No credential is shared at this link', undefined, 404);
// 410 Gone: the link existed and was withdrawn on purpose, so a client should not retry.
export const shareLinkRevoked = () =>
  new DomainError(SharingErrorCode.SHARE_LINK_REVOKED, 'The holder has withdrawn this link', undefined, 410);
export const shareLinkExpired = () => new DomainError(SharingErrorCode.SHARE_LINK_EXPIRED, 'This link has expired', undefined, 410);
// One answer for "no such credential" and "someone else's": a learner cannot probe for ids.
export const notYourCredential = () =>
  new DomainError(SharingErrorCode.NOT_YOUR_CREDENTIAL, 'You can share only your own credentials', 'credentialId', 403);
export const notYourShareLink = () =>
  new DomainError(SharingErrorCode.NOT_YOUR_SHARE_LINK, 'You can revoke only your own share links', 'id', 403);
