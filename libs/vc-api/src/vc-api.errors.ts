import { DomainError } from '@magix/common';

/** 400: the request is not what the endpoint takes. 422: it is, but the credential is not acceptable. */
export const malformedRequest = (message: string, field?: string) => new DomainError('MALFORMED_REQUEST', message, field, 400);
export const unprocessableCredential = (message: string, field = 'credential') =>
  new DomainError('INVALID_CREDENTIAL', message, field, 422);
