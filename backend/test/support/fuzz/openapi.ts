/**
 * The parts of an OpenAPI 3.0 document the fuzz test reads: its operations, their parameters,
 * request bodies and documented answers, and a way to follow `$ref` and `allOf` when generating.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> } & Record<string, Record<string, unknown> | undefined>;
}

/** Follows a `$ref` to `#/components/<section>/<name>` (responses, parameters, request bodies). */
function deref<T>(doc: OpenApiDocument, value: T): T {
  let v = value as T & { $ref?: string };
  for (let i = 0; i < 16 && v && typeof v.$ref === 'string'; i++) {
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(v.$ref) ?? [];
    const target = section && name ? doc.components?.[section]?.[name] : undefined;
    if (!target) throw new Error(`unresolvable $ref ${v.$ref}`);
    v = target as T & { $ref?: string };
  }
  return v;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: string;
  method: string;
  /** As written in the document, with `{name}` placeholders. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON request body's schema, if the operation takes one. */
  body: Schema | null;
  bodyRequired: boolean;
  /** Documented answers: status code → media type → schema (null: no content). */
  responses: Record<string, Record<string, Schema | null>>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = [...((item as { parameters?: ParameterObject[] }).parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => deref(doc, p))
        .filter((p) => p.in === 'path' || p.in === 'query');
      const requestBody = deref(doc, op.requestBody);
      const toParam = (p: ParameterObject): Parameter => ({
        name: p.name,
        in: p.in as 'path' | 'query',
        required: p.required === true || p.in === 'path',
        schema: p.schema ?? { type: 'string' },
      });
      const responses: Operation['responses'] = {};
      for (const [status, ref] of Object.entries(op.responses ?? {})) {
        const r = deref(doc, ref);
        responses[status] = {};
        for (const [mediaType, m] of Object.entries(r.content ?? {})) responses[status]![mediaType] = m.schema ?? null;
      }
      out.push({
        id: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map(toParam),
        queryParams: params.filter((p) => p.in === 'query').map(toParam),
        body: requestBody?.content?.['application/json']?.schema ?? null,
        bodyRequired: requestBody?.required ?? requestBody !== undefined,
        responses,
      });
    }
  }
  return out;
}

/** Follows `$ref`s and merges `allOf`, for generating values (not for validating answers). */
export class SchemaResolver {
  constructor(private readonly doc: OpenApiDocument) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 32 && typeof s.$ref === 'string'; i++) {
      const name = (s.$ref as string).replace('#/components/schemas/', '');
      const target = this.doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolvable $ref ${s.$ref as string}`);
      s = target;
    }
    return s;
  }

  /** One schema with the parts of `allOf` merged in (properties and required lists united). */
  flatten(schema: Schema): Schema {
    const s = this.resolve(schema);
    if (!Array.isArray(s.allOf)) return s;
    const { allOf, ...own } = s as { allOf: Schema[] };
    const merged: Schema = { ...own };
    for (const part of allOf) {
      const p = this.flatten(part);
      merged.type ??= p.type;
      if (p.properties) merged.properties = { ...(merged.properties ?? {}), ...p.properties };
      if (p.required) merged.required = [...new Set([...(merged.required ?? []), ...p.required])];
      if (p.enum) merged.enum ??= p.enum;
      if (p.format) merged.format ??= p.format;
    }
    return merged;
  }
}
