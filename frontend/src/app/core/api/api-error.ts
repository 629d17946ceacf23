import { HttpError } from './http-error';

/**
 * The body of every error the API returns (see the backend's HTTP exception filter).
 * TODO: use the generated type once the backend documents its error schema in OpenAPI.
 */
export interface ApiError {
  statusCode: number;
  /** Stable machine-readable code, e.g. `VALIDATION_FAILED`; the UI translates by code. */
  code: string;
  /** Developer-facing English message. */
  message: string;
  details?: ApiErrorDetail[];
  /** Quote this to support; empty when the request never reached the server. */
  requestId: string;
}

export interface ApiErrorDetail {
  field: string;
  message: string;
}

/** Codes produced on this side when the server gave no error body of its own. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  invalidResponse: 'INVALID_RESPONSE',
  unexpected: 'UNEXPECTED_ERROR',
} as const;

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate['statusCode'] === 'number' && typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

/**
 * Turns whatever an API call failed with into an `ApiError`:
 * - the server's own error body when it sent one;
 * - `NETWORK_ERROR` (status 0) when the request never got an HTTP answer;
 * - `INVALID_RESPONSE` when a successful answer could not be parsed as JSON;
 * - `HTTP_<status>` when an error answer was not an error body (proxy page, plain text);
 * - `UNEXPECTED_ERROR` for anything that is not an HTTP error at all.
 */
export function toApiError(error: unknown): ApiError {
  if (!(error instanceof HttpError)) {
    return {
      statusCode: 0,
      code: CLIENT_ERROR_CODES.unexpected,
      message: error instanceof Error ? error.message : String(error),
      requestId: '',
    };
  }
  const headerRequestId = error.headers.get('x-request-id') ?? '';
  if (isApiError(error.body)) {
    const body = error.body;
    const details = Array.isArray(body.details) ? body.details : undefined;
    return {
      statusCode: body.statusCode,
      code: body.code,
      message: body.message,
      ...(details ? { details } : {}),
      requestId: typeof body.requestId === 'string' ? body.requestId : headerRequestId,
    };
  }
  if (error.status === 0) {
    return {
      statusCode: 0,
      code: CLIENT_ERROR_CODES.network,
      message: error.message,
      requestId: '',
    };
  }
  const succeeded = error.status >= 200 && error.status < 300;
  return {
    statusCode: error.status,
    code: succeeded ? CLIENT_ERROR_CODES.invalidResponse : `HTTP_${error.status}`,
    message: error.statusText ? `${error.status} ${error.statusText}` : error.message,
    requestId: headerRequestId,
  };
}
