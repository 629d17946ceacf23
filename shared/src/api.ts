/** Shapes every API client relies on (DESIGN.md, "Public API contract"). */

/** A field-level problem in a request. `field` is a dotted path into the body or query. */
export interface ApiErrorDetail {
  field: string;
  message: string;
}

/** The one error body the API answers with, whatever went wrong. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable, machine-readable: `validation_failed`, `invalid_id`, `not_found`, … */
  code: string;
  message: string;
  details?: ApiErrorDetail[];
  requestId: string;
}

/** Every list answers a page of items and the cursor of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
