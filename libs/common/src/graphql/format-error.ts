import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { ApolloServerPlugin } from '@apollo/server';
import {
  describeDatabaseError,
  describeErrorForLog,
  isDatabaseUnavailable,
  isInvalidTextRepresentation,
} from '../database/database-errors';
import { CommonErrorCode, DomainError, serviceUnavailable } from '../domain-error';
import { QUERY_TOO_COSTLY } from './query-cost';

const logger = new Logger('GraphQL');

const codeForStatus: Record<number, string> = {
  400: CommonErrorCode.BAD_USER_INPUT,
  401: CommonErrorCode.UNAUTHENTICATED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  409: CommonErrorCode.CONFLICT,
};

// Codes that graphql-js and Apollo give themselves to malformed requests.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  QUERY_TOO_COSTLY,
]);

/** The one mapping from what went wrong to what a GraphQL client sees. Internals never leak. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
    };
  }
  if (original instanceof HttpException) {
    const code = codeForStatus[original.getStatus()] ?? CommonErrorCode.BAD_USER_INPUT;
    return { ...base, message: original.message, extensions: { code } };
  }
  if (isDatabaseUnavailable(original)) {
    // Once, without the query or its parameters: the database is down, not this request wrong.
    logger.warn(`database unavailable: ${describeDatabaseError(original)}`);
    const unavailable = serviceUnavailable();
    return { ...base, message: unavailable.message, extensions: { code: unavailable.code } };
  }
  if (isInvalidTextRepresentation(original)) {
    // The net behind uuidIdArguments: a value the column cannot read is the client's mistake.
    return {
      ...base,
      message: 'A value is not of the expected form (an id that is not a UUID?)',
      extensions: { code: CommonErrorCode.BAD_USER_INPUT },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || Object.values(CommonErrorCode).includes(code as CommonErrorCode))) {
    const field = formatted.extensions?.field;
    return { ...base, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
  }
  logger.error(describeErrorForLog(original));
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * The HTTP status of an answer that went through execution: 503 when it says the database is
 * unavailable, 429 when a throttle refused it (its Retry-After header is set by the error), so that
 * load balancers and clients retry as they would for REST; 200 otherwise.
 * Replaces Nest's own reset to 200 (`preserveHttpStatusForExecutionErrors: false` in the app
 * module), which would undo the 503. Request errors (no `data` key) keep Apollo's status.
 */
export const serviceUnavailableStatus: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !('data' in response.body.singleResult)) return Promise.resolve();
        const codes = new Set((response.body.singleResult.errors ?? []).map((error) => error.extensions?.code));
        response.http.status = codes.has(CommonErrorCode.SERVICE_UNAVAILABLE)
          ? 503
          : codes.has(CommonErrorCode.TOO_MANY_REQUESTS)
            ? 429
            : 200;
        return Promise.resolve();
      },
    });
  },
};
