import type { ApiErrorCode, ApiErrorDetail } from '@demarche/shared';

/**
 * An error the domain raises on purpose, with a stable machine-readable code. The HTTP error
 * filter maps it to its status and the common error body; services never speak HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiErrorDetail[],
    /** Extra response headers (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
    /** Extra fields of the error body, documented per route (e.g. `allowed` next statuses). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: ApiErrorDetail[], message = 'The request is not valid.') {
    super(400, 'validation_failed', message, details);
  }
}

export class InvalidIdError extends DomainError {
  constructor(field: string) {
    super(400, 'invalid_id', `"${field}" must be a UUID.`, [{ field, message: 'must be a UUID' }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super(404, 'not_found', `No such ${what}.`);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.', code: ApiErrorCode = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this.', code: ApiErrorCode = 'forbidden') {
    super(403, code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: ApiErrorCode, message: string, details?: ApiErrorDetail[], extra?: Record<string, unknown>) {
    super(409, code, message, details, undefined, extra);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
