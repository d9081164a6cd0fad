import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { DomainError } from '@magix/common';

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
      response.status(status).json({ code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: error.message });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
