import type { ApiErrorDetail } from '@demarche/shared';

/**
 * An error the domain raises on purpose, with a stable machine-readable code. The HTTP error
 * filter maps it to its status and the common error body; services never speak HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
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
