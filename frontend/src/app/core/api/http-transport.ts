import { EnvironmentInjector, Injectable, InjectionToken, inject, runInInjectionContext, type Provider } from '@angular/core';
import { defer, type Observable } from 'rxjs';

import type { ApiBackend, ApiRequest } from './api-request';
import { fetchBackend } from './fetch-backend';

/**
 * Sees every request and its outcome (the session's CSRF header and 401 handling), in an
 * injection context: `inject()` works, as in Angular's functional interceptors.
 */
export type ApiInterceptor = (request: ApiRequest, next: ApiBackend) => Observable<unknown>;

export const API_BACKEND = new InjectionToken<ApiBackend>('API_BACKEND', { providedIn: 'root', factory: fetchBackend });

export const API_INTERCEPTORS = new InjectionToken<readonly ApiInterceptor[]>('API_INTERCEPTORS', {
  providedIn: 'root',
  factory: () => [],
});

/** The interceptors every API request passes through, first to last. */
export function provideApiInterceptors(...interceptors: ApiInterceptor[]): Provider {
  return { provide: API_INTERCEPTORS, useValue: interceptors };
}

type QueryValue = string | number | boolean;

export interface RequestOptions {
  /** Arrays repeat the name (`?status=a&status=b`); null and undefined are left out. */
  readonly params?: Readonly<Record<string, QueryValue | readonly QueryValue[] | null | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON; undefined or null for none. */
  readonly body?: unknown;
}

/**
 * Sends JSON requests through the interceptors to the backend. The answer is the parsed body
 * (null when empty); a failure is an `HttpError`. Nothing happens until subscription, and
 * unsubscribing aborts the request.
 */
@Injectable({ providedIn: 'root' })
export class HttpTransport {
  private readonly injector = inject(EnvironmentInjector);
  private readonly chain = inject(API_INTERCEPTORS).reduceRight<ApiBackend>(
    (next, interceptor) => (request) => runInInjectionContext(this.injector, () => interceptor(request, next)),
    inject(API_BACKEND),
  );

  request<T>(method: string, url: string, options: RequestOptions = {}): Observable<T> {
    const request: ApiRequest = {
      method: method.toUpperCase(),
      url,
      params: queryParams(options.params),
      headers: new Headers(options.headers),
      body: options.body ?? null,
    };
    return defer(() => this.chain(request)) as Observable<T>;
  }
}

function queryParams(params: RequestOptions['params']): ApiRequest['params'] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null) {
      for (const item of Array.isArray(value) ? value : [value]) {
        pairs.push([name, String(item)]);
      }
    }
  }
  return pairs;
}
