import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody, ApiErrorCode, ApiErrorDetail } from '@demarche/shared';
import { DomainError } from './domain-error.js';

/** Codes for statuses that reach us without a domain code (framework and parser errors). */
const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  431: 'headers_too_large',
  503: 'service_unavailable',
};

/** The code of a status no domain code names: the table's, else the general one of its class. */
const codeOf = (status: number): ApiErrorCode => CODE_BY_STATUS[status] ?? (status < 500 ? 'bad_request' : 'internal_error');

export interface ErrorOutcome {
  body: ApiErrorBody;
  /** Unexpected errors are logged with their stack; expected ones are not noise. */
  unexpected: boolean;
}

/**
 * Turns anything thrown while handling a request into the one error body of the API
 * (`{statusCode, code, message, details?, requestId}`, DESIGN.md). Never leaks internals: an
 * unexpected error answers a bare 500.
 */
export function toErrorBody(error: unknown, requestId: string): ErrorOutcome {
  const body = (statusCode: number, code: ApiErrorCode, message: string, details?: ApiErrorDetail[]): ApiErrorBody => ({
    statusCode,
    code,
    message,
    ...(details && details.length > 0 ? { details } : {}),
    requestId,
  });

  if (error instanceof DomainError) {
    return { body: { ...body(error.status, error.code, error.message, error.details), ...(error.extra ?? {}) }, unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    let message = error.message;
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const m = (response as { message: unknown }).message;
      message = Array.isArray(m) ? m.join('; ') : String(m);
    }
    return { body: body(status, codeOf(status), message), unexpected: status >= 500 };
  }
  // PostgreSQL errors that bad input can still provoke, should validation have missed it.
  const pgCode = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code;
  if (pgCode === '22P02') return { body: body(400, 'invalid_input', 'A value in the request is malformed.'), unexpected: false };
  if (pgCode === '23505') return { body: body(409, 'conflict', 'This would duplicate an existing record.'), unexpected: false };
  if (pgCode === '23503')
    return { body: body(409, 'conflict', 'This refers to a record that does not exist or is still in use.'), unexpected: false };

  // Fastify's own errors (unparseable JSON, body too large, wrong content type) carry a 4xx status.
  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    const message =
      fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastify.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is not valid JSON.'
        : typeof fastify.message === 'string'
          ? fastify.message
          : (HttpStatus[status] ?? 'Bad request');
    const code = status === 400 && String(fastify.code).startsWith('FST_ERR_CTP') ? 'malformed_body' : codeOf(status);
    return { body: body(status, code, message), unexpected: false };
  }
  return {
    body: body(500, 'internal_error', 'Something went wrong on our side. The request id identifies it in the logs.'),
    unexpected: true,
  };
}
