import { DomainError } from '@magix/common';

export enum PresentationErrorCode {
  CHALLENGE_UNKNOWN = 'CHALLENGE_UNKNOWN',
  CHALLENGE_EXPIRED = 'CHALLENGE_EXPIRED',
  HELD_IN_WALLET = 'HELD_IN_WALLET',
  CHALLENGE_USED = 'CHALLENGE_USED',
}

export const challengeUnknown = () =>
  new DomainError(
    PresentationErrorCode.CHALLENGE_UNKNOWN,
    'No such presentation request: ask the verifier for a new one',
    'input.challenge',
    404,
  );
export const challengeExpired = () =>
  new DomainError(
    PresentationErrorCode.CHALLENGE_EXPIRED,
    'The presentation request has expired: ask the verifier for a new one',
    'input.challenge',
    409,
  );
export const heldInWallet = () =>
  new DomainError(
    PresentationErrorCode.HELD_IN_WALLET,
    'This credential was issued to your wallet’s DID: present it from your wallet',
    'input.credentialIds',
    409,
  );
export const domainMismatch = () =>
  new DomainError('DOMAIN_MISMATCH', 'The domain is not the one the presentation request was made for', 'input.domain', 400);
export const challengeUsed = () =>
  new DomainError(
    PresentationErrorCode.CHALLENGE_USED,
    'The presentation request was already answered: ask the verifier for a new one',
    'input.challenge',
    409,
  );
