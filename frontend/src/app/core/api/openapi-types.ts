/**
 * Type helpers that read operations out of an `openapi-typescript` `paths` interface.
 * Generic over `Paths` so they work for the generated schema and for test schemas alike.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths of `Paths` that define method `M`, e.g. `PathsWith<paths, 'get'>`. */
export type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: object } ? P : never;
}[keyof Paths] &
  string;

/** The operation object of `M` on path `P`. */
export type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends {
  [K in M]: infer Op;
}
  ? Op
  : never;

export type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : null; // no content: the transport yields null for an empty response

/** The JSON body of the operation's response(s) with status `S` (default: any 2xx). */
export type ResponseBodyOf<Op, S extends number = SuccessStatus> = Op extends {
  responses: infer Responses;
}
  ? { [K in keyof Responses & S]: JsonContent<Responses[K]> }[keyof Responses & S]
  : never;

/** The JSON request body of the operation (`undefined` when it takes none, e.g. `POST /api/auth/logout`). */
export type RequestBodyOf<Op> = Op extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : Op extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body | undefined
    : undefined;

export type PathParamsOf<Op> = Op extends { parameters: { path: infer Params } } ? Params : never;

export type QueryParamsOf<Op> = Op extends { parameters: { query?: infer Params } } ? NonNullable<Params> : never;

type PathParamsOption<Op> = [PathParamsOf<Op>] extends [never] ? { pathParams?: never } : { pathParams: PathParamsOf<Op> };

type QueryParamsOption<Op> = [QueryParamsOf<Op>] extends [never]
  ? { params?: never }
  : Partial<QueryParamsOf<Op>> extends QueryParamsOf<Op> // every query parameter optional?
    ? { params?: QueryParamsOf<Op> }
    : { params: QueryParamsOf<Op> };

export type RequestOptions<Op> = PathParamsOption<Op> & QueryParamsOption<Op> & { headers?: Readonly<Record<string, string>> };

/** The options argument: required when the operation has required path or query parameters. */
export type OptionsArg<Op> =
  Partial<RequestOptions<Op>> extends RequestOptions<Op> ? [options?: RequestOptions<Op>] : [options: RequestOptions<Op>];
