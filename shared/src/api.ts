/** Shapes every API client relies on (DESIGN.md, "Public API contract"). */

/** A field-level problem in a request. `field` is a dotted path into the body or query. */
export interface ApiErrorDetail {
  field: string;
  message: string;
}

/**
 * Every `code` an error body can carry: stable and machine-readable, for clients to act on (the
 * OpenAPI document lists the same as the enum of `ErrorBody.code`). The backend's errors are typed
 * by this list, so a new code is added here first.
 */
export const API_ERROR_CODES = [
  // Any route: the request itself
  'bad_request',
  'validation_failed',
  'invalid_id',
  'invalid_input',
  'malformed_body',
  'malformed_url',
  'malformed_request',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'payload_too_large',
  'unsupported_media_type',
  'not_acceptable',
  'method_not_allowed',
  'unprocessable',
  'not_found',
  'rate_limited',
  // Who is asking
  'unauthenticated',
  'invalid_credentials',
  'invalid_token',
  'wrong_password',
  'link_invalid',
  'forbidden',
  'csrf_invalid',
  // The state of things (409)
  'conflict',
  'illegal_transition',
  'stale_status',
  'superseded',
  'already_decided',
  'invitation_decided',
  'email_taken',
  'name_taken',
  'title_taken',
  'reference_taken',
  'terms_overlap',
  'last_lead',
  'cannot_demote_self',
  'cannot_disable_self',
  'not_failed',
  'not_draft',
  'stale_order',
  'past_deadlines',
  'cannot_send',
  // Our side
  'internal_error',
  'service_unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error body the API answers with, whatever went wrong. */
export interface ApiErrorBody {
  statusCode: number;
  /** One of `API_ERROR_CODES`: `validation_failed`, `invalid_id`, `not_found`, … */
  code: ApiErrorCode;
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
