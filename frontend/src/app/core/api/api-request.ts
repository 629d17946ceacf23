import type { Observable } from 'rxjs';

/** One request on its way to the API, as interceptors and the backend see it. */
export interface ApiRequest {
  /** Upper case: `GET`, `POST`… */
  readonly method: string;
  /** Without the query string. */
  readonly url: string;
  /** Query parameters in order; a name repeats for an array. Encoded by `urlWithParams`. */
  readonly params: readonly (readonly [name: string, value: string])[];
  readonly headers: Headers;
  /** Sent as JSON; null for none. */
  readonly body: unknown;
}

/** What sends a request: `fetch` in the app, `HttpTestingController` in unit tests. */
export type ApiBackend = (request: ApiRequest) => Observable<unknown>;

/**
 * The URL with its query string, encoded as Angular's `HttpParams` did (`encodeURIComponent`,
 * then `@ : $ , ; = ? /` left readable), so that URLs did not change with the transport.
 */
export function urlWithParams(request: Pick<ApiRequest, 'url' | 'params'>): string {
  const query = request.params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  return query ? `${request.url}?${query}` : request.url;
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/%(40|3A|24|2C|3B|3D|3F|2F)/gi, (escaped) => decodeURIComponent(escaped));
}
