import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { OpenApiDocument, Schema } from './openapi.js';

/**
 * Validates answers against the document as a strict OpenAPI 3.0 validator reads it:
 * - `nullable: true` adds `null` only where it stands beside a `type` in the same schema object;
 *   beside a bare `$ref` or an `allOf` it changes nothing (OpenAPI 3.0.3: "This keyword only takes
 *   effect if type is explicitly defined within the same Schema Object"). So a property written
 *   `{nullable: true, type: 'object', allOf: [{$ref}]}` still refuses null: the `allOf` does.
 * - a `$ref` replaces its schema object: keywords beside it are ignored;
 * - `format` is checked for uuid, date and date-time;
 * - `additionalProperties` as documented (absent: allowed).
 */
const OPENAPI_ONLY = new Set([
  'nullable',
  'example',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'discriminator',
]);

const ROOT = 'https://demarche.fuzz/openapi.json';

export function toStrictJsonSchema(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') return { $ref: `${ROOT}${schema.$ref}` };
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, toStrictJsonSchema(v)]));
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = toStrictJsonSchema(value as Schema);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Schema[]).map(toStrictJsonSchema);
    } else {
      out[key] = value;
    }
  }
  if (schema.nullable === true && typeof schema.type === 'string') {
    out.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...(schema.enum as unknown[]), null];
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export class StrictValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  private readonly cache = new Map<Schema, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.ajv.addFormat('uuid', UUID);
    this.ajv.addFormat('date', { type: 'string', validate: isDate });
    this.ajv.addFormat('date-time', {
      type: 'string',
      validate: (s: string) => DATE_TIME.test(s) && isDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)),
    });
    for (const f of ['password', 'email', 'uri', 'binary', 'byte', 'int32', 'int64', 'float', 'double']) this.ajv.addFormat(f, true);
    const schemas = Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).map(([k, v]) => [k, toStrictJsonSchema(v)]));
    this.ajv.addSchema({ $id: ROOT, components: { schemas } });
  }

  /** Null when valid, else the problems (instance paths with indexes folded to `*`). */
  validate(schema: Schema, value: unknown): string[] | null {
    let fn = this.cache.get(schema);
    if (!fn) {
      fn = this.ajv.compile(toStrictJsonSchema(schema));
      this.cache.set(schema, fn);
    }
    if (fn(value)) return null;
    return [...new Set((fn.errors ?? []).map(describe))];
  }
}

function describe(e: ErrorObject): string {
  const at = e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(root)';
  const params = e.params as Record<string, unknown>;
  const extra =
    e.keyword === 'additionalProperties'
      ? ` "${String(params.additionalProperty)}"`
      : e.keyword === 'required'
        ? ''
        : e.keyword === 'enum'
          ? ` ${JSON.stringify(params.allowedValues)}`
          : '';
  return `${at} ${e.message ?? e.keyword}${extra}`;
}
