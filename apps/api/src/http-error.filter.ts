import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import {
  CommonErrorCode,
  describeDatabaseError,
  describeErrorForLog,
  DomainError,
  isDatabaseUnavailable,
  isInvalidTextRepresentation,
  serviceUnavailable,
} from '@magix/common';

/** The `code` of an error that has only an HTTP status; anything else in the 4xx range is BAD_REQUEST. */
const CODES: Record<number, string> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  503: 'SERVICE_UNAVAILABLE',
};

interface HttpClientError {
  status: number;
  type?: string;
  limit?: number;
  length?: number;
  message: string;
}

/**
 * Errors of Express's body parser (`http-errors`): a 4xx `status`, `expose` set because the
 * message is for the client. The body over the limit is one (`entity.too.large`).
 */
function isHttpClientError(error: unknown): error is HttpClientError {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

function messageOf(error: HttpClientError): string {
  if (error.type === 'entity.too.large' && typeof error.limit === 'number') {
    return `The request body${typeof error.length === 'number' ? ` (${error.length} bytes)` : ''} is over the limit of ${error.limit} bytes`;
  }
  return error.message;
}

/** REST errors as JSON `{ code, message, field? }`; GraphQL errors are left to formatGraphQLError. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      response.status(error.httpStatus).json({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      response.status(status).json({ code: CODES[status] ?? 'BAD_REQUEST', message: error.message });
      return;
    }
    if (isHttpClientError(error)) {
      response.status(error.status).json({ code: CODES[error.status] ?? 'BAD_REQUEST', message: messageOf(error) });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // One line, no SQL and no parameters: the database is down, not this request wrong.
      this.logger.warn(`database unavailable: ${describeDatabaseError(error)}`);
      const unavailable = serviceUnavailable();
      response.status(503).setHeader('Retry-After', '5').json({ code: unavailable.code, message: unavailable.message });
      return;
    }
    if (isInvalidTextRepresentation(error)) {
      // The net behind the uuid parameter pipes: a value the column cannot read is the client's mistake.
      response
        .status(400)
        .json({ code: CommonErrorCode.BAD_USER_INPUT, message: 'A value is not of the expected form (an id that is not a UUID?)' });
      return;
    }
    this.logger.error(describeErrorForLog(error));
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
