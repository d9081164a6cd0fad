/** Codes every feature shares; features add their own (see each `*.errors.ts`). */
export enum CommonErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

/**
 * A refusal the caller can act on. Its code reaches GraphQL clients as `extensions.code` and REST
 * clients as the `code` of a 4xx JSON body; `field` names the input at fault, if one is.
 */
export class DomainError extends Error {
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
