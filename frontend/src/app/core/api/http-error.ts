/** What an `HttpError` is made of; everything but `status` is optional (tests build them too). */
export interface HttpErrorInit {
  readonly status: number;
  readonly statusText?: string;
  readonly body?: unknown;
  readonly headers?: HeadersInit;
  readonly url?: string;
  readonly cause?: unknown;
}

/**
 * A request to the API that did not succeed: an answer outside 2xx, a 2xx answer that is not
 * JSON, or no answer at all (`status` 0: offline, refused, CORS). Turn it into an `ApiError`
 * with `toApiError`.
 */
export class HttpError extends Error {
  /** The HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly statusText: string;
  /**
   * The answer's body: parsed JSON (the API's error body), the text when it is not JSON, null
   * when empty. For a 2xx that is not JSON, `{ text }`. For status 0, whatever the test or
   * network layer reported.
   */
  readonly body: unknown;
  /** The answer's headers (`x-request-id`, `retry-after`…); empty for status 0. */
  readonly headers: Headers;
  readonly url: string;

  constructor(init: HttpErrorInit) {
    const url = init.url ?? '';
    super(init.status ? `HTTP ${init.status} ${init.statusText ?? ''}: ${url}` : `No answer: ${url}`, { cause: init.cause });
    this.name = 'HttpError';
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.body = init.body ?? null;
    this.headers = new Headers(init.headers);
    this.url = url;
  }
}
