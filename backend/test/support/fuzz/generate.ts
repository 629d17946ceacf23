import fc from 'fast-check';
import type { Operation, Parameter, Schema, SchemaResolver } from './openapi.js';

/**
 * Requests generated from an operation's parameter and body schemas with fast-check: valid ones
 * (real ids where the name says which kind of object, enums, formats, lengths and bounds as
 * documented) and malformed ones, each kind of malformation named so the report can group them.
 */

export interface FuzzRequest {
  operationId: string;
  /** What was tried: `valid`, or the malformation (`body: NUL in a string`, `path: %zz`…). */
  kind: string;
  method: string;
  /** Path and query, percent-encoded as sent (bad encodings included on purpose). */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface GenerationContext {
  resolver: SchemaResolver;
  /** Real ids by kind: campaign, demand, response, followUp, milestone, institution, office, term… */
  ids: Record<string, string[]>;
  /** E-mail addresses of real accounts, for sign-in and invitation bodies. */
  emails: string[];
  password: string;
  /** nextCursor values seen in earlier answers, by operation id. */
  cursors: Map<string, string[]>;
  /**
   * A value planted in free text (titles, notes, search text), passwords and tokens, never in ids,
   * dates or enums: no log line may show it (issue 16, item 10). None: nothing planted.
   */
  marker?: string;
}

const SEGMENT_KIND: Record<string, string> = {
  campaigns: 'campaign',
  demands: 'demand',
  responses: 'response',
  'follow-ups': 'followUp',
  milestones: 'milestone',
  institutions: 'institution',
  offices: 'office',
  terms: 'term',
  organizations: 'organization',
  users: 'user',
  notifications: 'notification',
  webhooks: 'webhook',
  invitations: 'invitation',
  tokens: 'token',
  proposals: 'proposal',
  'campaign-invitations': 'campaignInvitation',
};

/** The kind of object a field or parameter names: `officeId` → office, `demandIds` → demand. */
export function kindOfName(name: string): string | null {
  const base = name.replace(/Ids?$/, '');
  if (base === 'assignee' || base === 'actor' || base === 'proposedBy' || base === 'decidedBy') return 'user';
  if (base === 'mutedCampaign') return 'campaign';
  return Object.values(SEGMENT_KIND).includes(base) ? base : null;
}

export function pathParamKind(path: string, name: string): string | null {
  if (name !== 'id') return kindOfName(name);
  const m = /\/([a-z-]+)\/\{id\}/.exec(path);
  return m ? (SEGMENT_KIND[m[1]!] ?? null) : null;
}

const ZONES = ['Europe/Zurich', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Pacific/Chatham', 'America/El_Salvador'];
const DAY = 86_400_000;
const dateArb = fc
  .integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const dateTimeArb = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Cursors that are base64url JSON but not what any list wrote, and cursors that are not even that. */
export const FORGED_CURSORS: string[] = [
  b64(['x', ZERO_UUID]),
  b64(['x']),
  b64(['2025-01-01T00:00:00.000Z', 'x']),
  b64(['2025-13-45', ZERO_UUID]),
  b64(['99999999999999999999999999', ZERO_UUID]),
  b64(['-1']),
  b64(['1e999']),
  b64(['Not/A_Zone', ZERO_UUID]),
  b64(['x\u0000', ZERO_UUID]),
  b64([1, ZERO_UUID]),
  b64([null, null]),
  b64(['a', 'b', 'c']),
  b64([]),
  b64({ a: 1 }),
  b64('"just a string"'),
  b64('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'),
  'not base64!',
  '%%%',
  'A'.repeat(600),
  '',
];

const WRONG_QUERY_VALUES = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '99999999999999999999',
  '',
  'true',
  '[]',
  '{}',
  'null',
  '2025-02-30',
  '2025-13-01T00:00:00Z',
  'NaN',
  'Infinity',
  ZERO_UUID + 'x',
  "' OR '1'='1",
];
const WRONG_BODY_VALUES: unknown[] = [123, -1, 1.5, 1e308, true, false, 'text', '', [], [[]], {}, { a: 1 }, '0', [1, 2, 3]];

/** Path values that are not ids; `raw` ones are put in the path as they are (bad encodings on purpose). */
const BAD_PATH_VALUES: { label: string; value: string; raw?: boolean }[] = [
  { label: 'path: unknown uuid', value: '7f0c1c5e-4c1b-4d59-9b6e-5e1e2d0f3a42' },
  { label: 'path: nil uuid', value: ZERO_UUID },
  { label: 'path: %zz', value: '%zz', raw: true },
  { label: 'path: truncated percent-encoding', value: '%E0%A4%A', raw: true },
  { label: 'path: 101-character id', value: 'a'.repeat(101), raw: true },
  { label: 'path: not an id', value: 'not-a-uuid' },
  { label: 'path: not an id', value: '1' },
  { label: 'path: not an id', value: "' OR '1'='1" },
  { label: 'path: NUL', value: 'a\u0000b' },
  { label: 'path: uuid with trailing text', value: `${ZERO_UUID}x` },
  { label: 'path: uppercase uuid', value: '7F0C1C5E-4C1B-4D59-9B6E-5E1E2D0F3A42' },
];

export interface Kind {
  kind: string;
  arbitrary: fc.Arbitrary<FuzzRequest>;
  /** How many requests of this kind the coverage round draws, per coverage caller. */
  repeat: number;
}

interface Parts {
  path: Record<string, string>;
  query: [string, string][];
  body: unknown;
}

interface Mods {
  rawPath?: Record<string, string>;
  query?: [string, string][];
  rawQuery?: string;
  body?: unknown;
  rawBody?: string;
  /** undefined: application/json when there is a body; null: no content-type header. */
  contentType?: string | null;
}

function build(op: Operation, kind: string, parts: Parts, mods: Mods = {}): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => mods.rawPath?.[name] ?? encodeURIComponent(parts.path[name] ?? ''));
  const query = (mods.query ?? parts.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (mods.rawQuery !== undefined) query.push(mods.rawQuery);
  const url = query.length ? `${path}?${query.join('&')}` : path;
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (mods.rawBody !== undefined) body = mods.rawBody;
  else if ('body' in mods) body = JSON.stringify(mods.body);
  else if (op.body && parts.body !== undefined) body = JSON.stringify(parts.body);
  if (body !== undefined) {
    const contentType = mods.contentType === undefined ? 'application/json' : mods.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
  }
  return { operationId: op.id, kind, method: op.method, url, headers, body };
}

const hasBodyMethod = (op: Operation) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);

/** Sets `value` at a top-level key of an object body (a copy); other bodies are replaced. */
function withField(body: unknown, key: string, value: unknown): Record<string, unknown> {
  const base = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  base[key] = value;
  return base;
}

/** Every string in a JSON value with a NUL character added. */
function nulEverywhere(value: unknown): unknown {
  if (typeof value === 'string') return `${value}\u0000x`;
  if (Array.isArray(value)) return value.map(nulEverywhere);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nulEverywhere(v)]));
  return value;
}

/** Free text of `min`–`max` characters with `marker` in it, anywhere. */
function plantedText(marker: string, min: number, max: number): fc.Arbitrary<string> {
  const room = max - marker.length;
  return fc
    .tuple(fc.string({ maxLength: Math.floor(room / 2) }), fc.string({ maxLength: Math.ceil(room / 2) }))
    .map(([before, after]) => `${before}${marker}${after}`.padEnd(Math.max(min, 1), 'x'));
}

export class RequestGenerator {
  constructor(private readonly ctx: GenerationContext) {}

  private get allIds(): string[] {
    return Object.values(this.ctx.ids).flat();
  }

  idArb(kind: string | null): fc.Arbitrary<string> {
    const own = kind ? (this.ctx.ids[kind] ?? []) : [];
    const all = this.allIds;
    const options: fc.WeightedArbitrary<string>[] = [{ weight: 1, arbitrary: fc.uuid() }];
    if (own.length) options.push({ weight: 10, arbitrary: fc.constantFrom(...own) });
    if (all.length) options.push({ weight: own.length ? 1 : 6, arbitrary: fc.constantFrom(...all) });
    return fc.oneof(...options);
  }

  /** A value the schema documents (null too where the document says `nullable`, however written). */
  valueArb(schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
    const s = this.ctx.resolver.flatten(schema);
    const value = this.nonNullArb(s, name, depth);
    return s.nullable === true ? fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
  }

  private nonNullArb(s: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
    const type = (s.type as string | undefined) ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
    switch (type) {
      case 'string':
        return this.stringArb(s, name);
      case 'integer':
      case 'number': {
        const min = typeof s.minimum === 'number' ? s.minimum : 0;
        const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min + 30, 100);
        return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        if (depth > 4) return fc.constant([]);
        return fc.array(this.valueArb((s.items as Schema | undefined) ?? {}, name, depth + 1), {
          minLength: (s.minItems as number | undefined) ?? 0,
          maxLength: Math.min((s.maxItems as number | undefined) ?? 3, 3),
        });
      case 'object': {
        if (depth > 4) return fc.constant({});
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = ((s.required ?? []) as string[]).filter((k) => k in props);
        const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.valueArb(v, k, depth + 1)]));
        return fc.record(model, { requiredKeys: required });
      }
      default:
        return fc.constant('x');
    }
  }

  /**
   * What a string field or parameter holds, as `stringArb` generates it: a secret (password,
   * token), free text (a title, a note, a search), or something with a shape (an id, a date, a
   * zone, an address, a URL…) or an enum.
   */
  textKind(schema: Schema, name: string): 'secret' | 'text' | null {
    const s = this.ctx.resolver.flatten(schema);
    if ((Array.isArray(s.enum) && s.enum.length) || (s.type !== undefined && s.type !== 'string')) return null;
    if (s.format === 'password' || /password/i.test(name)) return 'secret';
    if (s.format !== undefined) return null;
    const lower = name.toLowerCase();
    if (lower === 'token') return 'secret';
    if (name === 'cursor' || lower.endsWith('timezone') || /email/.test(lower) || /url$|website/.test(lower)) return null;
    if (/[a-z]On$/.test(name) || name === 'on' || /Date$/.test(name) || ['localtime', 'country'].includes(lower)) return null;
    return 'text';
  }

  /** `value` with the marker in it, where the field or parameter holds free text or a secret; `value` elsewhere. */
  plant(schema: Schema | undefined, name: string, value: string): string {
    return this.ctx.marker && schema && this.textKind(schema, name) ? `${this.ctx.marker}${value}` : value;
  }

  private stringArb(s: Schema, name: string): fc.Arbitrary<string> {
    const marker = this.ctx.marker;
    if (s.format === 'uuid') return this.idArb(kindOfName(name));
    if (s.format === 'date') return dateArb;
    if (s.format === 'date-time') return dateTimeArb;
    if (s.format === 'password' || /password/i.test(name))
      return fc.oneof(
        fc.constant(this.ctx.password),
        fc.string({ minLength: 12, maxLength: 40 }),
        ...(marker ? [fc.string({ maxLength: 20 }).map((rest) => `${marker}${rest}`)] : []),
      );
    const lower = name.toLowerCase();
    if (lower.endsWith('timezone')) return fc.constantFrom(...ZONES);
    if (lower === 'email')
      return fc.oneof(
        fc.constantFrom(...this.ctx.emails),
        fc.stringMatching(/^[a-z0-9]{1,12}$/).map((local) => `fuzz.${local}@example.org`),
      );
    if (/url$|website/.test(lower)) return fc.constantFrom('https://example.org/a', 'http://example.com/', 'https://93.184.215.14/hook');
    if (/[a-z]On$/.test(name) || name === 'on' || /Date$/.test(name)) return dateArb;
    if (lower === 'localtime') return fc.constantFrom('09:00', '23:59', '00:00');
    if (lower === 'country') return fc.constantFrom('SV', 'US', 'CH');
    if (lower === 'token') {
      const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
      return marker
        ? fc.oneof(
            token,
            fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/).map((rest) => `${marker}${rest}`),
          )
        : token;
    }
    const min = (s.minLength as number | undefined) ?? 0;
    const max = Math.max(min, Math.min((s.maxLength as number | undefined) ?? 60, 60));
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: max }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: max }) },
      // The marker somewhere in the text, the text still within its bounds: a valid value.
      ...(marker && marker.length <= max && !/email/.test(lower) ? [{ weight: 2, arbitrary: plantedText(marker, min, max) }] : []),
    );
    return typeof s.example === 'string' ? fc.oneof(fc.constant(s.example), text) : text;
  }

  private queryValueArb(p: Parameter): fc.Arbitrary<string> {
    return this.valueArb(p.schema, p.name).map((v) => (v === null ? '' : String(v)));
  }

  /** A request as the document describes it. */
  private partsArb(op: Operation): fc.Arbitrary<Parts> {
    const path = fc.record(
      Object.fromEntries(op.pathParams.map((p) => [p.name, this.idArb(pathParamKind(op.path, p.name))])) as Record<
        string,
        fc.Arbitrary<string>
      >,
    );
    // A valid cursor is one a list wrote: the ones seen in earlier answers, or none.
    const seen = this.ctx.cursors.get(op.id) ?? [];
    const queryModel = Object.fromEntries(
      op.queryParams.map((p) => [
        p.name,
        p.name !== 'cursor'
          ? this.queryValueArb(p)
          : seen.length
            ? fc.option(fc.constantFrom(...seen), { freq: 2, nil: undefined })
            : fc.constant(undefined),
      ]),
    ) as Record<string, fc.Arbitrary<string | undefined>>;
    const query = fc
      .record(queryModel, { requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name) })
      .map((q) => Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
    const body = op.body ? this.valueArb(op.body, 'body') : fc.constant(undefined);
    return fc.record({ path, query, body });
  }

  private stringQueryParams(op: Operation): string[] {
    const names = op.queryParams.filter((p) => !['limit'].includes(p.name)).map((p) => p.name);
    return names.length ? names : ['q'];
  }

  /** `value` with the marker in it when the operation's query parameter `name` (or an undeclared `q`) is free text. */
  private plantQuery(op: Operation, name: string, value: string): string {
    const p = op.queryParams.find((q) => q.name === name);
    return p ? this.plant(p.schema, name, value) : this.plant(name === 'q' ? { type: 'string' } : undefined, name, value);
  }

  private bodyProperties(op: Operation): {
    all: string[];
    required: string[];
    optional: string[];
    strings: string[];
    schemas: Record<string, Schema>;
  } {
    if (!op.body) return { all: [], required: [], optional: [], strings: [], schemas: {} };
    const s = this.ctx.resolver.flatten(op.body);
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const all = Object.keys(props);
    const required = ((s.required ?? []) as string[]).filter((k) => k in props);
    const strings = all.filter((k) => {
      const p = this.ctx.resolver.flatten(props[k]!);
      return p.type === 'string' || (p.type === 'array' && this.ctx.resolver.flatten((p.items as Schema) ?? {}).type === 'string');
    });
    return { all, required, optional: all.filter((k) => !required.includes(k)), strings, schemas: props };
  }

  /**
   * The kinds of request that apply to an operation, each an arbitrary of requests and how many
   * times the coverage round draws it. Malformations of one field come once per field, so that
   * every field of every body is tried.
   */
  kinds(op: Operation): Kind[] {
    const parts = this.partsArb(op);
    const out: Kind[] = [];
    const add = (kind: string, arbitrary: fc.Arbitrary<FuzzRequest>, repeat = 1) => out.push({ kind, arbitrary, repeat });
    const setQuery = (p: Parts, name: string, value: string): [string, string][] => [...p.query.filter(([k]) => k !== name), [name, value]];
    add(
      'valid',
      parts.map((p) => build(op, 'valid', p)),
      2,
    );

    if (op.pathParams.length) {
      add(
        'path: malformed or unknown id',
        fc
          .tuple(parts, fc.constantFrom(...op.pathParams.map((p) => p.name)), fc.constantFrom(...BAD_PATH_VALUES))
          .map(([p, name, bad]) =>
            bad.raw
              ? build(op, bad.label, p, { rawPath: { [name]: bad.value } })
              : build(op, bad.label, { ...p, path: { ...p.path, [name]: bad.value } }),
          ),
        3,
      );
      if (this.allIds.length)
        add(
          'path: id of another kind',
          fc
            .tuple(parts, fc.constantFrom(...op.pathParams.map((p) => p.name)), fc.constantFrom(...this.allIds))
            .map(([p, name, id]) => build(op, 'path: id of another kind', { ...p, path: { ...p.path, [name]: id } })),
        );
    }

    const stringParams = this.stringQueryParams(op);
    add(
      'query: NUL in every string parameter',
      parts.map((p) =>
        build(op, 'query: NUL in every string parameter', p, {
          query: [
            ...p.query.filter(([k]) => !stringParams.includes(k)),
            ...stringParams.map((k): [string, string] => [k, this.plantQuery(op, k, 'a\u0000b')]),
          ],
        }),
      ),
    );
    for (const name of stringParams)
      add(
        'query: NUL in a string',
        fc
          .tuple(parts, fc.constantFrom('a\u0000b', '\u0000', 'x\u0000%'))
          .map(([p, v]) => build(op, 'query: NUL in a string', p, { query: setQuery(p, name, this.plantQuery(op, name, v)) })),
      );
    for (const q of op.queryParams)
      add(
        'query: wrong type or format',
        fc
          .tuple(parts, fc.constantFrom(...WRONG_QUERY_VALUES))
          .map(([p, v]) => build(op, 'query: wrong type or format', p, { query: setQuery(p, q.name, v) })),
      );
    if (op.queryParams.some((p) => p.name === 'cursor'))
      add(
        'query: forged cursor',
        fc
          .tuple(parts, fc.constantFrom(...FORGED_CURSORS))
          .map(([p, c]) => build(op, 'query: forged cursor', p, { query: setQuery(p, 'cursor', c) })),
        5,
      );
    add(
      'query: huge string',
      fc
        .tuple(parts, fc.constantFrom(...stringParams))
        .map(([p, name]) => build(op, 'query: huge string', p, { query: setQuery(p, name, this.plantQuery(op, name, 'x'.repeat(8_000))) })),
    );
    add(
      'query: over-long URL',
      parts.map((p) => build(op, 'query: over-long URL', p, { rawQuery: `q=${this.ctx.marker ?? ''}${'x'.repeat(20_000)}` })),
    );
    add(
      'query: bad percent-encoding',
      fc
        .tuple(parts, fc.constantFrom('q=%zz', 'cursor=%E0%A4%A', 'limit=%', `${stringParams[0]}=%FF%FE`))
        .map(([p, raw]) => build(op, 'query: bad percent-encoding', p, { rawQuery: raw })),
    );
    add(
      'query: repeated or unknown parameter',
      fc
        .tuple(
          parts,
          fc.constantFrom(
            'limit=1&limit=2',
            '__proto__=x',
            'constructor[prototype][x]=1',
            'q[]=a&q[]=b',
            `${stringParams[0]}=a&${stringParams[0]}=b`,
            // A parameter no operation declares, holding free text.
            ...(this.ctx.marker ? [`note=${this.ctx.marker}`] : []),
          ),
        )
        .map(([p, raw]) => build(op, 'query: repeated or unknown parameter', p, { rawQuery: raw })),
    );

    if (op.body) {
      const props = this.bodyProperties(op);
      add(
        'body: NUL in every string',
        parts.map((p) =>
          build(op, 'body: NUL in every string', p, { body: p.body === undefined ? { title: 'a\u0000b' } : nulEverywhere(p.body) }),
        ),
      );
      for (const name of props.strings)
        add(
          'body: NUL in a string',
          parts.map((p) =>
            build(op, 'body: NUL in a string', p, { body: withField(p.body, name, this.plant(props.schemas[name], name, 'a\u0000b')) }),
          ),
        );
      for (const name of props.optional)
        add(
          'body: null for an optional field',
          parts.map((p) => build(op, 'body: null for an optional field', p, { body: withField(p.body, name, null) })),
        );
      for (const name of props.required)
        add(
          'body: null for a required field',
          parts.map((p) => build(op, 'body: null for a required field', p, { body: withField(p.body, name, null) })),
        );
      for (const name of props.all)
        add(
          'body: wrong type',
          fc
            .tuple(parts, fc.constantFrom(...WRONG_BODY_VALUES))
            .map(([p, v]) => build(op, 'body: wrong type', p, { body: withField(p.body, name, v) })),
        );
      add(
        'body: unknown field',
        fc
          .tuple(
            parts,
            fc.constantFrom(
              '{"__proto__":{"role":"admin"},',
              '{"constructor":{"prototype":{"x":1}},',
              '{"unknownField":[1,{"a":null}],',
              // An undeclared field holding free text.
              ...(this.ctx.marker ? [`{"plantedNote":${JSON.stringify(this.ctx.marker)},`] : []),
            ),
          )
          .map(([p, prefix]) => {
            const json = JSON.stringify(p.body && typeof p.body === 'object' && !Array.isArray(p.body) ? p.body : {});
            return build(op, 'body: unknown field', p, { rawBody: json === '{}' ? `${prefix.slice(0, -1)}}` : prefix + json.slice(1) });
          }),
      );
      add(
        'body: huge string',
        fc
          .tuple(
            parts,
            fc.constantFrom(...(props.strings.length ? props.strings : ['title'])),
            fc.constantFrom(100_000, 600_000, 1_100_000),
          )
          .map(([p, name, n]) =>
            build(op, 'body: huge string', p, {
              body: withField(p.body, name, this.plant(props.schemas[name] ?? { type: 'string' }, name, 'x'.repeat(n))),
            }),
          ),
      );
      add(
        'body: empty object',
        parts.map((p) => build(op, 'body: empty object', p, { body: {} })),
      );
    }

    if (hasBodyMethod(op)) {
      const arrays = `${'['.repeat(2000)}${']'.repeat(2000)}`;
      const nested: Record<string, string> = {
        arrays,
        objects: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
        'in a field': `{"title":${arrays},"name":${arrays},"email":${arrays}}`,
      };
      for (const [shape, raw] of Object.entries(nested))
        add(
          `body: deeply nested JSON (${shape})`,
          parts.map((p) => build(op, `body: deeply nested JSON (${shape})`, p, { rawBody: raw })),
        );
      add(
        'body: JSON that is not an object',
        fc
          .tuple(parts, fc.constantFrom('[]', '[{}]', '[1,2]', '42', '"text"', 'null', 'true'))
          .map(([p, raw]) => build(op, 'body: JSON that is not an object', p, { rawBody: raw })),
        2,
      );
      add(
        'body: invalid JSON',
        fc
          .tuple(parts, fc.constantFrom('{"a":', "{'a':1}", '', '{"a":1}garbage', '\u0000', '{"a":"\\ud800"}'))
          .map(([p, raw]) => build(op, 'body: invalid JSON', p, { rawBody: raw })),
      );
      add(
        'content-type: wrong',
        fc
          .tuple(
            parts,
            fc.constantFrom<string | null>(
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/xml',
              null,
              'application/json; charset=utf-16',
              'application/json, text/plain',
            ),
          )
          .map(([p, contentType]) => build(op, 'content-type: wrong', p, { rawBody: JSON.stringify(p.body ?? {}), contentType })),
        2,
      );
    }
    return out;
  }
}
