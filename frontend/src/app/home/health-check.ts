import { Injectable, inject } from '@angular/core';
import { catchError, map, of, type Observable } from 'rxjs';

import { ApiClient, type ResponseBody } from '../core/api/api-client';
import { toApiError, type ApiError } from '../core/api/api-error';
import { HttpError } from '../core/api/http-error';

/** The body of `GET /api/health`, from the OpenAPI document (same shape for 200 and 503). */
export type HealthReport = ResponseBody<'/api/health', 'get'>;

export type HealthOutcome =
  { readonly kind: 'report'; readonly report: HealthReport } | { readonly kind: 'error'; readonly error: ApiError };

/**
 * Asks the API how it and its dependencies are doing. A 503 still carries a health report
 * (status "unavailable" and which dependency is down): that is an answer, not a failure.
 */
@Injectable({ providedIn: 'root' })
export class HealthCheck {
  private readonly api = inject(ApiClient);

  check(): Observable<HealthOutcome> {
    return this.api.get('/api/health').pipe(
      map((report): HealthOutcome => ({ kind: 'report', report })),
      catchError((error: unknown) => of(outcomeOfFailure(error))),
    );
  }
}

function outcomeOfFailure(error: unknown): HealthOutcome {
  if (error instanceof HttpError && error.status === 503 && isHealthReport(error.body)) {
    return { kind: 'report', report: error.body };
  }
  return { kind: 'error', error: toApiError(error) };
}

function isHealthReport(body: unknown): body is ResponseBody<'/api/health', 'get', 503> {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const { status, checks } = body as { status?: unknown; checks?: Record<string, unknown> };
  return (
    typeof status === 'string' &&
    typeof checks === 'object' &&
    checks !== null &&
    isDependency(checks['database']) &&
    isDependency(checks['redis'])
  );
}

function isDependency(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'string';
}
