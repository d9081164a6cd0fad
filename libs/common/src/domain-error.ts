/** Codes every feature shares; features add their own (see each `*.errors.ts`). */
export enum CommonErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

/**
 * A refusal the caller can act on. Its code reaches GraphQL clients as `extensions.code` and REST
 * clients as the `code` of a 4xx JSON body; `field` names the input at fault, if one is.
 */
export class DomainError extends Error {
  /** More for the caller beside the code, e.g. `retryAfterSeconds`: GraphQL `extensions`, the REST body. */
  details?: Record<string, unknown>;

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError(CommonErrorCode.BAD_USER_INPUT, message, field, 400);
export const notFound = (what: string) => new DomainError(CommonErrorCode.NOT_FOUND, `${what} not found`, undefined, 404);
export const forbidden = (message: string, code: string = CommonErrorCode.FORBIDDEN) => new DomainError(code, message, undefined, 403);
/** A dependency (the database) does not answer: the caller may retry; nothing about the input is wrong. */
export const serviceUnavailable = (message = 'The service is temporarily unavailable; try again shortly') =>
  new DomainError(CommonErrorCode.SERVICE_UNAVAILABLE, message, undefined, 503);
