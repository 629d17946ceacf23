import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { HttpTransport, type RequestOptions } from './http-transport';
import type { HttpMethod, OperationOf, OptionsArg, PathsWith, RequestBodyOf, ResponseBodyOf, SuccessStatus } from './openapi-types';
import type { paths } from './schema.generated';

type LooseOptions = Omit<RequestOptions, 'body'> & { pathParams?: Readonly<Record<string, unknown>> };

/**
 * HTTP over our small `fetch` transport (`HttpTransport`, ADR 0010), typed by an OpenAPI `paths`
 * interface: the path must exist for the method, path/query parameters and bodies have the
 * document's types, and the result is the documented 2xx JSON body (null when empty). Errors are
 * `HttpError`s; turn them into an `ApiError` with `toApiError`.
 *
 * Generic so that its logic can be tested against a schema with path parameters; the app uses
 * `ApiClient`, bound to the schema generated from the backend's OpenAPI document.
 */
export abstract class OpenApiClient<Paths extends object> {
  private readonly http = inject(HttpTransport);

  get<P extends PathsWith<Paths, 'get'>>(
    path: P,
    ...[options]: OptionsArg<OperationOf<Paths, P, 'get'>>
  ): Observable<ResponseBodyOf<OperationOf<Paths, P, 'get'>>> {
    return this.send('get', path, undefined, options);
  }

  post<P extends PathsWith<Paths, 'post'>>(
    path: P,
    body: RequestBodyOf<OperationOf<Paths, P, 'post'>>,
    ...[options]: OptionsArg<OperationOf<Paths, P, 'post'>>
  ): Observable<ResponseBodyOf<OperationOf<Paths, P, 'post'>>> {
    return this.send('post', path, body, options);
  }

  put<P extends PathsWith<Paths, 'put'>>(
    path: P,
    body: RequestBodyOf<OperationOf<Paths, P, 'put'>>,
    ...[options]: OptionsArg<OperationOf<Paths, P, 'put'>>
  ): Observable<ResponseBodyOf<OperationOf<Paths, P, 'put'>>> {
    return this.send('put', path, body, options);
  }

  patch<P extends PathsWith<Paths, 'patch'>>(
    path: P,
    body: RequestBodyOf<OperationOf<Paths, P, 'patch'>>,
    ...[options]: OptionsArg<OperationOf<Paths, P, 'patch'>>
  ): Observable<ResponseBodyOf<OperationOf<Paths, P, 'patch'>>> {
    return this.send('patch', path, body, options);
  }

  delete<P extends PathsWith<Paths, 'delete'>>(
    path: P,
    ...[options]: OptionsArg<OperationOf<Paths, P, 'delete'>>
  ): Observable<ResponseBodyOf<OperationOf<Paths, P, 'delete'>>> {
    return this.send('delete', path, undefined, options);
  }

  private send<T>(method: HttpMethod, path: string, body: unknown, options: object | undefined): Observable<T> {
    const { pathParams, params, headers } = (options ?? {}) as LooseOptions;
    return this.http.request<T>(method, expandPath(path, pathParams), { body, params, headers });
  }
}

/** Client for the Demarche API, typed from `schema.generated.ts` (`npm run api:types`). */
@Injectable({ providedIn: 'root' })
export class ApiClient extends OpenApiClient<paths> {}

/** The JSON body of `M` on path `P` of the Demarche API for status `S` (default: 2xx). */
export type ResponseBody<P extends keyof paths, M extends HttpMethod, S extends number = SuccessStatus> = ResponseBodyOf<
  OperationOf<paths, P, M>,
  S
>;

/**
 * Fills `{name}` segments of an OpenAPI path template, URI-encoding each value.
 * Throws when a parameter is missing: a request to `/api/x/undefined` would be a worse bug.
 */
export function expandPath(template: string, pathParams?: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^}]+)\}/g, (_segment, name: string) => {
    const value = pathParams?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Missing path parameter "${name}" for ${template}`);
    }
    return encodeURIComponent(String(value));
  });
}
