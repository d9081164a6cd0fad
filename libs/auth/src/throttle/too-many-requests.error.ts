import { CommonErrorCode, DomainError } from '@magix/common';

/**
 * Refused before any work by a throttle: 429 with `Retry-After`. `retryAfterSeconds` reaches
 * GraphQL clients in `extensions` and REST clients in the body; `extensions.http` is how Apollo
 * Server lets an error thrown during execution set the status and headers of the GraphQL answer
 * (graphql-js copies an original error's `extensions`; Apollo strips `http` before formatError).
 */
export class TooManyRequestsError extends DomainError {
  readonly extensions: { http: { status: number; headers: Map<string, string> } };

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(CommonErrorCode.TOO_MANY_REQUESTS, message, undefined, 429);
    this.details = { retryAfterSeconds };
    this.extensions = { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
  }
}
