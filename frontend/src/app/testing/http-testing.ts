import { Injectable, inject, type Provider } from '@angular/core';
import { Observable, type Subscriber } from 'rxjs';

import { urlWithParams, type ApiBackend, type ApiRequest } from '../core/api/api-request';
import { HttpError } from '../core/api/http-error';
import { API_BACKEND } from '../core/api/http-transport';

/**
 * The app's stand-in for Angular's `HttpTestingController`, for `HttpTransport` (ADR 0010): the
 * same calls (`expectOne`, `expectNone`, `match`, `verify`; `flush`, `error`), answering
 * synchronously. Requests pass through the interceptors provided (`provideApiInterceptors`)
 * before they arrive here, and do not count as pending tasks (as with Angular's), so
 * `whenStable()` does not wait for a request the spec has yet to answer.
 */

/** The query parameters of a request, read as with Angular's `HttpParams`. */
export interface SentParams {
  get(name: string): string | null;
  getAll(name: string): string[] | null;
  has(name: string): boolean;
  /** Each name once, in order. */
  keys(): string[];
}

/** A request as a spec sees it. */
export interface SentRequest<Body = unknown> {
  readonly method: string;
  /** Without the query string. */
  readonly url: string;
  /** With the query string, encoded as it is sent. */
  readonly urlWithParams: string;
  readonly params: SentParams;
  readonly headers: Headers;
  /** The JSON body; null for none. */
  readonly body: Body;
}

/** A URL with its query, `{ method?, url? }` (url with its query too), or a predicate. */
export type RequestMatch = string | { readonly method?: string; readonly url?: string } | ((request: SentRequest) => boolean);

export interface ResponseOptions {
  /** Default: 200, or 204 when the body is null. */
  readonly status?: number;
  /** Required with `status`, as with Angular's. */
  readonly statusText?: string;
  readonly headers?: HeadersInit;
}

/** One request the code under test made, for the spec to answer. */
export class TestRequest {
  private answered = false;
  private unsubscribed = false;

  constructor(
    // `any` as in Angular's `TestRequest`: a spec reads the fields of the body it expects.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly request: SentRequest<any>,
    private readonly subscriber: Subscriber<unknown>,
  ) {
    subscriber.add(() => (this.unsubscribed = !this.answered));
  }

  /** Whether the caller unsubscribed before an answer (the transport aborts such a request). */
  get cancelled(): boolean {
    return this.unsubscribed;
  }

  /** Answers with `body`: success for a 2xx status, else an `HttpError` carrying the body. */
  flush(body: unknown, options: ResponseOptions = {}): void {
    this.assertOpen('flush');
    let { status, statusText } = options;
    if (status === undefined) {
      status = body === null ? 204 : 200;
      statusText ??= body === null ? 'No Content' : 'OK';
    } else if (statusText === undefined) {
      throw new Error('statusText is required when setting a custom status.');
    }
    this.answered = true;
    if (status >= 200 && status < 300) {
      this.subscriber.next(body);
      this.subscriber.complete();
    } else {
      this.subscriber.error(new HttpError({ status, statusText, body, headers: options.headers, url: this.request.urlWithParams }));
    }
  }

  /** Fails as a request without an answer does (status 0), or with `options.status`. */
  error(error: unknown, options: ResponseOptions = {}): void {
    this.assertOpen('error');
    this.answered = true;
    this.subscriber.error(
      new HttpError({
        status: options.status ?? 0,
        statusText: options.statusText ?? '',
        body: error,
        headers: options.headers,
        url: this.request.urlWithParams,
      }),
    );
  }

  private assertOpen(what: string): void {
    if (this.cancelled) {
      throw new Error(`Cannot ${what} a cancelled request: ${describeRequest(this)}.`);
    }
    if (this.answered) {
      throw new Error(`Cannot ${what} a request answered already: ${describeRequest(this)}.`);
    }
  }
}

@Injectable()
export class HttpTestingController {
  private open: TestRequest[] = [];

  /** The `ApiBackend` that `provideHttpTesting()` installs. */
  readonly backend: ApiBackend = (request) =>
    new Observable((subscriber) => {
      this.open.push(new TestRequest(sent(request), subscriber));
    });

  /** Takes every open request that matches, answered or not by the spec afterwards. */
  match(match: RequestMatch): TestRequest[] {
    const found = this.open.filter((test) => matches(test.request, match));
    this.open = this.open.filter((test) => !found.includes(test));
    return found;
  }

  /** Takes the one open request that matches; fails if there are none or several. */
  expectOne(match: RequestMatch, description = describeMatch(match)): TestRequest {
    const found = this.match(match);
    if (found.length > 1) {
      throw new Error(`Expected one matching request for criteria "${description}", found ${found.length} requests.`);
    }
    const [request] = found;
    if (!request) {
      const others = this.open.length > 0 ? ` Requests received are: ${this.open.map(describeRequest).join(', ')}.` : '';
      throw new Error(`Expected one matching request for criteria "${description}", found none.${others}`);
    }
    return request;
  }

  /** Fails if a request matches (and takes it). */
  expectNone(match: RequestMatch, description = describeMatch(match)): void {
    const found = this.match(match);
    if (found.length > 0) {
      throw new Error(`Expected zero matching requests for criteria "${description}", found ${found.length}.`);
    }
  }

  /** Fails if a request was left open (not taken by `expectOne`/`match`). */
  verify(options: { ignoreCancelled?: boolean } = {}): void {
    const open = options.ignoreCancelled ? this.open.filter((test) => !test.cancelled) : this.open;
    if (open.length > 0) {
      throw new Error(`Expected no open requests, found ${open.length}: ${open.map(describeRequest).join(', ')}`);
    }
  }
}

/** Replaces `fetch` with `HttpTestingController` behind `ApiClient` and `HttpTransport`. */
export function provideHttpTesting(): Provider[] {
  return [HttpTestingController, { provide: API_BACKEND, useFactory: () => inject(HttpTestingController).backend }];
}

function sent(request: ApiRequest): SentRequest {
  const values = (name: string) => request.params.filter(([key]) => key === name).map(([, value]) => value);
  return {
    method: request.method,
    url: request.url,
    urlWithParams: urlWithParams(request),
    headers: request.headers,
    body: request.body,
    params: {
      get: (name) => values(name)[0] ?? null,
      getAll: (name) => (values(name).length > 0 ? values(name) : null),
      has: (name) => values(name).length > 0,
      keys: () => [...new Set(request.params.map(([name]) => name))],
    },
  };
}

function matches(request: SentRequest, match: RequestMatch): boolean {
  if (typeof match === 'string') {
    return request.urlWithParams === match;
  }
  if (typeof match === 'function') {
    return match(request);
  }
  return (!match.method || request.method === match.method.toUpperCase()) && (!match.url || request.urlWithParams === match.url);
}

function describeMatch(match: RequestMatch): string {
  if (typeof match === 'string') {
    return `Match URL: ${match}`;
  }
  if (typeof match === 'function') {
    return `Match by function: ${match.name}`;
  }
  return `Match method: ${match.method ?? '(any)'}, URL: ${match.url ?? '(any)'}`;
}

function describeRequest(test: TestRequest): string {
  return `${test.request.method} ${test.request.urlWithParams}`;
}
